// model.json: everything the browser needs to score a customer exactly as the pipeline did. The pipeline
// (loaders/pipeline.ts) assembles it from the models stage and the segments stage; the scoring page and its
// worker read it. One format, one implementation of scoring for Node and the browser.
import type { EncoderSpec } from "../data/encode.js";
import type { SegmentModel } from "../segments/rfm.js";
import type { TreeEnsembleModel } from "../trees/model.js";

/** How the pipeline's selected model is stored; scored by predictProbability in src/lib/models/. */
export type { ExportedModel } from "../models/types.js";
import type { ExportedModel } from "../models/types.js";

export interface ModelBundle {
  readonly version: 1;
  readonly modelId: string;
  readonly modelName: string;
  /** Fitted on the training rows only. */
  readonly encoder: EncoderSpec;
  /** Whether the model is given imputed values (linear models, KNN, SVM) or blanks as NaN (trees). */
  readonly impute: boolean;
  readonly model: ExportedModel;
  /** The report's decision threshold and the policy that chose it (on out-of-fold predictions). */
  readonly threshold: { readonly value: number; readonly policy: string };
  /**
   * Where the reasons for a score come from: TreeSHAP on a tree ensemble (the selected model, or for a
   * blend, its tree member named here), in the margin units of that ensemble.
   */
  readonly explainer: { readonly kind: "treeshap"; readonly memberName: string; readonly model: TreeEnsembleModel; readonly impute: boolean } | { readonly kind: "none" };
  readonly segments: SegmentModel;
}
