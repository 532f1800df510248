import { test } from "node:test";
import assert from "node:assert/strict";
import { clusterValue, type ClusterValueInput } from "../pipeline/segments/value.js";

const base: ClusterValueInput = {
  id: 2,
  name: "Lapsed, frequent, high-cashback",
  members: [0, 1, 2],
  churnRate: 1 / 3,
  meanPredicted: 0.5,
  oofProbability: Float64Array.from([0.2, 0.8, NaN, 0.9]),
  churn: Uint8Array.from([0, 1, 0, 1]),
  monetary: Float64Array.from([100, 200, 300, 400]),
};

test("risk x value per customer, averaged; a customer without a prediction takes the cluster's mean one", () => {
  const v = clusterValue(base);
  assert.deepEqual([v.id, v.name, v.size], [2, base.name, 3]);
  assert.equal(v.meanPChurn, 0.5);
  assert.equal(v.meanCashback, 200);
  // (0.2 x 100 + 0.8 x 200 + 0.5 x 300) / 3.
  assert.ok(Math.abs(v.meanRiskCashback - (20 + 160 + 150) / 3) < 1e-12);
});

test("without a model: the observed churn flags and the churn rate", () => {
  const v = clusterValue({ ...base, oofProbability: null, meanPredicted: null });
  assert.equal(v.meanPChurn, 1 / 3);
  assert.ok(Math.abs(v.meanRiskCashback - 200 / 3) < 1e-12);
  // No prediction for anyone in the cluster: the observed flag.
  const none = clusterValue({ ...base, members: [2], meanPredicted: null });
  assert.equal(none.meanRiskCashback, 0);
  assert.equal(none.meanPChurn, base.churnRate);
});

test("an empty cluster is worth nothing", () => {
  const v = clusterValue({ ...base, members: [] });
  assert.deepEqual([v.size, v.meanCashback, v.meanRiskCashback], [0, 0, 0]);
});
