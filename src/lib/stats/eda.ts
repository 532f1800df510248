// Exploratory views of churn: churn rate by value or bin (always with a Wilson interval and the group
// size, since a rate from 12 customers and one from 1,200 must not look alike), each column's
// distribution for churned and retained customers, and a ranking of columns by how much they move churn.
//
// The ranking measure is the ROC-AUC of the column used alone as a churn score, shown as a strength
// |2 AUC − 1| (0 = no signal, 1 = perfect separation; Somers' D / the Gini coefficient). Why this and
// not Cramér's V on binned numerics: it needs no binning choice (V changes with the number of bins),
// it is rank-based so skew and the extreme WarehouseToHome values do not distort it, it keeps the
// direction for numeric columns, and it is on the same scale as the model leaderboard's ROC-AUC, so a
// reader can see how far one column gets alone. A category column is scored by its levels' churn rates
// (in-sample, so slightly optimistic for many-level columns; these have at most five levels). Its
// weakness, a U-shaped numeric relation scoring low, is why Cramér's V on the same bins the charts use
// is returned beside it.

import { featureColumns } from "../data/schema.js";
import type { ChurnTable } from "../data/table.js";
import { codeLevels, isCategoryColumn, isNumericColumn, levelCounts, missingPolicy, requireChurn } from "./columns.js";
import { formatP, formatPercent } from "./format.js";
import { chiSquareIndependence, cramersV, mannWhitneyU, wilsonInterval, type RateInterval } from "./tests.js";

/** Number of bins (nice equal-width edges) or explicit interior cut points. */
export type BinSpec = number | readonly number[];

export interface Binning {
  /** category: one group per level; discrete: one per distinct numeric value; bins: numeric ranges. */
  readonly kind: "category" | "discrete" | "bins";
  readonly column: string;
  readonly labels: readonly string[];
  /** Range of each group: [x0, x1) for bins (the last one closed), x0 = x1 for discrete values, null for categories. */
  readonly x0: readonly (number | null)[];
  readonly x1: readonly (number | null)[];
  /** Group per row; -1 for a blank. */
  readonly index: Int32Array;
  readonly missing: number;
}

/** Integer-valued numeric columns with at most this many distinct values get one group per value. */
const MAX_DISCRETE = 12;
const DEFAULT_BINS = 10;

function clean(x: number): number {
  // Multiples of a decimal step (0.1 * 3) carry binary noise into labels; 12 digits remove it.
  return Number(x.toPrecision(12));
}

/** A round step giving about `count` bins between min and max (the 1-2-5 rule, as d3's ticks). */
export function niceStep(min: number, max: number, count: number): number {
  const raw = (max - min) / Math.max(1, count);
  if (!(raw > 0)) return 1;
  const power = Math.floor(Math.log10(raw));
  const error = raw / Math.pow(10, power);
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * Math.pow(10, power);
}

export function binColumn(table: ChurnTable, column: string, options: { bins?: BinSpec } = {}): Binning {
  if (isCategoryColumn(table, column)) {
    const coding = codeLevels(table, column);
    const none = coding.levels.map(() => null);
    return {
      kind: "category",
      column,
      labels: coding.levels,
      x0: none,
      x1: none,
      index: coding.index,
      missing: coding.missing,
    };
  }
  if (!isNumericColumn(table, column)) throw new Error(`no column ${column}`);
  const values = table.numeric[column];
  const present: number[] = [];
  const distinct = new Set<number>();
  let min = Infinity;
  let max = -Infinity;
  let integer = true;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    present.push(v);
    distinct.add(v);
    if (v < min) min = v;
    if (v > max) max = v;
    if (!Number.isInteger(v)) integer = false;
  }
  if (options.bins === undefined && integer && distinct.size <= MAX_DISCRETE) {
    const coding = codeLevels(table, column);
    const xs = coding.levels.map(Number);
    return {
      kind: "discrete",
      column,
      labels: coding.levels,
      x0: xs,
      x1: xs,
      index: coding.index,
      missing: coding.missing,
    };
  }
  const index = new Int32Array(values.length).fill(-1);
  let missing = 0;
  let edges: number[];
  if (Array.isArray(options.bins)) {
    const cuts = [...(options.bins as readonly number[])].filter((c) => Number.isFinite(c)).sort((a, b) => a - b);
    edges = [-Infinity, ...new Set(cuts), Infinity];
  } else if (distinct.size === 0) {
    edges = [];
  } else {
    // A few extreme values (WarehouseToHome reaches 127 where 99% are under 40) would stretch equal-width
    // bins into a row of empty ones: past the 99th percentile they share one open "≥" bin instead.
    present.sort((a, b) => a - b);
    const q99 = present[Math.floor(0.99 * (present.length - 1))];
    const top = max - q99 > 0.25 * (q99 - min) ? q99 : max;
    const nice = niceStep(min, top, typeof options.bins === "number" ? options.bins : DEFAULT_BINS);
    // Counts have no values between whole numbers: a step under 1 would only make empty bins.
    const step = integer ? Math.max(1, Math.round(nice)) : nice;
    const start = Math.floor(min / step);
    const stop = Math.max(start + 1, Math.ceil(top / step));
    edges = Array.from({ length: stop - start + 1 }, (_, k) => clean((start + k) * step));
    if (max >= edges[edges.length - 1] && top < max) edges.push(Infinity);
  }
  const nBins = Math.max(0, edges.length - 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      missing++;
      continue;
    }
    // Binary search for the last edge <= v; the top edge belongs to the last bin.
    let lo = 0;
    let hi = nBins - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    index[i] = lo;
  }
  const labels: string[] = [];
  const x0: number[] = [];
  const x1: number[] = [];
  for (let k = 0; k < nBins; k++) {
    const a = edges[k];
    const b = edges[k + 1];
    x0.push(a === -Infinity ? min : a);
    x1.push(b === Infinity ? max : b);
    labels.push(binLabel(a, b, integer, k === nBins - 1));
  }
  return { kind: "bins", column, labels, x0, x1, index, missing };
}

function binLabel(a: number, b: number, integer: boolean, last: boolean): string {
  if (a === -Infinity) return `< ${b}`;
  if (b === Infinity) return `≥ ${a}`;
  if (!integer) return `${a}–${b}`;
  // Whole-number data: name the values a bin holds ([a, b) is a..b-1; the last bin also holds b).
  const hi = last ? b : b - 1;
  return hi === a ? `${a}` : `${a}–${hi}`;
}

export interface ChurnRateGroup extends RateInterval {
  readonly label: string;
  readonly x0: number | null;
  readonly x1: number | null;
  /** Customers in the group who churned (= x). */
  readonly churned: number;
}

export interface ChurnRateBy {
  readonly column: string;
  readonly kind: Binning["kind"];
  /** One entry per level, value or bin, in display order; empty ones have n = 0 and NaN rates. */
  readonly groups: readonly ChurnRateGroup[];
  /** Customers with a blank in this column, as their own group (null when there are none). */
  readonly blank: ChurnRateGroup | null;
  readonly overall: RateInterval;
  readonly missingPolicy: string;
}

/** Churn rate with a Wilson interval for each level, value or bin of a column. */
export function churnRateBy(
  table: ChurnTable,
  column: string,
  options: { bins?: BinSpec; level?: number } = {},
): ChurnRateBy {
  const churn = requireChurn(table);
  const binning = binColumn(table, column, options);
  const level = options.level ?? 0.95;
  const counts = levelCounts({ levels: binning.labels, index: binning.index, missing: binning.missing }, churn);
  const groups = binning.labels.map((label, k): ChurnRateGroup => ({
    label,
    x0: binning.x0[k],
    x1: binning.x1[k],
    churned: counts[k][1],
    ...wilsonInterval(counts[k][1], counts[k][0] + counts[k][1], level),
  }));
  let blankN = 0;
  let blankChurned = 0;
  let totalChurned = 0;
  for (let i = 0; i < table.nRows; i++) {
    totalChurned += churn[i];
    if (binning.index[i] < 0) {
      blankN++;
      blankChurned += churn[i];
    }
  }
  const blank =
    blankN > 0
      ? { label: "blank", x0: null, x1: null, churned: blankChurned, ...wilsonInterval(blankChurned, blankN, level) }
      : null;
  return {
    column,
    kind: binning.kind,
    groups,
    blank,
    overall: wilsonInterval(totalChurned, table.nRows, level),
    missingPolicy:
      blankN === 0
        ? `${column} has no blank values.`
        : `${blankN} customers with a blank ${column} are shown as their own group, not spread over the others.`,
  };
}

export interface HistogramBin {
  readonly label: string;
  readonly x0: number | null;
  readonly x1: number | null;
  readonly stayed: number;
  readonly churned: number;
  /** Shares within each group (so the smaller churned group's shape is comparable). */
  readonly stayedShare: number;
  readonly churnedShare: number;
}

export interface HistogramByChurn {
  readonly column: string;
  /** bars for categories and discrete values, histogram for numeric ranges. */
  readonly chart: "bars" | "histogram";
  readonly kind: Binning["kind"];
  readonly bins: readonly HistogramBin[];
  readonly nStayed: number;
  readonly nChurned: number;
  readonly blankStayed: number;
  readonly blankChurned: number;
  readonly missingPolicy: string;
}

/** The column's distribution for churned and for retained customers on shared bins; blanks counted apart. */
export function histogramByChurn(
  table: ChurnTable,
  column: string,
  options: { bins?: BinSpec } = {},
): HistogramByChurn {
  const churn = requireChurn(table);
  const binning = binColumn(table, column, options);
  const counts = levelCounts({ levels: binning.labels, index: binning.index, missing: binning.missing }, churn);
  let nStayed = 0;
  let nChurned = 0;
  for (const [s, c] of counts) {
    nStayed += s;
    nChurned += c;
  }
  let blankStayed = 0;
  let blankChurned = 0;
  for (let i = 0; i < table.nRows; i++) {
    if (binning.index[i] >= 0) continue;
    if (churn[i]) blankChurned++;
    else blankStayed++;
  }
  const bins = binning.labels.map((label, k): HistogramBin => ({
    label,
    x0: binning.x0[k],
    x1: binning.x1[k],
    stayed: counts[k][0],
    churned: counts[k][1],
    stayedShare: nStayed > 0 ? counts[k][0] / nStayed : NaN,
    churnedShare: nChurned > 0 ? counts[k][1] / nChurned : NaN,
  }));
  return {
    column,
    chart: binning.kind === "bins" ? "histogram" : "bars",
    kind: binning.kind,
    bins,
    nStayed,
    nChurned,
    blankStayed,
    blankChurned,
    missingPolicy: missingPolicy(column, table.nRows, binning.missing),
  };
}

export interface AssociationRow {
  readonly column: string;
  readonly kind: "numeric" | "category";
  /** Customers with a value in this column. */
  readonly n: number;
  readonly missing: number;
  /** ROC-AUC of the column alone as a churn score (>= 0.5 for categories, which are scored by their levels' rates). */
  readonly auc: number;
  /** |2 AUC − 1|: 0 no signal, 1 perfect separation. The ranking key. */
  readonly strength: number;
  /** Which way the column moves churn, in words. */
  readonly direction: string;
  /** Cramér's V on the chart bins (levels, values or ranges), for relations that are not monotone. */
  readonly cramersV: number;
  /** p of the column's test (Mann-Whitney for numeric, χ² for categories): before any multiple-comparison adjustment. */
  readonly p: number;
  readonly pText: string;
  readonly test: string;
}

/** Columns ranked by how strongly they move churn (strength = |2 AUC − 1|), strongest first. */
export function associationRanking(table: ChurnTable, options: { columns?: readonly string[] } = {}): AssociationRow[] {
  const churn = requireChurn(table);
  const columns =
    options.columns ??
    featureColumns(table.schema)
      .map((c) => c.name)
      .filter((c) => isNumericColumn(table, c) || isCategoryColumn(table, c));
  const rows = columns.map((column): AssociationRow => {
    const binning = binColumn(table, column);
    const counts = levelCounts(
      { levels: binning.labels, index: binning.index, missing: binning.missing },
      churn,
    ).filter(([s, c]) => s + c > 0);
    const v = cramersV(counts).value;
    const n = table.nRows - binning.missing;
    if (binning.kind === "category") {
      const all = levelCounts({ levels: binning.labels, index: binning.index, missing: binning.missing }, churn);
      const rate = all.map(([s, c]) => (s + c > 0 ? c / (s + c) : NaN));
      const stayed: number[] = [];
      const churned: number[] = [];
      for (let i = 0; i < table.nRows; i++) {
        const k = binning.index[i];
        if (k >= 0) (churn[i] ? churned : stayed).push(rate[k]);
      }
      const auc = mannWhitneyU(churned, stayed).auc;
      const chi = chiSquareIndependence(counts);
      let top = -1;
      rate.forEach((r, k) => {
        if (!Number.isNaN(r) && (top < 0 || r > rate[top])) top = k;
      });
      return {
        column,
        kind: "category",
        n,
        missing: binning.missing,
        auc,
        strength: Math.abs(2 * auc - 1),
        direction: top >= 0 ? `most churn: ${binning.labels[top]} (${formatPercent(rate[top])})` : "no data",
        cramersV: v,
        p: chi.p,
        pText: formatP(chi.p, { logP: chi.logP }),
        test: chi.yates ? "χ² with Yates's correction" : "χ²",
      };
    }
    const values = table.numeric[column];
    const stayed: number[] = [];
    const churned: number[] = [];
    for (let i = 0; i < table.nRows; i++) if (!Number.isNaN(values[i])) (churn[i] ? churned : stayed).push(values[i]);
    const mw = mannWhitneyU(churned, stayed);
    return {
      column,
      kind: "numeric",
      n,
      missing: binning.missing,
      auc: mw.auc,
      strength: Math.abs(2 * mw.auc - 1),
      direction:
        Number.isNaN(mw.auc) || mw.auc === 0.5
          ? "no difference"
          : mw.auc > 0.5
            ? "higher values, more churn"
            : "lower values, more churn",
      cramersV: v,
      p: mw.p,
      pText: formatP(mw.p, { logP: mw.logP }),
      test: "Mann-Whitney U",
    };
  });
  // NaN strengths (a column with no data) go last; ties broken by name so the order is deterministic.
  const key = (r: AssociationRow): number => (Number.isNaN(r.strength) ? -1 : r.strength);
  return rows.sort((a, b) => key(b) - key(a) || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
}
