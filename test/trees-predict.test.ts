import assert from "node:assert/strict";
import { test } from "node:test";
import { trainForest } from "../pipeline/trees/train-forest.js";
import { trainGbdt } from "../pipeline/trees/train-gbdt.js";
import type { FeatureMatrix } from "../src/lib/matrix.js";
import { mulberry32 } from "../src/lib/random.js";
import { modelFromJSON, modelToJSON, type TreeEnsembleModel } from "../src/lib/trees/model.js";
import { flatten, leafOf, predictMargin, predictProba, sigmoid } from "../src/lib/trees/predict.js";

function synthetic(n: number, seed: number) {
  const d = 4;
  const random = mulberry32(seed);
  const values = new Float64Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) values[i * d + j] = random() < 0.05 ? NaN : Math.round(random() * 1000) / 10;
    const x0 = values[i * d];
    y[i] = (x0 === x0 ? x0 : 80) + 30 * random() > 60 !== values[i * d + 2] > 90 ? 1 : 0;
  }
  const X: FeatureMatrix = { nRows: n, nCols: d, values, featureNames: ["a", "b", "c", "d"] };
  return { X, y };
}

function oneColumn(values: number[]): FeatureMatrix {
  return { nRows: values.length, nCols: 1, values: Float64Array.from(values), featureNames: ["x"] };
}

test("an exported and re-imported model scores exactly as the trained one", () => {
  const { X, y } = synthetic(1500, 1);
  const unseen = synthetic(500, 2).X;
  const models: TreeEnsembleModel[] = [
    trainGbdt(X, y, { rounds: 40, subsample: 0.8, colsample: 0.75 }),
    trainGbdt(X, y, { rounds: 40, growth: "leafwise", maxDepth: Infinity, maxLeaves: 15 }),
    trainForest(X, y, { trees: 20 }),
  ];
  for (const model of models) {
    const text = modelToJSON(model);
    const back = modelFromJSON(text);
    assert.deepEqual(predictMargin(back, unseen), predictMargin(model, unseen));
    assert.deepEqual(predictProba(back, unseen), predictProba(model, unseen));
    assert.deepEqual(predictProba(modelFromJSON(JSON.parse(text)), X), predictProba(model, X));
  }
});

test("gbdt probability is the sigmoid of baseScore plus the leaf values", () => {
  const { X, y } = synthetic(500, 3);
  const model = trainGbdt(X, y, { rounds: 5, maxDepth: 2 });
  const margin = predictMargin(model, X);
  const proba = predictProba(model, X);
  for (let i = 0; i < 10; i++) {
    let m = model.baseScore;
    for (const t of model.trees) {
      let node = 0;
      while (t.feature[node] !== -1) {
        const v = X.values[i * 4 + t.feature[node]];
        node =
          v !== v
            ? t.defaultLeft[node]
              ? t.left[node]
              : t.right[node]
            : v <= t.threshold[node]
              ? t.left[node]
              : t.right[node];
      }
      m += t.value[node];
    }
    assert.ok(Math.abs(margin[i] - m) < 1e-12);
    assert.ok(Math.abs(proba[i] - sigmoid(m)) < 1e-15);
  }
});

test("a value never seen in training routes by the threshold, halfway between seen values", () => {
  const X = oneColumn([1, 1, 2, 2, 4, 4, 8, 8]);
  const y = Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
  const model = trainGbdt(X, y, { rounds: 1, maxDepth: 1, learningRate: 1, minChildWeight: 0 });
  assert.equal(model.trees[0].threshold[0], 3);
  const p = predictProba(model, oneColumn([2.9, 3, 3.1, -100, 1e9]));
  assert.deepEqual(
    Array.from(p, (v) => (v > 0.5 ? 1 : 0)),
    [0, 0, 1, 0, 1],
  );
});

test("missing values at a split never trained with any go to the heavier side", () => {
  const X = oneColumn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const y = Uint8Array.from([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  const model = trainGbdt(X, y, { rounds: 1, maxDepth: 1, learningRate: 1, minChildWeight: 0 });
  const t = model.trees[0];
  assert.equal(t.defaultLeft[0], t.cover[t.left[0]] >= t.cover[t.right[0]] ? 1 : 0);
  assert.equal(t.defaultLeft[0], 0);
  assert.ok(predictProba(model, oneColumn([NaN]))[0] > 0.5);
});

test("thresholds survive JSON even for a split on missingness alone", () => {
  const X = oneColumn([1, 1, 1, NaN, NaN, 1, 1, NaN]);
  const y = Uint8Array.from([0, 0, 0, 1, 1, 0, 0, 1]);
  const model = trainGbdt(X, y, { rounds: 3, maxDepth: 1, learningRate: 1, minChildWeight: 0 });
  assert.equal(model.trees[0].threshold[0], Number.MAX_VALUE);
  const back = modelFromJSON(modelToJSON(model));
  assert.ok(back.trees.every((t) => t.threshold.every((v) => typeof v === "number")));
  const probe = oneColumn([1, NaN, 1e300]);
  assert.deepEqual(predictProba(back, probe), predictProba(model, probe));
  const p = predictProba(back, probe);
  assert.ok(p[0] < 0.5 && p[1] > 0.5);
});

test("malformed models and wrong widths are refused", () => {
  const { X, y } = synthetic(200, 4);
  const model = trainGbdt(X, y, { rounds: 2, maxDepth: 2 });
  const text = modelToJSON(model);
  assert.throws(() => modelFromJSON("{}"));
  assert.throws(() => modelFromJSON(text.replace('"kind":"gbdt"', '"kind":"svm"')));
  const broken = JSON.parse(text) as TreeEnsembleModel;
  broken.trees[0].left[0] = 0;
  assert.throws(() => modelFromJSON(broken), /bad children/);
  const short = JSON.parse(text) as TreeEnsembleModel;
  short.trees[1].value.pop();
  assert.throws(() => modelFromJSON(short), /wrong length/);
  assert.throws(() => predictProba(model, oneColumn([1])), /expects 4 features/);
});

test("block-wise scoring equals walking each row down each tree, across block edges and with missing values, in the file's order and in the grouped walking order of large matrices", () => {
  const { X: small, y } = synthetic(1000, 7);
  // 6,000 rows: past the size from which predictMargin walks rows grouped by their split intervals.
  const X = synthetic(6000, 8).X;
  for (const model of [
    trainGbdt(small, y, { rounds: 20, growth: "leafwise", maxDepth: Infinity, maxLeaves: 30 }),
    trainForest(small, y, { trees: 10 }),
  ]) {
    const inOrder = predictMargin(model, small);
    const alone = Float64Array.from(
      { length: small.nRows },
      (_, i) => predictMargin(model, { ...small, nRows: 1, values: small.values.subarray(i * 4, i * 4 + 4) })[0],
    );
    assert.deepEqual(inOrder, alone);
    const flat = flatten(model);
    const scale = model.kind === "forest" ? 1 / model.trees.length : 1;
    const margin = predictMargin(model, X);
    for (let i = 0; i < X.nRows; i++) {
      let sum = 0;
      for (let t = 0; t < flat.roots.length; t++) sum += flat.value[leafOf(flat, flat.roots[t], X.values, i * X.nCols)];
      assert.equal(margin[i], model.baseScore + sum * scale, `${model.kind} row ${i}`);
    }
  }
});
