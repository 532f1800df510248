// Hard decisions at a threshold. A customer is flagged when the score is at or above the threshold (the
// convention of scikit-learn's precision_recall_curve, which the threshold policies search).
import { checkScores } from "./order.js";

export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

export function confusionAt(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number): Confusion {
  checkScores(y, p, "confusionAt");
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < y.length; i++) {
    const flagged = p[i] >= threshold;
    if (y[i] === 1) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

/** Share of flagged customers who churn; 0 when nobody is flagged (scikit-learn's zero_division=0). */
export function precisionOf(c: Confusion): number {
  return c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
}

/** Share of churners flagged; 0 when there are none. */
export function recallOf(c: Confusion): number {
  return c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
}

export function f1Of(c: Confusion): number {
  const denominator = 2 * c.tp + c.fp + c.fn;
  return denominator > 0 ? (2 * c.tp) / denominator : 0;
}

export function accuracyOf(c: Confusion): number {
  const n = c.tp + c.fp + c.tn + c.fn;
  return n > 0 ? (c.tp + c.tn) / n : NaN;
}

export interface DecisionFigures extends Confusion {
  /** Infinity: flag nobody. */
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
  /** Share of customers flagged. */
  readonly flaggedShare: number;
}

export function figuresOf(c: Confusion, threshold: number): DecisionFigures {
  const n = c.tp + c.fp + c.tn + c.fn;
  return {
    threshold,
    ...c,
    precision: precisionOf(c),
    recall: recallOf(c),
    f1: f1Of(c),
    accuracy: accuracyOf(c),
    flaggedShare: n > 0 ? (c.tp + c.fp) / n : NaN,
  };
}

export function figuresAt(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number): DecisionFigures {
  return figuresOf(confusionAt(y, p, threshold), threshold);
}
