// The expected number of churners from probabilities: mean and variance of a Poisson-binomial by hand, and
// its exact interval against the distribution enumerated outcome by outcome.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exactQuantiles, expectedCount } from "../src/lib/stats/expected-count.js";
import { mulberry32 } from "../src/lib/random.js";

/** P(X = k) for k = 0..n, by summing over all 2^n outcomes. */
function enumerate(p: readonly number[]): number[] {
  const dist = Array<number>(p.length + 1).fill(0);
  for (let mask = 0; mask < 1 << p.length; mask++) {
    let prob = 1;
    let k = 0;
    for (let i = 0; i < p.length; i++) {
      const hit = (mask >> i) & 1;
      prob *= hit ? p[i] : 1 - p[i];
      k += hit;
    }
    dist[k] += prob;
  }
  return dist;
}

describe("expectedCount", () => {
  it("100 customers at 0.2 and 100 at 0.5: mean 70, variance 16 + 25 = 41, an exact interval near the normal one", () => {
    const p = [...Array<number>(100).fill(0.2), ...Array<number>(100).fill(0.5)];
    const r = expectedCount(p);
    assert.equal(r.method, "Poisson-binomial, exact");
    assert.ok(Math.abs(r.expected - 70) < 1e-9);
    assert.ok(Math.abs(r.sd - Math.sqrt(41)) < 1e-9);
    assert.ok(Math.abs(r.rate - 0.35) < 1e-12);
    // 70 ± 1.96·√41 is 57.45 to 82.55: the exact quantiles are whole counts just around it.
    assert.ok(Number.isInteger(r.low) && Number.isInteger(r.high));
    assert.ok(Math.abs(r.low - 57.45) <= 1 && Math.abs(r.high - 82.55) <= 1, `${r.low} to ${r.high}`);
    assert.equal(r.note, undefined);
  });

  it("the exact interval is the enumerated distribution's central 95%", () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + Math.floor(random() * 14);
      // Skewed as churn probabilities are: most small, a few large.
      const p = Array.from({ length: n }, () => random() ** 3);
      const dist = enumerate(p);
      const { low, high } = exactQuantiles(p, 0.025);
      const below = dist.slice(0, low).reduce((a, b) => a + b, 0);
      const above = dist.slice(high + 1).reduce((a, b) => a + b, 0);
      assert.ok(below < 0.025 + 1e-12 && above <= 0.025 + 1e-12, `trial ${trial}: tails ${below}, ${above}`);
      // Tightest such interval: one count further in on either side leaves more than 2.5% out.
      assert.ok(below + dist[low] >= 0.025 - 1e-12, `trial ${trial}: low could be higher`);
      assert.ok(above + dist[high] > 0.025 - 1e-12, `trial ${trial}: high could be lower`);
    }
  });

  it("a few near-zero probabilities: an interval of whole counts from 0, not a negative normal one", () => {
    const r = expectedCount([0.01, 0.02, 0]);
    assert.equal(r.low, 0);
    assert.equal(r.high, 1);
    assert.equal(r.method, "Poisson-binomial, exact");
  });

  it("certain outcomes: p = 1 counts for sure", () => {
    const r = expectedCount([1, 1, 1, 0, 0]);
    assert.deepEqual([r.expected, r.sd, r.low, r.high], [3, 0, 3, 3]);
  });

  it("too many customers for the exact sum: the normal approximation, clamped to [0, n]", () => {
    const p = new Float64Array(400_000).fill(0.3);
    const r = expectedCount(p);
    assert.equal(r.method, "Poisson-binomial, normal approximation");
    const sd = Math.sqrt(400_000 * 0.21);
    assert.ok(Math.abs(r.low - (120_000 - 1.959963984540054 * sd)) < 1e-6);
  });

  it("refuses a probability outside [0, 1]", () => {
    assert.throws(() => expectedCount([0.5, 1.5]), /not in \[0, 1\]/);
  });
});
