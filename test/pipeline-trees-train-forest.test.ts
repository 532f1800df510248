import assert from "node:assert/strict";
import { test } from "node:test";
import { trainForest } from "../pipeline/trees/train-forest.js";
import type { FeatureMatrix } from "../src/lib/matrix.js";
import { mulberry32 } from "../src/lib/random.js";
import { modelSize } from "../src/lib/trees/model.js";
import { predictMargin, predictProba } from "../src/lib/trees/predict.js";

function synthetic(n: number, d: number, seed: number, label: (x: Float64Array, random: () => number) => number) {
  const random = mulberry32(seed);
  const values = new Float64Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) values[i * d + j] = random();
    y[i] = label(values.subarray(i * d, (i + 1) * d), random);
  }
  const X: FeatureMatrix = { nRows: n, nCols: d, values, featureNames: Array.from({ length: d }, (_, j) => `x${j}`) };
  return { X, y };
}

const rule = (x: Float64Array) => (x[0] + x[1] > 1 ? 1 : 0);

test("fully grown trees without bootstrap fit the training rows exactly, with pure leaves", () => {
  const { X, y } = synthetic(300, 3, 1, rule);
  const model = trainForest(X, y, { trees: 3, bootstrap: false, maxFeatures: 3 });
  const p = predictProba(model, X);
  for (let i = 0; i < y.length; i++) assert.equal(p[i], y[i]);
  for (const t of model.trees)
    for (let k = 0; k < t.feature.length; k++) if (t.feature[k] === -1) assert.ok(t.value[k] === 0 || t.value[k] === 1);
});

test("probability is the mean of the trees' leaf class shares", () => {
  const { X, y } = synthetic(500, 4, 2, (x, random) => ((rule(x) === 1 ? random() < 0.85 : random() < 0.15) ? 1 : 0));
  const model = trainForest(X, y, { trees: 7, maxDepth: 4, seed: 3 });
  assert.equal(model.baseScore, 0);
  const p = predictProba(model, X);
  assert.deepEqual(p, predictMargin(model, X));
  for (let i = 0; i < 20; i++) {
    let sum = 0;
    for (const t of model.trees) {
      let node = 0;
      while (t.feature[node] !== -1)
        node = X.values[i * 4 + t.feature[node]] <= t.threshold[node] ? t.left[node] : t.right[node];
      assert.ok(t.value[node] >= 0 && t.value[node] <= 1);
      sum += t.value[node];
    }
    assert.ok(Math.abs(p[i] - sum / 7) < 1e-12);
  }
  // A leaf's share is its in-bag positives over its in-bag rows: cover-weighted shares add up at the root.
  for (const t of model.trees) {
    let positives = 0;
    for (let k = 0; k < t.feature.length; k++) if (t.feature[k] === -1) positives += t.value[k] * t.cover[k];
    assert.ok(Math.abs(positives / t.cover[0] - t.value[0]) < 1e-9);
  }
});

test("bootstrap: each tree sees n draws with replacement", () => {
  const { X, y } = synthetic(1000, 2, 4, rule);
  const model = trainForest(X, y, { trees: 5, maxDepth: 1 });
  for (const t of model.trees) assert.equal(t.cover[0], 1000);
  const distinct = new Set(model.trees.map((t) => t.value[0]));
  assert.ok(distinct.size > 1, "bootstrap samples should differ in their class share");
});

test("features are drawn per split: one feature per split spreads the splits over all features", () => {
  // Only x0 matters. With all features available every root splits on x0; with one drawn per split, roots vary.
  const { X, y } = synthetic(400, 5, 5, (x) => (x[0] > 0.5 ? 1 : 0));
  const all = trainForest(X, y, { trees: 20, maxFeatures: 5 });
  assert.ok(all.trees.every((t) => t.feature[0] === 0));
  const one = trainForest(X, y, { trees: 20, maxFeatures: 1 });
  const roots = new Set(one.trees.map((t) => t.feature[0]));
  assert.ok(roots.size >= 3, `root features ${[...roots]}`);
  // A split's deeper nodes use other features too, in the same tree.
  const used = new Set(one.trees[0].feature.filter((f) => f >= 0));
  assert.ok(used.size >= 3);
});

test("depth and leaf-size limits hold", () => {
  const { X, y } = synthetic(800, 4, 6, (x, random) => (random() < 0.5 + 0.4 * (x[0] - 0.5) ? 1 : 0));
  const shallow = trainForest(X, y, { trees: 5, maxDepth: 3 });
  assert.ok(modelSize(shallow).maxDepth <= 3);
  const full = trainForest(X, y, { trees: 5 });
  assert.ok(modelSize(full).maxDepth > 6);
  const chunky = trainForest(X, y, { trees: 5, minSamplesLeaf: 25 });
  for (const t of chunky.trees)
    for (let k = 0; k < t.feature.length; k++) if (t.feature[k] === -1) assert.ok(t.cover[k] >= 25);
});

test("identical seeds give identical forests; another seed another forest", () => {
  const { X, y } = synthetic(500, 6, 7, (x, random) => (x[2] + 0.5 * random() > 0.7 ? 1 : 0));
  const a = JSON.stringify(trainForest(X, y, { trees: 10, seed: 9 }));
  assert.equal(a, JSON.stringify(trainForest(X, y, { trees: 10, seed: 9 })));
  assert.notEqual(a, JSON.stringify(trainForest(X, y, { trees: 10, seed: 10 })));
});

test("generalises on a noisy rule and routes missing values", () => {
  const make = (seed: number) =>
    synthetic(2000, 4, seed, (x, random) => {
      if (random() < 0.1) x[1] = NaN;
      return (x[0] + (x[1] === x[1] ? x[1] : 0.9) > 1 ? random() < 0.9 : random() < 0.1) ? 1 : 0;
    });
  const train = make(11);
  const held = make(12);
  const model = trainForest(train.X, train.y, { trees: 50 });
  const p = predictProba(model, held.X);
  let ok = 0;
  for (let i = 0; i < p.length; i++) ok += (p[i] > 0.5 ? 1 : 0) === held.y[i] ? 1 : 0;
  assert.ok(ok / p.length > 0.8, `accuracy ${ok / p.length}`);
});

test("maxSamples bounds each tree's bootstrap draw; at or above the rows the forest is the one without it", () => {
  const { X, y } = synthetic(400, 3, 5, rule);
  const plain = trainForest(X, y, { trees: 5, seed: 2 });
  assert.deepEqual(trainForest(X, y, { trees: 5, seed: 2, maxSamples: 400 }), plain);
  assert.deepEqual(trainForest(X, y, { trees: 5, seed: 2, maxSamples: 1e9 }), plain);
  const small = trainForest(X, y, { trees: 5, seed: 2, maxSamples: 40 });
  assert.equal(small.info?.maxSamples, 40);
  assert.equal(plain.info?.maxSamples, undefined);
  // Pure full-depth trees on at most 40 distinct rows have at most 40 leaves.
  for (const t of small.trees) assert.ok(t.feature.filter((f) => f === -1).length <= 40);
  assert.ok(modelSize(small).nodes < modelSize(plain).nodes);
});
