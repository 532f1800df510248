// The claims the schema names (the Kaggle preset's three, or the config's), tested on whatever table the
// report is built from; without any, the columns most associated with churn, labelled exploratory. And the
// explorer's test of any column against churn. Verdicts are built from the numbers: where the data point
// the other way from the claim (on the real data, satisfaction and recency do), the verdict says so.

import { featureColumns, targetColumn, type ClaimSpec } from "../data/schema.js";
import type { ChurnTable } from "../data/table.js";
import {
  codeLevels,
  isCategoryColumn,
  isNumericColumn,
  levelCounts,
  missingPolicy,
  requireChurn,
  splitByChurn,
} from "./columns.js";
import {
  formatCount,
  formatDf,
  formatInterval,
  formatNumber,
  formatP,
  formatPercent,
  formatPoints,
  pClause,
} from "./format.js";
import {
  chiSquareIndependence,
  cohensD,
  cramersV,
  describeD,
  mannWhitneyU,
  rateDifference,
  studentT,
  summarize,
  welchT,
  wilsonInterval,
  type ChiSquareResult,
  type EffectSize,
  type MannWhitneyResult,
  type RateDifference,
  type RateInterval,
  type TTestResult,
} from "./tests.js";

export type Direction = "supports" | "contradicts" | "no evidence";

/** One test's headline numbers, in a shape every page and the JSON artifact can print. */
export interface TestLine {
  readonly test: string;
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly logP: number;
  /** p as prose ("2.7 × 10⁻⁷⁸"), never "0". */
  readonly pText: string;
  readonly note?: string;
}

export interface MeanGroup {
  readonly kind: "mean";
  readonly label: "stayed" | "churned";
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
}

export interface RateGroup extends RateInterval {
  readonly kind: "rate";
  /** The level of the column this group holds ("1" = complained). */
  readonly label: string;
  /** Customers in the group who churned. */
  readonly churned: number;
}

export interface HypothesisResult {
  readonly id: string;
  /** Found and tested on the same data (no claim was configured): its p-value overstates the evidence. */
  readonly exploratory?: true;
  readonly name: string;
  readonly claim: string;
  readonly columns: readonly string[];
  /** The primary test. */
  readonly test: string;
  readonly statisticName: "t" | "χ²";
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly logP: number;
  readonly pText: string;
  /** What the sign of the statistic and effect compare. */
  readonly comparison: string;
  readonly effect: EffectSize;
  readonly groups: readonly (MeanGroup | RateGroup)[];
  /** The other tests computed on the same data (Student's t and Mann-Whitney; χ² without Yates and Cramér's V). */
  readonly otherTests: readonly TestLine[];
  readonly missingPolicy: string;
  readonly alpha: number;
  readonly direction: Direction;
  readonly verdict: string;
}

const ALPHA = 0.05;

function line(r: TTestResult | MannWhitneyResult | ChiSquareResult, test: string = r.test): TestLine {
  const df = "df" in r ? r.df : NaN;
  return {
    test,
    statistic: r.statistic,
    df,
    p: r.p,
    logP: r.logP,
    pText: formatP(r.p, { logP: r.logP }),
    ...(r.note ? { note: r.note } : {}),
  };
}

function decide(p: number, signedEffect: number, expectedSign: 1 | -1, alpha: number): Direction {
  if (!(p < alpha) || Number.isNaN(signedEffect) || signedEffect === 0) return "no evidence";
  return Math.sign(signedEffect) === expectedSign ? "supports" : "contradicts";
}

interface NumericHypothesis {
  readonly id: string;
  readonly name: string;
  readonly claim: string;
  readonly column: string;
  /** Sign of mean(stayed) - mean(churned) that the claim predicts. */
  readonly expectedSign: 1 | -1;
  /** "satisfaction score"; "time since their last order". */
  readonly noun: string;
  /** Comparative words for a larger and a smaller value ("higher"/"lower", "longer"/"shorter"). */
  readonly more: string;
  readonly less: string;
  readonly format: (x: number) => string;
}

function meanGroup(label: "stayed" | "churned", values: Float64Array): MeanGroup {
  const s = summarize(values);
  return { kind: "mean", label, n: s.n, mean: s.mean, sd: s.sd };
}

function numericHypothesis(table: ChurnTable, h: NumericHypothesis, alpha: number): HypothesisResult {
  const split = splitByChurn(table, h.column);
  const welch = welchT(split.stayed, split.churned);
  const student = studentT(split.stayed, split.churned);
  const mw = mannWhitneyU(split.stayed, split.churned);
  const d = cohensD(split.stayed, split.churned);
  const stayed = meanGroup("stayed", split.stayed);
  const churned = meanGroup("churned", split.churned);
  const direction = decide(welch.p, stayed.mean - churned.mean, h.expectedSign, alpha);
  const churnedPart = `customers who churned (${h.format(churned.mean)}, n = ${formatCount(churned.n)})`;
  const stayedPart = `those who stayed (${h.format(stayed.mean)}, n = ${formatCount(stayed.n)})`;
  const churnedMore = churned.mean > stayed.mean;
  let opening: string;
  if (Number.isNaN(welch.statistic)) {
    opening = `Cannot be tested on this data: ${welch.note ?? "the test is undefined"}.`;
  } else if (direction === "no evidence") {
    opening =
      `No evidence either way at the ${alpha * 100}% level: the mean ${h.noun} of ${churnedPart} and ${stayedPart} ` +
      `differ by no more than chance would explain.`;
  } else {
    const verb = direction === "supports" ? "The data support the claim" : "The data contradict the claim";
    const tail = direction === "contradicts" ? `, the opposite of what the claim predicts` : "";
    opening = `${verb}: ${churnedPart} had a ${churnedMore ? h.more : h.less} mean ${h.noun} than ${stayedPart}${tail}.`;
  }
  const numbers =
    `Welch's t = ${formatNumber(welch.statistic, 2)} (df = ${formatDf(welch.df)}), ${pClause(welch.p, { logP: welch.logP })}; ` +
    `Mann-Whitney ${pClause(mw.p, { logP: mw.logP })}; ` +
    `Cohen's d (stayed − churned) = ${formatNumber(d.value, 2)} (95% CI ${formatInterval(d.low, d.high)}), a ${describeD(d.value)} effect.`;
  return {
    id: h.id,
    name: h.name,
    claim: h.claim,
    columns: [h.column, targetColumn(table.schema).name],
    test: welch.test,
    statisticName: "t",
    statistic: welch.statistic,
    df: welch.df,
    p: welch.p,
    logP: welch.logP,
    pText: formatP(welch.p, { logP: welch.logP }),
    comparison: `mean ${h.column} of customers who stayed minus that of customers who churned`,
    effect: { ...d, name: "Cohen's d (stayed − churned)" },
    groups: [stayed, churned],
    otherTests: [line(student), line(mw)],
    missingPolicy: missingPolicy(h.column, split.nRows, split.missing),
    alpha,
    direction,
    verdict: `${opening} ${numbers}`,
  };
}

/** A level claim: customers at `level` of the column churn more (or less) than the rest. */
function levelHypothesis(table: ChurnTable, h: ClaimSpec, alpha: number): HypothesisResult {
  const column = h.column;
  const level = h.level as string;
  const churn = requireChurn(table);
  const coding = codeLevels(table, column);
  const counts = levelCounts(coding, churn);
  // Rows: the rest, the level (absent levels count as empty, so the test reports it rather than crashing).
  const others = coding.levels.filter((l) => l !== level);
  const rest = [0, 0];
  for (const l of others) {
    const c = counts[coding.levels.indexOf(l)];
    rest[0] += c[0];
    rest[1] += c[1];
  }
  const table2 = [rest, counts[coding.levels.indexOf(level)] ?? [0, 0]];
  const who = h.who ?? `customers with ${column} ${level}`;
  const whoElse = h.others ?? "the others";
  const yates = chiSquareIndependence(table2, { yates: true });
  const plain = chiSquareIndependence(table2, { yates: false });
  const v = cramersV(table2);
  const diff: RateDifference = rateDifference(
    table2[1][1],
    table2[1][0] + table2[1][1],
    table2[0][1],
    table2[0][0] + table2[0][1],
  );
  const group = (label: string, c: number[]): RateGroup => ({
    kind: "rate",
    label,
    churned: c[1],
    ...wilsonInterval(c[1], c[0] + c[1]),
  });
  const without = group(others.length === 1 ? others[0] : `not ${level}`, table2[0]);
  const withC = group(level, table2[1]);
  const direction = decide(yates.p, diff.value, h.direction === "higher" ? 1 : -1, alpha);
  const rate = (g: RateGroup): string =>
    `${formatPercent(g.rate)} (95% CI ${formatInterval(g.low, g.high, (x) => formatPercent(x))}, n = ${formatCount(g.n)})`;
  let opening: string;
  if (Number.isNaN(yates.statistic)) {
    opening = `Cannot be tested on this data: ${yates.note ?? "the test is undefined"}.`;
  } else if (direction === "no evidence") {
    opening =
      `No evidence either way at the ${alpha * 100}% level: ${who} churned at ${rate(withC)} and ` +
      `${whoElse} at ${rate(without)}, a gap chance could explain.`;
  } else {
    const verb = direction === "supports" ? "The data support the claim" : "The data contradict the claim";
    opening =
      `${verb}: ${who} churned ${diff.value > 0 ? "more" : "less"} often, ${rate(withC)} against ` +
      `${rate(without)} for ${whoElse}${direction === "contradicts" ? ", the opposite of what the claim predicts" : ""}.`;
  }
  const numbers =
    `Difference ${formatPoints(diff.value)} (95% CI ${formatInterval(diff.low, diff.high, (x) => formatNumber(x * 100, 1))} points); ` +
    `χ² with Yates's correction = ${formatNumber(yates.statistic, 1)} (df = ${formatDf(yates.df)}), ${pClause(yates.p, { logP: yates.logP })}; ` +
    `Cramér's V = ${formatNumber(v.value, 2)}.`;
  return {
    id: h.id,
    name: h.name,
    claim: h.claim,
    columns: [column, targetColumn(table.schema).name],
    test: "Chi-square test of independence with Yates's correction",
    statisticName: "χ²",
    statistic: yates.statistic,
    df: yates.df,
    p: yates.p,
    logP: yates.logP,
    pText: formatP(yates.p, { logP: yates.logP }),
    comparison: h.comparison ?? `churn rate of ${who} minus that of ${whoElse}`,
    effect: {
      name: diff.name,
      value: diff.value,
      low: diff.low,
      high: diff.high,
      level: diff.level,
      ...(diff.note ? { note: diff.note } : {}),
    },
    groups: [without, withC],
    otherTests: [line(plain, "Chi-square test of independence without correction"), cramersLine(v, plain)],
    missingPolicy: missingPolicy(column, table.nRows, coding.missing),
    alpha,
    direction,
    verdict: `${opening} ${numbers}`,
  };
}

function cramersLine(v: EffectSize, chi: ChiSquareResult): TestLine {
  // Cramér's V is a strength, not a test: its p is that of the uncorrected χ² it comes from.
  return {
    test: "Cramér's V",
    statistic: v.value,
    df: chi.df,
    p: chi.p,
    logP: chi.logP,
    pText: formatP(chi.p, { logP: chi.logP }),
  };
}

function numericClaim(h: ClaimSpec): NumericHypothesis {
  const digits = h.digits ?? 2;
  return {
    id: h.id,
    name: h.name,
    claim: h.claim,
    column: h.column,
    // The sign of mean(stayed) - mean(churned): churners with less of it make it positive.
    expectedSign: h.direction === "lower" ? 1 : -1,
    noun: h.noun ?? h.column,
    more: h.more ?? "higher",
    less: h.less ?? "lower",
    format: (x) => `${formatNumber(x, digits)}${h.unit ? ` ${h.unit}` : ""}`,
  };
}

/** One claim tested: a mean comparison for a number, a churn-rate comparison for a level. */
export function testClaim(table: ChurnTable, claim: ClaimSpec, options: { alpha?: number } = {}): HypothesisResult {
  const alpha = options.alpha ?? ALPHA;
  return claim.level !== undefined
    ? levelHypothesis(table, claim, alpha)
    : numericHypothesis(table, numericClaim(claim), alpha);
}

/** How many columns the exploratory tests pick when no claim is configured. */
export const EXPLORATORY_COUNT = 3;

/**
 * Without claims: the columns most associated with churn (smallest p of the fitting test), each stated as
 * the claim the data suggest and tested on the same data. Labelled exploratory: the choice was made by
 * looking, so the p-values overstate the evidence; they are leads to test on new data, not findings.
 */
export function exploratoryClaims(table: ChurnTable, count = EXPLORATORY_COUNT): ClaimSpec[] {
  const tested = featureColumns(table.schema)
    .filter((c) => table.numeric[c.name] || table.category[c.name])
    .map((c) => ({ column: c.name, test: testColumn(table, c.name) }))
    .filter((t) => Number.isFinite(t.test.primary.logP))
    .sort((a, b) => a.test.primary.logP - b.test.primary.logP || (a.column < b.column ? -1 : 1))
    .slice(0, count);
  return tested.map(({ column, test }, i): ClaimSpec => {
    const base = { id: `exploratory-${i + 1}`, name: `${column} and churn (exploratory)`, column };
    if (test.kind === "numeric") {
      const higher = test.groups[1].mean > test.groups[0].mean;
      return {
        ...base,
        claim: `Customers with ${higher ? "higher" : "lower"} ${column} churn more (suggested by this data).`,
        direction: higher ? "higher" : "lower",
      };
    }
    const top = [...test.groups].sort((a, b) => b.rate - a.rate || (a.label < b.label ? -1 : 1))[0];
    return {
      ...base,
      claim: `Customers with ${column} ${top.label} churn more (suggested by this data).`,
      direction: "higher",
      level: top.label,
    };
  });
}

/** The schema's claims (the preset's or the config's), else exploratory ones; each tested with a verdict. */
export function testHypotheses(table: ChurnTable, options: { alpha?: number } = {}): HypothesisResult[] {
  const claims = table.schema.hypotheses;
  if (claims) return claims.map((claim) => testClaim(table, claim, options));
  return exploratoryClaims(table).map((claim) => {
    const result = testClaim(table, claim, options);
    return {
      ...result,
      exploratory: true,
      verdict:
        `Exploratory: ${claim.column} is among the columns most associated with churn here, found and tested on the same ` +
        `data, so the p-value overstates the evidence. ${result.verdict}`,
    };
  });
}

/** JSON for the hypotheses.json artifact: NaN and infinities become null (JSON has neither). */
export function hypothesesArtifact(results: readonly HypothesisResult[]): unknown {
  return JSON.parse(
    JSON.stringify(results, (_key, value: unknown) =>
      typeof value === "number" && !Number.isFinite(value) ? null : value,
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// The explorer: any column against churn.

export interface NumericColumnTest {
  readonly kind: "numeric";
  readonly column: string;
  readonly n: number;
  readonly missing: number;
  readonly missingPolicy: string;
  /** Welch's t: the test to read first. */
  readonly primary: TestLine;
  readonly welch: TTestResult;
  readonly student: TTestResult;
  readonly mannWhitney: MannWhitneyResult;
  /** Cohen's d, stayed − churned. */
  readonly effect: EffectSize;
  readonly groups: readonly [MeanGroup, MeanGroup];
}

export interface CategoryColumnTest {
  readonly kind: "category";
  readonly column: string;
  readonly n: number;
  readonly missing: number;
  readonly missingPolicy: string;
  /** χ² (with Yates's correction when the table is 2 x 2). */
  readonly primary: TestLine;
  readonly chiSquare: ChiSquareResult;
  /** The uncorrected χ², when Yates's correction was applied to the primary. */
  readonly chiSquareUncorrected?: ChiSquareResult;
  /** Cramér's V. */
  readonly effect: EffectSize;
  /** Churn rate per level with its Wilson interval (levels with no customers left out). */
  readonly groups: readonly RateGroup[];
  /** Levels of the column with no customers in this data. */
  readonly emptyLevels: readonly string[];
  /** For a two-level column: rate(second level) − rate(first level). */
  readonly rateDifference?: RateDifference;
  /** What rateDifference compares, e.g. "Complain 1 − Complain 0". */
  readonly rateDifferenceLabel?: string;
}

export type ColumnTest = NumericColumnTest | CategoryColumnTest;

/**
 * The fitting test of one column against churn: category columns and numeric columns with two values
 * (flags such as Complain) get χ² and Cramér's V; other numeric columns get Welch's t (primary), Student's
 * t, Mann-Whitney U and Cohen's d. `as` forces one treatment (e.g. CityTier as categories).
 */
export function testColumn(
  table: ChurnTable,
  column: string,
  options: { as?: "numeric" | "category" } = {},
): ColumnTest {
  const churn = requireChurn(table);
  const numeric = isNumericColumn(table, column);
  if (!numeric && !isCategoryColumn(table, column)) throw new Error(`no column ${column}`);
  let asCategory = !numeric || options.as === "category";
  if (numeric && options.as === undefined) {
    const distinct = new Set<number>();
    for (const v of table.numeric[column]) if (!Number.isNaN(v)) distinct.add(v);
    asCategory = distinct.size === 2;
  }
  if (!asCategory) {
    const split = splitByChurn(table, column);
    const welch = welchT(split.stayed, split.churned);
    return {
      kind: "numeric",
      column,
      n: split.nRows - split.missing,
      missing: split.missing,
      missingPolicy: missingPolicy(column, split.nRows, split.missing),
      primary: line(welch),
      welch,
      student: studentT(split.stayed, split.churned),
      mannWhitney: mannWhitneyU(split.stayed, split.churned),
      effect: { ...cohensD(split.stayed, split.churned), name: "Cohen's d (stayed − churned)" },
      groups: [meanGroup("stayed", split.stayed), meanGroup("churned", split.churned)],
    };
  }
  const coding = codeLevels(table, column);
  const all = levelCounts(coding, churn);
  // Levels nobody has would make expected counts zero; they are reported, not tested.
  const kept = coding.levels.map((_, k) => k).filter((k) => all[k][0] + all[k][1] > 0);
  const emptyLevels = coding.levels.filter((_, k) => !kept.includes(k));
  const counts = kept.map((k) => all[k]);
  const chiSquare = chiSquareIndependence(counts, { yates: true });
  const groups = kept.map((k): RateGroup => ({
    kind: "rate",
    label: coding.levels[k],
    churned: all[k][1],
    ...wilsonInterval(all[k][1], all[k][0] + all[k][1]),
  }));
  const result: CategoryColumnTest = {
    kind: "category",
    column,
    n: table.nRows - coding.missing,
    missing: coding.missing,
    missingPolicy: missingPolicy(column, table.nRows, coding.missing),
    primary: line(
      chiSquare,
      chiSquare.yates ? "Chi-square test of independence with Yates's correction" : chiSquare.test,
    ),
    chiSquare,
    effect: cramersV(counts),
    groups,
    emptyLevels,
    ...(chiSquare.yates ? { chiSquareUncorrected: chiSquareIndependence(counts, { yates: false }) } : {}),
    ...(counts.length === 2
      ? {
          rateDifference: rateDifference(
            counts[1][1],
            counts[1][0] + counts[1][1],
            counts[0][1],
            counts[0][0] + counts[0][1],
          ),
          rateDifferenceLabel: `${column} ${groups[1].label} − ${column} ${groups[0].label}`,
        }
      : {}),
  };
  return result;
}
