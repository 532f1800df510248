// EDA views on small hand-built tables.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { associationRanking, binColumn, churnRateBy, histogramByChurn, niceStep } from "../src/lib/stats/eda.js";
import { twelveCustomers as table } from "./fixtures/stats-table.js";

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
