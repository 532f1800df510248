import { test } from "node:test";
import assert from "node:assert/strict";
import { encode, fitEncoder } from "../src/lib/data/encode.js";
import { selectRows, take, type FeatureMatrix } from "../src/lib/matrix.js";
import { readBundle, readExportedModel } from "../src/lib/models/load.js";
import { predictProbability } from "../src/lib/models/predict.js";
import { svmDecision } from "../src/lib/models/svm.js";
import type { ExportedModel, KnnModel } from "../src/lib/models/types.js";
import { mulberry32, randomNormal } from "../src/lib/random.js";
import { trainKnn } from "../pipeline/models/knn.js";
import { trainLogistic } from "../pipeline/models/logistic.js";
import { fitPlatt } from "../pipeline/models/platt.js";
import { baseModel } from "../pipeline/models/registry.js";
import { loadLibsvm, trainSvm } from "../pipeline/models/svm.js";
import { demoFixture } from "./fixtures/models.js";

function matrix(rows: number[][], names?: string[]): FeatureMatrix {
  const nCols = rows[0].length;
  return {
    nRows: rows.length,
    nCols,
    values: Float64Array.from(rows.flat()),
    featureNames: names ?? rows[0].map((_, j) => `x${j}`),
  };
}

function synthetic(n: number, seed: number): { X: FeatureMatrix; y: Uint8Array } {
  const r = mulberry32(seed);
  const rows: number[][] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = randomNormal(r) * 2 + 5;
    const b = randomNormal(r);
    y[i] = r() < 1 / (1 + Math.exp(-(1.5 * (a - 5) - b - 1))) ? 1 : 0;
    rows.push([a, b, i % 7 === 0 ? NaN : randomNormal(r)]);
  }
  return { X: matrix(rows), y };
}

test("logistic regression: the penalised gradient vanishes at the fit, intercept included", () => {
  const { X, y } = synthetic(400, 1);
  const m = trainLogistic(X, y, { C: 1 });
  // d/dw [sum log-loss + |w|^2 / 2C] = Z^T (p - y) + w / C = 0; d/db = sum (p - y) = 0.
  const p = predictProbability(m, X);
  const z = (i: number, j: number) =>
    ((Number.isNaN(X.values[i * 3 + j]) ? m.scaler.fill[j] : X.values[i * 3 + j]) - m.scaler.mean[j]) /
    m.scaler.scale[j];
  let gb = 0;
  const gw = [0, 0, 0];
  for (let i = 0; i < X.nRows; i++) {
    gb += p[i] - y[i];
    for (let j = 0; j < 3; j++) gw[j] += (p[i] - y[i]) * z(i, j);
  }
  assert.ok(Math.abs(gb) < 1e-8, `intercept gradient ${gb}`);
  gw.forEach((g, j) => assert.ok(Math.abs(g + m.coefficients[j]) < 1e-8, `gradient ${j}: ${g + m.coefficients[j]}`));
  assert.ok(m.coefficients[0] > 0.5 && m.coefficients[1] < -0.3, "recovers the signs of the generating model");
  // All-one labels but one: the intercept carries the base rate (a no-intercept fit could not).
  const flat = matrix(Array.from({ length: 50 }, () => [0, 0]));
  const yy = new Uint8Array(50).fill(1);
  yy[0] = 0;
  const base = trainLogistic(flat, yy);
  assert.ok(Math.abs(predictProbability(base, flat)[0] - 49 / 50) < 1e-9);
});

test("k-nearest neighbours by hand: 1/distance weights; an exact match decides alone; ties to the earlier row", () => {
  // Standardisation of a single column [0, 1, 3, 4]: mean 2, sd sqrt(2.5).
  const X = matrix([[0], [1], [3], [4]]);
  const y = Uint8Array.from([1, 0, 1, 1]);
  const m: KnnModel = trainKnn(X, y, { k: 2 });
  const s = Math.sqrt(2.5);
  // Query 0.5: neighbours 0 (d .5/s, churn) and 1 (d .5/s, stay) -> equal weights -> 0.5.
  // Query 2.5: neighbours 3 (d .5, churn) and 1 (d 1.5, stay) -> (1/.5) / (1/.5 + 1/1.5) = 0.75.
  const p = predictProbability(m, matrix([[0.5], [2.5], [4]]));
  assert.ok(Math.abs(p[0] - 0.5) < 1e-12);
  assert.ok(Math.abs(p[1] - 1 / (0.5 / s) / (1 / (0.5 / s) + 1 / (1.5 / s))) < 1e-12);
  assert.equal(p[2], 1);
  // Equal distances with k = 1 (a column with mean 0 and sd 1, so the distances are exact): row 0 wins.
  const one = trainKnn(matrix([[-1], [1], [-1], [1]]), Uint8Array.from([1, 0, 0, 1]), { k: 1 });
  assert.equal(predictProbability(one, matrix([[0]]))[0], 1);
});

test("Platt scaling recovers a known sigmoid", () => {
  const r = mulberry32(3);
  const f = Float64Array.from({ length: 5000 }, () => randomNormal(r) * 2);
  const y = Uint8Array.from(f, (v) => (r() < 1 / (1 + Math.exp(-2 * v + 0.5)) ? 1 : 0));
  const { a, b } = fitPlatt(f, y);
  assert.ok(Math.abs(a + 2) < 0.2 && Math.abs(b - 0.5) < 0.2, `a ${a}, b ${b}`);
});

test("SVM: the exported decision function agrees with libsvm; retraining gives the same JSON", async () => {
  const { X, y } = synthetic(300, 2);
  const m = await trainSvm(X, y, { C: 3, gamma: 0.2, seed: 1 });
  const again = await trainSvm(X, y, { C: 3, gamma: 0.2, seed: 1 });
  assert.equal(JSON.stringify(m), JSON.stringify(again));
  assert.ok(m.platt.a < 0, "higher decision value, higher probability");
  // libsvm's own labels on the same standardised rows.
  const SVM = await loadLibsvm();
  const svm = new SVM({ type: SVM.SVM_TYPES.C_SVC, kernel: SVM.KERNEL_TYPES.RBF, cost: 3, gamma: 0.2, quiet: true });
  const Z = Array.from({ length: X.nRows }, (_, i) =>
    Array.from(
      { length: 3 },
      (_, j) =>
        ((Number.isNaN(X.values[i * 3 + j]) ? m.scaler.fill[j] : X.values[i * 3 + j]) - m.scaler.mean[j]) /
        m.scaler.scale[j],
    ),
  );
  svm.train(Z, Array.from(y));
  const labels = (svm as unknown as { predict(s: number[][]): number[] }).predict(Z);
  svm.free();
  const d = svmDecision(m, X);
  const agree = labels.filter((l, i) => Math.abs(d[i]) < 1e-4 || (d[i] > 0 ? 1 : 0) === l).length;
  assert.equal(agree, labels.length);
});

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
  const bundle = readBundle(JSON.stringify({ format: 1, model: models[3], encoder: spec }));
  assert.equal(bundle.model.kind, "tree-ensemble");
});
