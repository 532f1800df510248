import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { InputError } from "../src/lib/data/errors.js";
import { inferSchema } from "../src/lib/data/infer-schema.js";
import { validateRawTable, parseNumber, type ValidateOptions } from "../src/lib/data/validate.js";
import { profileTable } from "../src/lib/data/profile.js";
import { selectTableRows } from "../src/lib/data/table.js";
import { HEADER, toCsv, validRows } from "./fixtures/data.js";

const TRAIN: ValidateOptions = { requireTarget: true, minClassCount: 1 };

function validateCsv(text: string, options: ValidateOptions = TRAIN) {
  return validateRawTable(parseCsv(text, "in.csv"), options);
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected InputError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected an InputError");
}

describe("parseNumber", () => {
  it("accepts a sign, digits with or without a point, and an exponent: what spreadsheets and pandas write", () => {
    const accepted: [string, number][] = [
      ["12", 12],
      ["-1.5", -1.5],
      ["+3", 3],
      [".5", 0.5],
      ["5.", 5],
      ["0003", 3],
      ["1e1", 10],
      ["1.2E-05", 0.000012],
      ["-0", -0],
      ["0e-400", 0],
    ];
    for (const [text, value] of accepted) assert.equal(parseNumber(text), value, text);
  });
  it("refuses everything else, and numbers a double cannot hold rather than reading them as 0 or infinity", () => {
    const refused = ["12abc", "0x1A", "Infinity", "NaN", "1,5", "1e", "e5", ".", "+", "--1", "1 000", "", " "];
    for (const bad of [...refused, "1e-400", "-2.5e-999", "1e400", "9".repeat(400)]) {
      assert.ok(Number.isNaN(parseNumber(bad)), bad);
    }
  });
  it("says why such a number is refused", () => {
    const error = inputError(() =>
      validateCsv(toCsv(validRows(3, { 1: { CashbackAmount: "1e-400" }, 2: { CashbackAmount: "1e400" } }))),
    );
    assert.match(error.message, /line 3: "1e-400" is too small to hold as a number \(it would read as 0\)/);
    assert.match(error.message, /line 4: "1e400" is too large to hold as a number \(it would read as infinity\)/);
  });
});

describe("validateRawTable", () => {
  it("builds typed columns: numbers, NaN for blanks, canonical categories, IDs as text, line numbers", () => {
    const rows = validRows(4, { 1: { Tenure: "", CustomerID: "00042" }, 2: { PreferredLoginDevice: "Phone" } });
    const { table, cleaning } = validateCsv(toCsv(rows));
    assert.equal(table.nRows, 4);
    assert.deepEqual(table.ids, ["50001", "00042", "50003", "50004"]);
    assert.deepEqual(Array.from(table.churn!), [0, 1, 0, 1]);
    assert.deepEqual(Array.from(table.numeric.Tenure), [0, NaN, 2, 3]);
    assert.deepEqual(Array.from(table.numeric.CashbackAmount), [120, 121.5, 123, 124.5]);
    assert.equal(table.category.PreferredLoginDevice[2], "Mobile Phone");
    assert.deepEqual(Array.from(table.sourceRows), [2, 3, 4, 5]);
    assert.equal(cleaning.missing.Tenure, 1);
    assert.equal(cleaning.missing.WarehouseToHome, 0);
    assert.deepEqual(cleaning.normalised, [
      { column: "PreferredLoginDevice", from: "Phone", to: "Mobile Phone", count: 1, reason: "variant" },
    ]);
    assert.equal(cleaning.hasTarget, true);
    assert.deepEqual(cleaning.extraColumns, []);
  });

  it("column order does not matter", () => {
    const rows = validRows(3);
    const a = validateCsv(toCsv(rows)).table;
    const b = validateCsv(toCsv(rows, [...HEADER].reverse())).table;
    assert.deepEqual(b.numeric, a.numeric);
    assert.deepEqual(b.category, a.category);
    assert.deepEqual(b.ids, a.ids);
  });

  it("schema columns named like an object's own machinery keep their values (an inferred schema; found by the property tests)", () => {
    // The minimal failing case: "__proto__" as a numeric column was stored as the prototype of table.numeric,
    // so it had no values, no blank count, and vanished from every table made from its rows.
    const text = "id,churned,__proto__,toString\nC1,no,1,a\nC2,yes,,b\nC3,no,3,a\nC4,yes,4,b\n";
    const raw = parseCsv(text, "in.csv");
    const schema = inferSchema(raw);
    assert.deepEqual(
      schema.columns.map((c) => [c.name, c.kind]),
      [
        ["id", "id"],
        ["churned", "target"],
        ["__proto__", "numeric"],
        ["toString", "category"],
      ],
    );
    const v = validateRawTable(raw, { ...TRAIN, schema });
    assert.deepEqual(Object.keys(v.table.numeric), ["__proto__"]);
    assert.deepEqual(Array.from(v.table.numeric["__proto__"]), [1, NaN, 3, 4]);
    assert.deepEqual(v.table.category["toString"], ["a", "b", "a", "b"]);
    assert.equal(v.cleaning.missing["__proto__"], 1);
    assert.deepEqual(Object.keys(v.spellings), ["toString"]);
    const picked = selectTableRows(v.table, [3, 0]);
    assert.deepEqual(Array.from(picked.numeric["__proto__"]), [4, 1]);
    assert.deepEqual(picked.category["toString"], ["b", "a"]);
  });

  it("extra columns named like an object's own machinery keep their values", () => {
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty"];
    const rows = validRows(3).map((r, i) => ({ ...r, ...Object.fromEntries(names.map((n) => [n, `${n}-${i}`])) }));
    const { table, cleaning } = validateCsv(toCsv(rows, [...HEADER, ...names]));
    assert.deepEqual(cleaning.extraColumns, names);
    assert.deepEqual(Object.keys(table.extra), names);
    for (const name of names)
      assert.deepEqual(
        table.extra[name],
        [0, 1, 2].map((i) => `${name}-${i}`),
        name,
      );
    const picked = selectTableRows(table, [2, 0]);
    for (const name of names) assert.deepEqual(picked.extra[name], [`${name}-2`, `${name}-0`], name);
    assert.deepEqual(
      profileTable(table)
        .filter((p) => p.kind === "extra")
        .map((p) => [p.name, p.distinct]),
      names.map((n) => [n, 3]),
    );
  });

  it("carries extra columns along and reports them", () => {
    const rows = validRows(2).map((r, i) => ({ ...r, Region: i ? "North" : "South" }));
    const { table, cleaning } = validateCsv(toCsv(rows, [...HEADER, "Region"]));
    assert.deepEqual(cleaning.extraColumns, ["Region"]);
    assert.deepEqual(table.extra.Region, ["South", "North"]);
    assert.match(cleaning.notes.join(" "), /Region/);
  });

  it("matches column names ignoring case and spacing, and says so", () => {
    const header = HEADER.map((h) => (h === "CityTier" ? "city tier" : h));
    const rows = validRows(2).map((r) => ({ ...r, "city tier": r.CityTier }));
    const { table, cleaning } = validateCsv(toCsv(rows, header));
    assert.deepEqual(Array.from(table.numeric.CityTier), [1, 2]);
    assert.deepEqual(cleaning.renamedColumns, [{ from: "city tier", to: "CityTier" }]);
  });

  it("missing columns: all named, with a hint for a near name", () => {
    const header = HEADER.filter((h) => h !== "Tenure").map((h) =>
      h === "PreferedOrderCat" ? "PreferredOrderCat" : h,
    );
    const rows = validRows(2).map((r) => ({ ...r, PreferredOrderCat: r.PreferedOrderCat }));
    const error = inputError(() => validateCsv(toCsv(rows, header)));
    assert.equal(error.total, 2);
    assert.match(
      error.message,
      /\n {2}lacks a required column: Tenure \(its columns: CustomerID, Churn, PreferredLoginDevice, /,
    );
    assert.match(
      error.message,
      /PreferedOrderCat[^]*the file has "PreferredOrderCat": if that is this column, rename it/,
    );
  });

  it("a file with few of the columns: one line listing them", () => {
    const error = inputError(() => validateCsv("CustomerID,Churn,Tenure\n1,0,3\n"));
    assert.equal(error.total, 1);
    assert.match(
      error.message,
      /^in\.csv: lacks 17 required columns: PreferredLoginDevice, CityTier, .*CashbackAmount \(its columns: CustomerID, Churn, Tenure\)$/,
    );
  });

  it("a column twice is an error", () => {
    const error = inputError(() => validateCsv(toCsv(validRows(2), [...HEADER, "Tenure"])));
    assert.match(error.message, /"Tenure" repeats column 3/);
  });

  it("bad number: names file, column, line and value", () => {
    const error = inputError(() => validateCsv(toCsv(validRows(5, { 2: { Tenure: "12abc" } }))));
    assert.equal(error.total, 1);
    assert.deepEqual(error.issues[0], {
      file: "in.csv",
      column: "Tenure",
      row: 4,
      value: "12abc",
      problem: "is not a number",
      detail: { code: "notNumber" },
    });
    assert.equal(
      error.message,
      'in.csv: 1 problem in the input\n  column Tenure (1 time):\n    line 4: "12abc" is not a number',
    );
  });

  it("whole numbers where the schema says integer; decimal commas and NA get hints", () => {
    const error = inputError(() =>
      validateCsv(
        toCsv(validRows(4, { 0: { OrderCount: "2.5" }, 1: { WarehouseToHome: "1,5" }, 2: { Tenure: "NA" } })),
      ),
    );
    assert.match(error.message, /column OrderCount[^]*line 2: "2.5" is not a whole number/);
    assert.match(error.message, /line 3: "1,5" is not a number \(decimal comma\? use a point\)/);
    assert.match(error.message, /line 4: "NA" is not a number \(leave missing values blank\)/);
  });

  it("out of range", () => {
    const error = inputError(() =>
      validateCsv(toCsv(validRows(3, { 1: { SatisfactionScore: "7" }, 2: { CashbackAmount: "-3" } }))),
    );
    assert.match(error.message, /line 3: "7" is out of range \(1 to 5\)/);
    assert.match(error.message, /line 4: "-3" is out of range \(0 to 100000\)/);
  });

  it("a blank where the schema allows none", () => {
    const error = inputError(() => validateCsv(toCsv(validRows(3, { 1: { CityTier: "" }, 2: { Gender: " " } }))));
    assert.match(error.message, /column CityTier[^]*line 3: "" is blank; this column may not have blanks/);
    assert.match(error.message, /column Gender[^]*line 4: "" is blank/);
  });

  it("target 2, target blank", () => {
    const error = inputError(() => validateCsv(toCsv(validRows(4, { 1: { Churn: "2" }, 3: { Churn: "" } }))));
    assert.match(error.message, /line 3: "2" must be 0 or 1/);
    assert.match(error.message, /line 5: "" is blank; Churn must be 0 or 1/);
  });

  it("one class only, and too few of a class", () => {
    const allZero = validRows(4).map((r) => ({ ...r, Churn: "0" }));
    assert.match(inputError(() => validateCsv(toCsv(allZero))).message, /has only one class: all 4 rows are 0/);
    assert.match(
      inputError(() => validateCsv(toCsv(validRows(6)), { requireTarget: true })).message,
      /too few of one class \(3 churners, 3 stayed\); training needs at least 10 of each/,
    );
  });

  it("unknown category: the value and the accepted ones", () => {
    const error = inputError(() => validateCsv(toCsv(validRows(3, { 1: { PreferredPaymentMode: "Bitcoin" } }))));
    assert.match(
      error.message,
      /column PreferredPaymentMode[^]*line 3: "Bitcoin" is not a known value \(expected one of "Debit Card", .*"COD"\)/,
    );
  });

  it("an ID with a comma or a line break is an error", () => {
    const error = inputError(() => validateCsv(toCsv(validRows(4, { 1: { CustomerID: "500,02" } }))));
    assert.match(error.message, /line 3: "500,02" has a comma or a line break in it; an ID may not/);
    const raw = parseCsv(toCsv(validRows(3)), "in.xlsx");
    const rows = raw.rows.map((row, i) => (i === 2 ? ["50003\n50004", ...row.slice(1)] : row));
    assert.match(
      inputError(() => validateRawTable({ ...raw, rows }, TRAIN)).message,
      /line 4: "50003\\n50004" has a comma/,
    );
  });

  it("repeated and blank customer IDs", () => {
    const error = inputError(() =>
      validateCsv(toCsv(validRows(4, { 2: { CustomerID: "50001" }, 3: { CustomerID: "" } }))),
    );
    assert.match(error.message, /line 4: "50001" repeats the ID on line 2/);
    assert.match(error.message, /line 5: "" is blank; every customer needs an ID/);
  });

  it("lists every problem in one error, a few of each kind and a count", () => {
    const overrides: Record<number, Record<string, string>> = {};
    for (let i = 0; i < 12; i++) overrides[i] = { Tenure: "x" };
    overrides[3] = { Tenure: "x", Churn: "5" };
    const error = inputError(() => validateCsv(toCsv(validRows(12, overrides))));
    assert.equal(error.total, 13);
    assert.match(error.message, /column Tenure \(12 times\):[^]*… and 7 more like this/);
    assert.match(error.message, /column Churn \(1 time\)/);
  });

  it("scoring uploads: no Churn column needed", () => {
    const header = HEADER.filter((h) => h !== "Churn");
    const { table, cleaning } = validateRawTable(parseCsv(toCsv(validRows(2), header), "up.csv"), {
      requireTarget: false,
    });
    assert.equal(table.churn, null);
    assert.equal(cleaning.hasTarget, false);
    assert.equal(table.nRows, 2);
  });

  it("sheet rows in messages for workbooks", () => {
    const raw = {
      ...parseCsv(toCsv(validRows(2, { 1: { Tenure: "?" } })), "b.xlsx"),
      sheet: "E Comm",
      rowNumbers: Int32Array.from([5, 6]),
    };
    const error = inputError(() => validateRawTable(raw, TRAIN));
    assert.match(error.message, /^b\.xlsx \(sheet "E Comm"\)[^]*row 6: "\?" is not a number/);
  });
});

describe("validateRawTable row-level mode", () => {
  it("leaves bad rows out and lists each with its problems; good rows keep their line numbers", () => {
    const rows = validRows(6, { 1: { Tenure: "abc" }, 4: { CityTier: "9", Gender: "Robot" } });
    const raw = parseCsv(toCsv(rows), "in.csv");
    const v = validateRawTable(raw, { requireTarget: false, skipInvalidRows: true });
    assert.equal(v.table.nRows, 4);
    assert.deepEqual(Array.from(v.table.sourceRows), [2, 4, 5, 7]);
    assert.deepEqual(
      v.skipped.map((s) => s.row),
      [3, 6],
    );
    assert.deepEqual(
      v.skipped[1].issues.map((i) => i.column),
      ["CityTier", "Gender"],
    );
    assert.equal(v.skipped[0].issues[0].value, "abc");
    assert.equal(v.cleaning.rows, 4);
    assert.match(v.cleaning.notes.join(" "), /2 rows left out/);
    assert.deepEqual(v.table.ids, ["50001", "50003", "50004", "50006"]);
  });

  it("the default mode still rejects the file for one bad cell", () => {
    const raw = parseCsv(toCsv(validRows(4, { 2: { Tenure: "abc" } })), "in.csv");
    assert.throws(() => validateRawTable(raw, { requireTarget: false }), InputError);
  });

  it("rejects the file when every row is bad, and for missing columns", () => {
    const all = parseCsv(toCsv(validRows(3, { 0: { Tenure: "x" }, 1: { Tenure: "y" }, 2: { Tenure: "z" } })), "in.csv");
    assert.throws(() => validateRawTable(all, { requireTarget: false, skipInvalidRows: true }), /Tenure/);
    const short = parseCsv(
      toCsv(
        validRows(3),
        HEADER.filter((h) => h !== "Tenure"),
      ),
      "in.csv",
    );
    assert.throws(() => validateRawTable(short, { requireTarget: false, skipInvalidRows: true }), /Tenure/);
  });

  it("a bad Churn value skips its row; the column still counts for the rest", () => {
    const raw = parseCsv(toCsv(validRows(4, { 1: { Churn: "2" } })), "in.csv");
    const v = validateRawTable(raw, { requireTarget: false, skipInvalidRows: true });
    assert.equal(v.table.nRows, 3);
    assert.ok(v.table.churn);
    assert.equal(v.skipped[0].issues[0].column, "Churn");
  });
});
