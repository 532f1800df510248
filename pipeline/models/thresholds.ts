// Each model's decision thresholds, one per policy (src/lib/threshold.ts), chosen on its out-of-fold
// probabilities of the training set only: the test set is scored once, at these thresholds.
import type { PolicyThreshold } from "../../src/lib/models/artifact.js";
import { choosePolicies, type Costs, type PolicyKind } from "../../src/lib/threshold.js";
import { round6, thresholdValue } from "./figures.js";

export interface ModelThresholds {
  /** As models.json has them: rounded, null for "flag nobody", with the out-of-fold figures at each. */
  readonly thresholds: Record<PolicyKind, PolicyThreshold>;
  /** The exact thresholds (Infinity: flag nobody), to score the test set at. */
  readonly chosen: Record<PolicyKind, number>;
}

export function chooseThresholds(
  yTrain: Uint8Array,
  pOof: Float64Array,
  costs: Costs,
  targetRecall: number,
): ModelThresholds {
  const thresholds = {} as Record<PolicyKind, PolicyThreshold>;
  const chosen = {} as Record<PolicyKind, number>;
  for (const { kind, choice: c } of choosePolicies({ y: yTrain, p: pOof }, costs, targetRecall)) {
    chosen[kind] = c.threshold;
    thresholds[kind] = {
      threshold: thresholdValue(c.threshold),
      oof: {
        precision: round6(c.precision),
        recall: round6(c.recall),
        f1: round6(c.f1),
        flaggedShare: round6(c.flaggedShare),
        costPerCustomer: round6(c.costPerCustomer),
      },
    };
  }
  return { thresholds, chosen };
}
