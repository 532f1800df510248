// How the evaluation writes its numbers into models.json: figures rounded to 6 decimals (curve points to 5),
// a threshold that flags nobody (Infinity) as null, since JSON has no Infinity.
import type { Interval } from "../../src/lib/metrics/bootstrap.js";
import { meanSd } from "../../src/lib/metrics/summary.js";
import type { DecisionSummary, IntervalFigure, MeanSdFigure } from "../../src/lib/models/artifact.js";
import { figuresAt } from "../../src/lib/threshold.js";

export function round6(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}

/** Curve points, rounded to `digits` decimals. */
export function roundAll(values: readonly number[], digits = 5): number[] {
  return values.map((v) => Math.round(v * 10 ** digits) / 10 ** digits);
}

export function thresholdValue(t: number): number | null {
  return Number.isFinite(t) ? round6(t) : null;
}

/** Mean and sample sd of per-fold values, with the folds. */
export function meanSdFigure(folds: number[]): MeanSdFigure {
  const s = meanSd(folds);
  return { mean: round6(s.mean), sd: round6(s.sd), folds: folds.map(round6) };
}

export function intervalFigure(i: Interval): IntervalFigure {
  return { estimate: round6(i.estimate), lo: round6(i.lo), hi: round6(i.hi) };
}

/** Accuracy, precision, recall and F1 of the decisions at a threshold. */
export function decisionSummary(y: Uint8Array, p: Float64Array, threshold: number): DecisionSummary {
  const f = figuresAt(y, p, threshold);
  return {
    threshold: thresholdValue(threshold),
    accuracy: round6(f.accuracy),
    precision: round6(f.precision),
    recall: round6(f.recall),
    f1: round6(f.f1),
  };
}
