import { test } from "node:test";
import assert from "node:assert/strict";
import { liftAndGains } from "../src/lib/metrics/gains.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("lift and gains, with a tie straddling a cut counted pro rata", () => {
  // 10 customers, 3 churners, scores all distinct: top 20% holds 2 churners.
  const y = [1, 1, 0, 0, 1, 0, 0, 0, 0, 0];
  const p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.15, 0.1];
  const g = liftAndGains(y, p, { points: 5 });
  close(g[0].gain, 2 / 3);
  close(g[0].lift, 2 / 2 / 0.3);
  close(g[4].gain, 1);
  close(g[4].lift, 1);
  close(g[2].stepRate, 0.5);
  // Two tied customers, one churner, cut between them: half a churner caught.
  const t = liftAndGains([0, 1, 0, 0], [0.9, 0.5, 0.5, 0.1], { points: 2 });
  close(t[0].gain, 0.5);
});
