// Turning a churn probability into a decision: whom to contact. Three policies, each searched over every
// distinct score (flag everyone scored at or above it) plus "flag nobody":
//   best-f1        the threshold with the highest F1;
//   target-recall  the highest precision among thresholds that catch at least the target share of churners;
//   min-cost       the lowest expected cost, a missed churner costing one amount and a needless offer another.
// Ties go to the higher threshold (fewer offers for the same figure). The pipeline calls this on
// out-of-fold predictions only; the models page calls it again when the reader moves a slider.
import { figuresOf, type DecisionFigures } from "./metrics/confusion.js";
import { sweepScores, type ScoreSweep } from "./metrics/order.js";

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

export function expectedCostPerCustomer(c: { tp: number; fp: number; tn: number; fn: number }, costs: Costs): number {
  const n = c.tp + c.fp + c.tn + c.fn;
  return n > 0 ? (c.fn * costs.missedChurner + c.fp * costs.needlessOffer) / n : NaN;
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
      const d = 2 * c.tp + c.fp + c.fn;
      score = d > 0 ? (2 * c.tp) / d : 0;
    } else if (policy.kind === "target-recall") {
      const recall = positives > 0 ? c.tp / positives : 0;
      if (recall < policy.recall) continue;
      score = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
    } else {
      score = -(c.fn * policy.costs.missedChurner + c.fp * policy.costs.needlessOffer);
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
