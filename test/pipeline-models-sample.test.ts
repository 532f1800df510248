import { test } from "node:test";
import assert from "node:assert/strict";
import { stratifiedPositions, stratifiedSample } from "../pipeline/models/sample.js";

const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0));
const rows = Int32Array.from({ length: 1000 }, (_, i) => i);

test("at or under the cap the rows are returned as they are", () => {
  assert.equal(stratifiedSample(labels, rows, 1000, 1), rows);
  assert.equal(stratifiedSample(labels, rows, 5000, 1), rows);
});

test("above the cap: exactly cap rows, ascending, distinct, from the given rows, keeping the churn share", () => {
  const odd = rows.filter((r) => r % 2 === 1);
  for (const cap of [1, 7, 100, 499]) {
    const s = stratifiedSample(labels, odd, cap, 3);
    assert.equal(s.length, cap);
    assert.ok(s.every((r, k) => r % 2 === 1 && (k === 0 || r > s[k - 1])));
  }
  const s = stratifiedSample(labels, rows, 100, 3);
  assert.equal(Array.from(s).filter((r) => labels[r] === 1).length, 20);
});

test("seeded: the same seed gives the same sample, another seed another", () => {
  assert.deepEqual(stratifiedSample(labels, rows, 50, 9), stratifiedSample(labels, rows, 50, 9));
  assert.notDeepEqual(stratifiedSample(labels, rows, 50, 9), stratifiedSample(labels, rows, 50, 10));
});

test("positions index the labels themselves", () => {
  const p = stratifiedPositions(labels, 10, 1);
  assert.equal(p.length, 10);
  assert.equal(Array.from(p).filter((i) => labels[i] === 1).length, 2);
  assert.throws(() => stratifiedPositions(labels, 0, 1), /positive whole number/);
});
