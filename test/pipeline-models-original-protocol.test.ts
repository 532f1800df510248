import { test } from "node:test";
import assert from "node:assert/strict";
import {
  originalJobs,
  originalModelIds,
  originalProtocol,
  originalSplit,
} from "../pipeline/models/original-protocol.js";
import { modelById, type EnsembleDefinition } from "../pipeline/models/registry.js";
import type { ModelEntry } from "../src/lib/models/artifact.js";
import { deriveSeed } from "../src/lib/random.js";

test("which models run the original's way: all but the SVM by default, or as asked", () => {
  const base = ["logistic", "knn", "svm", "gbdt-leafwise"];
  assert.deepEqual(originalModelIds(base), ["logistic", "knn", "gbdt-leafwise"]);
  assert.deepEqual(originalModelIds(base, true), base);
  assert.deepEqual(originalModelIds(base, false), []);
  assert.deepEqual(originalModelIds(base, ["svm", "knn", "forest"]), ["knn", "svm"]);
});

test("the original's split takes every row, copies too, and each model fits once on its training rows", () => {
  const labels = Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 0]);
  const split = originalSplit(labels, 0.2, 4);
  assert.equal(split.test.length, 2);
  assert.deepEqual(
    [...split.train, ...split.test].sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  const jobs = originalJobs(["logistic", "knn"], split, 4);
  assert.deepEqual(
    jobs.map((j) => [j.modelId, j.seed]),
    [
      ["logistic", deriveSeed(4, "logistic:original")],
      ["knn", deriveSeed(4, "knn:original")],
    ],
  );
  for (const job of jobs) {
    assert.equal(job.fitRows, split.train);
    assert.equal(job.predictRows[0], split.test);
  }
});

/** Only what the comparison reads of this report's figures. */
function entry(id: string, bestF1Threshold: number): ModelEntry {
  const estimate = (v: number) => ({ estimate: v, lo: v, hi: v });
  return {
    id,
    name: `model ${id}`,
    thresholds: { "best-f1": { threshold: bestF1Threshold } },
    test: { rocAuc: estimate(0.8), averagePrecision: estimate(0.6), brier: estimate(0.1) },
  } as unknown as ModelEntry;
}

test("the comparison: copies of test customers in training counted, voting added, the leak of a test-tuned threshold", () => {
  // Eight rows; rows 6 and 7 copy rows 0 and 1. The original's test set: rows 0, 1, 5 (0 and 1 have a copy in training).
  const labels = Uint8Array.from([1, 0, 1, 0, 0, 0, 1, 0]);
  const duplicateOf = Int32Array.from([-1, -1, -1, -1, -1, -1, 0, 1]);
  const split = { train: Int32Array.from([2, 3, 4, 6, 7]), test: Int32Array.from([0, 1, 5]) };
  const voting: EnsembleDefinition = { ...(modelById("voting") as EnsembleDefinition), members: ["logistic", "knn"] };
  const yTest = Uint8Array.from([1, 0, 1, 0]);
  const honestP = Float64Array.from([0.6, 0.7, 0.9, 0.1]);
  const r = originalProtocol({
    labels,
    duplicateOf,
    split,
    probabilities: new Map([
      ["logistic", Float64Array.from([0.9, 0.2, 0.3])],
      ["knn", Float64Array.from([0.7, 0.4, 0.1])],
    ]),
    voting,
    entries: [entry("logistic", 0.65), entry("voting", 0.5)],
    honestTest: new Map([
      ["logistic", honestP],
      ["voting", honestP],
    ]),
    yTest,
  });
  assert.deepEqual([r.rows, r.trainRows, r.testRows, r.testRowsWithCopyInTrain], [8, 5, 3, 2]);
  // knn is not among the entries reported; voting is, as the mean of its members.
  assert.deepEqual(
    r.models.map((m) => m.id),
    ["logistic", "voting"],
  );
  const [logistic, vote] = r.models;
  // Logistic, the original's way: the churner first, ROC-AUC 1; at 0.5 one flagged, right.
  assert.equal(logistic.original.rocAuc, 1);
  assert.deepEqual(logistic.original.atHalf, { threshold: 0.5, accuracy: 1, precision: 1, recall: 1, f1: 1 });
  // Voting: (0.9 + 0.7) / 2, (0.2 + 0.4) / 2, (0.3 + 0.1) / 2.
  assert.equal(vote.original.testTuned.threshold, 0.8);
  // This report's protocol: the threshold chosen out of fold (0.65) catches one churner of two and flags a
  // stayer (0.7); tuned on the test set itself, 0.6 catches both, the optimism the comparison shows.
  assert.deepEqual(logistic.honest.oofTuned, { threshold: 0.65, accuracy: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 });
  assert.equal(logistic.honest.testTuned.threshold, 0.6);
  assert.equal(logistic.honest.testTuned.recall, 1);
  assert.equal(logistic.honest.rocAuc, 0.8);
});
