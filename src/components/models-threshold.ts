// What the threshold slider and the cost inputs recompute in the reader's browser, from the selected model's
// exported predictions: the decision at any threshold on the test set (with bootstrap intervals), and the three
// policies' thresholds re-chosen on the out-of-fold predictions under the reader's costs and target recall.
import { bootstrapIntervals, type Interval } from "../lib/metrics/bootstrap.js";
import { figuresAt, type DecisionFigures } from "../lib/metrics/confusion.js";
import { sweepScores, type ScoreSweep } from "../lib/metrics/order.js";
import type { PredictionSet } from "../lib/models/artifact.js";
import {
  chooseThreshold,
  expectedCostPerCustomer,
  POLICY_KINDS,
  type Costs,
  type PolicyKind,
  type ThresholdChoice,
} from "../lib/threshold.js";

export interface Predictions {
  readonly y: Uint8Array;
  readonly p: Float64Array;
  readonly sweep: ScoreSweep;
}

export function predictions(set: PredictionSet): Predictions {
  const y = Uint8Array.from(set.y);
  const p = Float64Array.from(set.p);
  return { y, p, sweep: sweepScores(y, p) };
}

export interface Decision {
  readonly figures: DecisionFigures;
  readonly precision: Interval;
  readonly recall: Interval;
  readonly f1: Interval;
  readonly flaggedShare: Interval;
  /** Expected cost per customer at the reader's costs, with its interval. */
  readonly cost: Interval;
  /** Whole test set: the expected cost of these decisions, of contacting nobody and of contacting everyone. */
  readonly totalCost: number;
  readonly costNobody: number;
  readonly costEveryone: number;
  readonly n: number;
}

/** The decision at a threshold on a set of predictions, figures with stratified bootstrap 95% intervals. */
export function decisionAt(
  data: Predictions,
  threshold: number,
  costs: Costs,
  { reps = 400, seed = 1 }: { reps?: number; seed?: number } = {},
): Decision {
  const figures = figuresAt(data.y, data.p, threshold);
  const iv = bootstrapIntervals(
    {
      precision: (y, p) => figuresAt(y, p, threshold).precision,
      recall: (y, p) => figuresAt(y, p, threshold).recall,
      f1: (y, p) => figuresAt(y, p, threshold).f1,
      flaggedShare: (y, p) => figuresAt(y, p, threshold).flaggedShare,
      cost: (y, p) => expectedCostPerCustomer(figuresAt(y, p, threshold), costs),
    },
    data.y,
    data.p,
    { reps, seed },
  );
  const n = data.y.length;
  const positives = data.sweep.positives;
  const negatives = data.sweep.negatives;
  return {
    figures,
    ...iv,
    totalCost: figures.fn * costs.missedChurner + figures.fp * costs.needlessOffer,
    costNobody: positives * costs.missedChurner,
    costEveryone: negatives * costs.needlessOffer,
    n,
  };
}

export interface PolicyChoice {
  readonly kind: PolicyKind;
  readonly choice: ThresholdChoice;
}

/** The three policies' thresholds on the out-of-fold predictions, under the given costs and target recall. */
export function policiesOnOof(oof: Predictions, costs: Costs, targetRecall: number): PolicyChoice[] {
  return POLICY_KINDS.map((kind) => {
    const policy =
      kind === "best-f1" ? { kind } : kind === "target-recall" ? { kind, recall: targetRecall } : { kind, costs };
    return { kind, choice: chooseThreshold(oof.sweep, policy, costs) };
  });
}
