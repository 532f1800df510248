// How many of a set of customers will churn, when each has a probability and no outcome is known yet.
// The count is a sum of independent Bernoulli draws (a Poisson-binomial variable): its mean is the sum of
// the probabilities and its variance the sum of p(1 − p). The interval is the distribution's own central
// quantiles, computed exactly by convolving the customers one at a time; only when that would take too long
// (hundreds of thousands of customers with a wide spread, where the normal approximation is very close) is it
// the normal approximation instead. Either way it covers the chance in who churns given the probabilities,
// not an error in the probabilities themselves: it is only as good as their calibration, which the caller
// must state.
import { zForLevel } from "./special.js";

export type ExpectedCountMethod = "Poisson-binomial, exact" | "Poisson-binomial, normal approximation";

export interface ExpectedCount {
  readonly n: number;
  /** Σ p: the expected number of events. */
  readonly expected: number;
  /** √Σ p(1 − p). */
  readonly sd: number;
  /**
   * Central interval at `level`: exact, the whole counts whose tails each hold at most (1 − level) / 2 (so
   * it covers at least `level`); or, by the normal approximation, mean ± z·sd clamped to [0, n].
   */
  readonly low: number;
  readonly high: number;
  readonly level: number;
  /** expected / n. */
  readonly rate: number;
  readonly method: ExpectedCountMethod;
  readonly note?: string;
}

/** Above this many multiply-adds the exact distribution gives way to the normal approximation. */
const EXACT_WORK_LIMIT = 3e8;
/** Probability mass trimmed from either end of the distribution as it grows (far below any tail used). */
const TRIM = 1e-18;

export function expectedCount(probabilities: ArrayLike<number>, level = 0.95): ExpectedCount {
  let expected = 0;
  let variance = 0;
  const n = probabilities.length;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    if (!(p >= 0 && p <= 1)) throw new RangeError(`probability ${p} at ${i} is not in [0, 1]`);
    expected += p;
    variance += p * (1 - p);
  }
  const sd = Math.sqrt(variance);
  const base = { n, expected, sd, level, rate: n > 0 ? expected / n : NaN };
  if (n === 0) return { ...base, low: NaN, high: NaN, method: "Poisson-binomial, exact", note: "no customers" };
  // The trimmed distribution spans about 18 sd (9 either side of the mean holds all but 1e-18 of the mass).
  if (n * (18 * sd + 40) <= EXACT_WORK_LIMIT) {
    const { low, high } = exactQuantiles(probabilities, (1 - level) / 2);
    return { ...base, low, high, method: "Poisson-binomial, exact" };
  }
  const z = zForLevel(level);
  return {
    ...base,
    low: Math.max(0, expected - z * sd),
    high: Math.min(n, expected + z * sd),
    method: "Poisson-binomial, normal approximation",
    ...(variance < 9
      ? { note: "the probabilities are too close to 0 or 1 for the normal approximation to be close" }
      : {}),
  };
}

/**
 * The Poisson-binomial distribution of the count, built one customer at a time (P'(k) = P(k)(1 − p) +
 * P(k − 1)p) over the counts that still hold mass, and its `tail` and 1 − `tail` quantiles: the smallest k
 * with P(X ≤ k) ≥ tail, and the smallest k with P(X ≥ k + 1) ≤ tail.
 */
export function exactQuantiles(probabilities: ArrayLike<number>, tail: number): { low: number; high: number } {
  const n = probabilities.length;
  const dist = new Float64Array(n + 2);
  dist[0] = 1;
  let lo = 0;
  let hi = 0; // dist holds mass on lo..hi
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    const q = 1 - p;
    dist[hi + 1] = 0;
    for (let k = hi + 1; k > lo; k--) dist[k] = dist[k] * q + dist[k - 1] * p;
    dist[lo] *= q;
    hi++;
    while (lo < hi && dist[lo] < TRIM) dist[lo++] = 0;
    while (hi > lo && dist[hi] < TRIM) dist[hi--] = 0;
  }
  let total = 0;
  for (let k = lo; k <= hi; k++) total += dist[k];
  let cdf = 0;
  let low = hi;
  for (let k = lo; k <= hi; k++) {
    cdf += dist[k] / total;
    if (cdf >= tail) {
      low = k;
      break;
    }
  }
  let upper = 0;
  let high = lo;
  for (let k = hi; k >= lo; k--) {
    upper += dist[k] / total;
    if (upper > tail) {
      high = k;
      break;
    }
  }
  return { low, high };
}
