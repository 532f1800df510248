import assert from "node:assert/strict";
import { test } from "node:test";
import { trainForest } from "../pipeline/trees/train-forest.js";
import { trainGbdt } from "../pipeline/trees/train-gbdt.js";
import type { FeatureMatrix } from "../src/lib/matrix.js";
import { mulberry32 } from "../src/lib/random.js";
import type { CompactTree, TreeEnsembleModel } from "../src/lib/trees/model.js";
import { predictMargin } from "../src/lib/trees/predict.js";
import { gainImportance, treeShap } from "../src/lib/trees/shap.js";

function synthetic(n: number, d: number, seed: number) {
  const random = mulberry32(seed);
  const values = new Float64Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) values[i * d + j] = random() < 0.05 ? NaN : random();
    const x = values.subarray(i * d, (i + 1) * d);
    y[i] = (x[0] > 0.5 ? 1 : 0) + (x[1] > 0.3 && x[2] < 0.6 ? 1 : 0) + 0.5 * random() > 0.9 ? 1 : 0;
  }
  const X: FeatureMatrix = { nRows: n, nCols: d, values, featureNames: Array.from({ length: d }, (_, j) => `x${j}`) };
  return { X, y };
}

/**
 * Brute-force Shapley values of one tree's output, with the value of a coalition S defined as TreeSHAP
 * defines it: at a split on a feature in S follow x; otherwise average the children by cover.
 */
function bruteForce(tree: CompactTree, x: Float64Array, nCols: number): Float64Array {
  const v = (mask: number, node = 0): number => {
    const f = tree.feature[node];
    if (f < 0) return tree.value[node];
    const l = tree.left[node];
    const r = tree.right[node];
    if (mask & (1 << f)) {
      const xv = x[f];
      const left = xv !== xv ? tree.defaultLeft[node] === 1 : xv <= tree.threshold[node];
      return v(mask, left ? l : r);
    }
    return (tree.cover[l] * v(mask, l) + tree.cover[r] * v(mask, r)) / tree.cover[node];
  };
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++) {
    for (let mask = 0; mask < 1 << nCols; mask++) {
      if (mask & (1 << j)) continue;
      let size = 0;
      for (let b = 0; b < nCols; b++) if (mask & (1 << b)) size++;
      const weight = (factorial(size) * factorial(nCols - size - 1)) / factorial(nCols);
      phi[j] += weight * (v(mask | (1 << j)) - v(mask));
    }
  }
  return phi;
}

test("TreeSHAP matches brute-force Shapley values on small trees, repeated features and missing values included", () => {
  const { X } = synthetic(400, 4, 1);
  const random = mulberry32(9);
  // Noisy labels, so the trees grow full depth-4 shapes.
  const y = Uint8Array.from({ length: 400 }, (_, i) => {
    const x = X.values.subarray(i * 4, i * 4 + 4);
    return (x[0] === x[0] ? x[0] : 0.5) + x[1] * x[2] + 0.8 * random() > 1 ? 1 : 0;
  });
  const model = trainGbdt(X, y, { rounds: 3, maxDepth: 4, learningRate: 0.5, minChildWeight: 0.5 });
  // The trees reuse features along a path (the case TreeSHAP's unwind handles).
  const reuse = model.trees.some((t) =>
    t.feature.some((f, k) => f >= 0 && (t.feature[t.left[k]] === f || t.feature[t.right[k]] === f)),
  );
  assert.ok(reuse);
  const probe: FeatureMatrix = { ...X, nRows: 30, values: X.values.slice(0, 30 * 4) };
  probe.values[1] = NaN;
  for (const tree of model.trees) {
    const single: TreeEnsembleModel = { ...model, baseScore: 0, trees: [tree] };
    const { values } = treeShap(single, probe);
    for (let i = 0; i < probe.nRows; i++) {
      const want = bruteForce(tree, probe.values.subarray(i * 4, i * 4 + 4), 4);
      for (let j = 0; j < 4; j++)
        assert.ok(
          Math.abs(values[i * 4 + j] - want[j]) < 1e-10,
          `row ${i} feature ${j}: ${values[i * 4 + j]} vs ${want[j]}`,
        );
    }
  }
});

test("a hand-built tree gets the textbook values", () => {
  // Root splits x0 at 0.5 (covers 50/50); the right child splits x1 at 0.5 (covers 25/25).
  const tree: CompactTree = {
    feature: [0, -1, 1, -1, -1],
    threshold: [0.5, 0, 0.5, 0, 0],
    left: [1, -1, 3, -1, -1],
    right: [2, -1, 4, -1, -1],
    defaultLeft: [1, 0, 1, 0, 0],
    value: [0, 0, 0, 0, 4],
    cover: [100, 50, 50, 25, 25],
    gain: [1, 0, 1, 0, 0],
  };
  const model: TreeEnsembleModel = { format: 1, kind: "gbdt", featureNames: ["x0", "x1"], baseScore: 0, trees: [tree] };
  const X: FeatureMatrix = { nRows: 1, nCols: 2, values: Float64Array.from([1, 1]), featureNames: ["x0", "x1"] };
  const { values, expected } = treeShap(model, X);
  // f = 4 when x0 > 0.5 and x1 > 0.5. For x = (1, 1): v(∅) = 1, v({x0}) = 2, v({x1}) = 0.5·0 + 0.5·4 = 2,
  // v({x0, x1}) = 4, so φ0 = ½(2 − 1) + ½(4 − 2) = 1.5 and φ1 the same.
  assert.equal(expected, 1);
  assert.ok(Math.abs(values[0] - 1.5) < 1e-12 && Math.abs(values[1] - 1.5) < 1e-12, Array.from(values).join(","));
});

test("contributions plus the expected value equal the margin (gbdt) and the probability (forest)", () => {
  const { X, y } = synthetic(1500, 6, 2);
  const models = [
    trainGbdt(X, y, { rounds: 60, maxDepth: 5, subsample: 0.8 }),
    trainGbdt(X, y, { rounds: 30, growth: "leafwise", maxDepth: Infinity, maxLeaves: 20 }),
    trainForest(X, y, { trees: 15 }),
  ];
  for (const model of models) {
    const out = predictMargin(model, X);
    const { values, expected } = treeShap(model, X);
    for (let i = 0; i < X.nRows; i++) {
      let sum = expected;
      for (let j = 0; j < 6; j++) sum += values[i * 6 + j];
      assert.ok(Math.abs(sum - out[i]) < 1e-9, `${model.kind} row ${i}: ${sum} vs ${out[i]}`);
    }
    // Features the labels ignore get (nearly) nothing, on average.
    const mean = new Float64Array(6);
    for (let i = 0; i < X.nRows; i++) for (let j = 0; j < 6; j++) mean[j] += Math.abs(values[i * 6 + j]) / X.nRows;
    assert.ok(mean[0] > 3 * mean[4] && mean[0] > 3 * mean[5], Array.from(mean).join(","));
  }
});

test("gain importance ranks the informative features first and sums to 1", () => {
  const { X, y } = synthetic(1500, 6, 3);
  for (const model of [trainGbdt(X, y, { rounds: 30 }), trainForest(X, y, { trees: 20 })]) {
    const imp = gainImportance(model);
    assert.ok(Math.abs(imp.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    const order = Array.from(imp.keys()).sort((a, b) => imp[b] - imp[a]);
    assert.deepEqual(order.slice(0, 3).sort(), [0, 1, 2]);
  }
});

test("TreeSHAP matches brute-force Shapley values on deep trees that reuse features many times along a path", () => {
  // Unbounded depth on 5 features: paths revisit a feature several times, in followed and unfollowed
  // branches alike, which exercises the unwinding and the restoring of path slots on the way back up.
  const { X } = synthetic(600, 5, 4);
  const random = mulberry32(5);
  const y = Uint8Array.from({ length: 600 }, () => (random() < 0.3 ? 1 : 0));
  const forest = trainForest(X, y, { trees: 3 });
  const leafwise = trainGbdt(X, y, {
    rounds: 2,
    growth: "leafwise",
    maxDepth: Infinity,
    maxLeaves: 40,
    minChildWeight: 0.01,
  });
  const probe: FeatureMatrix = { ...X, nRows: 12, values: X.values.slice(0, 12 * 5) };
  let deepest = 0;
  for (const model of [forest, leafwise]) {
    for (const tree of model.trees) {
      const depth = new Int32Array(tree.feature.length);
      for (let k = 0; k < tree.feature.length; k++) {
        if (tree.feature[k] >= 0) depth[tree.left[k]] = depth[tree.right[k]] = depth[k] + 1;
        deepest = Math.max(deepest, depth[k]);
      }
      const single: TreeEnsembleModel = { ...model, kind: "gbdt", baseScore: 0, trees: [tree] };
      const { values } = treeShap(single, probe);
      for (let i = 0; i < probe.nRows; i++) {
        const want = bruteForce(tree, probe.values.subarray(i * 5, i * 5 + 5), 5);
        for (let j = 0; j < 5; j++)
          assert.ok(
            Math.abs(values[i * 5 + j] - want[j]) < 1e-10,
            `row ${i} feature ${j}: ${values[i * 5 + j]} vs ${want[j]}`,
          );
      }
    }
  }
  assert.ok(deepest >= 10, `deepest leaf at ${deepest}`);
});
