// Reading an exported model back from JSON (inside model.json: src/lib/scoring/bundle.ts reads the rest).
// JSON.parse alone is not enough: JSON has no Infinity, and a tree split "above every value" comes back as
// null, which a comparison would treat as 0; the tree engine's reader restores it.
import { modelFromJSON } from "../trees/model.js";
import type { ExportedModel } from "./types.js";

const KINDS = new Set(["logistic", "knn", "svm", "tree-ensemble", "voting", "stacking"]);

export function readExportedModel(raw: unknown): ExportedModel {
  const model = raw as ExportedModel | null;
  if (!model || typeof model !== "object" || !KINDS.has((model as { kind?: string }).kind ?? "")) {
    throw new Error(`exported model: unknown kind ${String((model as { kind?: unknown } | null)?.kind)}`);
  }
  switch (model.kind) {
    case "tree-ensemble":
      return { kind: "tree-ensemble", model: modelFromJSON(model.model) };
    case "voting":
      return { ...model, members: model.members.map(readExportedModel) };
    case "stacking":
      return {
        ...model,
        members: model.members.map(readExportedModel),
        meta: readExportedModel(model.meta) as typeof model.meta,
      };
    default:
      return model;
  }
}
