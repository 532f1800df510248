// The scoring bundle (model.json): everything needed to score a new customer file the way the report's
// numbers were made: the preprocessing, the selected model, its thresholds. The segments stage adds the
// cluster assignment under `segments`.
import { encode, type EncoderSpec } from "../data/encode.js";
import type { ChurnTable } from "../data/table.js";
import type { Costs, PolicyKind } from "../threshold.js";
import { predictProbability } from "./predict.js";
import type { ExportedModel } from "./types.js";

export interface BundleThreshold {
  readonly policy: PolicyKind;
  /** Flag customers at or above this probability; null: flag nobody. */
  readonly value: number | null;
}

export interface ScoringBundle {
  readonly format: 1;
  readonly modelId: string;
  readonly modelName: string;
  /** Fitted on the training rows (duplicates removed, test set held out). */
  readonly encoder: EncoderSpec;
  readonly model: ExportedModel;
  /** The default decision: the threshold of `threshold.policy`, chosen on out-of-fold predictions. */
  readonly threshold: BundleThreshold;
  /** Every policy's threshold, for the scoring page's choice. */
  readonly thresholds: Readonly<Record<PolicyKind, number | null>>;
  readonly costs: Costs;
  readonly targetRecall: number;
  readonly trainedOn: { readonly rows: number; readonly churners: number };
  readonly seed: number;
  /** Added by the segments stage. */
  readonly segments?: unknown;
}

/** Churn probability for every row of a table (Churn column not needed). */
export function scoreTable(bundle: Pick<ScoringBundle, "encoder" | "model">, table: ChurnTable): Float64Array {
  return predictProbability(bundle.model, encode(table, bundle.encoder, { impute: false }));
}

/** 1 where the customer is flagged under the bundle's default threshold. */
export function flagged(bundle: Pick<ScoringBundle, "threshold">, probabilities: ArrayLike<number>): Uint8Array {
  const t = bundle.threshold.value;
  const out = new Uint8Array(probabilities.length);
  if (t === null) return out;
  for (let i = 0; i < probabilities.length; i++) out[i] = probabilities[i] >= t ? 1 : 0;
  return out;
}
