// Distribution drift between a baseline sample and a new one, column by column. Each column gets a test
// (does it differ at all?) and an effect size (by how much?). The effect sizes do not grow with the row
// count, so a million rows do not make every column "drifted": a column is called drifted on its effect
// (population stability index), with the test only guarding against sampling noise in small files.
import { chiSquareIndependence, summarize } from "./tests.js";

/** PSI at or above this is a moderate shift (the usual credit-scoring reading: < 0.1 stable, 0.1-0.25 moderate, > 0.25 major). */
export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;
/** The test must also reach this level, so that a small file's noise alone does not pass the PSI line. */
export const DRIFT_ALPHA = 0.05;
/** Shares below this are floored before taking logs (an empty bin would make PSI infinite). */
export const PSI_FLOOR = 1e-4;
export const BLANK_LEVEL = "(blank)";

/** The rule as a sentence, for artifacts and pages. */
export const DRIFT_RULE =
  `drifted when the population stability index is at least ${PSI_MODERATE} ` +
  `(0.1-0.25 moderate, above ${PSI_MAJOR} major) and the test's p is below ${DRIFT_ALPHA}; ` +
  `PSI is on the baseline's deciles for numbers (blanks a bin of their own) and on the levels for categories`;

/** Linear-interpolation quantile (numpy's default) of ascending values. */
function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function sortedFinite(values: ArrayLike<number>): Float64Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) m++;
  const out = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[k++] = values[i];
  return out.sort();
}

/**
 * Inner edges at the sample's deciles (or other equal-count cuts), repeated edges merged: a value goes to
 * the first bin whose edge is at or above it, values above the last edge to a last bin. On a column with
 * few distinct values (0/1 flags, tiers) this gives one bin per value instead of empty deciles.
 */
export function quantileCuts(values: ArrayLike<number>, bins = 10): number[] {
  const sorted = sortedFinite(values);
  const cuts: number[] = [];
  if (sorted.length === 0) return cuts;
  for (let k = 1; k < bins; k++) {
    const v = quantileOfSorted(sorted, k / bins);
    if (cuts.length === 0 || v > cuts[cuts.length - 1]) cuts.push(v);
  }
  return cuts;
}

/** Counts per bin of `cuts` (cuts.length + 1 bins), and the blanks (NaN) apart. */
export function binCounts(values: ArrayLike<number>, cuts: readonly number[]): { counts: number[]; blank: number } {
  const counts = new Array<number>(cuts.length + 1).fill(0);
  let blank = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      blank++;
      continue;
    }
    // Binary search for the first cut >= v.
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] >= v) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return { counts, blank };
}

/**
 * Population stability index Σ (new − base) ln(new / base) over shares of the same bins; shares below
 * PSI_FLOOR are floored first. 0 for identical shares; symmetric in its arguments.
 */
export function populationStabilityIndex(baseCounts: readonly number[], newCounts: readonly number[]): number {
  if (baseCounts.length !== newCounts.length) throw new RangeError("PSI needs the same bins on both sides");
  const nBase = baseCounts.reduce((s, v) => s + v, 0);
  const nNew = newCounts.reduce((s, v) => s + v, 0);
  if (nBase === 0 || nNew === 0) return NaN;
  let psi = 0;
  for (let b = 0; b < baseCounts.length; b++) {
    const s = Math.max(baseCounts[b] / nBase, PSI_FLOOR);
    const t = Math.max(newCounts[b] / nNew, PSI_FLOOR);
    psi += (t - s) * Math.log(t / s);
  }
  return psi;
}

/**
 * First Wasserstein (earth mover's) distance between the two samples' empirical distributions,
 * ∫ |F_a(x) − F_b(x)| dx, blanks (NaN) skipped: how far, in the column's own units, values had to move.
 */
export function wassersteinDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const xa = sortedFinite(a);
  const xb = sortedFinite(b);
  if (xa.length === 0 || xb.length === 0) return NaN;
  let i = 0;
  let j = 0;
  let last = Math.min(xa[0], xb[0]);
  let total = 0;
  while (i < xa.length || j < xb.length) {
    const next = j >= xb.length || (i < xa.length && xa[i] <= xb[j]) ? xa[i] : xb[j];
    total += Math.abs(i / xa.length - j / xb.length) * (next - last);
    while (i < xa.length && xa[i] === next) i++;
    while (j < xb.length && xb[j] === next) j++;
    last = next;
  }
  return total;
}

/** ln P(K > λ) for the Kolmogorov distribution (the limit of √n D), finite where the tail underflows. */
export function logKolmogorovSf(lambda: number): number {
  if (Number.isNaN(lambda)) return NaN;
  if (lambda <= 0) return 0;
  if (lambda < 1.18) {
    // P(K <= λ) = √(2π)/λ Σ exp(−(2k−1)² π² / (8λ²)), which converges fast for small λ.
    const c = (Math.PI * Math.PI) / (8 * lambda * lambda);
    let cdf = 0;
    for (let k = 1; k <= 20; k++) cdf += Math.exp(-(2 * k - 1) * (2 * k - 1) * c);
    cdf *= Math.sqrt(2 * Math.PI) / lambda;
    return Math.log1p(-cdf);
  }
  // P(K > λ) = 2 Σ (−1)^(k−1) exp(−2k²λ²) = 2 e^(−2λ²) (1 − e^(−6λ²) + e^(−16λ²) − …).
  const l2 = lambda * lambda;
  let rest = 1;
  for (let k = 2; k <= 20; k++) rest += (k % 2 === 0 ? -1 : 1) * Math.exp(-2 * (k * k - 1) * l2);
  return Math.LN2 - 2 * l2 + Math.log(rest);
}

export interface KsResult {
  readonly test: "Kolmogorov-Smirnov two-sample";
  /** D: the largest gap between the two empirical distribution functions. */
  readonly statistic: number;
  readonly p: number;
  readonly logP: number;
  readonly nA: number;
  readonly nB: number;
  readonly note?: string;
}

/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, p from the asymptotic Kolmogorov distribution at
 * √(nA nB / (nA + nB)) D (scipy's kstwobign). On columns with many tied values the test is conservative.
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const xa = sortedFinite(a);
  const xb = sortedFinite(b);
  const nA = xa.length;
  const nB = xb.length;
  const base = { test: "Kolmogorov-Smirnov two-sample" as const, nA, nB };
  if (nA === 0 || nB === 0) return { ...base, statistic: NaN, p: NaN, logP: NaN, note: "a sample has no values" };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < nA && j < nB) {
    const next = Math.min(xa[i], xb[j]);
    while (i < nA && xa[i] === next) i++;
    while (j < nB && xb[j] === next) j++;
    d = Math.max(d, Math.abs(i / nA - j / nB));
  }
  const logP = logKolmogorovSf(Math.sqrt((nA * nB) / (nA + nB)) * d);
  return { ...base, statistic: d, p: Math.exp(logP), logP };
}

/** One column's drift entry, as changes.json stores it. */
export interface NumericDrift {
  readonly column: string;
  readonly kind: "numeric";
  readonly test: KsResult["test"];
  readonly statistic: number;
  readonly p: number;
  readonly logP: number;
  /** PSI on the baseline's deciles, blanks a bin of their own. */
  readonly effect: number;
  readonly effectName: "PSI";
  /** Wasserstein distance divided by the baseline's standard deviation (NaN when it has no spread). */
  readonly wassersteinSd: number;
  readonly drifted: boolean;
  readonly then: NumericSide;
  readonly now: NumericSide;
  /** The bins PSI was computed on, for a then-and-now chart: inner cuts and shares per bin (last: blanks). */
  readonly bins: {
    readonly cuts: readonly number[];
    readonly then: readonly number[];
    readonly now: readonly number[];
  };
  readonly note?: string;
}

export interface NumericSide {
  readonly n: number;
  readonly blank: number;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
}

export interface CategoryDrift {
  readonly column: string;
  readonly kind: "category";
  readonly test: "Chi-square test of homogeneity";
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly logP: number;
  /** PSI over the levels (blank a level of its own). */
  readonly effect: number;
  readonly effectName: "PSI";
  /** The level whose share moved most, in share points (now − then). */
  readonly largestShareChange: {
    readonly level: string;
    readonly then: number;
    readonly now: number;
    readonly change: number;
  };
  readonly drifted: boolean;
  /** Levels in the baseline's order (most common first), then levels new in this file. */
  readonly levels: readonly string[];
  readonly then: { readonly n: number; readonly shares: readonly number[] };
  readonly now: { readonly n: number; readonly shares: readonly number[] };
  readonly note?: string;
}

export type ColumnDrift = NumericDrift | CategoryDrift;

function isDrifted(effect: number, p: number): boolean {
  return effect >= PSI_MODERATE && p < DRIFT_ALPHA;
}

function side(values: ArrayLike<number>): NumericSide {
  const s = summarize(values);
  const sorted = sortedFinite(values);
  return { n: s.n, blank: s.missing, mean: s.mean, sd: s.sd, median: quantileOfSorted(sorted, 0.5) };
}

const shares = (counts: readonly number[]) => {
  const n = counts.reduce((s, v) => s + v, 0);
  return counts.map((c) => (n > 0 ? c / n : NaN));
};

/** Drift of a numeric column: KS test, PSI on the baseline's deciles, Wasserstein in baseline sds. */
export function numericDrift(column: string, then: ArrayLike<number>, now: ArrayLike<number>): NumericDrift {
  const cuts = quantileCuts(then);
  const a = binCounts(then, cuts);
  const b = binCounts(now, cuts);
  const withBlank = a.blank > 0 || b.blank > 0;
  const baseCounts = withBlank ? [...a.counts, a.blank] : a.counts;
  const newCounts = withBlank ? [...b.counts, b.blank] : b.counts;
  const ks = ksTwoSample(then, now);
  const effect = populationStabilityIndex(baseCounts, newCounts);
  const thenSide = side(then);
  const w = wassersteinDistance(then, now);
  const wassersteinSd = thenSide.sd > 0 ? w / thenSide.sd : NaN;
  const note = ks.note ?? (thenSide.sd > 0 ? undefined : "the baseline has no spread in this column");
  return {
    column,
    kind: "numeric",
    test: ks.test,
    statistic: ks.statistic,
    p: ks.p,
    logP: ks.logP,
    effect,
    effectName: "PSI",
    wassersteinSd,
    drifted: isDrifted(effect, ks.p),
    then: thenSide,
    now: side(now),
    bins: { cuts, then: shares(baseCounts), now: shares(newCounts) },
    ...(note ? { note } : {}),
  };
}

/** Drift of a category column: chi-square test of homogeneity (no continuity correction), PSI over levels. */
export function categoryDrift(
  column: string,
  then: readonly (string | null)[],
  now: readonly (string | null)[],
): CategoryDrift {
  const count = (values: readonly (string | null)[]) => {
    const m = new Map<string, number>();
    for (const v of values) {
      const key = v ?? BLANK_LEVEL;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  };
  const a = count(then);
  const b = count(now);
  const byShare = (m: Map<string, number>) =>
    [...m.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([k]) => k);
  const levels = [...byShare(a), ...byShare(b).filter((k) => !a.has(k))];
  const baseCounts = levels.map((k) => a.get(k) ?? 0);
  const newCounts = levels.map((k) => b.get(k) ?? 0);
  const chi = chiSquareIndependence([baseCounts, newCounts], { yates: false });
  const thenShares = shares(baseCounts);
  const nowShares = shares(newCounts);
  let best = 0;
  for (let k = 1; k < levels.length; k++) {
    if (Math.abs(nowShares[k] - thenShares[k]) > Math.abs(nowShares[best] - thenShares[best])) best = k;
  }
  const effect = populationStabilityIndex(baseCounts, newCounts);
  const p = chi.p;
  return {
    column,
    kind: "category",
    test: "Chi-square test of homogeneity",
    statistic: chi.statistic,
    df: chi.df,
    p,
    logP: chi.logP,
    effect,
    effectName: "PSI",
    largestShareChange: {
      level: levels[best] ?? "",
      then: thenShares[best] ?? NaN,
      now: nowShares[best] ?? NaN,
      change: (nowShares[best] ?? NaN) - (thenShares[best] ?? NaN),
    },
    // One level on both sides (nothing to test) is no drift.
    drifted: levels.length > 1 && isDrifted(effect, p),
    levels,
    then: { n: then.length, shares: thenShares },
    now: { n: now.length, shares: nowShares },
    ...(chi.note ? { note: chi.note } : {}),
  };
}

/** How a PSI reads, for prose: "stable", "moderate" or "major". */
export function describePsi(psi: number): "stable" | "moderate" | "major" | "undefined" {
  if (Number.isNaN(psi)) return "undefined";
  return psi < PSI_MODERATE ? "stable" : psi < PSI_MAJOR ? "moderate" : "major";
}
