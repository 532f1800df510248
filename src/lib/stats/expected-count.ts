// How many of a set of customers will churn, when each has a probability and no outcome is known yet.
// The count is a sum of independent Bernoulli draws (a Poisson-binomial variable): its mean is the sum of
// the probabilities and its variance the sum of p(1 − p), and with hundreds of customers the normal
// approximation is close. Only as good as the probabilities' calibration, which the caller must state.
import { zForLevel } from "./special.js";

export interface ExpectedCount {
  readonly n: number;
  /** Σ p: the expected number of events. */
  readonly expected: number;
  /** √Σ p(1 − p). */
  readonly sd: number;
  /** Normal-approximation interval, clamped to [0, n]. */
  readonly low: number;
  readonly high: number;
  readonly level: number;
  /** expected / n. */
  readonly rate: number;
  readonly method: "Poisson-binomial, normal approximation";
  readonly note?: string;
}

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
  const z = zForLevel(level);
  const base = {
    n,
    expected,
    sd,
    level,
    rate: n > 0 ? expected / n : NaN,
    method: "Poisson-binomial, normal approximation" as const,
  };
  if (n === 0) return { ...base, low: NaN, high: NaN, note: "no customers" };
  return {
    ...base,
    low: Math.max(0, expected - z * sd),
    high: Math.min(n, expected + z * sd),
    ...(variance < 9
      ? { note: "the probabilities are too close to 0 or 1 for the normal approximation to be close" }
      : {}),
  };
}
