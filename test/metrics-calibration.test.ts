import { test } from "node:test";
import assert from "node:assert/strict";
import { calibrationBins, expectedCalibrationError } from "../src/lib/metrics/calibration.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

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
