// Tests and effect sizes on small samples whose answers can be checked by hand (working in the comments),
// a few textbook examples, and the degenerate inputs that must give NaN with a note instead of nonsense.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalSf, studentTTwoSided } from "../src/lib/stats/special.js";
import {
  chiSquareIndependence,
  cohensD,
  cramersV,
  describeD,
  holmAdjust,
  holmAdjustLog,
  mannWhitneyExactSf,
  mannWhitneyU,
  multipleComparisonsNote,
  rateDifference,
  studentT,
  summarize,
  welchT,
  wilsonInterval,
} from "../src/lib/stats/tests.js";

function close(actual: number, expected: number, tol = 1e-12, label = ""): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${label} ${actual} vs ${expected}`);
}

describe("summarize", () => {
  it("skips NaN and keeps digits under a large offset", () => {
    const s = summarize([1e9 + 1, 1e9 + 2, NaN, 1e9 + 3]);
    assert.equal(s.n, 3);
    assert.equal(s.missing, 1);
    close(s.mean, 1e9 + 2);
    close(s.variance, 1, 1e-9);
  });
});

describe("t-tests", () => {
  it("Student: [1,2,3] vs [4,5,6]", () => {
    // Means 2 and 5, both variances 1, pooled 1: t = -3 / sqrt(2/3), df = 4.
    const r = studentT([1, 2, 3], [4, 5, 6]);
    close(r.statistic, -3 / Math.sqrt(2 / 3));
    assert.equal(r.df, 4);
    // t with 4 df has a closed-form CDF.
    const t = Math.abs(r.statistic);
    const u = 1 + (t * t) / 4;
    const cdf = 0.5 + (3 / 8) * (t / Math.sqrt(u)) * (1 - (t * t) / (12 * u));
    close(r.p, 2 * (1 - cdf), 1e-10);
    close(r.p, 0.021311641128756727, 1e-10, "scipy ttest_ind");
  });
  it("Welch: [1,2,3,4] vs [2,4,6]", () => {
    // v/n = 5/12 and 4/3: t = -1.5 / sqrt(7/4); df = (7/4)² / ((5/12)²/3 + (4/3)²/2) = 21168/6544.
    const r = welchT([1, 2, 3, 4], [2, 4, 6]);
    close(r.statistic, -1.5 / Math.sqrt(7 / 4));
    close(r.df, 21168 / 6544);
    close(r.p, 0.3338237000775014, 1e-10, "scipy ttest_ind(equal_var=False)");
  });
  it("equal variances and sizes make Welch equal Student", () => {
    const w = welchT([1, 2, 3], [4, 5, 6]);
    const s = studentT([1, 2, 3], [4, 5, 6]);
    close(w.statistic, s.statistic);
    close(w.df, 4);
  });
  it("a group of one: Student pools the other group's variance, Welch says why it cannot", () => {
    // Pooled variance = var([1,2,3]) = 1 with df 2: t = (5 - 2) / sqrt(1 + 1/3); p = 1 - t / sqrt(2 + t²).
    const s = studentT([5], [1, 2, 3]);
    const t = 3 / Math.sqrt(4 / 3);
    close(s.statistic, t);
    assert.equal(s.df, 2);
    close(s.p, 1 - t / Math.sqrt(2 + t * t), 1e-10);
    const w = welchT([5], [1, 2, 3]);
    assert.ok(Number.isNaN(w.statistic) && Number.isNaN(w.p));
    assert.match(w.note ?? "", /group of one/);
  });
  it("zero variance and empty groups give NaN with a note", () => {
    for (const r of [studentT([2, 2, 2], [3, 3, 3]), welchT([2, 2, 2], [3, 3, 3])]) {
      assert.ok(Number.isNaN(r.statistic) && Number.isNaN(r.p));
      assert.match(r.note ?? "", /variation/);
    }
    assert.match(studentT([2, 2], [2, 2]).note ?? "", /same/);
    assert.match(welchT([], [1, 2]).note ?? "", /no values/);
    assert.match(studentT([1], [2]).note ?? "", /three values/);
  });
  it("only one group without spread is fine for Welch (df = n - 1 of the other)", () => {
    const r = welchT([3, 3, 3], [1, 2, 3, 4]);
    close(r.df, 3);
    close(r.statistic, (3 - 2.5) / Math.sqrt(5 / 12));
  });
  it("drops NaN values", () => {
    const r = studentT([1, NaN, 2, 3], [4, 5, 6, NaN]);
    close(r.statistic, -3 / Math.sqrt(2 / 3));
    assert.equal(r.a.missing, 1);
  });
});

describe("Mann-Whitney U", () => {
  it("exact for small samples without ties: complete separation of 3 and 3", () => {
    // U = 0; 1 of the C(6,3) = 20 orderings is this extreme on each side: p = 2/20.
    const r = mannWhitneyU([1, 2, 3], [4, 5, 6]);
    assert.equal(r.method, "exact");
    assert.equal(r.statistic, 0);
    close(r.p, 0.1);
    assert.equal(r.auc, 0);
    close(mannWhitneyExactSf(9, 3, 3), 1 / 20);
    close(mannWhitneyExactSf(5, 3, 3), 0.5);
    assert.equal(mannWhitneyExactSf(0, 3, 3), 1);
  });
  it("scipy's documented example: U = 17, p = 0.1111", () => {
    const r = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    assert.equal(r.statistic, 17);
    assert.equal(r.u2, 3);
    close(r.p, 1 / 9);
  });
  it("exact stays exact with one small group and a large one", () => {
    // 2 values against 100, U = 0: 1 of C(102, 2) = 5151 arrangements, two-sided 2/5151.
    const big = Array.from({ length: 100 }, (_, i) => i + 10);
    const r = mannWhitneyU([1, 2], big);
    assert.equal(r.method, "exact");
    close(r.p, 2 / 5151);
  });
  it("asymptotic with ties and continuity correction (scipy 1.10 value)", () => {
    const a = [1, 1, 2, 2, 3, 5, 7, 8, 9, 9];
    const b = [2, 3, 3, 4, 4, 4, 6, 10, 11, 12, 12];
    const r = mannWhitneyU(a, b);
    assert.equal(r.method, "asymptotic");
    assert.equal(r.statistic, 37);
    // Ties: 1 x2, 2 x3, 3 x3, 4 x3, 9 x2, 12 x2 → Σ(t³ - t) = 6 + 24 + 24 + 24 + 6 + 6 = 90.
    const variance = ((10 * 11) / 12) * (22 - 90 / (21 * 20));
    const z = (73 - 55 - 0.5) / Math.sqrt(variance);
    close(r.z, z);
    close(r.p, 2 * normalSf(z));
    close(r.p, 0.2155831213167566, 1e-10, "scipy mannwhitneyu");
  });
  it("degenerate inputs", () => {
    assert.match(mannWhitneyU([], [1, 2]).note ?? "", /no values/);
    const same = mannWhitneyU([2, 2, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    assert.ok(Number.isNaN(same.p));
    assert.match(same.note ?? "", /same/);
  });
});

describe("chi-square test of independence", () => {
  const t = [
    [10, 20],
    [30, 40],
  ];
  it("2 x 2 by hand, with and without Yates", () => {
    // Expected 12, 18, 28, 42; |O - E| = 2 everywhere; Σ 1/E = 25/126.
    const plain = chiSquareIndependence(t, { yates: false });
    close(plain.statistic, (4 * 25) / 126);
    assert.equal(plain.df, 1);
    assert.equal(plain.yates, false);
    close(plain.p, 2 * normalSf(Math.sqrt(plain.statistic)), 1e-12);
    // Yates: |O - E| - 0.5 = 1.5, squared 2.25.
    const corrected = chiSquareIndependence(t);
    close(corrected.statistic, (2.25 * 25) / 126);
    assert.equal(corrected.yates, true);
    assert.deepEqual(corrected.expected, [
      [12, 18],
      [28, 42],
    ]);
  });
  it("Yates is applied only when df = 1 (as scipy)", () => {
    const r = chiSquareIndependence([
      [10, 20, 30],
      [30, 20, 10],
    ]);
    assert.equal(r.df, 2);
    assert.equal(r.yates, false);
    // Expected 20 everywhere: Σ (O - E)² / E = (100 + 0 + 100) * 2 / 20 = 20; k = 2 tail is e^(-x/2).
    close(r.statistic, 20);
    close(r.p, Math.exp(-10));
  });
  it("an empty cell is counted, and small expected counts are flagged", () => {
    // n 15; expected 5/3, 10/3, 10/3, 20/3; |O - E| = 5/3; Σ 1/E = 27/20: χ² = 25/9 * 27/20 = 3.75.
    const r = chiSquareIndependence(
      [
        [0, 5],
        [5, 5],
      ],
      { yates: false },
    );
    close(r.statistic, 3.75);
    assert.equal(r.smallExpected, 3);
    assert.match(r.note ?? "", /below 5/);
    // Yates: (5/3 - 1/2)² = 49/36: 49/36 * 27/20 = 1.8375.
    close(
      chiSquareIndependence([
        [0, 5],
        [5, 5],
      ]).statistic,
      1.8375,
    );
  });
  it("Yates never moves a count past its expectation", () => {
    // Expected 5 everywhere, |O - E| = 0.25 → corrected to 0, not 0.25 the other way.
    const r = chiSquareIndependence([
      [5.25, 4.75],
      [4.75, 5.25],
    ]);
    assert.equal(r.statistic, 0);
    assert.equal(r.p, 1);
  });
  it("an empty row or a single column gives NaN with a note", () => {
    const r = chiSquareIndependence([
      [0, 0],
      [3, 4],
    ]);
    assert.ok(Number.isNaN(r.statistic) && Number.isNaN(r.p));
    assert.match(r.note ?? "", /empty/);
    assert.match(chiSquareIndependence([[3], [4]]).note ?? "", /two rows and two columns/);
  });
});

describe("effect sizes", () => {
  it("Cohen's d with the Hedges-Olkin interval", () => {
    // d = (2 - 5) / 1 = -3; SE² = 6/9 + 9/12.
    const d = cohensD([1, 2, 3], [4, 5, 6]);
    close(d.value, -3);
    const se = Math.sqrt(6 / 9 + 9 / 12);
    close(d.low, -3 - 1.959963984540054 * se, 1e-12);
    close(d.high, -3 + 1.959963984540054 * se, 1e-12);
    assert.equal(describeD(d.value), "large");
    assert.equal(describeD(-0.28), "small");
    assert.match(cohensD([1, 1], [1, 1]).note ?? "", /same/);
    assert.ok(Number.isNaN(cohensD([1], [2]).value));
  });
  it("Cramér's V", () => {
    close(
      cramersV([
        [10, 20],
        [30, 40],
      ]).value,
      Math.sqrt(100 / 126 / 100),
    );
    close(
      cramersV([
        [10, 0],
        [0, 10],
      ]).value,
      1,
    );
    // 3 x 3 with each row tied to one column: V = 1 (min(r, c) - 1 = 2 in the denominator).
    close(
      cramersV([
        [7, 0, 0],
        [0, 4, 0],
        [0, 0, 9],
      ]).value,
      1,
    );
    assert.ok(
      Number.isNaN(
        cramersV([
          [0, 0],
          [1, 2],
        ]).value,
      ),
    );
  });
  it("Wilson interval: Newcombe's (1998) example 81/263 → 0.2553 to 0.3662, and x = 0", () => {
    const w = wilsonInterval(81, 263);
    close(w.low, 0.2553, 2e-4);
    close(w.high, 0.3662, 2e-4);
    const zero = wilsonInterval(0, 10);
    assert.equal(zero.low, 0);
    // Upper bound for x = 0 is z² / (n + z²).
    close(zero.high, 3.841458820694124 / 13.841458820694124, 1e-12);
    assert.equal(wilsonInterval(10, 10).high, 1);
    assert.match(wilsonInterval(0, 0).note ?? "", /no observations/);
  });
  it("difference in rates: Newcombe's example 56/70 − 48/80 → 0.0524 to 0.3339", () => {
    const d = rateDifference(56, 70, 48, 80);
    close(d.value, 0.2, 1e-12);
    close(d.low, 0.0524, 1e-4);
    close(d.high, 0.3339, 1e-4);
    assert.match(rateDifference(1, 2, 0, 0).note ?? "", /no observations/);
  });
});

describe("multiple comparisons", () => {
  it("Holm adjusts step-down and keeps order", () => {
    // Sorted 0.01, 0.03, 0.04 → 3·0.01, max(·, 2·0.03), max(·, 1·0.04).
    assert.deepEqual(holmAdjust([0.01, 0.04, 0.03]), [0.03, 0.06, 0.06]);
    assert.deepEqual(holmAdjust([0.5, NaN]), [0.5, NaN]);
  });
  it("Holm on log p-values: the same adjustment, and p-values below 1e-308 keep their size", () => {
    const p = [0.01, 0.04, 0.03, NaN, 0.2];
    const adjusted = holmAdjustLog(p.map(Math.log)).map(Math.exp);
    holmAdjust(p).forEach((q, i) => (Number.isNaN(q) ? assert.ok(Number.isNaN(adjusted[i])) : close(adjusted[i], q)));
    // log p = -900 and -800 (e^-800 underflows to 0) are multiplied by 4 and 3; 0.6 by 2 is capped at 1
    // (log 0), and 0.7 after it cannot come out smaller.
    const tiny = holmAdjustLog([-800, -900, Math.log(0.6), Math.log(0.7)]);
    close(tiny[1], Math.log(4) - 900);
    close(tiny[0], Math.log(3) - 800);
    assert.deepEqual(tiny.slice(2), [0, 0]);
  });
  it("says how many false alarms to expect", () => {
    const note = multipleComparisonsNote(18);
    assert.match(note, /18 columns/);
    assert.match(note, /0\.9/);
    assert.match(note, /0\.0028/);
  });
});

it("the t tail used by the tests agrees with its closed form (sanity)", () => {
  close(studentTTwoSided(1, 1), 0.5, 1e-12);
});
