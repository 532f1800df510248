import { test } from "node:test";
import assert from "node:assert/strict";
import { cvFigures, foldJobs, makeFolds, outOfFold } from "../pipeline/models/cross-validate.js";
import { deriveSeed } from "../src/lib/random.js";
import { DEFAULT_COSTS } from "../src/lib/threshold.js";

// Twenty training customers, six churners.
const yTrain = Uint8Array.from([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0]);

test("folds: disjoint, covering the training set, of near-equal size and churn", () => {
  const folds = makeFolds(yTrain, 4, 11);
  assert.equal(folds.k, 4);
  const seen = folds.positions.flatMap((p) => Array.from(p)).sort((a, b) => a - b);
  assert.deepEqual(
    seen,
    Array.from({ length: 20 }, (_, i) => i),
  );
  for (const [f, positions] of folds.positions.entries()) {
    assert.equal(positions.length, 5);
    const churners = Array.from(positions).reduce((n, pos) => n + yTrain[pos], 0);
    assert.ok(churners === 1 || churners === 2, `fold ${f}: ${churners} churners`);
    // The other folds: everything else, ascending.
    assert.deepEqual(
      Array.from(folds.others[f]),
      Array.from({ length: 20 }, (_, i) => i).filter((i) => !positions.includes(i)),
    );
  }
  assert.deepEqual(makeFolds(yTrain, 4, 11), folds, "seeded");
});

test("fold jobs fit on the other folds' rows and score the fold's, as table rows, each with its own seed", () => {
  const folds = makeFolds(yTrain, 4, 11);
  const train = Int32Array.from({ length: 20 }, (_, i) => 100 + 2 * i);
  const jobs = foldJobs("logistic", train, folds, 11);
  assert.equal(jobs.length, 4);
  jobs.forEach((job, f) => {
    assert.equal(job.modelId, "logistic");
    assert.equal(job.keepModel, false);
    assert.deepEqual(
      Array.from(job.fitRows),
      Array.from(folds.others[f], (pos) => 100 + 2 * pos),
    );
    assert.deepEqual(
      Array.from(job.predictRows[0]),
      Array.from(folds.positions[f], (pos) => 100 + 2 * pos),
    );
    assert.equal(job.seed, deriveSeed(11, `logistic:fold-${f}`));
  });
});

test("out-of-fold probabilities go back to their training positions", () => {
  const folds = makeFolds(yTrain, 4, 11);
  // Each fold's model "predicts" its positions / 100, so the result must read 0, 0.01, ..., 0.19.
  const predictions = folds.positions.map((positions) => Float64Array.from(positions, (pos) => pos / 100));
  assert.deepEqual(
    Array.from(outOfFold(predictions, folds, 20)),
    Array.from({ length: 20 }, (_, i) => i / 100),
  );
});

test("cross-validated figures: per fold, each fold at thresholds chosen on the other folds", () => {
  const folds = makeFolds(yTrain, 4, 11);
  // Churners score 0.8 or 0.9, stayers 0.1 to 0.3: every fold is separated perfectly.
  const p = Float64Array.from(yTrain, (y, i) => (y ? 0.8 + (i % 2) / 10 : 0.1 + (i % 3) / 10));
  const cv = cvFigures(yTrain, p, folds, DEFAULT_COSTS, 0.8);
  assert.deepEqual(cv.rocAuc.folds, [1, 1, 1, 1]);
  assert.equal(cv.rocAuc.mean, 1);
  assert.equal(cv.rocAuc.sd, 0);
  assert.equal(cv.averagePrecision.mean, 1);
  for (const kind of ["best-f1", "target-recall", "min-cost"] as const) {
    assert.equal(cv.atThreshold[kind].recall.mean, 1, kind);
    assert.equal(cv.atThreshold[kind].precision.mean, 1, kind);
  }
  // A fold's threshold comes from the other folds: a churner scored 0.85 in the fold alone while the others'
  // churners all score 0.9 (threshold 0.9 under best F1) is missed.
  const lowFold = folds.positions[0];
  const shifted = Float64Array.from(yTrain, (y, pos) => (y ? (lowFold.includes(pos) ? 0.85 : 0.9) : 0.1));
  const missed = cvFigures(yTrain, shifted, folds, DEFAULT_COSTS, 0.8);
  assert.equal(missed.atThreshold["best-f1"].recall.folds[0], 0);
  assert.deepEqual(missed.atThreshold["best-f1"].recall.folds.slice(1), [1, 1, 1]);
});
