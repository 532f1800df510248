import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { findDuplicates } from "../src/lib/data/duplicates.js";
import type { InputData } from "../src/lib/data/input.js";
import { summaryArtifact } from "../src/lib/data/summary.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import { HEADER, toCsv, validRows } from "./fixtures/data.js";

function input(dictionary: Record<string, string> | null): InputData {
  const base = validRows(4, { 1: { Tenure: "", PreferredPaymentMode: "CC" } }).map((r) => ({ ...r, Region: "x" }));
  const rows = [...base, { ...base[1], CustomerID: "70000" }];
  const { table, cleaning, spellings } = validateRawTable(parseCsv(toCsv(rows, [...HEADER, "Region"]), "s.csv"), {
    requireTarget: true,
    minClassCount: 1,
  });
  return {
    table,
    cleaning,
    duplicates: findDuplicates(table, spellings),
    dictionary,
    source: { file: "s.csv", sha256: "ab", bytes: 10, format: "csv", demo: false },
  };
}

describe("summaryArtifact", () => {
  it("has the fields the pages read, hand-checked", () => {
    const s = summaryArtifact(input(null));
    assert.equal(s.rows, 5);
    assert.equal(s.duplicateRows, 1);
    assert.equal(s.distinctRows, 4);
    assert.equal(s.churners, 3); // 0,1,0,1 and a copy of row 1
    assert.equal(s.churnRate, 3 / 5);
    assert.equal(s.distinctChurnRate, 2 / 4);
    assert.equal(s.missing.Tenure, 2);
    assert.deepEqual(s.normalised, [
      { column: "PreferredPaymentMode", from: "CC", to: "Credit Card", count: 2, reason: "variant" },
    ]);
    assert.deepEqual(s.source, { file: "s.csv", sha256: "ab", bytes: 10, format: "csv", demo: false, sheet: null });
    assert.deepEqual(s.extraColumns, ["Region"]);
    assert.deepEqual(s.duplicates, {
      count: 1,
      groups: 1,
      sameAfterNormalising: 0,
      examples: [{ row: 6, id: "70000", copiesRow: 3, copiesId: "50002" }],
    });
    assert.equal(s.profile.length, HEADER.length + 1);
    assert.deepEqual(
      s.columns.map((c) => c.name),
      [...HEADER, "Region"],
    );
  });

  it("descriptions from the file's dictionary, else from the schema", () => {
    const s = summaryArtifact(input({ Tenure: "Tenure of customer in organization" }));
    const tenure = s.columns.find((c) => c.name === "Tenure")!;
    assert.deepEqual(
      [tenure.description, tenure.descriptionSource, tenure.unit, tenure.range],
      ["Tenure of customer in organization", "dictionary", "months", [0, 120]],
    );
    const city = s.columns.find((c) => c.name === "CityTier")!;
    assert.equal(city.descriptionSource, "schema");
    assert.equal(s.dictionarySource, "file");
    assert.equal(summaryArtifact(input(null)).dictionarySource, "schema");
  });

  it("is plain JSON: survives a round trip unchanged", () => {
    const s = summaryArtifact(input(null));
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
  });
});
