import { test } from "node:test";
import assert from "node:assert/strict";
import { testFigures, type TestFiguresInput } from "../pipeline/models/test-figures.js";
import type { LogisticModel } from "../src/lib/models/types.js";
import { DEFAULT_COSTS } from "../src/lib/threshold.js";

// Ten test customers by descending score; churners at ranks 1, 2, 4, 7.
const y = Uint8Array.from([1, 1, 0, 1, 0, 0, 1, 0, 0, 0]);
const p = Float64Array.from([0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]);
const model: LogisticModel = {
  kind: "logistic",
  featureNames: ["x"],
  scaler: { fill: [0], mean: [0], scale: [1] },
  coefficients: [1],
  intercept: 0,
};
const input: TestFiguresInput = {
  y,
  p,
  thresholds: { "best-f1": 0.7, "target-recall": 0.4, "min-cost": Infinity },
  costs: DEFAULT_COSTS,
  reps: 200,
  seed: 9,
  model,
  permutation: [{ column: "x", mean: 0.123456789, sd: 0.0000004 }],
};
const f = testFigures(input);

test("ranking figures with bootstrap intervals around the figure on the test set as it is", () => {
  // Churners outrank stayers in 6 + 6 + 5 + 3 = 20 of the 4 x 6 = 24 pairs.
  assert.equal(f.rocAuc.estimate, 0.833333);
  for (const figure of [f.rocAuc, f.averagePrecision, f.logLoss, f.brier]) {
    assert.ok(figure.lo <= figure.estimate && figure.estimate <= figure.hi);
  }
  assert.deepEqual(testFigures(input), f, "same seed, same intervals");
});

test("decisions at each policy's threshold: confusion, figures and cost; null for a threshold that flags nobody", () => {
  const best = f.atThreshold["best-f1"];
  assert.equal(best.threshold, 0.7);
  assert.deepEqual(best.confusion, { tp: 3, fp: 1, tn: 5, fn: 1 });
  assert.equal(best.precision.estimate, 0.75);
  assert.equal(best.accuracy.estimate, 0.8);
  // One churner missed (10) and one needless offer (1), over 10 customers.
  assert.equal(best.costPerCustomer, 1.1);
  const nobody = f.atThreshold["min-cost"];
  assert.equal(nobody.threshold, null);
  assert.deepEqual(nobody.confusion, { tp: 0, fp: 0, tn: 6, fn: 4 });
  assert.equal(nobody.costPerCustomer, 4);
  // At 0.5: the top six flagged, three of them churners.
  assert.deepEqual(f.atHalf, { precision: 0.5, recall: 0.75, f1: 0.6, accuracy: 0.6 });
});

test("curves and importance as models.json has them: rounded, and gain only for tree models", () => {
  assert.equal(f.curves.roc.fpr[0], 0);
  assert.equal(f.curves.roc.tpr.at(-1), 1);
  assert.equal(f.curves.pr.recall.length, f.curves.pr.precision.length);
  assert.equal(f.curves.gains.at(-1)!.gain, 1);
  assert.equal(
    f.curves.calibration.reduce((n, b) => n + b.count, 0),
    10,
  );
  assert.deepEqual(f.importance.permutation, [{ column: "x", mean: 0.123457, sd: 0 }]);
  assert.equal(f.importance.gain, null);
});
