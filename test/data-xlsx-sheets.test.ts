import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../src/lib/data/errors.js";
import { cellText, workbookToRawTable, type SheetRows } from "../src/lib/data/xlsx-sheets.js";
import { HEADER, validRows } from "./fixtures/data.js";

/** The dictionary sheet as the Kaggle workbook has it: empty first row and column, a "Data" column, "Discerption". */
const DICT: SheetRows = {
  name: "Data Dict",
  rows: [
    [null, null, null, null],
    [null, "Data", "Variable", "Discerption"],
    [null, "E Comm", "CustomerID", "Unique customer ID"],
    [null, "E Comm", "Churn", "Churn Flag"],
    [null, "E Comm", "Tenure", "Tenure of customer in organization  "],
    [null, "Other", "Tenure", "belongs to another sheet"],
    [null, "E Comm", "PreferedOrderCat", null],
  ],
};

function dataSheet(name = "E Comm"): SheetRows {
  const rows = validRows(3).map((r) => HEADER.map((h) => (/^\d+(\.\d+)?$/.test(r[h]) ? Number(r[h]) : r[h])));
  rows[1][HEADER.indexOf("Tenure")] = null as unknown as string;
  return { name, rows: [HEADER, ...rows] };
}

describe("workbookToRawTable", () => {
  it("finds the data sheet by its columns, wherever it is, and reads the dictionary's quirks", () => {
    const { raw, dictionary } = workbookToRawTable("book.xlsx", [DICT, dataSheet()]);
    assert.equal(raw.sheet, "E Comm");
    assert.deepEqual(raw.header, HEADER);
    assert.equal(raw.rows.length, 3);
    assert.equal(raw.rows[0][0], "50001");
    assert.equal(raw.rows[1][HEADER.indexOf("Tenure")], "");
    assert.equal(raw.rows[2][HEADER.indexOf("CashbackAmount")], "123");
    assert.deepEqual(Array.from(raw.rowNumbers!), [2, 3, 4]);
    assert.deepEqual(
      { ...dictionary },
      {
        CustomerID: "Unique customer ID",
        Churn: "Churn Flag",
        Tenure: "Tenure of customer in organization",
      },
    );
  });

  it("dictionary entries named like an object's own machinery are kept", () => {
    const dict: SheetRows = {
      name: "Dict",
      rows: [
        ["Variable", "Description"],
        ["toString", "how the customer was told"],
        ["__proto__", "a column named oddly"],
        ["constructor", "who built the order"],
      ],
    };
    const { dictionary } = workbookToRawTable("b.xlsx", [dict, dataSheet()]);
    assert.deepEqual(Object.entries(dictionary ?? {}), [
      ["toString", "how the customer was told"],
      ["__proto__", "a column named oddly"],
      ["constructor", "who built the order"],
    ]);
  });

  it("a data sheet with a title above the header and an empty first column", () => {
    const sheet = dataSheet("Customers");
    const rows = [["Customer export"], [], ...sheet.rows.map((r) => [null, ...r])];
    const { raw, dictionary } = workbookToRawTable("b.xlsx", [{ name: "Customers", rows }]);
    assert.deepEqual(raw.header, HEADER);
    assert.deepEqual(Array.from(raw.rowNumbers!), [4, 5, 6]);
    assert.equal(dictionary, null);
  });

  it("skips empty rows and keeps named extra columns", () => {
    const sheet = dataSheet();
    const rows = [[...HEADER, "Note"], sheet.rows[1], [null, null], [...sheet.rows[2], "hi"]];
    const { raw } = workbookToRawTable("b.xlsx", [{ name: "S", rows }]);
    assert.equal(raw.rows.length, 2);
    assert.equal(raw.rows[1].at(-1), "hi");
    assert.deepEqual(Array.from(raw.rowNumbers!), [2, 4]);
  });

  it("no sheet with the columns: an error naming the sheets", () => {
    assert.throws(
      () => workbookToRawTable("b.xlsx", [DICT, { name: "Notes", rows: [["hello"]] }]),
      (e: unknown) =>
        e instanceof InputError &&
        /b\.xlsx: has no sheet with a header row of column names \(such as CustomerID, .*"Data Dict", "Notes"/.test(
          e.message,
        ),
    );
  });

  it("a header with no rows: its own message", () => {
    assert.throws(
      () => workbookToRawTable("b.xlsx", [{ name: "E Comm", rows: [HEADER, [null]] }]),
      (e: unknown) =>
        e instanceof InputError && e.message === 'b.xlsx: has a header (sheet "E Comm", row 1) but no data rows',
    );
  });
});

describe("workbookToRawTable: which sheet", () => {
  const sample: SheetRows = { name: "Sample", rows: dataSheet().rows.slice(0, 2) };
  const full = dataSheet("All customers");

  it("the sheet with the most rows wins over a sample that comes first, and the note says so", () => {
    const { raw } = workbookToRawTable("b.xlsx", [sample, full]);
    assert.equal(raw.sheet, "All customers");
    assert.deepEqual(raw.notes, [
      'sheet "All customers" (3 rows) read because it has the most rows; also in the workbook: "Sample" (1 row); ' +
        "--sheet NAME (or CHURN_SHEET) reads another",
    ]);
  });

  it("one data sheet beside a dictionary: no note", () => {
    assert.equal(workbookToRawTable("b.xlsx", [DICT, dataSheet()]).raw.notes, undefined);
  });

  it("--sheet reads the named sheet (ignoring case), and an unknown name lists the sheets", () => {
    const { raw } = workbookToRawTable("b.xlsx", [sample, full], { sheet: "sample", sheetSource: "CHURN_SHEET" });
    assert.equal(raw.sheet, "Sample");
    assert.equal(raw.rows.length, 1);
    assert.deepEqual(raw.notes, ['sheet "Sample" read, as CHURN_SHEET says']);
    assert.throws(
      () => workbookToRawTable("b.xlsx", [sample, full], { sheet: "Kunden" }),
      (e: unknown) =>
        e instanceof InputError &&
        e.message === 'b.xlsx: has no sheet named "Kunden" (from --sheet); its sheets: "Sample", "All customers"',
    );
  });

  it("a table of another schema: found by its header, a churn column preferred over a bigger lookup sheet", () => {
    const customers: SheetRows = {
      name: "고객",
      rows: [
        ["고객번호", "가입기간", "이탈여부"],
        ["A-1", 3, "Y"],
        ["A-2", 14, "N"],
      ],
    };
    const lookup: SheetRows = {
      name: "Regions",
      rows: [["code", "region"], ...Array.from({ length: 10 }, (_, i) => [`R${i}`, `region ${i}`])],
    };
    const { raw } = workbookToRawTable("k.xlsx", [lookup, customers]);
    assert.equal(raw.sheet, "고객");
    assert.deepEqual(raw.header, ["고객번호", "가입기간", "이탈여부"]);
    assert.match(
      raw.notes?.[0] ?? "",
      /^sheet "고객" \(2 rows\) read because it has a churn column; also in the workbook: "Regions" \(10 rows\)/,
    );
  });
});

describe("cellText", () => {
  it("numbers in shortest form, booleans, dates, blanks", () => {
    assert.equal(cellText(159.93), "159.93");
    assert.equal(cellText(3), "3");
    assert.equal(cellText(null), "");
    assert.equal(cellText(true), "TRUE");
    assert.equal(cellText(new Date(Date.UTC(2020, 0, 2))), "2020-01-02T00:00:00.000Z");
  });
});
