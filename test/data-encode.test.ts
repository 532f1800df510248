import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { encode, fitEncoder } from "../src/lib/data/encode.js";

const NO_LAST_YEAR_FLAG = "NoLastYearPurchase";
import { FEATURE_COLUMNS } from "../src/lib/data/schema.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import { toCsv, validRows } from "./fixtures/data.js";

function table() {
  // Training rows 0..3, test rows 4..5 with an outlier that must not move the medians.
  const rows = validRows(6, {
    0: { Tenure: "1", OrderAmountHikeFromlastYear: "" },
    1: { Tenure: "" },
    2: { Tenure: "5" },
    3: { Tenure: "10" },
    4: { Tenure: "60", OrderAmountHikeFromlastYear: "" },
    5: { Tenure: "" },
  });
  return validateRawTable(parseCsv(toCsv(rows), "e.csv"), { requireTarget: true, minClassCount: 1 }).table;
}

describe("fitEncoder / encode", () => {
  it("readable feature names in schema order, the flag after its column, one-hot for every canonical value", () => {
    const spec = fitEncoder(table(), [0, 1, 2, 3]);
    const names = spec.featureNames;
    assert.equal(names[0], "Tenure");
    assert.equal(names[names.indexOf("OrderAmountHikeFromlastYear") + 1], NO_LAST_YEAR_FLAG);
    assert.ok(names.includes("PreferredPaymentMode=UPI"));
    assert.ok(names.includes("PreferredLoginDevice=Mobile Phone"));
    assert.ok(!names.includes("PreferredLoginDevice=Phone"));
    const expected = FEATURE_COLUMNS.reduce((n, c) => n + (c.kind === "numeric" ? 1 : c.values.length), 1);
    assert.equal(names.length, expected);
    assert.equal(spec.fittedOn, 4);
  });

  it("medians come from the training rows only", () => {
    const spec = fitEncoder(table(), [0, 1, 2, 3]);
    const tenure = spec.features.find((f) => f.name === "Tenure");
    assert.ok(tenure && tenure.kind === "numeric");
    assert.equal(tenure.median, 5); // of 1, 5, 10; the test rows' 60 is not seen
    const all = fitEncoder(table()).features.find((f) => f.name === "Tenure");
    assert.ok(all && all.kind === "numeric" && all.median === 7.5); // of 1, 5, 10, 60
  });

  it("imputes with the training medians, or keeps NaN; the flag is there either way", () => {
    const t = table();
    const spec = fitEncoder(t, [0, 1, 2, 3]);
    const j = spec.featureNames.indexOf("Tenure");
    const f = spec.featureNames.indexOf(NO_LAST_YEAR_FLAG);
    const h = spec.featureNames.indexOf("OrderAmountHikeFromlastYear");
    const imputed = encode(t, spec, { impute: true });
    const raw = encode(t, spec, { impute: false });
    const at = (m: typeof raw, i: number, col: number) => m.values[i * m.nCols + col];
    assert.equal(imputed.nRows, 6);
    assert.equal(at(imputed, 5, j), 5);
    assert.ok(Number.isNaN(at(raw, 5, j)));
    assert.equal(at(raw, 4, j), 60);
    assert.equal(at(raw, 0, f), 1);
    assert.equal(at(raw, 4, f), 1);
    assert.equal(at(raw, 1, f), 0);
    assert.equal(at(imputed, 0, h), 15);
    assert.deepEqual(imputed.featureNames, spec.featureNames);
  });

  it("one-hot columns: exactly one 1 per category column", () => {
    const t = table();
    const spec = fitEncoder(t);
    const m = encode(t, spec, { impute: true });
    const cols = spec.features
      .map((feat, j) => ({ feat, j }))
      .filter(({ feat }) => feat.kind === "one-hot" && feat.column === "PreferedOrderCat");
    for (let i = 0; i < m.nRows; i++)
      assert.equal(
        cols.reduce((s, { j }) => s + m.values[i * m.nCols + j], 0),
        1,
      );
    assert.equal(m.values[0 * m.nCols + spec.featureNames.indexOf("PreferedOrderCat=Laptop & Accessory")], 1);
  });

  it("the spec survives JSON", () => {
    const t = table();
    const spec = fitEncoder(t, [0, 1, 2, 3]);
    const back = JSON.parse(JSON.stringify(spec));
    assert.deepEqual(encode(t, back, { impute: true }).values, encode(t, spec, { impute: true }).values);
  });
});
