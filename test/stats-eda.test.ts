// EDA views and the hypothesis/explorer layer on small hand-built tables.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { associationRanking, binColumn, churnRateBy, histogramByChurn, niceStep } from "../src/lib/stats/eda.js";
import { hypothesesArtifact, testColumn, testHypotheses } from "../src/lib/stats/hypotheses.js";
import { statsTable } from "./fixtures/stats-table.js";

// 12 customers: the first 4 churned.
const churn = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
const table = statsTable({
  churn,
  numeric: {
    // Churners low, others high: a perfect separator.
    Tenure: [1, 2, 3, NaN, 10, 11, 12, 13, 14, 15, 16, 17],
    Complain: [1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0],
    CityTier: [1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3],
    WarehouseToHome: [5.5, 7.25, 9, 11, 6, 8, 10, 12, 14, 16, 18, 120],
  },
  category: {
    Gender: ["Male", "Female", "Male", null, "Female", "Male", "Female", "Male", "Female", "Male", "Female", "Male"],
  },
});

describe("churnRateBy", () => {
  it("rates, sizes and Wilson intervals per level, blanks apart", () => {
    const r = churnRateBy(table, "Gender");
    assert.equal(r.kind, "category");
    assert.deepEqual(
      r.groups.map((g) => [g.label, g.n, g.churned]),
      [
        ["Female", 5, 1],
        ["Male", 6, 2],
      ],
    );
    assert.equal(r.blank?.n, 1);
    assert.equal(r.blank?.churned, 1);
    assert.equal(r.overall.rate, 4 / 12);
    for (const g of r.groups) assert.ok(g.low <= g.rate && g.rate <= g.high);
  });
  it("one group per value for a small whole-number column", () => {
    const r = churnRateBy(table, "CityTier");
    assert.equal(r.kind, "discrete");
    assert.deepEqual(
      r.groups.map((g) => [g.label, g.n, g.churned]),
      [
        ["1", 6, 2],
        ["3", 6, 2],
      ],
    );
    assert.equal(r.blank, null);
  });
  it("bins continuous values, with explicit cut points too", () => {
    const r = churnRateBy(table, "WarehouseToHome", { bins: [10] });
    assert.deepEqual(
      r.groups.map((g) => [g.label, g.n, g.churned]),
      [
        ["< 10", 5, 3],
        ["≥ 10", 7, 1],
      ],
    );
    const auto = binColumn(table, "WarehouseToHome");
    assert.equal(auto.kind, "bins");
    // Every non-blank row lands in a bin, including the extreme 120.
    assert.ok(Array.from(auto.index).every((k) => k >= 0 && k < auto.labels.length));
  });
  it("nice steps follow 1-2-5", () => {
    assert.equal(niceStep(0, 127, 10), 10);
    assert.equal(niceStep(0, 1, 10), 0.1);
    assert.equal(niceStep(0, 30, 10), 2);
    assert.equal(niceStep(0, 40, 10), 5);
  });
});

describe("histogramByChurn", () => {
  it("counts and within-group shares on shared bins", () => {
    const h = histogramByChurn(table, "Complain");
    assert.equal(h.chart, "bars");
    assert.deepEqual(
      h.bins.map((b) => [b.label, b.stayed, b.churned]),
      [
        ["0", 7, 1],
        ["1", 1, 3],
      ],
    );
    assert.equal(h.bins[1].churnedShare, 3 / 4);
    assert.equal(histogramByChurn(table, "Tenure").blankChurned, 1);
  });
});

describe("associationRanking", () => {
  it("ranks a perfect separator first, with its direction", () => {
    const rows = associationRanking(table, { columns: ["Gender", "Tenure", "CityTier", "Complain"] });
    assert.equal(rows[0].column, "Tenure");
    assert.equal(rows[0].auc, 0);
    assert.equal(rows[0].strength, 1);
    assert.equal(rows[0].direction, "lower values, more churn");
    const tier = rows.find((r) => r.column === "CityTier");
    assert.equal(tier?.strength, 0);
    const gender = rows.find((r) => r.column === "Gender");
    assert.ok(gender && gender.auc >= 0.5);
    assert.match(gender?.direction ?? "", /most churn: Male/);
  });
});

describe("testColumn", () => {
  it("numeric → Welch, Student, Mann-Whitney, Cohen's d", () => {
    const r = testColumn(table, "Tenure");
    assert.equal(r.kind, "numeric");
    if (r.kind !== "numeric") return;
    assert.equal(r.primary.test, "Welch's t-test");
    assert.equal(r.n, 11);
    assert.equal(r.missing, 1);
    assert.ok(r.effect.value > 0, "stayed − churned is positive");
    assert.match(r.missingPolicy, /n = 11 of 12/);
  });
  it("a 0/1 column → χ² with Yates, Cramér's V and the rate difference", () => {
    const r = testColumn(table, "Complain");
    assert.equal(r.kind, "category");
    if (r.kind !== "category") return;
    assert.equal(r.chiSquare.yates, true);
    assert.ok(r.chiSquareUncorrected && r.chiSquareUncorrected.statistic > r.chiSquare.statistic);
    assert.equal(r.rateDifferenceLabel, "Complain 1 − Complain 0");
    assert.equal(r.rateDifference?.value, 3 / 4 - 1 / 8);
    assert.match(r.chiSquare.note ?? "", /below 5/);
  });
  it("levels nobody has are reported, not tested; `as` forces categories", () => {
    const only = statsTable({ churn: [1, 0, 1, 0], category: { Gender: ["Male", "Male", "Male", "Male"] } });
    const r = testColumn(only, "Gender");
    assert.ok(r.kind === "category");
    if (r.kind !== "category") return;
    assert.deepEqual(r.emptyLevels, ["Female"]);
    assert.ok(Number.isNaN(r.chiSquare.statistic));
    assert.equal(testColumn(table, "CityTier", { as: "category" }).kind, "category");
  });
});

describe("testHypotheses on made-up data", () => {
  const n = 40;
  const c = Array.from({ length: n }, (_, i) => (i < 10 ? 1 : 0));
  it("supports a claim the data bear out and says 'no evidence' where there is none", () => {
    const t = statsTable({
      churn: c,
      numeric: {
        // Churners less satisfied: the claim holds.
        SatisfactionScore: c.map((ch, i) => (ch ? 1 + (i % 2) : 4 + (i % 2))),
        // The same spread of values in both groups: nothing to find.
        DaySinceLastOrder: c.map((_, i) => i % 5),
        Complain: c.map((_, i) => i % 2),
      },
    });
    const [sat, comp, rec] = testHypotheses(t);
    assert.equal(sat.direction, "supports");
    assert.match(
      sat.verdict,
      /^The data support the claim: customers who churned \(1\.50, n = 10\) had a lower mean satisfaction score/,
    );
    assert.equal(rec.direction, "no evidence");
    assert.match(rec.verdict, /^No evidence either way at the 5% level/);
    assert.equal(comp.direction, "no evidence");
    assert.equal(comp.groups.length, 2);
  });
  it("a degenerate column gets a 'cannot be tested' verdict, not a crash", () => {
    const t = statsTable({
      churn: c,
      numeric: { SatisfactionScore: c.map(() => 3), DaySinceLastOrder: c.map(() => NaN), Complain: c.map(() => 0) },
    });
    const results = testHypotheses(t);
    for (const r of results) {
      assert.equal(r.direction, "no evidence");
      assert.match(r.verdict, /^Cannot be tested on this data/);
    }
    assert.doesNotMatch(JSON.stringify(hypothesesArtifact(results)), /NaN/);
  });
  it("refuses a table without churn", () => {
    const t = { ...statsTable({ churn: [0], numeric: { SatisfactionScore: [1] } }), churn: null };
    assert.throws(() => testHypotheses(t), /no Churn column/);
  });
});
