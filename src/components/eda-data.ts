// What the EDA and Hypotheses pages compute from the cleaned table before drawing: which rows the statistics
// use, and the one-sentence findings written above each chart. Every number in these sentences comes from
// the table at view time, so the prose stays true on whatever data the report is built from. Sentences are
// plain strings: pages put them in the page as text (Framework's inline expressions), never as HTML.
import type { Lang } from "../i18n/lang.js";
import { pageText, strings } from "../i18n/tables.js";
import { fromCleanedArtifact, type CleanedArtifact } from "../lib/data/cleaned.js";
import { FEATURE_COLUMNS, columnSpec } from "../lib/data/schema.js";
import { distinctRows } from "../lib/data/split.js";
import { selectTableRows, type ChurnTable } from "../lib/data/table.js";
import { isCategoryColumn, isNumericColumn, requireChurn, splitByChurn } from "../lib/stats/columns.js";
import type { AssociationRow, ChurnRateBy, ChurnRateGroup } from "../lib/stats/eda.js";
import { quantileSorted } from "../lib/stats/quantile.js";
import { spearman } from "../lib/stats/rank.js";
import { formatCount, formatInterval, formatNumber, formatPercent, formatPoints } from "../lib/stats/format.js";
import { mannWhitneyU, rateDifference, wilsonInterval, type RateInterval } from "../lib/stats/tests.js";

/** How the pages name the levels of Complain: "complained", "no complaint". */
export const complaintName = (l: string, lang: Lang = "en"): string =>
  l === "1" ? strings(lang).eda.complained : l === "0" ? strings(lang).eda.noComplaint : l;

// ---------------------------------------------------------------------------------------------- rows

export type RowChoice = "distinct" | "all";

export interface StatsRows {
  readonly table: ChurnTable;
  readonly choice: RowChoice;
  /** Rows in the input file. */
  readonly fileRows: number;
  /** Rows that copy an earlier customer under another ID. */
  readonly duplicates: number;
  /** Sentence saying which rows the statistics use and why. */
  readonly description: string;
  /** The rows are a sample of a larger table (cleaned.json's `sample`). */
  readonly sampled: boolean;
}

/** The table the statistics run on: distinct customers (the report's default) or every row, copies included. */
export function statsRows(artifact: CleanedArtifact, choice: RowChoice, lang: Lang = "en"): StatsRows {
  const full = fromCleanedArtifact(artifact);
  const keep = distinctRows(artifact.duplicateOf);
  const duplicates = artifact.nRows - keep.length;
  const table = choice === "distinct" ? selectTableRows(full, keep) : full;
  const { s, f } = pageText(lang);
  const description = s.stats.rowsDescription({
    choice,
    rows: f.count(duplicates === 0 ? artifact.nRows : table.nRows),
    duplicates,
    copies: f.count(duplicates),
  });
  const sample = artifact.sample;
  const sampled = sample
    ? s.stats.sampled({
        description,
        distinct: f.count(sample.distinct),
        rows: f.count(sample.rows),
        kept: f.count(keep.length),
      })
    : description;
  return {
    table,
    choice,
    fileRows: sample ? sample.rows : artifact.nRows,
    duplicates,
    description: sampled,
    sampled: sample !== undefined,
  };
}

/** The feature columns present in the table, in schema order: the explorers' choices. */
export function explorerColumns(table: ChurnTable): string[] {
  return FEATURE_COLUMNS.map((c) => c.name).filter(
    (name) => isNumericColumn(table, name) || isCategoryColumn(table, name),
  );
}

/**
 * How many whole values a numeric column takes when they are few enough (3 to 10) to read as ordered
 * levels, such as CityTier 1 to 3 or SatisfactionScore 1 to 5; null otherwise (two values are already tested
 * as categories, and more than ten, or fractions, are a measurement).
 */
export function fewWholeLevels(table: ChurnTable, column: string): number | null {
  if (!isNumericColumn(table, column)) return null;
  const distinct = new Set<number>();
  for (const v of table.numeric[column]) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return null;
    distinct.add(v);
    if (distinct.size > 10) return null;
  }
  return distinct.size >= 3 ? distinct.size : null;
}

/** "SatisfactionScore (Satisfaction score of the customer with the service)" for the explorer's menu. */
export function columnDescription(name: string, lang: Lang = "en"): string {
  return strings(lang).eda.columnMeaning(name, columnSpec(name)?.description ?? "");
}

// ---------------------------------------------------------------------------------------------- prose helpers

export const rateText = (r: RateInterval): string =>
  `${formatPercent(r.rate)} (95% CI ${formatInterval(r.low, r.high, (x) => formatPercent(x))}, n = ${formatCount(r.n)})`;

function present(groups: readonly ChurnRateGroup[]): ChurnRateGroup[] {
  return groups.filter((g) => g.n > 0 && !Number.isNaN(g.rate));
}

function overlaps(a: RateInterval, b: RateInterval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** Churn share of the whole table. */
export function churnShare(table: ChurnTable): { churned: number; stayed: number; interval: RateInterval } {
  const churn = requireChurn(table);
  let churned = 0;
  for (let i = 0; i < table.nRows; i++) churned += churn[i];
  return { churned, stayed: table.nRows - churned, interval: wilsonInterval(churned, table.nRows) };
}

export function churnShareSentence(table: ChurnTable, rows: RowChoice): string {
  const { churned, stayed, interval } = churnShare(table);
  const who = rows === "distinct" ? "distinct customers" : "rows";
  return (
    `Of the ${formatCount(table.nRows)} ${who}, ${formatCount(churned)} churned: ${formatPercent(interval.rate)} ` +
    `(95% CI ${formatInterval(interval.low, interval.high, (x) => formatPercent(x))}); the other ${formatCount(stayed)} stayed, ` +
    `so a model that always answered "stays" would already be right ${formatPercent(1 - interval.rate)} of the time.`
  );
}

/**
 * One sentence on how churn varies over a column's levels, values or bins: the trend when the groups are
 * ordered and the rates move one way, otherwise the highest and lowest group; and whether their 95%
 * intervals overlap (so a reader knows if the gap could be chance).
 */
export function rateBySentence(
  by: ChurnRateBy,
  options: { noun?: string; valueName?: (label: string) => string } = {},
): string {
  const noun = options.noun ?? by.column;
  const name = options.valueName ?? ((label: string) => label);
  const groups = present(by.groups);
  if (groups.length < 2) return `There are too few groups of ${noun} with customers in them to compare churn rates.`;
  let hi = groups[0];
  let lo = groups[0];
  for (const g of groups) {
    if (g.rate > hi.rate) hi = g;
    if (g.rate < lo.rate) lo = g;
  }
  const ordered = by.kind !== "category";
  const steps = groups.slice(1).map((g, k) => Math.sign(g.rate - groups[k].rate));
  const first = groups[0];
  const last = groups[groups.length - 1];
  // Spearman's correlation of the rates with the groups' order: the trend of ordered groups.
  const trend = ordered
    ? spearman(
        groups.map((_, k) => k),
        groups.map((g) => g.rate),
      )
    : 0;
  let head: string;
  if (hi.rate === lo.rate) {
    return `Churn is the same, ${formatPercent(hi.rate)}, in every group of ${noun}.`;
  } else if (ordered && steps.every((s) => s >= 0)) {
    head = `Churn rises with ${noun}: from ${rateText(first)} at ${name(first.label)} to ${rateText(last)} at ${name(last.label)}`;
  } else if (ordered && steps.every((s) => s <= 0)) {
    head = `Churn falls as ${noun} grows: from ${rateText(first)} at ${name(first.label)} to ${rateText(last)} at ${name(last.label)}`;
  } else if (ordered && trend >= 0.7) {
    head = `Churn broadly rises with ${noun}, though not at every step: lowest at ${name(lo.label)}, ${rateText(lo)}, highest at ${name(hi.label)}, ${rateText(hi)}`;
  } else if (ordered && trend <= -0.7) {
    head = `Churn broadly falls as ${noun} grows, though not at every step: highest at ${name(hi.label)}, ${rateText(hi)}, lowest at ${name(lo.label)}, ${rateText(lo)}`;
  } else if (ordered) {
    head = `Churn does not move one way with ${noun}: it is highest at ${name(hi.label)}, ${rateText(hi)}, and lowest at ${name(lo.label)}, ${rateText(lo)}`;
  } else {
    head = `Across ${noun}, churn is highest for ${name(hi.label)}, ${rateText(hi)}, and lowest for ${name(lo.label)}, ${rateText(lo)}`;
  }
  const tail = overlaps(hi, lo)
    ? `; the highest and lowest groups' 95% intervals overlap, so even that gap could be chance.`
    : `; the highest and lowest groups' 95% intervals do not overlap.`;
  const blank = by.blank ? ` Customers with a blank ${by.column} churned at ${rateText(by.blank)}.` : "";
  return head + tail + blank;
}

/** Churn with and without a complaint, with the difference and its interval. */
export function complaintSentence(by: ChurnRateBy): string {
  const without = by.groups.find((g) => g.label === "0");
  const withC = by.groups.find((g) => g.label === "1");
  if (!without || !withC || without.n === 0 || withC.n === 0) {
    return "The data do not hold both customers who complained and customers who did not, so the two cannot be compared.";
  }
  const d = rateDifference(withC.x, withC.n, without.x, without.n);
  const verb = d.value > 0 ? "more" : d.value < 0 ? "less" : "as";
  const comparison = d.value === 0 ? "just as often as" : `${verb} often than`;
  const sure =
    d.low > 0 || d.high < 0 ? "an interval that excludes no difference" : "an interval that includes no difference";
  return (
    `Customers who complained churned ${comparison} those who did not: ${rateText(withC)} against ${rateText(without)}, ` +
    `a difference of ${formatPoints(d.value)} (95% CI ${formatInterval(d.low, d.high, (x) => formatNumber(x * 100, 1))} points), ${sure}.`
  );
}

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length > 0 ? s / values.length : NaN;
}

export interface PairPoint {
  readonly x: number;
  readonly y: number;
  readonly group: "stayed" | "churned";
  readonly count: number;
  /** Share of the group's customers at this point. */
  readonly share: number;
}

export interface PairData {
  readonly xColumn: string;
  readonly yColumn: string;
  readonly points: readonly PairPoint[];
  readonly nStayed: number;
  readonly nChurned: number;
  /** Rows with a blank in either column. */
  readonly blank: number;
  readonly meanX: { readonly stayed: number; readonly churned: number };
  readonly meanY: { readonly stayed: number; readonly churned: number };
  /** |2 AUC − 1| of each column alone as a churn score, on the rows with both values. */
  readonly strengthX: number;
  readonly strengthY: number;
}

/** Customers counted at each (x, y) pair of values, per churn group; rows blank in either column left out. */
export function pairCounts(table: ChurnTable, xColumn: string, yColumn: string): PairData {
  const churn = requireChurn(table);
  const xs = table.numeric[xColumn];
  const ys = table.numeric[yColumn];
  if (!xs || !ys) throw new Error(`no numeric columns ${xColumn} and ${yColumn}`);
  const cells = new Map<string, { x: number; y: number; group: "stayed" | "churned"; count: number }>();
  const sum = { stayed: { x: 0, y: 0, n: 0 }, churned: { x: 0, y: 0, n: 0 } };
  let blank = 0;
  for (let i = 0; i < table.nRows; i++) {
    const x = xs[i];
    const y = ys[i];
    if (Number.isNaN(x) || Number.isNaN(y)) {
      blank++;
      continue;
    }
    const group = churn[i] ? "churned" : "stayed";
    const key = `${group}|${x}|${y}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { x, y, group, count: 1 });
    sum[group].x += x;
    sum[group].y += y;
    sum[group].n++;
  }
  const points = [...cells.values()].map((c) => ({ ...c, share: c.count / sum[c.group].n }));
  const strength = (values: Float64Array): number => {
    const stayed: number[] = [];
    const churned: number[] = [];
    for (let i = 0; i < table.nRows; i++) {
      if (Number.isNaN(xs[i]) || Number.isNaN(ys[i])) continue;
      (churn[i] ? churned : stayed).push(values[i]);
    }
    return Math.abs(2 * mannWhitneyU(churned, stayed).auc - 1);
  };
  return {
    xColumn,
    yColumn,
    points,
    nStayed: sum.stayed.n,
    nChurned: sum.churned.n,
    blank,
    meanX: { stayed: sum.stayed.x / sum.stayed.n, churned: sum.churned.x / sum.churned.n },
    meanY: { stayed: sum.stayed.y / sum.stayed.n, churned: sum.churned.y / sum.churned.n },
    strengthX: strength(xs),
    strengthY: strength(ys),
  };
}

export function pairSentence(pairs: PairData): string {
  const fx = (x: number): string => formatNumber(x, 2);
  return (
    `Among the ${formatCount(pairs.nStayed + pairs.nChurned)} customers with both values, those who churned spent ` +
    `${fx(pairs.meanX.churned)} hours on the app on average and placed ${fx(pairs.meanY.churned)} orders last month; ` +
    `those who stayed, ${fx(pairs.meanX.stayed)} hours and ${fx(pairs.meanY.stayed)} orders. On its own, time on the app separates ` +
    `the two groups with a strength of ${formatNumber(pairs.strengthX, 2)} and order count with ${formatNumber(pairs.strengthY, 2)}, ` +
    `on a scale where 0 is no separation and 1 is perfect.`
  );
}

export interface SpreadSummary {
  readonly n: number;
  readonly mean: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
}

export function spread(values: Float64Array): SpreadSummary {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    mean: mean(sorted),
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
  };
}

export interface GrowthSummary {
  readonly column: string;
  readonly stayed: SpreadSummary;
  readonly churned: SpreadSummary;
  /** |2 AUC − 1| of the column as a churn score (0: the distributions coincide). */
  readonly strength: number;
  readonly auc: number;
  readonly blank: RateInterval | null;
}

export function growthSummary(table: ChurnTable, column: string): GrowthSummary {
  const split = splitByChurn(table, column);
  const mw = mannWhitneyU(split.churned, split.stayed);
  const churn = requireChurn(table);
  const values = table.numeric[column];
  let blankN = 0;
  let blankChurned = 0;
  for (let i = 0; i < table.nRows; i++) {
    if (Number.isNaN(values[i])) {
      blankN++;
      blankChurned += churn[i];
    }
  }
  return {
    column,
    stayed: spread(split.stayed),
    churned: spread(split.churned),
    auc: mw.auc,
    strength: Math.abs(2 * mw.auc - 1),
    blank: blankN > 0 ? wilsonInterval(blankChurned, blankN) : null,
  };
}

export function growthSentence(g: GrowthSummary, unit = "%"): string {
  const f = (x: number): string => `${formatNumber(x, 1)}${unit}`;
  const where = Number.isNaN(g.auc)
    ? "cannot be compared"
    : g.strength < 0.1
      ? "largely overlap"
      : g.auc > 0.5
        ? "differ: churned customers sit higher"
        : "differ: churned customers sit lower";
  const blank = g.blank
    ? ` ${formatCount(g.blank.n)} customers have a blank here (no purchase last year, left out of the chart); they churned at ${rateText(g.blank)}.`
    : "";
  return (
    `The order-amount growth of customers who churned (median ${f(g.churned.median)}, middle half ${f(g.churned.q1)} to ${f(g.churned.q3)}, n = ${formatCount(g.churned.n)}) ` +
    `and of those who stayed (median ${f(g.stayed.median)}, middle half ${f(g.stayed.q1)} to ${f(g.stayed.q3)}, n = ${formatCount(g.stayed.n)}) ${where} ` +
    `(a churn signal of ${formatNumber(g.strength, 2)} on the 0-to-1 scale below).${blank}`
  );
}

export function rankingSentence(rows: readonly AssociationRow[]): string {
  const ranked = rows.filter((r) => !Number.isNaN(r.strength));
  if (ranked.length === 0) return "No column can be ranked on this data.";
  const top = ranked.slice(0, 3);
  const last = ranked[ranked.length - 1];
  // "most churn: Mobile Phone (26.3%)" would nest brackets inside the sentence's own.
  const direction = (r: AssociationRow): string => r.direction.replace(/ \(([^()]*)\)$/, " at $1");
  const describe = (r: AssociationRow): string => `${r.column} (${formatNumber(r.strength, 2)}; ${direction(r)})`;
  return (
    `${describe(top[0])} moves churn the most on its own` +
    (top.length > 1 ? `, followed by ${top.slice(1).map(describe).join(" and ")}` : "") +
    (ranked.length > 3 ? `; ${last.column} moves it the least (${formatNumber(last.strength, 2)}).` : ".")
  );
}
