// The expected number of churners from probabilities: mean and variance of a Poisson-binomial by hand.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expectedCount } from "../src/lib/stats/expected-count.js";

describe("expectedCount", () => {
  it("100 customers at 0.2 and 100 at 0.5: mean 70, variance 16 + 25 = 41", () => {
    const p = [...Array<number>(100).fill(0.2), ...Array<number>(100).fill(0.5)];
    const r = expectedCount(p);
    assert.ok(Math.abs(r.expected - 70) < 1e-9);
    assert.ok(Math.abs(r.sd - Math.sqrt(41)) < 1e-9);
    assert.ok(Math.abs(r.low - (70 - 1.959963984540054 * Math.sqrt(41))) < 1e-6);
    assert.ok(Math.abs(r.high - (70 + 1.959963984540054 * Math.sqrt(41))) < 1e-6);
    assert.ok(Math.abs(r.rate - 0.35) < 1e-12);
    assert.equal(r.note, undefined);
  });
  it("clamps to [0, n] and says when the approximation is rough", () => {
    const r = expectedCount([0.01, 0.02, 0]);
    assert.equal(r.low, 0);
    assert.ok(r.note);
  });
  it("refuses a probability outside [0, 1]", () => {
    assert.throws(() => expectedCount([0.5, 1.5]), /not in \[0, 1\]/);
  });
});
