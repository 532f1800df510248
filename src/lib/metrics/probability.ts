// Scores of the probabilities themselves, not just their order: they matter once a probability is used as
// one (expected cost, expected value of an offer).
import { checkScores } from "./order.js";

/**
 * Mean negative log-likelihood. Probabilities are clipped to [eps, 1 - eps] so a confident mistake costs a
 * large finite amount rather than Infinity (eps = 1e-15, scikit-learn's long-standing default).
 */
export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>, eps = 1e-15): number {
  checkScores(y, p, "logLoss");
  if (y.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    sum -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return sum / y.length;
}

/** Brier score: mean squared difference between probability and outcome. */
export function brier(y: ArrayLike<number>, p: ArrayLike<number>): number {
  checkScores(y, p, "brier");
  if (y.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const d = p[i] - y[i];
    sum += d * d;
  }
  return sum / y.length;
}
