import { test } from "node:test";
import assert from "node:assert/strict";
import { meanSd } from "../src/lib/metrics/summary.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("mean and sample standard deviation", () => {
  const s = meanSd([1, 2, 3, 4]);
  close(s.mean, 2.5);
  close(s.sd, Math.sqrt(5 / 3));
});
