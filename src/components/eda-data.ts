// What the EDA and Hypotheses pages compute from the cleaned table before drawing: which rows the statistics
// use, and the one-sentence findings written above each chart. Every number in these sentences comes from
// the table at view time, so the prose stays true on whatever data the report is built from. Sentences are
// plain strings: pages put them in the page as text (Framework's inline expressions), never as HTML.
import type { Lang } from "../i18n/lang.js";
import type { RateByParts } from "../i18n/strings.js";
import { pageText, strings } from "../i18n/tables.js";
import { fromCleanedArtifact, type CleanedArtifact } from "../lib/data/cleaned.js";
import { excludeLeaks, type LeakScreen } from "../lib/data/leak-screen.js";
import { featureColumns, findColumn, PRESET_SCHEMA, type Schema } from "../lib/data/schema.js";
import { distinctRows } from "../lib/data/split.js";
import { selectTableRows, type ChurnTable } from "../lib/data/table.js";
import { isCategoryColumn, isNumericColumn, requireChurn, splitByChurn } from "../lib/stats/columns.js";
import type { AssociationRow, ChurnRateBy, ChurnRateGroup } from "../lib/stats/eda.js";
import { quantileSorted } from "../lib/stats/quantile.js";
import { spearman } from "../lib/stats/rank.js";
import { formatCount, formatInterval, formatPercent } from "../lib/stats/format.js";
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

/** What of summary.json the statistics read: the schema the file was read with and the leak screen. */
export interface TableSchema {
  readonly schema?: Schema;
  readonly leakScreen?: LeakScreen;
}

/**
 * The table the statistics run on: distinct customers (the report's default) or every row, copies included.
 * It is read with summary.json's schema, without the columns the leak screen left out of the models, so the
 * pages test and rank what the pipeline did (a summary from before schemas were inferred is the preset's).
 */
export function statsRows(
  artifact: CleanedArtifact,
  choice: RowChoice,
  lang: Lang = "en",
  summary: TableSchema = {},
): StatsRows {
  const read = fromCleanedArtifact(artifact, summary.schema ?? PRESET_SCHEMA);
  const full = summary.leakScreen ? excludeLeaks(read, summary.leakScreen) : read;
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
  return featureColumns(table.schema)
    .map((c) => c.name)
    .filter((name) => isNumericColumn(table, name) || isCategoryColumn(table, name));
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

/** "Satisfaction score of the customer with the service" for SatisfactionScore; "" when the schema has none. */
export function columnDescription(name: string, lang: Lang = "en", schema: Schema = PRESET_SCHEMA): string {
  const english = findColumn(schema, name)?.description ?? "";
  return english === "" ? "" : strings(lang).eda.columnMeaning(name, english);
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

export function churnShareSentence(table: ChurnTable, rows: RowChoice, lang: Lang = "en"): string {
  const { s, f } = pageText(lang);
  const { churned, stayed, interval } = churnShare(table);
  const pct = (x: number): string => f.percent(x);
  return s.eda.shareSentence({
    rows: f.count(table.nRows),
    distinct: rows === "distinct",
    churned: f.count(churned),
    rate: pct(interval.rate),
    interval: f.interval(interval.low, interval.high, pct),
    stayed: f.count(stayed),
    always: pct(1 - interval.rate),
  });
}

/**
 * One sentence on how churn varies over a column's levels, values or bins: the trend when the groups are
 * ordered and the rates move one way, otherwise the highest and lowest group; and whether their 95%
 * intervals overlap (so a reader knows if the gap could be chance).
 */
export function rateBySentence(
  by: ChurnRateBy,
  options: { noun?: string; valueName?: (label: string) => string; lang?: Lang } = {},
): string {
  const { s, f } = pageText(options.lang ?? "en");
  const rate = (r: RateInterval): string =>
    s.stats.rateText(
      f.percent(r.rate),
      f.interval(r.low, r.high, (x) => f.percent(x)),
      f.count(r.n),
    );
  const noun = options.noun ?? by.column;
  const name = options.valueName ?? ((label: string) => label);
  const groups = present(by.groups);
  const part = (g: ChurnRateGroup | undefined): { name: string; rate: string } =>
    g ? { name: name(g.label), rate: rate(g) } : { name: "", rate: "" };
  const blank = by.blank ? rate(by.blank) : null;
  const none = part(undefined);
  if (groups.length < 2) {
    return s.eda.rateBy({
      shape: "tooFew",
      noun,
      first: none,
      last: none,
      hi: none,
      lo: none,
      overlap: true,
      column: by.column,
      blank,
    });
  }
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
  const shape: RateByParts["shape"] =
    hi.rate === lo.rate
      ? "same"
      : ordered && steps.every((x) => x >= 0)
        ? "rises"
        : ordered && steps.every((x) => x <= 0)
          ? "falls"
          : ordered && trend >= 0.7
            ? "broadlyRises"
            : ordered && trend <= -0.7
              ? "broadlyFalls"
              : ordered
                ? "mixed"
                : "category";
  return s.eda.rateBy({
    shape,
    noun,
    first: part(first),
    last: part(last),
    hi: part(hi),
    lo: part(lo),
    overlap: overlaps(hi, lo),
    column: by.column,
    blank,
  });
}

/** How a churn-rate view treats the column's blanks (churnRateBy's sentence is English). */
export function explorerMissing(by: ChurnRateBy, lang: Lang = "en"): string {
  if (lang === "en") return by.missingPolicy;
  const { s, f } = pageText(lang);
  return s.eda.rateMissing(by.column, by.blank && by.blank.n > 0 ? f.count(by.blank.n) : null);
}

/** Churn with and without a complaint, with the difference and its interval. */
export function complaintSentence(by: ChurnRateBy, lang: Lang = "en"): string {
  const { s, f } = pageText(lang);
  const rate = (r: RateInterval): string =>
    s.stats.rateText(
      f.percent(r.rate),
      f.interval(r.low, r.high, (x) => f.percent(x)),
      f.count(r.n),
    );
  const without = by.groups.find((g) => g.label === "0");
  const withC = by.groups.find((g) => g.label === "1");
  if (!without || !withC || without.n === 0 || withC.n === 0) {
    return s.eda.complaint({
      comparable: false,
      sign: 0,
      with: "",
      without: "",
      difference: "",
      interval: "",
      excludesZero: false,
    });
  }
  const d = rateDifference(withC.x, withC.n, without.x, without.n);
  return s.eda.complaint({
    comparable: true,
    sign: Math.sign(d.value),
    with: rate(withC),
    without: rate(without),
    difference: f.points(d.value),
    interval: f.pointsInterval(d.low, d.high),
    excludesZero: d.low > 0 || d.high < 0,
  });
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

export function pairSentence(pairs: PairData, lang: Lang = "en"): string {
  const { s, f } = pageText(lang);
  const fx = (x: number): string => f.number(x, 2);
  return s.eda.pairs({
    n: f.count(pairs.nStayed + pairs.nChurned),
    churnedHours: fx(pairs.meanX.churned),
    churnedOrders: fx(pairs.meanY.churned),
    stayedHours: fx(pairs.meanX.stayed),
    stayedOrders: fx(pairs.meanY.stayed),
    strengthX: fx(pairs.strengthX),
    strengthY: fx(pairs.strengthY),
  });
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

export function growthSentence(g: GrowthSummary, unit = "%", lang: Lang = "en"): string {
  const { s, f } = pageText(lang);
  const v = (x: number): string => `${f.number(x, 1)}${unit}`;
  const side = (x: SpreadSummary): { median: string; q1: string; q3: string; n: string } => ({
    median: v(x.median),
    q1: v(x.q1),
    q3: v(x.q3),
    n: f.count(x.n),
  });
  return s.eda.growth({
    where: Number.isNaN(g.auc) ? "none" : g.strength < 0.1 ? "overlap" : g.auc > 0.5 ? "higher" : "lower",
    churned: side(g.churned),
    stayed: side(g.stayed),
    strength: f.number(g.strength, 2),
    blank: g.blank
      ? {
          n: f.count(g.blank.n),
          rate: s.stats.rateText(
            f.percent(g.blank.rate),
            f.interval(g.blank.low, g.blank.high, (x) => f.percent(x)),
            f.count(g.blank.n),
          ),
        }
      : null,
  });
}

export function rankingSentence(rows: readonly AssociationRow[], lang: Lang = "en"): string {
  const { s, f } = pageText(lang);
  const ranked = rows.filter((r) => !Number.isNaN(r.strength));
  if (ranked.length === 0) return s.eda.noRanking;
  const top = ranked.slice(0, 3);
  const last = ranked[ranked.length - 1];
  const direction = (r: AssociationRow): string => s.eda.direction(r.direction);
  return s.eda.ranking({
    top: top.map((r) => ({ column: r.column, strength: f.number(r.strength, 2), direction: direction(r) })),
    last: ranked.length > 3 ? { column: last.column, strength: f.number(last.strength, 2) } : null,
  });
}

// ---------------------------------------------------------------------------------------------- which views

/** The columns the original's six views draw (the Kaggle preset's). */
export const PRESET_VIEW_COLUMNS = [
  "SatisfactionScore",
  "CityTier",
  "HourSpendOnApp",
  "OrderCount",
  "Complain",
  "OrderAmountHikeFromlastYear",
] as const;

/** Whether the table has the columns of the original's six views, as numbers. */
export function hasPresetViews(table: ChurnTable): boolean {
  return PRESET_VIEW_COLUMNS.every((c) => isNumericColumn(table, c));
}

/** On another table, one view for each of this many columns that move churn most. */
export const COLUMN_VIEWS = 4;

/** The columns the views stand on: the ranking's strongest (by |2 AUC − 1|), those with a strength at all. */
export function strongestColumns(ranking: readonly AssociationRow[], count = COLUMN_VIEWS): AssociationRow[] {
  return ranking.filter((r) => !Number.isNaN(r.strength)).slice(0, count);
}
