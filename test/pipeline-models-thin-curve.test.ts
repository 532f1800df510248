import { test } from "node:test";
import assert from "node:assert/strict";
import { thinCurve, thinnedIndices } from "../pipeline/models/thin-curve.js";

test("a curve at or under the cap is kept whole (the same object)", () => {
  const curve = { fpr: [0, 0.5, 1], tpr: [0, 0.8, 1] };
  assert.equal(thinCurve(curve, 3), curve);
});

test("above the cap: cap points, evenly spaced, first and last kept, arrays kept parallel", () => {
  const n = 10_001;
  const curve = { x: Array.from({ length: n }, (_, i) => i / (n - 1)), y: Array.from({ length: n }, (_, i) => i) };
  const thin = thinCurve(curve, 101);
  assert.equal(thin.x.length, 101);
  assert.equal(thin.y.length, 101);
  assert.equal(thin.x[0], 0);
  assert.equal(thin.x[100], 1);
  assert.ok(thin.y.every((v, k) => v === k * 100));
  assert.deepEqual(thinnedIndices(5, 3), [0, 2, 4]);
  assert.throws(() => thinnedIndices(5, 1), /at least 2/);
});
