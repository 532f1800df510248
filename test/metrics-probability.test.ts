import { test } from "node:test";
import assert from "node:assert/strict";
import { brier, logLoss } from "../src/lib/metrics/probability.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("Brier score by hand", () => {
  close(brier([0, 1, 1], [0.1, 0.9, 0.4]), (0.01 + 0.01 + 0.36) / 3);
});

test("log-loss by hand, and clipped rather than infinite for a certain mistake", () => {
  close(logLoss([1, 0], [0.8, 0.3]), -(Math.log(0.8) + Math.log(0.7)) / 2);
  close(logLoss([1], [0]), -Math.log(1e-15));
});
