// Two-sample tests, contingency tests and effect sizes. Each returns a plain object; inputs that make a
// statistic meaningless (an empty group, a group of one for Welch, zero variance, an empty row or column)
// give NaN with a `note` saying why, so a page can print the note instead of a nonsense number.
// Conventions follow scipy 1.10 so the reference values in ../shared/reference/statistics.json match:
// two-sided p-values, t = mean(a) - mean(b) scaled, Mann-Whitney U reported for the first sample.
// NaN values in numeric samples are dropped (each caller states that as its missing-value policy).

import { rankWithTies } from "./rank.js";
import { logChiSquareSf, logNormalSf, logStudentTTwoSided, zForLevel } from "./special.js";

/** Count, mean and sum of squared deviations of the non-NaN values. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number;
  /** Sample variance (n - 1 in the denominator); NaN when n < 2. */
  readonly variance: number;
  readonly sd: number;
  /** NaN values skipped. */
  readonly missing: number;
}

export function summarize(values: ArrayLike<number>): SampleSummary {
  let n = 0;
  let sum = 0;
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) missing++;
    else {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { n, mean: NaN, variance: NaN, sd: NaN, missing };
  // Two passes (plus a correction of the mean) so that large offsets do not eat the variance's digits.
  let mean = sum / n;
  let dev = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) dev += values[i] - mean;
  mean += dev / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  }
  const variance = n > 1 ? ss / (n - 1) : NaN;
  return { n, mean, variance, sd: Math.sqrt(variance), missing };
}

export interface TTestResult {
  readonly test: "Student's t-test" | "Welch's t-test";
  /** t for mean(a) - mean(b). */
  readonly statistic: number;
  readonly df: number;
  /** Two-sided p-value. */
  readonly p: number;
  /** ln p, finite even where p underflows to 0. */
  readonly logP: number;
  readonly a: SampleSummary;
  readonly b: SampleSummary;
  readonly note?: string;
}

function tResult(
  test: TTestResult["test"],
  a: SampleSummary,
  b: SampleSummary,
  statistic: number,
  df: number,
  note?: string,
): TTestResult {
  const logP = Number.isNaN(statistic) ? NaN : logStudentTTwoSided(statistic, df);
  return { test, statistic, df, p: Math.exp(logP), logP, a, b, ...(note ? { note } : {}) };
}

/** Student's two-sample t-test with pooled variance (scipy `ttest_ind`, equal_var=True). */
export function studentT(a: ArrayLike<number>, b: ArrayLike<number>): TTestResult {
  const sa = summarize(a);
  const sb = summarize(b);
  const name = "Student's t-test";
  if (sa.n === 0 || sb.n === 0) return tResult(name, sa, sb, NaN, NaN, "a group has no values");
  const df = sa.n + sb.n - 2;
  if (df < 1) return tResult(name, sa, sb, NaN, NaN, "needs at least three values in all (one group of two or more)");
  // A group of one contributes no spread but still a mean: the pooled variance comes from the other group.
  const ssA = sa.n > 1 ? sa.variance * (sa.n - 1) : 0;
  const ssB = sb.n > 1 ? sb.variance * (sb.n - 1) : 0;
  const pooled = (ssA + ssB) / df;
  if (pooled === 0) return tResult(name, sa, sb, NaN, df, zeroVarianceNote(sa.mean, sb.mean));
  const t = (sa.mean - sb.mean) / Math.sqrt(pooled * (1 / sa.n + 1 / sb.n));
  return tResult(name, sa, sb, t, df);
}

/** Welch's t-test (unequal variances) with Welch–Satterthwaite degrees of freedom (scipy `ttest_ind`, equal_var=False). */
export function welchT(a: ArrayLike<number>, b: ArrayLike<number>): TTestResult {
  const sa = summarize(a);
  const sb = summarize(b);
  const name = "Welch's t-test";
  if (sa.n === 0 || sb.n === 0) return tResult(name, sa, sb, NaN, NaN, "a group has no values");
  if (sa.n < 2 || sb.n < 2) {
    return tResult(
      name,
      sa,
      sb,
      NaN,
      NaN,
      "Welch's test needs at least two values in each group: a group of one has no variance",
    );
  }
  const va = sa.variance / sa.n;
  const vb = sb.variance / sb.n;
  if (va + vb === 0) return tResult(name, sa, sb, NaN, NaN, zeroVarianceNote(sa.mean, sb.mean));
  const t = (sa.mean - sb.mean) / Math.sqrt(va + vb);
  const df = ((va + vb) * (va + vb)) / ((va * va) / (sa.n - 1) + (vb * vb) / (sb.n - 1));
  return tResult(name, sa, sb, t, df);
}

function zeroVarianceNote(meanA: number, meanB: number): string {
  return meanA === meanB
    ? "every value is the same in both groups: there is nothing to test"
    : "no variation within either group: t is undefined (the groups differ but the test has no scale)";
}

export interface MannWhitneyResult {
  readonly test: "Mann-Whitney U";
  /** U of the first sample (scipy's statistic). */
  readonly statistic: number;
  readonly u2: number;
  /** Standardised statistic (asymptotic method only; NaN for the exact one). */
  readonly z: number;
  readonly p: number;
  readonly logP: number;
  readonly method: "exact" | "asymptotic";
  /** U / (nA nB): probability that a random value of a exceeds one of b, ties counting half (ROC-AUC of a vs b). */
  readonly auc: number;
  readonly nA: number;
  readonly nB: number;
  readonly note?: string;
}

function dropNaN(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out.push(values[i]);
  return out;
}

/**
 * Mann-Whitney U test as scipy 1.10 `mannwhitneyu` with its defaults (two-sided, use_continuity=True,
 * method="auto"): the exact null distribution when one sample has at most 8 values and there are no
 * ties, otherwise the normal approximation with the tie-corrected variance and a continuity correction.
 */
export function mannWhitneyU(a: ArrayLike<number>, b: ArrayLike<number>): MannWhitneyResult {
  const xa = dropNaN(a);
  const xb = dropNaN(b);
  const nA = xa.length;
  const nB = xb.length;
  const base = { test: "Mann-Whitney U" as const, nA, nB };
  if (nA === 0 || nB === 0) {
    return {
      ...base,
      statistic: NaN,
      u2: NaN,
      z: NaN,
      p: NaN,
      logP: NaN,
      method: "asymptotic",
      auc: NaN,
      note: "a group has no values",
    };
  }
  const { ranks, tieTerm } = rankWithTies([...xa, ...xb]);
  let r1 = 0;
  for (let i = 0; i < nA; i++) r1 += ranks[i];
  const u1 = r1 - (nA * (nA + 1)) / 2;
  const u2 = nA * nB - u1;
  const auc = u1 / (nA * nB);
  const u = Math.max(u1, u2);
  const n = nA + nB;
  const exact = (nA <= 8 || nB <= 8) && tieTerm === 0;
  if (exact) {
    const p = Math.min(1, 2 * mannWhitneyExactSf(Math.round(u), nA, nB));
    return { ...base, statistic: u1, u2, z: NaN, p, logP: Math.log(p), method: "exact", auc };
  }
  const variance = ((nA * nB) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) {
    return {
      ...base,
      statistic: u1,
      u2,
      z: NaN,
      p: NaN,
      logP: NaN,
      method: "asymptotic",
      auc,
      note: "every value is the same in both groups: there is nothing to rank",
    };
  }
  // Subtracting 0.5 from max(U1, U2) - mean always moves toward the null, as scipy does.
  const z = (u - (nA * nB) / 2 - 0.5) / Math.sqrt(variance);
  const logP = Math.min(0, Math.LN2 + logNormalSf(z));
  return { ...base, statistic: u1, u2, z, p: Math.exp(logP), logP, method: "asymptotic", auc };
}

/**
 * P(U >= u) under the null for samples of m and n values without ties. The counts of U are the
 * coefficients of the Gaussian binomial [m + n choose m]_q; BigInt keeps them exact (they pass 2^53 quickly).
 */
export function mannWhitneyExactSf(u: number, m: number, n: number): number {
  const k = Math.min(m, n);
  const big = Math.max(m, n);
  const degree = k * big;
  if (u <= 0) return 1;
  if (u > degree) return 0;
  const c: bigint[] = new Array<bigint>(degree + 1).fill(0n);
  c[0] = 1n;
  // [big + i choose i]_q = [big + i - 1 choose i - 1]_q (1 - q^(big + i)) / (1 - q^i); the division is exact.
  for (let i = 1; i <= k; i++) {
    const s = big + i;
    for (let j = degree; j >= s; j--) c[j] -= c[j - s];
    for (let j = i; j <= degree; j++) c[j] += c[j - i];
  }
  let total = 0n;
  let tail = 0n;
  for (let j = 0; j <= degree; j++) {
    total += c[j];
    if (j >= u) tail += c[j];
  }
  return Number(tail) / Number(total);
}

export interface ChiSquareResult {
  readonly test: "Chi-square test of independence";
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly logP: number;
  /** Whether Yates's continuity correction was applied (asked for and df = 1, as scipy does). */
  readonly yates: boolean;
  readonly n: number;
  readonly expected: number[][];
  /** Number of cells with an expected count below 5. */
  readonly smallExpected: number;
  readonly note?: string;
}

/**
 * Pearson's chi-square test of independence on a contingency table of counts (scipy
 * `chi2_contingency`): with `yates` (default true) the continuity correction is applied when df = 1 only.
 */
export function chiSquareIndependence(
  table: readonly (readonly number[])[],
  options: { yates?: boolean } = {},
): ChiSquareResult {
  const wantYates = options.yates ?? true;
  const r = table.length;
  const c = r > 0 ? table[0].length : 0;
  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = Array.from({ length: c }, (_, j) => table.reduce((s, row) => s + row[j], 0));
  const n = rowSums.reduce((s, v) => s + v, 0);
  const expected = table.map((_, i) => colSums.map((cs) => (n > 0 ? (rowSums[i] * cs) / n : NaN)));
  const df = (r - 1) * (c - 1);
  const base = { test: "Chi-square test of independence" as const, df, n, expected };
  const fail = (note: string): ChiSquareResult => ({
    ...base,
    statistic: NaN,
    p: NaN,
    logP: NaN,
    yates: false,
    smallExpected: 0,
    note,
  });
  if (table.some((row) => row.length !== c)) return fail("rows of different lengths");
  if (r < 2 || c < 2) return fail("needs at least two rows and two columns");
  if (rowSums.some((v) => v === 0) || colSums.some((v) => v === 0)) {
    return fail("a whole row or column is empty, so some expected counts are zero: drop it before testing");
  }
  const yates = wantYates && df === 1;
  let statistic = 0;
  let smallExpected = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = expected[i][j];
      if (e < 5) smallExpected++;
      let diff = Math.abs(table[i][j] - e);
      // scipy moves each count toward its expectation by 0.5 at most (never past it).
      if (yates) diff = Math.max(0, diff - 0.5);
      statistic += (diff * diff) / e;
    }
  }
  const logP = logChiSquareSf(statistic, df);
  const note =
    smallExpected > 0
      ? `${smallExpected} of ${r * c} expected counts are below 5: the chi-square approximation is rough there`
      : undefined;
  return { ...base, statistic, p: Math.exp(logP), logP, yates, smallExpected, ...(note ? { note } : {}) };
}

export interface EffectSize {
  readonly name: string;
  readonly value: number;
  /** Interval bounds at `level`; NaN when the measure has no interval here. */
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly note?: string;
}

/**
 * Cohen's d = (mean(a) - mean(b)) / pooled SD, with the normal-approximation interval of Hedges and
 * Olkin (1985): SE² = (nA + nB) / (nA nB) + d² / (2 (nA + nB)). Adequate at the sample sizes here.
 */
export function cohensD(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): EffectSize {
  const sa = summarize(a);
  const sb = summarize(b);
  const name = "Cohen's d";
  const df = sa.n + sb.n - 2;
  if (sa.n === 0 || sb.n === 0 || df < 1) {
    return {
      name,
      value: NaN,
      low: NaN,
      high: NaN,
      level,
      note: "needs values in both groups and at least three in all",
    };
  }
  const ss = (sa.n > 1 ? sa.variance * (sa.n - 1) : 0) + (sb.n > 1 ? sb.variance * (sb.n - 1) : 0);
  const sd = Math.sqrt(ss / df);
  if (sd === 0) return { name, value: NaN, low: NaN, high: NaN, level, note: zeroVarianceNote(sa.mean, sb.mean) };
  const d = (sa.mean - sb.mean) / sd;
  const se = Math.sqrt((sa.n + sb.n) / (sa.n * sb.n) + (d * d) / (2 * (sa.n + sb.n)));
  const z = zForLevel(level);
  return { name, value: d, low: d - z * se, high: d + z * se, level };
}

/** Cohen's conventional labels for |d|. */
export function describeD(d: number): "negligible" | "small" | "medium" | "large" | "undefined" {
  const m = Math.abs(d);
  if (Number.isNaN(m)) return "undefined";
  return m < 0.2 ? "negligible" : m < 0.5 ? "small" : m < 0.8 ? "medium" : "large";
}

/** Cramér's V = sqrt(χ² / (n (min(r, c) - 1))), from the uncorrected χ² (as scipy's `association`). */
export function cramersV(table: readonly (readonly number[])[]): EffectSize {
  const chi = chiSquareIndependence(table, { yates: false });
  const k = Math.min(table.length, table[0]?.length ?? 0) - 1;
  const value = Number.isNaN(chi.statistic) || k < 1 ? NaN : Math.sqrt(chi.statistic / (chi.n * k));
  return {
    name: "Cramér's V",
    value,
    low: NaN,
    high: NaN,
    level: NaN,
    ...(chi.note && Number.isNaN(value) ? { note: chi.note } : {}),
  };
}

export interface RateInterval {
  readonly x: number;
  readonly n: number;
  readonly rate: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly note?: string;
}

/**
 * Wilson score interval for x successes in n trials. Unlike the Wald interval it stays inside [0, 1]
 * and keeps its coverage for small n and rates near 0 or 1 (small groups in the explorer).
 */
export function wilsonInterval(x: number, n: number, level = 0.95): RateInterval {
  if (!(n > 0)) return { x, n, rate: NaN, low: NaN, high: NaN, level, note: "no observations" };
  const z = zForLevel(level);
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp the rounding at the ends: x = 0 must give exactly 0.
  return {
    x,
    n,
    rate: p,
    low: x === 0 ? 0 : Math.max(0, centre - half),
    high: x === n ? 1 : Math.min(1, centre + half),
    level,
  };
}

export interface RateDifference {
  readonly name: "Difference in churn rate";
  /** rate(a) - rate(b). */
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly a: RateInterval;
  readonly b: RateInterval;
  readonly method: "Newcombe hybrid score (Wilson)";
  readonly note?: string;
}

/** Difference of two proportions with Newcombe's (1998, method 10) interval built from the two Wilson intervals. */
export function rateDifference(xA: number, nA: number, xB: number, nB: number, level = 0.95): RateDifference {
  const a = wilsonInterval(xA, nA, level);
  const b = wilsonInterval(xB, nB, level);
  const base = {
    name: "Difference in churn rate" as const,
    level,
    a,
    b,
    method: "Newcombe hybrid score (Wilson)" as const,
  };
  if (!(nA > 0) || !(nB > 0)) return { ...base, value: NaN, low: NaN, high: NaN, note: "a group has no observations" };
  const d = a.rate - b.rate;
  const low = d - Math.sqrt((a.rate - a.low) ** 2 + (b.high - b.rate) ** 2);
  const high = d + Math.sqrt((a.high - a.rate) ** 2 + (b.rate - b.low) ** 2);
  return { ...base, value: d, low, high };
}

/** Holm's step-down adjustment: controls the family-wise error rate, never less powerful than Bonferroni. */
export function holmAdjust(pValues: readonly number[]): number[] {
  return holmStepDown(pValues, (p, m) => Math.min(1, m * p));
}

/** holmAdjust on natural-log p-values, so that p-values below 10⁻³⁰⁸ keep their size. */
export function holmAdjustLog(logP: readonly number[]): number[] {
  return holmStepDown(logP, (lp, m) => Math.min(0, Math.log(m) + lp));
}

/**
 * The step-down: the i-th smallest of k p-values (blanks left out) is multiplied by k - i + 1, and no adjusted
 * value is smaller than the one before it. `times` multiplies on the scale the values are given on.
 */
function holmStepDown(values: readonly number[], times: (value: number, m: number) => number): number[] {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((e) => !Number.isNaN(e.v))
    .sort((x, y) => x.v - y.v || x.i - y.i);
  const k = order.length;
  const out = values.map(() => NaN);
  let running = -Infinity;
  order.forEach(({ v, i }, rank) => {
    running = Math.max(running, times(v, k - rank));
    out[i] = running;
  });
  return out;
}

/** A sentence for the explorer when several columns have been tested against churn. */
export function multipleComparisonsNote(tests: number, alpha = 0.05): string {
  if (tests <= 1)
    return `One test at the ${alpha} level: a false alarm has probability ${alpha} when the column and churn are unrelated.`;
  const expected = tests * alpha;
  const familyWise = 1 - Math.pow(1 - alpha, tests);
  return (
    `${tests} columns tested: even if none were related to churn, about ${trim(expected)} of them would reach p < ${alpha} by chance ` +
    `(a ${Math.round(familyWise * 100)}% chance of at least one if the tests were independent). ` +
    `Hold each to ${alpha}/${tests} = ${trim(alpha / tests)} (Bonferroni) or use Holm-adjusted p-values before calling one a finding.`
  );
}

function trim(x: number): string {
  return Number(x.toPrecision(2)).toString();
}
