// Assembles model.json from what the models stage and the segments stage produced: the selected model and
// its preprocessing, the explainer for its reasons, and the cluster assignment.
import type { EncoderSpec } from "../src/lib/data/encode.js";
import type { ExportedModel } from "../src/lib/models/types.js";
import type { ModelBundleFile } from "../src/lib/scoring/bundle.js";
import type { SegmentModel } from "../src/lib/segments/rfm.js";
import type { Costs, PolicyKind } from "../src/lib/threshold.js";

/** What the models stage hands over for model.json: the deployed model, its preprocessing and thresholds. */
export interface DeployedModel {
  readonly modelId: string;
  readonly modelName: string;
  /** Fitted on the training rows (duplicates removed, test set held out). */
  readonly encoder: EncoderSpec;
  readonly model: ExportedModel;
  /** The default decision: the threshold of `policy`, chosen on out-of-fold predictions; null: flag nobody. */
  readonly threshold: { readonly policy: PolicyKind; readonly value: number | null };
  /** Every policy's threshold, for the scoring page's choice. */
  readonly thresholds: Readonly<Record<PolicyKind, number | null>>;
  readonly costs: Costs;
  readonly trainedOn: { readonly rows: number; readonly churners: number };
}

/** Where the first tree ensemble sits in a model (itself: [], or a blend's member), which TreeSHAP can explain. */
function treeMemberPath(model: ExportedModel): number[] | null {
  if (model.kind === "tree-ensemble") return [];
  if (model.kind === "voting" || model.kind === "stacking") {
    for (let i = 0; i < model.members.length; i++) {
      const found = treeMemberPath(model.members[i]);
      if (found) return [i, ...found];
    }
  }
  return null;
}

export function assembleModelBundle(deployed: DeployedModel, segments: SegmentModel): ModelBundleFile {
  const path = treeMemberPath(deployed.model);
  const value = deployed.threshold.value;
  return {
    version: 1,
    modelId: deployed.modelId,
    modelName: deployed.modelName,
    encoder: deployed.encoder,
    // Every exported model takes the encoder's output with blanks as NaN; the ones that cannot use NaN
    // carry their own imputation (src/lib/models/scaler.ts).
    impute: false,
    model: deployed.model,
    // A best-F1 threshold is never "flag nobody" when both classes are present; if it were, the largest
    // double keeps that meaning through JSON.
    threshold: { value: value ?? Number.MAX_VALUE, policy: deployed.threshold.policy },
    explainer: path
      ? { kind: "treeshap", memberName: path.length === 0 ? "" : "tree-ensemble", memberPath: path, impute: false }
      : deployed.model.kind === "logistic"
        ? { kind: "linear", memberName: "", memberPath: [] }
        : { kind: "none" },
    segments,
    thresholds: deployed.thresholds,
    costs: deployed.costs,
    trainedOn: deployed.trainedOn,
  };
}
