import { test } from "node:test";
import assert from "node:assert/strict";
import {
  brier,
  calibrationBins,
  confusionAt,
  expectedCalibrationError,
  figuresAt,
  liftAndGains,
  logLoss,
  meanSd,
} from "../src/lib/metrics/index.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("Brier score by hand", () => {
  close(brier([0, 1, 1], [0.1, 0.9, 0.4]), (0.01 + 0.01 + 0.36) / 3);
});

test("log-loss by hand, and clipped rather than infinite for a certain mistake", () => {
  close(logLoss([1, 0], [0.8, 0.3]), -(Math.log(0.8) + Math.log(0.7)) / 2);
  close(logLoss([1], [0]), -Math.log(1e-15));
});

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

test("calibration bins: uniform widths, a value on a cut goes up, empty bins left out", () => {
  const bins = calibrationBins([0, 1, 0, 1, 1], [0.05, 0.15, 0.1, 0.95, 0.2], { bins: 5 });
  assert.equal(bins.length, 3);
  assert.deepEqual(
    bins.map((b) => b.count),
    [3, 1, 1],
  );
  close(bins[0].meanPredicted, 0.1);
  close(bins[0].observedRate, 1 / 3);
  assert.deepEqual([bins[1].lo, bins[1].hi], [0.2, 0.4]);
  close(bins[2].meanPredicted, 0.95);
  close(expectedCalibrationError(bins), (3 * Math.abs(0.1 - 1 / 3) + Math.abs(0.2 - 1) + Math.abs(0.95 - 1)) / 5);
});

test("calibration bins by quantile hold equal counts", () => {
  const p = Array.from({ length: 100 }, (_, i) => i / 100);
  const y = p.map((v) => (v > 0.5 ? 1 : 0));
  const bins = calibrationBins(y, p, { bins: 4, strategy: "quantile" });
  assert.deepEqual(
    bins.map((b) => b.count),
    [25, 25, 25, 25],
  );
});

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

test("mean and sample standard deviation", () => {
  const s = meanSd([1, 2, 3, 4]);
  close(s.mean, 2.5);
  close(s.sd, Math.sqrt(5 / 3));
});
