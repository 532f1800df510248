// model.json: everything the browser needs to score a customer exactly as the pipeline did. The pipeline
// (pipeline/pipeline.ts) assembles it from the models stage and the segments stage; the scoring page and its
// worker read it. One format, one implementation of scoring for Node and the browser.
import type { EncoderSpec } from "../data/encode.js";
import type { SegmentModel } from "../segments/rfm.js";
import { readExportedModel } from "../models/load.js";
import { type TreeEnsembleModel } from "../trees/model.js";

/** How the pipeline's selected model is stored; scored by predictProbability in src/lib/models/. */
export type { ExportedModel } from "../models/types.js";
import type { ExportedModel, LogisticModel } from "../models/types.js";

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
   * blend, its tree member named here), in the margin units of that ensemble; or, for a deployed logistic
   * regression, its exact per-feature contributions (coefficient x standardised value, in log-odds).
   */
  readonly explainer:
    | {
        readonly kind: "treeshap";
        readonly memberName: string;
        readonly model: TreeEnsembleModel;
        readonly impute: boolean;
      }
    | { readonly kind: "linear"; readonly memberName: string; readonly model: LogisticModel }
    | { readonly kind: "none" };
  readonly segments: SegmentModel;
  /** Every threshold policy's choice (null: that policy flags nobody), and the costs it was chosen with. */
  readonly thresholds: Readonly<Record<string, number | null>>;
  readonly costs: { readonly missedChurner: number; readonly needlessOffer: number };
  readonly trainedOn: { readonly rows: number; readonly churners: number };
}

/** The explainer as stored: a path to the tree ensemble inside `model` ([] = the model itself), not a copy. */
export type StoredExplainer =
  | {
      readonly kind: "treeshap";
      readonly memberName: string;
      readonly memberPath: readonly number[];
      readonly impute: boolean;
    }
  | { readonly kind: "linear"; readonly memberName: string; readonly memberPath: readonly number[] }
  | { readonly kind: "none" };

/** model.json as written: the explainer points into the model instead of repeating megabytes of trees. */
export type ModelBundleFile = Omit<ModelBundle, "explainer"> & { readonly explainer: StoredExplainer };

function nodeAt(model: ExportedModel, path: readonly number[]): ExportedModel {
  let node = model;
  for (const i of path) {
    if (node.kind !== "voting" && node.kind !== "stacking")
      throw new Error("model.json: explainer path leads into a model without members");
    node = node.members[i];
  }
  return node;
}

function logisticAt(model: ExportedModel, path: readonly number[]): LogisticModel {
  const node = nodeAt(model, path);
  if (node.kind !== "logistic")
    throw new Error(`model.json: the explainer points at a ${node.kind} model, not a logistic regression`);
  return node;
}

function memberAt(model: ExportedModel, path: readonly number[]): TreeEnsembleModel {
  const node = nodeAt(model, path);
  if (node.kind !== "tree-ensemble")
    throw new Error(`model.json: the explainer points at a ${node.kind} model, not a tree ensemble`);
  return node.model;
}

/**
 * model.json as parsed JSON back into a bundle that scores. JSON has no Infinity, and a tree split "above
 * every value" comes back as null, which a comparison would read as 0: the models' reader restores it.
 */
export function readModelBundle(raw: unknown): ModelBundle {
  const file = raw as ModelBundleFile | null;
  if (!file || typeof file !== "object" || file.version !== 1)
    throw new Error("model.json: not a version-1 model bundle");
  const model = readExportedModel(file.model);
  const stored = file.explainer;
  return {
    ...file,
    model,
    explainer:
      stored.kind === "treeshap"
        ? {
            kind: "treeshap",
            memberName: stored.memberName,
            impute: stored.impute,
            model: memberAt(model, stored.memberPath),
          }
        : stored.kind === "linear"
          ? { kind: "linear", memberName: stored.memberName, model: logisticAt(model, stored.memberPath) }
          : stored,
  };
}
