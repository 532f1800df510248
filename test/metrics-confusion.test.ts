import { test } from "node:test";
import assert from "node:assert/strict";
import { confusionAt, figuresAt } from "../src/lib/metrics/confusion.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("confusion and figures at a threshold (at or above flags)", () => {
  const y = [1, 1, 0, 0, 1];
  const p = [0.9, 0.5, 0.5, 0.1, 0.2];
  assert.deepEqual(confusionAt(y, p, 0.5), { tp: 2, fp: 1, tn: 1, fn: 1 });
  const f = figuresAt(y, p, 0.5);
  close(f.precision, 2 / 3);
  close(f.recall, 2 / 3);
  close(f.f1, 2 / 3);
  close(f.accuracy, 3 / 5);
  close(f.flaggedShare, 3 / 5);
  const none = figuresAt(y, p, Infinity);
  assert.equal(none.precision, 0);
  assert.equal(none.recall, 0);
});
