// Assembles model.json from what the models stage and the segments stage produced: the selected model and
// its preprocessing, the explainer for its reasons, and the cluster assignment.
import type { ScoringBundle } from "../src/lib/models/bundle.js";
import type { ExportedModel } from "../src/lib/models/types.js";
import type { ModelBundleFile } from "../src/lib/scoring/bundle.js";
import type { SegmentModel } from "../src/lib/segments/rfm.js";

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

export function assembleModelBundle(scoring: ScoringBundle, segments: SegmentModel): ModelBundleFile {
  const path = treeMemberPath(scoring.model);
  const value = scoring.threshold.value;
  return {
    version: 1,
    modelId: scoring.modelId,
    modelName: scoring.modelName,
    encoder: scoring.encoder,
    // Every exported model takes the encoder's output with blanks as NaN; the ones that cannot use NaN
    // carry their own imputation (src/lib/models/scaler.ts).
    impute: false,
    model: scoring.model,
    // A best-F1 threshold is never "flag nobody" when both classes are present; if it were, the largest
    // double keeps that meaning through JSON.
    threshold: { value: value ?? Number.MAX_VALUE, policy: scoring.threshold.policy },
    explainer: path
      ? { kind: "treeshap", memberName: path.length === 0 ? "" : "tree-ensemble", memberPath: path, impute: false }
      : { kind: "none" },
    segments,
    thresholds: scoring.thresholds,
    costs: scoring.costs,
    trainedOn: scoring.trainedOn,
  };
}
