// Precision–recall curve and average precision as scikit-learn computes them: one point per distinct
// score, and AP = sum over those points of (recall gained) x (precision there), a step function, not the
// trapezoid (which is optimistic for PR curves).
import { sweepScores } from "./order.js";

export interface PrCurve {
  /** Highest threshold first; recall rises along the arrays. */
  readonly precision: number[];
  readonly recall: number[];
  readonly threshold: number[];
}

export function prCurve(y: ArrayLike<number>, p: ArrayLike<number>): PrCurve {
  const { thresholds, tp, fp, positives } = sweepScores(y, p);
  const precision: number[] = [];
  const recall: number[] = [];
  const threshold: number[] = [];
  for (let k = 0; k < thresholds.length; k++) {
    precision.push(tp[k] / (tp[k] + fp[k]));
    recall.push(positives ? tp[k] / positives : 0);
    threshold.push(thresholds[k]);
  }
  return { precision, recall, threshold };
}

/** Average precision (PR-AUC); NaN without churners. */
export function averagePrecision(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const { tp, fp, positives } = sweepScores(y, p);
  if (positives === 0) return NaN;
  let ap = 0;
  let prevTp = 0;
  for (let k = 0; k < tp.length; k++) {
    if (tp[k] > prevTp) ap += ((tp[k] - prevTp) / positives) * (tp[k] / (tp[k] + fp[k]));
    prevTp = tp[k];
  }
  return ap;
}
