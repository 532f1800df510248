import { test } from "node:test";
import assert from "node:assert/strict";
import { jobCost, type FitJob } from "../pipeline/models/jobs.js";
import { makePermutations } from "../pipeline/models/importance.js";

const rows = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const job = (modelId: string, fit: number, predict: number, extra: Partial<FitJob> = {}): FitJob => ({
  modelId,
  fitRows: rows(fit),
  predictRows: [rows(predict)],
  seed: 1,
  keepModel: false,
  ...extra,
});
const shuffles = (n: number) => makePermutations([{ column: "a", features: [0] }], 90, n, 1);

test("a job's cost grows with the rows it fits, scores and shuffles", () => {
  for (const id of ["logistic", "knn", "svm", "gbdt-depthwise", "gbdt-leafwise", "forest"]) {
    assert.ok(jobCost(job(id, 4000, 1000)) < jobCost(job(id, 8000, 1000)), id);
    assert.ok(jobCost(job(id, 4000, 1000)) < jobCost(job(id, 4000, 2000)), id);
    assert.ok(jobCost(job(id, 4000, 1000)) < jobCost(job(id, 4000, 1000, { permutations: shuffles(1000) })), id);
  }
});

test("a model's fit sample and a forest's tree sample bound what its fit costs", () => {
  assert.equal(jobCost(job("knn", 80_000, 0, { maxFitRows: 5000 })), jobCost(job("knn", 5000, 0)));
  assert.equal(jobCost(job("forest", 200_000, 0)), jobCost(job("forest", 20_000, 0)));
});

test("at scale the gradient boosting folds come before the SVM's capped folds, unlike the fixed guesses", () => {
  // 100,000 customers: folds of 64,000 rows; the SVM fits at most 5,000 of them.
  const gbdt = jobCost(job("gbdt-depthwise", 64_000, 16_000));
  const svm = jobCost(job("svm", 64_000, 16_000, { maxFitRows: 5000 }));
  assert.ok(gbdt > svm);
  // The real data's size: the SVM's fold is the costlier one, as measured.
  assert.ok(jobCost(job("svm", 3250, 810)) > jobCost(job("gbdt-depthwise", 3250, 810)));
});
