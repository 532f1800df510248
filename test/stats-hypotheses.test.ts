// The hypothesis/explorer layer on small hand-built tables.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hypothesesArtifact, testColumn, testHypotheses } from "../src/lib/stats/hypotheses.js";
import { statsTable, twelveCustomers as table } from "./fixtures/stats-table.js";

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
