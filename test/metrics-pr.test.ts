import { test } from "node:test";
import assert from "node:assert/strict";
import { sweepScores } from "../src/lib/metrics/order.js";
import { averagePrecision, prCurve } from "../src/lib/metrics/pr.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("average precision as scikit-learn: step sum of precision at each recall gain", () => {
  // 0.8 (churner): P 1, R .5; 0.4 (stayer); 0.35 (churner): P 2/3, R 1 -> .5 + .5 * 2/3
  close(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.5 + 1 / 3);
  // A tied group counts as one step: {0.5: churner + stayer} P .5 R .5; then 0.2 churner P 2/3 R 1.
  close(averagePrecision([1, 0, 1], [0.5, 0.5, 0.2]), 0.25 + 1 / 3);
  close(averagePrecision([1, 1, 0], [0.9, 0.8, 0.1]), 1);
});

test("PR curve points and the sweep behind them", () => {
  const c = prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assert.deepEqual(c.threshold, [0.8, 0.4, 0.35, 0.1]);
  assert.deepEqual(c.recall, [0.5, 0.5, 1, 1]);
  assert.deepEqual(c.precision, [1, 0.5, 2 / 3, 0.5]);
  const s = sweepScores([1, 0, 1], [0.5, 0.5, 0.2]);
  assert.deepEqual(Array.from(s.tp), [1, 2]);
  assert.deepEqual(Array.from(s.fp), [1, 1]);
});
