// Drift tests and effect sizes on samples small enough to check by hand (working in the comments), the
// Kolmogorov tail against scipy's kstwobign, and the property the report relies on: PSI does not grow with n.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  binCounts,
  categoryDrift,
  describePsi,
  ksTwoSample,
  logKolmogorovSf,
  numericDrift,
  populationStabilityIndex,
  quantileCuts,
  wassersteinDistance,
} from "../src/lib/stats/drift.js";
import { mulberry32, randomNormal } from "../src/lib/random.js";

function close(actual: number, expected: number, tol = 1e-12, label = ""): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${label} ${actual} vs ${expected}`);
}

describe("quantileCuts and binCounts", () => {
  it("deciles of 1..11 are 2..10; a value on a cut goes to the bin below it", () => {
    const values = Array.from({ length: 11 }, (_, i) => i + 1);
    assert.deepEqual(quantileCuts(values), [2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(binCounts([1, 2, 2.5, 10, 10.5, 99, NaN], [2, 3, 4, 5, 6, 7, 8, 9, 10]), {
      counts: [2, 1, 0, 0, 0, 0, 0, 0, 1, 2],
      blank: 1,
    });
  });
  it("a 0/1 flag gets one bin per value, not nine empty deciles", () => {
    // 7 zeros and 3 ones: the deciles are 0 up to the 0.6 quantile, then between 0 and 1, then 1.
    const cuts = quantileCuts([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    assert.equal(cuts[0], 0);
    assert.equal(cuts[cuts.length - 1], 1);
    assert.ok(cuts.every((c, i) => i === 0 || c > cuts[i - 1]));
  });
});

describe("populationStabilityIndex", () => {
  it("0 for the same shares at any counts", () => {
    assert.equal(populationStabilityIndex([10, 20, 30], [100, 200, 300]), 0);
  });
  it("shares (0.5, 0.5) -> (0.25, 0.75): 0.25 ln 2 + 0.25 ln 1.5... by hand", () => {
    // (0.25 - 0.5) ln(0.25/0.5) + (0.75 - 0.5) ln(0.75/0.5) = 0.25 ln 2 + 0.25 ln 1.5.
    close(populationStabilityIndex([50, 50], [25, 75]), 0.25 * Math.log(2) + 0.25 * Math.log(1.5));
  });
  it("an empty bin is floored at 1e-4 instead of giving infinity", () => {
    // The first bin empties: (1e-4 - 0.5) ln(1e-4 / 0.5); the second doubles: (1 - 0.5) ln 2.
    close(populationStabilityIndex([1, 1], [0, 2]), (0.5 - 1e-4) * Math.log(0.5 / 1e-4) + 0.5 * Math.log(2));
  });
  it("is symmetric", () => {
    close(populationStabilityIndex([3, 5, 2], [1, 6, 9]), populationStabilityIndex([1, 6, 9], [3, 5, 2]));
  });
});

describe("wassersteinDistance", () => {
  it("a shift by 5 moves every value 5", () => {
    close(wassersteinDistance([0, 1, 3], [5, 6, 8]), 5, 1e-12, "scipy wasserstein_distance");
  });
  it("unequal sizes: [0,0,1] vs [0,1,1,1] is |2/3 - 1/4| over [0, 1) = 5/12", () => {
    close(wassersteinDistance([0, 0, 1], [0, 1, 1, 1]), 5 / 12);
    close(wassersteinDistance([1, 2, 3], [1, 2, 3, 4]), 0.5, 1e-12, "scipy");
  });
  it("skips blanks", () => {
    close(wassersteinDistance([0, NaN, 1, 3], [5, 6, NaN, 8]), 5);
  });
});

describe("ksTwoSample", () => {
  it("[1..5] vs [3..8]: D = 0.5 (at 2: 2/5 vs 0 ... at 5: 1 vs 1/2), p from kstwobign", () => {
    const r = ksTwoSample([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]);
    close(r.statistic, 0.5);
    close(r.p, 0.502914033641129, 1e-9, "scipy kstwobign.sf(sqrt(30/11) * 0.5)");
  });
  it("Kolmogorov tail on both sides of the series switch and far out", () => {
    const scipy: [number, number][] = [
      [0.5, -0.036720787162354884],
      [1.0, -1.3093345359942996],
      [1.18, -2.0918882055887527],
      [1.5, -3.8068541904000806],
      [3.0, -17.306852819440056],
      [10.0, -199.30685281944005],
    ];
    for (const [lambda, logSf] of scipy) close(logKolmogorovSf(lambda), logSf, 1e-9, `λ=${lambda}`);
  });
  it("identical samples: D = 0, p = 1", () => {
    const r = ksTwoSample([1, 2, 2, 3], [1, 2, 2, 3]);
    assert.equal(r.statistic, 0);
    assert.equal(r.p, 1);
  });
  it("an empty sample gives NaN with a note", () => {
    const r = ksTwoSample([NaN], [1, 2]);
    assert.ok(Number.isNaN(r.p));
    assert.ok(r.note);
  });
});

describe("numericDrift", () => {
  const normal = (seed: number, n: number, shift = 0) => {
    const random = mulberry32(seed);
    return Float64Array.from({ length: n }, () => randomNormal(random) + shift);
  };
  it("the same distribution is not drifted, at 500 or 50,000 rows", () => {
    for (const n of [500, 50_000]) {
      const r = numericDrift("x", normal(1, n), normal(2, n));
      assert.equal(r.drifted, false, `n=${n}: PSI ${r.effect}`);
      assert.ok(r.effect < 0.05);
    }
  });
  it("half a standard deviation is drifted, and PSI stays put as n grows while p collapses", () => {
    const small = numericDrift("x", normal(1, 2_000), normal(2, 2_000, 0.5));
    const large = numericDrift("x", normal(1, 50_000), normal(2, 50_000, 0.5));
    assert.equal(small.drifted, true);
    assert.equal(large.drifted, true);
    close(small.wassersteinSd, 0.5, 0.1);
    close(large.wassersteinSd, 0.5, 0.03);
    assert.ok(Math.abs(small.effect - large.effect) < 0.05, `${small.effect} vs ${large.effect}`);
    assert.ok(large.logP < small.logP);
  });
  it("a tiny shift on a huge sample is significant but not drifted", () => {
    const r = numericDrift("x", normal(1, 200_000), normal(2, 200_000, 0.05));
    assert.ok(r.p < 1e-6);
    assert.equal(r.drifted, false);
  });
  it("blanks are a bin of their own: a column that went half blank drifts", () => {
    const then = Float64Array.from({ length: 1000 }, (_, i) => i % 10);
    const now = Float64Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? NaN : i % 10));
    const r = numericDrift("x", then, now);
    assert.equal(r.now.blank, 500);
    assert.equal(r.bins.then.length, r.bins.cuts.length + 2);
    assert.equal(r.drifted, true);
  });
});

describe("categoryDrift", () => {
  const repeat = (counts: Record<string, number>) =>
    Object.entries(counts).flatMap(([k, n]) => Array<string>(n).fill(k));
  it("chi-square as scipy chi2_contingency(correction=False) and the largest share change", () => {
    // [[30,20,10],[20,25,15]]: χ² = 3.5556, df = 2, p = 0.16901 (scipy). Shares a: .5 .333 .167; b: .333 .417 .25.
    const r = categoryDrift("c", repeat({ a: 30, b: 20, c: 10 }), repeat({ a: 20, b: 25, c: 15 }));
    close(r.statistic, 3.5555555555555554, 1e-12);
    assert.equal(r.df, 2);
    close(r.p, 0.16901331540606607, 1e-9);
    assert.deepEqual(r.levels, ["a", "b", "c"]);
    assert.equal(r.largestShareChange.level, "a");
    close(r.largestShareChange.change, 1 / 3 - 1 / 2);
    // p > 0.05: not drifted however large PSI is on so few rows.
    assert.equal(r.drifted, false);
  });
  it("the same shift on 100 times the rows is drifted; a new level and blanks are levels", () => {
    const r = categoryDrift("c", repeat({ a: 3000, b: 2000, c: 1000 }), [
      ...repeat({ a: 2000, b: 2500, c: 1400, d: 100 }),
      null,
    ]);
    assert.deepEqual(r.levels, ["a", "b", "c", "d", "(blank)"]);
    assert.equal(r.drifted, true);
    assert.equal(describePsi(r.effect), "moderate");
  });
  it("one level on both sides: nothing to test, not drifted", () => {
    const r = categoryDrift("c", ["x", "x"], ["x"]);
    assert.equal(r.drifted, false);
    assert.ok(Number.isNaN(r.p));
  });
});
