// From a churn probability to a decision: whom to contact. The one place for thresholds:
//   - the decision at a threshold: a customer is flagged when the score is at or above it (the convention of
//     scikit-learn's precision_recall_curve), and the figures of those decisions;
//   - three policies that choose a threshold, each searched over every distinct score (flag everyone scored
//     at or above it) plus "flag nobody":
//       best-f1        the threshold with the highest F1;
//       target-recall  the highest precision among thresholds that catch at least the target share of churners;
//       min-cost       the lowest expected cost, a missed churner costing one amount and a needless offer another.
//     Ties go to the higher threshold (fewer offers for the same figure);
//   - what the models page's slider recomputes: the decision on the test set with bootstrap intervals.
// The pipeline chooses on out-of-fold predictions only; the models page chooses again when the reader moves a
// slider or changes the costs.
import { bootstrapIntervals, type Interval } from "./metrics/bootstrap.js";
import { checkScores, sweepScores, type ScoreSweep } from "./metrics/order.js";
import type { PredictionSet } from "./models/artifact.js";

// ---------------------------------------------------------------------------------------------- decisions

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

// ---------------------------------------------------------------------------------------------- policies

export interface Costs {
  /** Cost of a churner not contacted (lost value). */
  readonly missedChurner: number;
  /** Cost of an offer to a customer who would have stayed anyway. */
  readonly needlessOffer: number;
}

/** Relative costs, not money: a missed churner taken as ten times a wasted offer. The page lets the reader change them. */
export const DEFAULT_COSTS: Costs = { missedChurner: 10, needlessOffer: 1 };
export const DEFAULT_TARGET_RECALL = 0.8;

export type ThresholdPolicy =
  | { readonly kind: "best-f1" }
  | { readonly kind: "target-recall"; readonly recall: number }
  | { readonly kind: "min-cost"; readonly costs: Costs };

export type PolicyKind = ThresholdPolicy["kind"];
export const POLICY_KINDS: readonly PolicyKind[] = ["best-f1", "target-recall", "min-cost"];

export interface ThresholdChoice extends DecisionFigures {
  readonly policy: ThresholdPolicy;
  /** Expected cost per customer at this threshold under the given costs (policy's own for min-cost). */
  readonly costPerCustomer: number;
}

/** The policy of that kind under the given costs and target recall. */
export function policyOf(kind: PolicyKind, costs: Costs, targetRecall: number): ThresholdPolicy {
  if (kind === "best-f1") return { kind };
  if (kind === "target-recall") return { kind, recall: targetRecall };
  return { kind, costs };
}

/** The three policies, in POLICY_KINDS order. */
export function thresholdPolicies(costs: Costs, targetRecall: number): ThresholdPolicy[] {
  return POLICY_KINDS.map((kind) => policyOf(kind, costs, targetRecall));
}

/** Expected cost of the decisions: each missed churner and each needless offer at its cost. */
export function expectedCost(c: Confusion, costs: Costs): number {
  return c.fn * costs.missedChurner + c.fp * costs.needlessOffer;
}

export function expectedCostPerCustomer(c: Confusion, costs: Costs): number {
  const n = c.tp + c.fp + c.tn + c.fn;
  return n > 0 ? expectedCost(c, costs) / n : NaN;
}

/** The policy's threshold on (y, p), or on a sweep already computed (the page reuses one while sliders move). */
export function chooseThreshold(
  data: ScoreSweep | { readonly y: ArrayLike<number>; readonly p: ArrayLike<number> },
  policy: ThresholdPolicy,
  costs: Costs = policy.kind === "min-cost" ? policy.costs : DEFAULT_COSTS,
): ThresholdChoice {
  const sweep = "thresholds" in data ? data : sweepScores(data.y, data.p);
  const { thresholds, tp, fp, positives, negatives } = sweep;
  // Candidate -1 is "flag nobody" (threshold Infinity); candidate k flags scores >= thresholds[k].
  const at = (k: number) => {
    const t = k < 0 ? 0 : tp[k];
    const f = k < 0 ? 0 : fp[k];
    return { tp: t, fp: f, fn: positives - t, tn: negatives - f };
  };
  let best = -1;
  let bestScore = -Infinity;
  for (let k = -1; k < thresholds.length; k++) {
    const c = at(k);
    let score: number;
    if (policy.kind === "best-f1") {
      score = f1Of(c);
    } else if (policy.kind === "target-recall") {
      if (recallOf(c) < policy.recall) continue;
      score = precisionOf(c);
    } else {
      score = -expectedCost(c, policy.costs);
    }
    // Strictly greater: among equals the first, i.e. the highest threshold, wins.
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  const c = at(best);
  return {
    ...figuresOf(c, best < 0 ? Infinity : thresholds[best]),
    policy,
    costPerCustomer: expectedCostPerCustomer(c, costs),
  };
}

export interface PolicyChoice {
  readonly kind: PolicyKind;
  readonly choice: ThresholdChoice;
}

/** Every policy's threshold on (y, p) or on a sweep, under the given costs and target recall. */
export function choosePolicies(
  data: ScoreSweep | { readonly y: ArrayLike<number>; readonly p: ArrayLike<number> },
  costs: Costs,
  targetRecall: number,
): PolicyChoice[] {
  const sweep = "thresholds" in data ? data : sweepScores(data.y, data.p);
  return thresholdPolicies(costs, targetRecall).map((policy) => ({
    kind: policy.kind,
    choice: chooseThreshold(sweep, policy, costs),
  }));
}

// ---------------------------------------------------------------------------------------------- the slider

/** Exported labels and probabilities, with their sweep computed once for the page's sliders. */
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
    totalCost: expectedCost(figures, costs),
    costNobody: positives * costs.missedChurner,
    costEveryone: negatives * costs.needlessOffer,
    n,
  };
}
