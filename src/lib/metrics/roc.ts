// Area under the ROC curve and the curve itself. With tied scores the area is the Mann–Whitney statistic:
// the probability that a random churner scores above a random stayer, a tie counting one half. That equals
// the trapezoidal area under the curve whose points are the distinct scores (scikit-learn's roc_auc_score).
import { sweepScores } from "./order.js";

/** ROC-AUC; NaN when one class is absent (the area is undefined then). */
export function rocAuc(y: ArrayLike<number>, p: ArrayLike<number>): number {
  const { tp, fp, positives, negatives } = sweepScores(y, p);
  if (positives === 0 || negatives === 0) return NaN;
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < tp.length; k++) {
    const a = tp[k] - prevTp;
    const b = fp[k] - prevFp;
    // Churners of this group beat every stayer scored lower and tie with the group's stayers.
    area += a * (negatives - fp[k]) + 0.5 * a * b;
    prevTp = tp[k];
    prevFp = fp[k];
  }
  return area / (positives * negatives);
}

export interface RocCurve {
  /** From (0, 0) to (1, 1). */
  readonly fpr: number[];
  readonly tpr: number[];
  /** Flag rows scored at or above this; the first point's is Infinity (flag nobody; JSON writes null). */
  readonly threshold: number[];
}

export interface RocCurveOptions {
  /** Leave out points on a straight segment between their neighbours (they change neither plot nor area). */
  readonly dropIntermediate?: boolean;
}

export function rocCurve(y: ArrayLike<number>, p: ArrayLike<number>, options: RocCurveOptions = {}): RocCurve {
  const { thresholds, tp, fp, positives, negatives } = sweepScores(y, p);
  const fpr = [0];
  const tpr = [0];
  const threshold = [Infinity];
  for (let k = 0; k < thresholds.length; k++) {
    fpr.push(negatives ? fp[k] / negatives : 0);
    tpr.push(positives ? tp[k] / positives : 0);
    threshold.push(thresholds[k]);
  }
  if (options.dropIntermediate === false || fpr.length <= 2) return { fpr, tpr, threshold };
  // Collinearity tested on counts, which are exact, not on rates.
  const keep: number[] = [0];
  const T = [0, ...tp];
  const F = [0, ...fp];
  for (let k = 1; k < fpr.length - 1; k++) {
    const d1t = T[k] - T[k - 1];
    const d1f = F[k] - F[k - 1];
    const d2t = T[k + 1] - T[k];
    const d2f = F[k + 1] - F[k];
    if (d1t * d2f !== d1f * d2t) keep.push(k);
  }
  keep.push(fpr.length - 1);
  return { fpr: keep.map((k) => fpr[k]), tpr: keep.map((k) => tpr[k]), threshold: keep.map((k) => threshold[k]) };
}
