import { test } from "node:test";
import assert from "node:assert/strict";
import {
  decisionSummary,
  intervalFigure,
  meanSdFigure,
  round6,
  roundAll,
  thresholdValue,
} from "../pipeline/models/figures.js";

test("figures to 6 decimals, curve points to 5, non-finite values left as they are", () => {
  assert.equal(round6(0.1234565), 0.123457);
  assert.equal(round6(-Infinity), -Infinity);
  assert.ok(Number.isNaN(round6(NaN)));
  assert.deepEqual(roundAll([0.123456, 1]), [0.12346, 1]);
  assert.deepEqual(roundAll([0.123456], 2), [0.12]);
});

test("a threshold that flags nobody is null: JSON has no Infinity", () => {
  assert.equal(thresholdValue(Infinity), null);
  assert.equal(thresholdValue(0.0123456789), 0.012346);
});

test("per-fold figures with their mean and sample sd; intervals rounded", () => {
  assert.deepEqual(meanSdFigure([0.5, 0.7]), { mean: 0.6, sd: 0.141421, folds: [0.5, 0.7] });
  assert.deepEqual(intervalFigure({ estimate: 0.5000004, lo: 0.1, hi: 0.9 }), { estimate: 0.5, lo: 0.1, hi: 0.9 });
});

test("the decisions at a threshold in a line of the original-protocol table", () => {
  const y = Uint8Array.from([1, 0, 1, 0]);
  const p = Float64Array.from([0.9, 0.8, 0.3, 0.1]);
  assert.deepEqual(decisionSummary(y, p, 0.5), { threshold: 0.5, accuracy: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 });
  assert.deepEqual(decisionSummary(y, p, Infinity), { threshold: null, accuracy: 0.5, precision: 0, recall: 0, f1: 0 });
});
