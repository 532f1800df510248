// A model bundle for the scoring tests and bench, made the way the pipeline makes one: the encoder fitted on
// the rows, a gradient-boosted model trained on them with the tree engine, the segments stage's model. Used
// until (and besides) the pipeline's own model.json, so the tests do not depend on which model it selects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readInput } from "../pipeline/input/read-input.js";
import { buildSegments } from "../pipeline/segments/segments.js";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { trainGbdt } from "../pipeline/trees/train-gbdt.js";
import { encode, fitEncoder } from "../src/lib/data/encode.js";
import { distinctRows } from "../src/lib/data/split.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { readModelBundle, type ModelBundle, type ModelBundleFile } from "../src/lib/scoring/bundle.js";

export const DEMO_CSV = join(PROJECT_ROOT, "data", "demo-churn.csv");
export const REAL_CSV = join(PROJECT_ROOT, "..", "shared", "data", "ecommerce-churn.csv");
export const REAL_XLSX = join(PROJECT_ROOT, "..", "shared", "data", "ecommerce-churn.xlsx");

export interface TestBundle {
  readonly bundle: ModelBundle;
  readonly table: ChurnTable;
}

/** A gbdt bundle trained on a data file (small and quick: 60 rounds of depth 4). */
export async function buildTestBundle(path = DEMO_CSV, rounds = 60): Promise<TestBundle> {
  const input = await readInput(path);
  const table = input.table;
  const encoder = fitEncoder(table);
  const X = encode(table, encoder, { impute: false });
  const model = trainGbdt(X, table.churn as Uint8Array, { rounds, maxDepth: 4, learningRate: 0.2, seed: 7 });
  const segments = buildSegments({
    table,
    rows: distinctRows(input.duplicates.duplicateOf),
    oofProbability: null,
    k: 6,
    seed: 42,
  });
  const bundle: ModelBundle = {
    version: 1,
    modelId: "gbdt-test",
    modelName: "Gradient boosting (test bundle)",
    encoder,
    impute: false,
    model: { kind: "tree-ensemble", model },
    threshold: { value: 0.35, policy: "test" },
    explainer: { kind: "treeshap", memberName: "", model, impute: false },
    segments: segments.model,
    thresholds: { "best-f1": 0.35 },
    costs: { missedChurner: 10, needlessOffer: 1 },
    trainedOn: { rows: table.nRows, churners: (table.churn as Uint8Array).reduce((s, v) => s + v, 0) },
  };
  // Through JSON, as the page gets it.
  const file: ModelBundleFile = {
    ...bundle,
    explainer: { kind: "treeshap", memberName: "", memberPath: [], impute: false },
  };
  return { bundle: readModelBundle(JSON.parse(JSON.stringify(file))), table };
}

export function readBundle(path: string): ModelBundle {
  return readModelBundle(JSON.parse(readFileSync(path, "utf-8")));
}
