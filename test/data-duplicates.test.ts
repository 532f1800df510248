import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { findDuplicates } from "../src/lib/data/duplicates.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import { toCsv, validRow } from "./fixtures/data.js";

function load(rows: Record<string, string>[]) {
  return validateRawTable(parseCsv(toCsv(rows), "d.csv"), { requireTarget: true, minClassCount: 1 });
}

describe("findDuplicates", () => {
  it("marks rows that copy an earlier row, ignoring the ID; blanks equal blanks", () => {
    const a = validRow(0, { Tenure: "" });
    const b = validRow(1);
    const rows = [
      a,
      b,
      { ...a, CustomerID: "60000" },
      { ...b, CustomerID: "60001" },
      { ...a, CustomerID: "60002" },
      { ...b, CustomerID: "60003", Tenure: "" },
    ];
    const { table, spellings } = load(rows);
    const report = findDuplicates(table, spellings);
    assert.deepEqual(Array.from(report.duplicateOf), [-1, -1, 0, 1, 0, -1]);
    assert.equal(report.count, 3);
    assert.equal(report.groups, 2);
    assert.equal(report.sameAfterNormalising, 0);
  });

  it("a blank does not equal a value, and numbers compare by value", () => {
    const a = validRow(0);
    const rows = [
      a,
      { ...a, CustomerID: "1", CouponUsed: "" },
      { ...a, CustomerID: "2", CouponUsed: "1.0" },
      validRow(1),
    ];
    const { table, spellings } = load(rows);
    assert.deepEqual(Array.from(findDuplicates(table, spellings).duplicateOf), [-1, -1, 0, -1]);
  });

  it("exact means as written: a spelling variant is counted apart, in sameAfterNormalising", () => {
    const a = validRow(0, { PreferredLoginDevice: "Mobile Phone" });
    const rows = [a, { ...a, CustomerID: "1", PreferredLoginDevice: "Phone" }, validRow(1)];
    const { table, spellings } = load(rows);
    const exact = findDuplicates(table, spellings);
    assert.equal(exact.count, 0);
    assert.equal(exact.sameAfterNormalising, 1);
    // Without the spellings, the normalised values are compared.
    assert.deepEqual(Array.from(findDuplicates(table).duplicateOf), [-1, 0, -1]);
  });

  it("the target is part of the row: same features, other outcome, is no copy", () => {
    const a = validRow(0);
    const { table, spellings } = load([a, { ...a, CustomerID: "9", Churn: "1" }]);
    assert.equal(findDuplicates(table, spellings).count, 0);
  });
});
