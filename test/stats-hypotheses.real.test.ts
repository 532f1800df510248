// The statistics module on the real data against scipy 1.10 (../shared/reference/statistics.json):
// statistics to 1e-6 absolute, p-values to 1e-6 relative, the 2.7e-78 complaint p included. The table
// comes through the project's own reader (pipeline/input/read-input.ts), so this also checks that the
// cleaned table is what scipy saw.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { readInput } from "../pipeline/input/read-input.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { churnRateBy } from "../src/lib/stats/eda.js";
import { formatP } from "../src/lib/stats/format.js";
import { hypothesesArtifact, testHypotheses, type HypothesisResult } from "../src/lib/stats/hypotheses.js";

const referencePath = fileURLToPath(new URL("../../shared/reference/statistics.json", import.meta.url));
const csvPath = fileURLToPath(new URL("../../shared/data/ecommerce-churn.csv", import.meta.url));
const xlsxPath = fileURLToPath(new URL("../../shared/data/ecommerce-churn.xlsx", import.meta.url));
const skip =
  existsSync(referencePath) && existsSync(csvPath)
    ? false
    : "needs ../shared (reference data and statistics.json), absent here";

interface Reference {
  SatisfactionScore_by_Churn: Record<string, number>;
  DaySinceLastOrder_by_Churn: Record<string, number>;
  Complain_x_Churn: Record<string, number>;
  churn_rate: number;
  [key: `churn_rate_by_${string}`]: Record<string, number>;
}

const errors = { statAbs: 0, pRel: 0 };

function statistic(actual: number, expected: number, label: string): void {
  const err = Math.abs(actual - expected);
  errors.statAbs = Math.max(errors.statAbs, err);
  assert.ok(err <= 1e-6, `${label}: ${actual} vs scipy ${expected} (abs error ${err})`);
}

function pValue(actual: number, expected: number, label: string): void {
  const err = Math.abs(actual - expected) / expected;
  errors.pRel = Math.max(errors.pRel, err);
  assert.ok(err <= 1e-6, `${label}: ${actual} vs scipy ${expected} (relative error ${err})`);
}

describe("real data against scipy 1.10", { skip }, () => {
  let ref: Reference;
  let table: ChurnTable;
  let results: HypothesisResult[];
  const byId = (id: HypothesisResult["id"]): HypothesisResult => results.find((r) => r.id === id) as HypothesisResult;

  before(async () => {
    ref = JSON.parse(readFileSync(referencePath, "utf8")) as Reference;
    table = (await readInput(csvPath)).table;
    results = testHypotheses(table);
  });

  /** Group means, Welch t (the headline test), Student t and Mann-Whitney against scipy's figures. */
  function meansAgainstScipy(h: HypothesisResult, r: Record<string, number>): void {
    const [stayed, churned] = h.groups;
    assert.ok(stayed.kind === "mean" && churned.kind === "mean");
    statistic(stayed.mean, r.mean_stayed, "mean stayed");
    statistic(churned.mean, r.mean_churned, "mean churned");
    statistic(h.statistic, r.welch_t, "Welch t");
    pValue(h.p, r.welch_p, "Welch p");
    statistic(h.otherTests[0].statistic, r.student_t, "Student t");
    pValue(h.otherTests[0].p, r.student_p, "Student p");
    pValue(h.otherTests[1].p, r.mannwhitney_p, "Mann-Whitney p");
  }

  it("satisfaction: means, Student and Welch t, Mann-Whitney", () => {
    const h = byId("satisfaction");
    meansAgainstScipy(h, ref.SatisfactionScore_by_Churn);
    assert.equal(h.otherTests[0].df, 5628);
  });

  it("recency: same, with 307 blanks dropped for this column only", () => {
    const h = byId("recency");
    meansAgainstScipy(h, ref.DaySinceLastOrder_by_Churn);
    assert.match(h.missingPolicy, /n = 5,323 of 5,630 \(307 blank/);
  });

  it("complaint: χ² with and without Yates, p ≈ 2.7e-78 (not 0)", () => {
    const r = ref.Complain_x_Churn;
    const h = byId("complaint");
    statistic(h.statistic, r.chi2_yates, "χ² Yates");
    pValue(h.p, r.p_yates, "p Yates");
    assert.equal(h.df, r.dof);
    statistic(h.otherTests[0].statistic, r.chi2, "χ²");
    pValue(h.otherTests[0].p, r.p, "p");
    assert.equal(h.pText, "2.7 × 10⁻⁷⁸");
    assert.equal(formatP(h.p, { style: "ascii" }), "2.7e-78");
  });

  it("verdicts follow the data: two of the three claims point the wrong way", () => {
    assert.equal(byId("satisfaction").direction, "contradicts");
    assert.equal(byId("complaint").direction, "supports");
    assert.equal(byId("recency").direction, "contradicts");
    assert.match(byId("satisfaction").verdict, /contradict.*higher mean satisfaction score/);
    assert.match(byId("recency").verdict, /contradict.*shorter mean time since their last order/);
    assert.match(byId("complaint").verdict, /support.*31\.7%.*10\.9%/);
    // Effects carry intervals that exclude zero on the side the verdict names.
    assert.ok(byId("satisfaction").effect.high < 0);
    assert.ok(byId("recency").effect.low > 0);
    assert.ok(byId("complaint").effect.low > 0);
  });

  it("churn rates by group", () => {
    statistic(churnRateBy(table, "Complain").overall.rate, ref.churn_rate, "overall churn rate");
    for (const column of ["SatisfactionScore", "CityTier", "Complain"]) {
      const expected = ref[`churn_rate_by_${column}`];
      const groups = churnRateBy(table, column).groups;
      assert.deepEqual(
        groups.map((g) => g.label),
        Object.keys(expected),
      );
      for (const g of groups) {
        statistic(g.rate, expected[g.label], `${column} = ${g.label}`);
        assert.ok(g.low < g.rate && g.rate < g.high);
      }
    }
  });

  it(
    "the workbook gives the same answers as the CSV",
    { skip: existsSync(xlsxPath) ? false : "no workbook" },
    async () => {
      const fromXlsx = testHypotheses((await readInput(xlsxPath)).table);
      for (let k = 0; k < 3; k++) {
        assert.equal(fromXlsx[k].statistic, results[k].statistic);
        assert.equal(fromXlsx[k].p, results[k].p);
      }
    },
  );

  it("the artifact is plain JSON with the test, statistic, df, p, effect and verdict", () => {
    const json = hypothesesArtifact(results) as Record<string, unknown>[];
    assert.equal(json.length, 3);
    for (const h of json)
      for (const key of ["test", "statistic", "df", "p", "pText", "effect", "verdict"]) assert.ok(key in h, key);
    assert.doesNotMatch(JSON.stringify(json), /NaN|Infinity/);
  });

  it("reports the largest errors seen", (t) => {
    t.diagnostic(
      `max |statistic - scipy| = ${errors.statAbs.toExponential(2)}, max relative p error = ${errors.pRel.toExponential(2)}`,
    );
  });
});
