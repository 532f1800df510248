import assert from "node:assert/strict";
import { test } from "node:test";
import { bootstrapIntervals, type MetricFn } from "../src/lib/metrics/bootstrap.js";
import { averagePrecision } from "../src/lib/metrics/pr.js";
import { brier, logLoss } from "../src/lib/metrics/probability.js";
import { rocAuc } from "../src/lib/metrics/roc.js";
import { testSetIntervals } from "../src/lib/metrics/test-set-bootstrap.js";
import { mulberry32, randomNormal } from "../src/lib/random.js";
import { figuresAt } from "../src/lib/threshold.js";

// Scores rounded to a few values in part, so replicates have tie groups (which the sweeps treat as one).
function sample(n: number, seed: number, rate: number, round: number) {
  const r = mulberry32(seed);
  const y = new Uint8Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < rate ? 1 : 0;
    const v = 1 / (1 + Math.exp(-(randomNormal(r) + (y[i] ? 1.2 : -0.4))));
    p[i] = i % 3 === 0 ? Math.round(v * round) / round : v;
  }
  return { y, p };
}

function reference(y: Uint8Array, p: Float64Array, thresholds: Record<string, number>, reps: number, seed: number) {
  const metrics: Record<string, MetricFn> = { rocAuc, averagePrecision, logLoss, brier };
  for (const [name, t] of Object.entries(thresholds)) {
    metrics[`${name}:precision`] = (yy, pp) => figuresAt(yy, pp, t).precision;
    metrics[`${name}:recall`] = (yy, pp) => figuresAt(yy, pp, t).recall;
    metrics[`${name}:f1`] = (yy, pp) => figuresAt(yy, pp, t).f1;
    metrics[`${name}:accuracy`] = (yy, pp) => figuresAt(yy, pp, t).accuracy;
  }
  return bootstrapIntervals(metrics, y, p, { reps, seed });
}

for (const [n, rate, round, seed] of [
  [300, 0.2, 10, 1],
  [157, 0.5, 4, 2],
  [40, 0.1, 2, 3],
  [1015, 0.17, 100, 4],
] as const) {
  test(`test-set intervals equal bootstrapIntervals' bit for bit (n ${n}, churn rate ${rate})`, () => {
    const { y, p } = sample(n, seed, rate, round);
    const sorted = Float64Array.from(p).sort();
    const thresholds = {
      middle: sorted[Math.floor(n / 2)],
      high: sorted[n - 3],
      nobody: Infinity,
      everyone: -Infinity,
      tied: Math.round(sorted[Math.floor(n * 0.7)] * round) / round,
    };
    const ref = reference(y, p, thresholds, 200, seed + 10);
    const got = testSetIntervals(y, p, thresholds, { reps: 200, seed: seed + 10 });
    assert.deepEqual(got.rocAuc, ref.rocAuc);
    assert.deepEqual(got.averagePrecision, ref.averagePrecision);
    assert.deepEqual(got.logLoss, ref.logLoss);
    assert.deepEqual(got.brier, ref.brier);
    for (const name of Object.keys(thresholds) as (keyof typeof thresholds)[]) {
      for (const metric of ["precision", "recall", "f1", "accuracy"] as const) {
        assert.deepEqual(got.at[name][metric], ref[`${name}:${metric}`], `${name} ${metric}`);
      }
    }
  });
}
