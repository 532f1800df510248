import { test } from "node:test";
import assert from "node:assert/strict";
import { median, medianSorted, quantileSorted } from "../src/lib/stats/quantile.js";

test("quantile interpolates like numpy", () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([1, 2, 3, 4], 0.025), 1.075);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

test("quantile at the ends and on a single value", () => {
  const sorted = Float64Array.from([2, 3, 5, 8]);
  assert.equal(quantileSorted(sorted, 0), 2);
  assert.equal(quantileSorted(sorted, 1), 8);
  // (4 - 1) * 0.5 = 1.5: halfway from 3 to 5; (4 - 1) / 3 = 1: the second value.
  assert.equal(quantileSorted(sorted, 0.5), 4);
  assert.equal(quantileSorted(sorted, 1 / 3), 3);
  assert.equal(quantileSorted([7], 0.3), 7);
});

test("median: the middle value, or the midpoint of the two middle values", () => {
  assert.equal(medianSorted([1, 2, 9]), 2);
  assert.equal(medianSorted([1, 2, 4, 9]), 3);
  assert.ok(Number.isNaN(medianSorted([])));
  // (a + b) / 2, not a + (b - a) / 2: the two differ in the last bit here.
  const a = 0.1;
  const b = 0.7;
  assert.notEqual((a + b) / 2, a + (b - a) / 2);
  assert.equal(medianSorted([a, b]), (a + b) / 2);
});

test("median of unsorted values leaves blanks out, and can look only at some rows", () => {
  assert.equal(median([9, NaN, 1, 4]), 4);
  assert.equal(median([9, NaN, 1, 4, 2]), 3);
  assert.ok(Number.isNaN(median([NaN, NaN])));
  assert.ok(Number.isNaN(median([])));
  // Rows 0, 2 and 4 of the column: 9, 1, 2.
  assert.equal(median([9, NaN, 1, 4, 2], [0, 2, 4]), 2);
  assert.equal(median([9, NaN, 1, 4, 2], Int32Array.from([1, 3])), 4);
});
