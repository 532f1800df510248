import { test } from "node:test";
import assert from "node:assert/strict";
import { encode, fitEncoder } from "../src/lib/data/encode.js";
import { selectRows, take, type FeatureMatrix } from "../src/lib/matrix.js";
import { readExportedModel } from "../src/lib/models/load.js";
import { predictProbability } from "../src/lib/models/predict.js";
import type { ExportedModel } from "../src/lib/models/types.js";
import { trainLogistic } from "../pipeline/models/logistic.js";
import { baseModel } from "../pipeline/models/registry.js";
import { demoFixture } from "./fixtures/models.js";

test("every model kind scores the same bits after a JSON round trip (the browser reads model.json)", async () => {
  const { table } = demoFixture(500, 11);
  const rows = Int32Array.from({ length: 400 }, (_, i) => i);
  const held = Int32Array.from({ length: 100 }, (_, i) => 400 + i);
  const spec = fitEncoder(table, rows);
  const X = encode(table, spec, { impute: false });
  const Xtr = selectRows(X, rows);
  const ytr = take(table.churn!, rows);
  const models: ExportedModel[] = [];
  for (const id of ["logistic", "knn", "svm", "gbdt-leafwise"]) models.push(await baseModel(id).train(Xtr, ytr, 1));
  // The registry's SVM leaves Platt to the evaluation; give it one here.
  models[2] = { ...(models[2] as Extract<ExportedModel, { kind: "svm" }>), platt: { a: -1.5, b: 0.2 } };
  models.push({ kind: "voting", memberIds: ["a", "b"], members: [models[0], models[3]] });
  // A meta-model over two members' probabilities (any two columns of numbers will do for a round trip).
  const two: FeatureMatrix = {
    nRows: 400,
    nCols: 2,
    values: new Float64Array(800).map((_, k) => (k % 2 ? 0.3 : 0.6) + (k % 7) / 20),
    featureNames: ["a", "b"],
  };
  models.push({
    kind: "stacking",
    memberIds: ["a", "b"],
    members: [models[1], models[3]],
    meta: trainLogistic(two, ytr, { standardise: false }),
  });
  const Xheld = selectRows(X, held);
  for (const model of models) {
    const direct = predictProbability(model, Xheld);
    const parsed = readExportedModel(JSON.parse(JSON.stringify(model)));
    assert.deepEqual(predictProbability(parsed, Xheld), direct, model.kind);
    assert.ok(
      direct.every((v) => v >= 0 && v <= 1),
      model.kind,
    );
  }
});
