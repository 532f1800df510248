import assert from "node:assert/strict";
import { test } from "node:test";
import { makePermutations, permutedScorer } from "../pipeline/models/importance.js";
import { trainKnn } from "../pipeline/models/knn.js";
import { trainLogistic } from "../pipeline/models/logistic.js";
import { trainSvm } from "../pipeline/models/svm.js";
import { trainForest } from "../pipeline/trees/train-forest.js";
import { trainGbdt } from "../pipeline/trees/train-gbdt.js";
import type { FeatureMatrix } from "../src/lib/matrix.js";
import { predictProbability } from "../src/lib/models/predict.js";
import type { ExportedModel } from "../src/lib/models/types.js";
import { mulberry32 } from "../src/lib/random.js";

// Four features: two continuous (one with blanks), a two-valued one and a one-hot pair, so shuffles leave
// some rows unchanged (equal values) and move others.
function data(n: number, seed: number): { X: FeatureMatrix; y: Uint8Array } {
  const r = mulberry32(seed);
  const d = 5;
  const values = new Float64Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = r() * 4;
    const b = i % 9 === 0 ? NaN : r();
    const flag = r() < 0.3 ? 1 : 0;
    const cat = r() < 0.5 ? 1 : 0;
    values.set([a, b, flag, cat, 1 - cat], i * d);
    y[i] = r() < 1 / (1 + Math.exp(-(a - 2 + 2 * flag - cat))) ? 1 : 0;
  }
  return { X: { nRows: n, nCols: d, values, featureNames: ["a", "b", "flag", "cat:x", "cat:y"] }, y };
}

function shuffled(X: FeatureMatrix, columns: readonly number[], perm: Int32Array): FeatureMatrix {
  const values = X.values.slice();
  for (let i = 0; i < X.nRows; i++) for (const c of columns) values[i * X.nCols + c] = X.values[perm[i] * X.nCols + c];
  return { ...X, values };
}

const groups = [
  { column: "a", features: [0] },
  { column: "b", features: [1] },
  { column: "flag", features: [2] },
  { column: "cat", features: [3, 4] },
];

function check(model: ExportedModel, X: FeatureMatrix, exact: boolean) {
  const scorer = permutedScorer(model, X);
  for (const p of makePermutations(groups, 2, X.nRows, 7)) {
    const got = scorer(p.columns, p.perm);
    const fresh = predictProbability(model, shuffled(X, p.columns, p.perm));
    const unshuffled = predictProbability(model, X);
    for (let i = 0; i < X.nRows; i++) {
      if (exact) assert.equal(got[i], fresh[i], `row ${i}, columns ${p.columns.join(",")}`);
      else assert.ok(Math.abs(got[i] - fresh[i]) < 1e-9, `row ${i}: ${got[i]} vs ${fresh[i]}`);
      // A row whose shuffled features are its own keeps its unshuffled score exactly.
      const same = p.columns.every((c) => Object.is(X.values[i * 5 + c], X.values[p.perm[i] * 5 + c]));
      if (same) assert.equal(got[i], unshuffled[i]);
    }
  }
}

const train = data(400, 1);
const test_ = data(150, 2);

test("permuted scores of tree ensembles equal scoring the shuffled rows afresh, bit for bit", () => {
  const forest = trainForest(train.X, train.y, { trees: 25, seed: 3 });
  const gbdt = trainGbdt(train.X, train.y, { rounds: 30, seed: 3 });
  check({ kind: "tree-ensemble", model: forest }, test_.X, true);
  check({ kind: "tree-ensemble", model: gbdt }, test_.X, true);
});

test("permuted scores of logistic regression equal scoring the shuffled rows afresh", () => {
  const imputed = { ...train.X, values: train.X.values.map((v) => (Number.isNaN(v) ? 0.5 : v)) };
  check(trainLogistic(imputed, train.y), test_.X, true);
});

test("permuted scores of KNN and the SVM match scoring the shuffled rows afresh", async () => {
  const imputed = (X: FeatureMatrix) => ({ ...X, values: X.values.map((v) => (Number.isNaN(v) ? 0.5 : v)) });
  check(trainKnn(imputed(train.X), train.y), imputed(test_.X), false);
  check(await trainSvm(imputed(train.X), train.y, { C: 3, gamma: 0.2, seed: 1 }), imputed(test_.X), false);
});

// A two-valued flag and a one-hot pair shuffled five times: most rows take a value an earlier repeat gave them.
test("a scorer that remembers earlier shuffles gives, bit for bit, what a fresh scorer gives for each shuffle", async () => {
  const imputed = (X: FeatureMatrix) => ({ ...X, values: X.values.map((v) => (Number.isNaN(v) ? 0.5 : v)) });
  const models: [ExportedModel, FeatureMatrix][] = [
    [{ kind: "tree-ensemble", model: trainGbdt(train.X, train.y, { rounds: 20, seed: 3 }) }, test_.X],
    [trainKnn(imputed(train.X), train.y), imputed(test_.X)],
    [await trainSvm(imputed(train.X), train.y, { C: 3, gamma: 0.2, seed: 1 }), imputed(test_.X)],
    [trainLogistic(imputed(train.X), train.y), imputed(test_.X)],
  ];
  for (const [model, X] of models) {
    const remembering = permutedScorer(model, X);
    for (const p of makePermutations(groups, 5, X.nRows, 11)) {
      const got = remembering(p.columns, p.perm);
      const fresh = permutedScorer(model, X)(p.columns, p.perm);
      for (let i = 0; i < X.nRows; i++) assert.ok(Object.is(got[i], fresh[i]), `${model.kind} row ${i}`);
    }
  }
});
