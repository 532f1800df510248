import assert from "node:assert/strict";
import { test } from "node:test";
import { applyBins, fitBins } from "../pipeline/trees/bin.js";
import { TreeGrower, leafOfBinned, toCompactTree, type GrowParams } from "../pipeline/trees/grow.js";
import { DEFAULT_GBDT_LEAFWISE, trainGbdt } from "../pipeline/trees/train-gbdt.js";
import type { FeatureMatrix } from "../src/lib/matrix.js";
import { mulberry32 } from "../src/lib/random.js";
import { modelSize } from "../src/lib/trees/model.js";
import { flatten, leafOf, predictMargin, predictProba } from "../src/lib/trees/predict.js";

function fromRows(rows: number[][]): FeatureMatrix {
  const nCols = rows[0].length;
  return {
    nRows: rows.length,
    nCols,
    values: Float64Array.from(rows.flat()),
    featureNames: rows[0].map((_, j) => `x${j}`),
  };
}

/** n rows of d uniform features; label from a rule. */
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

function accuracy(p: Float64Array, y: Uint8Array): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) ok += (p[i] > 0.5 ? 1 : 0) === y[i] ? 1 : 0;
  return ok / y.length;
}

test("a stump finds the one informative split, between the classes", () => {
  // x1 is noise; y = x0 > 0.3. The threshold must separate the largest x0 of class 0 from the smallest of class 1.
  const { X, y } = synthetic(500, 2, 1, (x) => (x[0] > 0.3 ? 1 : 0));
  const model = trainGbdt(X, y, { rounds: 1, maxDepth: 1, learningRate: 1 });
  const tree = model.trees[0];
  assert.equal(tree.feature.length, 3);
  assert.equal(tree.feature[0], 0);
  let below = -Infinity;
  let above = Infinity;
  for (let i = 0; i < X.nRows; i++) {
    const v = X.values[i * 2];
    if (y[i] === 0) below = Math.max(below, v);
    else above = Math.min(above, v);
  }
  assert.ok(
    tree.threshold[0] > below && tree.threshold[0] < above,
    `threshold ${tree.threshold[0]} not in (${below}, ${above})`,
  );
  assert.ok(tree.value[tree.left[0]] < 0 && tree.value[tree.right[0]] > 0);
  assert.equal(accuracy(predictProba(model, X), y), 1);
});

test("an interaction (XOR) needs depth 2: stumps stay at chance, depth 2 separates it", () => {
  const { X, y } = synthetic(2000, 2, 2, (x) => (x[0] > 0.5 !== x[1] > 0.5 ? 1 : 0));
  const test_ = synthetic(1000, 2, 3, (x) => (x[0] > 0.5 !== x[1] > 0.5 ? 1 : 0));
  const stumps = trainGbdt(X, y, { rounds: 50, maxDepth: 1, learningRate: 0.3 });
  const deep = trainGbdt(X, y, { rounds: 50, maxDepth: 2, learningRate: 0.3 });
  assert.ok(accuracy(predictProba(stumps, test_.X), test_.y) < 0.65);
  assert.ok(accuracy(predictProba(deep, test_.X), test_.y) > 0.97);
  const leafwise = trainGbdt(X, y, { ...DEFAULT_GBDT_LEAFWISE, rounds: 50, maxLeaves: 4, learningRate: 0.3 });
  assert.ok(accuracy(predictProba(leafwise, test_.X), test_.y) > 0.97);
});

test("a monotone signal gives predictions that rise with it", () => {
  // Deterministic labels whose rate rises with x0: row i is positive when i mod 10 < 10 * x0.
  const n = 5000;
  const values = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = i / n;
    y[i] = i % 10 < 10 * values[i] ? 1 : 0;
  }
  const X: FeatureMatrix = { nRows: n, nCols: 1, values, featureNames: ["x0"] };
  const model = trainGbdt(X, y, { rounds: 100, maxDepth: 2, learningRate: 0.1, minChildWeight: 20 });
  const grid = Float64Array.from({ length: 10 }, (_, k) => 0.05 + k / 10);
  const p = predictProba(model, { nRows: 10, nCols: 1, values: grid, featureNames: ["x0"] });
  for (let k = 1; k < 10; k++) assert.ok(p[k] > p[k - 1], `p(${grid[k]}) = ${p[k]} <= p(${grid[k - 1]}) = ${p[k - 1]}`);
});

test("missing values go to the side that lowers the loss", () => {
  for (const missingLabel of [0, 1]) {
    // y = x0 > 0.5 where known; missing rows all have label `missingLabel`.
    const { X, y } = synthetic(1000, 1, 4, (x, random) => {
      if (random() < 0.2) {
        x[0] = NaN;
        return missingLabel;
      }
      return x[0] > 0.5 ? 1 : 0;
    });
    const model = trainGbdt(X, y, { rounds: 1, maxDepth: 1, learningRate: 1 });
    const t = model.trees[0];
    assert.equal(t.feature[0], 0);
    assert.ok(Math.abs(t.threshold[0] - 0.5) < 0.02);
    // Missing positives belong with the right (x > 0.5) side; missing negatives with the left.
    assert.equal(t.defaultLeft[0], missingLabel === 1 ? 0 : 1);
    const p = predictProba(model, fromRows([[NaN]]));
    assert.equal(p[0] > 0.5 ? 1 : 0, missingLabel);
  }
});

test("missingness itself is a split when it is the signal", () => {
  const { X, y } = synthetic(1000, 1, 5, (x, random) => {
    if (random() < 0.3) {
      x[0] = NaN;
      return 1;
    }
    return 0;
  });
  const model = trainGbdt(X, y, { rounds: 20, maxDepth: 1, learningRate: 0.5 });
  const p = predictProba(model, fromRows([[NaN], [0.2], [0.9]]));
  assert.ok(p[0] > 0.9 && p[1] < 0.1 && p[2] < 0.1, Array.from(p).join(","));
});

test("early stopping stops when validation loss stops improving, and keeps the best round", () => {
  // Pure noise: the validation loss can only get worse after the first few rounds.
  const noise = (_x: Float64Array, random: () => number) => (random() < 0.3 ? 1 : 0);
  const train = synthetic(1000, 5, 6, noise);
  const valid = synthetic(1000, 5, 7, noise);
  const model = trainGbdt(train.X, train.y, { rounds: 500, earlyStoppingRounds: 10, learningRate: 0.3 }, valid);
  const info = model.info ?? {};
  const roundsRun = info.roundsRun as number;
  assert.ok(roundsRun < 100, `ran ${roundsRun} rounds`);
  assert.equal(model.trees.length, info.bestRound);
  assert.equal(roundsRun - model.trees.length, 10);
  const losses = info.validationLoss as number[];
  assert.equal(Math.min(...losses), losses[model.trees.length - 1]);
  // Without a patience limit the same run goes the distance.
  const full = trainGbdt(train.X, train.y, { rounds: 120, learningRate: 0.3 }, valid);
  assert.equal(full.trees.length, 120);
});

test("identical seeds give identical models; another seed another model", () => {
  const { X, y } = synthetic(1500, 6, 8, (x, random) => (x[0] + x[1] * x[2] + 0.3 * random() > 0.8 ? 1 : 0));
  const params = { rounds: 30, subsample: 0.7, colsample: 0.5, seed: 42 };
  const a = JSON.stringify(trainGbdt(X, y, params));
  const b = JSON.stringify(trainGbdt(X, y, params));
  const c = JSON.stringify(trainGbdt(X, y, { ...params, seed: 43 }));
  assert.equal(a, b);
  assert.notEqual(a, c);
  // Leaf-wise too.
  const lw = { ...DEFAULT_GBDT_LEAFWISE, ...params };
  assert.equal(JSON.stringify(trainGbdt(X, y, lw)), JSON.stringify(trainGbdt(X, y, lw)));
});

test("growth limits: depth-wise respects maxDepth, leaf-wise respects maxLeaves and grows deeper", () => {
  const { X, y } = synthetic(3000, 4, 9, (x, random) =>
    Math.sin(6 * x[0]) + x[1] * x[3] + 0.4 * random() > 0.7 ? 1 : 0,
  );
  const dw = trainGbdt(X, y, { rounds: 5, maxDepth: 3 });
  assert.ok(modelSize(dw).maxDepth <= 3);
  assert.equal(modelSize(dw).leaves, 5 * 8);
  const lw = trainGbdt(X, y, { ...DEFAULT_GBDT_LEAFWISE, rounds: 5, maxLeaves: 7 });
  for (const t of lw.trees) assert.ok(t.feature.filter((f) => f === -1).length <= 7);
  assert.ok(modelSize(lw).maxDepth > 3, "leaf-wise should grow an unbalanced tree here");
});

test("minChildWeight, minGain and lambda restrain the trees", () => {
  const { X, y } = synthetic(400, 3, 10, (x, random) => (x[0] + 0.5 * random() > 0.7 ? 1 : 0));
  const free = trainGbdt(X, y, { rounds: 1, maxDepth: 8, lambda: 0, minChildWeight: 0 });
  const heavy = trainGbdt(X, y, { rounds: 1, maxDepth: 8, lambda: 0, minChildWeight: 10 });
  const gamma = trainGbdt(X, y, { rounds: 1, maxDepth: 8, lambda: 0, minGain: 2 });
  const sizes = [free, heavy, gamma].map((m) => m.trees[0].feature.length);
  assert.ok(sizes[1] < sizes[0] && sizes[2] < sizes[0], sizes.join(","));
  for (const [k, t] of heavy.trees[0].cover.entries()) if (heavy.trees[0].feature[k] === -1) assert.ok(t >= 10);
  for (const [k, g] of gamma.trees[0].gain.entries()) if (gamma.trees[0].feature[k] !== -1) assert.ok(g > 2);
  const stump = (lambda: number) => trainGbdt(X, y, { rounds: 1, maxDepth: 1, lambda, learningRate: 1 }).trees[0];
  const loose = stump(0);
  const tight = stump(100);
  assert.ok(Math.abs(tight.value[1]) < Math.abs(loose.value[1]));
  // Newton step with L2: leaf = -G / (H + lambda). Check one leaf by hand from the labels.
  const p0 = y.reduce((a, b) => a + b, 0) / y.length;
  let G = 0;
  let H = 0;
  for (let i = 0; i < X.nRows; i++) {
    if (X.values[i * 3 + loose.feature[0]] <= loose.threshold[0]) {
      G += p0 - y[i];
      H += p0 * (1 - p0);
    }
  }
  assert.ok(Math.abs(tight.value[1] - -G / (H + 100)) < 1e-9);
});

test("binned and raw routing agree: every training row lands in the same leaf both ways", () => {
  const { X } = synthetic(2000, 5, 11, () => 0);
  const random = mulberry32(12);
  for (let i = 0; i < X.values.length; i++) if (random() < 0.1) X.values[i] = NaN;
  const binned = applyBins(X, fitBins(X, { maxBins: 16 }));
  const gh = new Float64Array(2 * X.nRows);
  for (let r = 0; r < X.nRows; r++) {
    const x = X.values.subarray(r * 5, r * 5 + 5);
    gh[2 * r] = (x[0] > 0.4 || x[1] !== x[1] ? 0.5 : -0.5) + (x[2] > 0.7 ? 0.3 : 0) + 0.1 * random() - 0.05;
    gh[2 * r + 1] = 0.25;
  }
  const params: GrowParams = {
    maxDepth: 8,
    maxLeaves: Infinity,
    growth: "depthwise",
    minChildWeight: 0,
    minGain: 0,
    lambda: 1,
    leafValue: "newton",
    featuresPerSplit: 0,
  };
  const grower = new TreeGrower(binned);
  const tree = grower.grow(gh, null, Int32Array.from([0, 1, 2, 3, 4]), params, random);
  const compact = toCompactTree(tree, binned.cuts, 1);
  assert.ok(compact.feature.length > 31);
  const model = {
    format: 1 as const,
    kind: "gbdt" as const,
    featureNames: X.featureNames.slice(),
    baseScore: 0,
    trees: [compact],
  };
  const flat = flatten(model);
  for (let r = 0; r < X.nRows; r++) assert.equal(leafOf(flat, 0, X.values, r * 5), leafOfBinned(tree, binned, r));
  // The grower's row ranges say the same.
  for (let k = 0; k < tree.feature.length; k++) {
    if (tree.feature[k] !== -1) continue;
    for (let q = tree.rowStart[k]; q < tree.rowStart[k] + tree.rowCount[k]; q++)
      assert.equal(leafOfBinned(tree, binned, grower.rows[q]), k);
  }
  // Children sums add up to their parent.
  for (let k = 0; k < tree.feature.length; k++) {
    if (tree.feature[k] === -1) continue;
    assert.ok(Math.abs(tree.cover[tree.left[k]] + tree.cover[tree.right[k]] - tree.cover[k]) < 1e-9);
  }
  assert.equal(predictMargin(model, X).length, X.nRows);
});

test("bad inputs are refused", () => {
  const { X, y } = synthetic(10, 2, 13, () => 1);
  assert.throws(() => trainGbdt(X, y.subarray(0, 5)));
  assert.throws(() => trainGbdt(X, y, { subsample: 0 }));
  assert.throws(() => trainGbdt(X, y, { maxDepth: Infinity, maxLeaves: Infinity }));
});
