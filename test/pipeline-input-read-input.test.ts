import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readInput } from "../pipeline/input/read-input.js";
import { pageText } from "../src/i18n/tables.js";
import { InputError } from "../src/lib/data/errors.js";
import { englishNote } from "../src/lib/data/issue-detail.js";
import { summaryArtifact } from "../src/lib/data/summary.js";
import { MAX_FILE_BYTES } from "../src/lib/data/limits.js";
import { declareSize, HEADER, minimalXlsx, toCsv, validRows } from "./fixtures/data.js";

const dir = mkdtempSync(join(tmpdir(), "churn-read-input-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof InputError, `expected InputError, got ${(error as Error).stack}`);
    return error;
  }
  assert.fail("expected an InputError");
}

/** 24 valid rows: 12 of each class, enough for the default class minimum. */
const rows = validRows(24);

describe("readInput: CSV", () => {
  it("reads a CSV with BOM and CRLF, hashes its bytes, flags duplicates", async () => {
    const text = "\uFEFF" + toCsv([...rows, { ...rows[0], CustomerID: "99999" }], HEADER, "\r\n");
    const path = file("ok.csv", text);
    const input = await readInput(path, { demo: true });
    assert.equal(input.table.nRows, 25);
    assert.equal(input.source.format, "csv");
    assert.equal(input.source.file, "ok.csv");
    assert.equal(input.source.demo, true);
    assert.equal(input.source.bytes, Buffer.byteLength(text));
    assert.equal(input.source.sha256, createHash("sha256").update(text).digest("hex"));
    assert.equal(input.duplicates.count, 1);
    assert.equal(input.duplicates.duplicateOf[24], 0);
    assert.equal(input.dictionary, null);
  });

  it("missing file: names the path", async () => {
    const path = join(dir, "nope.csv");
    assert.equal((await rejection(readInput(path))).message, `${path}: not found: no such file`);
  });

  it("a folder is not a file", async () => {
    assert.match((await rejection(readInput(dir))).message, /is a folder/);
  });

  it("empty file, header only, wrong delimiter, binary, old .xls: each its own message", async () => {
    assert.match((await rejection(readInput(file("empty.csv", "")))).message, /empty\.csv: is empty \(0 bytes\)/);
    assert.match(
      (await rejection(readInput(file("header.csv", HEADER.join(",") + "\n")))).message,
      /header\.csv: has a header \(line 1\) but no data rows/,
    );
    assert.match(
      (await rejection(readInput(file("semi.csv", HEADER.join(";") + "\n1;2\n")))).message,
      /semi\.csv: is separated by semicolons/,
    );
    assert.match(
      (await rejection(readInput(file("bin.csv", new Uint8Array([1, 2, 0, 4, 5, 6, 7, 8, 9]))))).message,
      /bin\.csv: is a binary file/,
    );
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    assert.match(
      (await rejection(readInput(file("old.xls", xls)))).message,
      /old\.xls: is an old-style Excel \.xls workbook/,
    );
  });

  it("a zip that is not a workbook", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.match(
      (await rejection(readInput(file("fake.xlsx", zip)))).message,
      /fake\.xlsx: is a zip archive but could not be read as an \.xlsx workbook/,
    );
  });

  it("bad cells fail the whole file, with nothing returned", async () => {
    const bad = validRows(24, { 3: { Churn: "2" }, 5: { Tenure: "abc" } });
    const error = await rejection(readInput(file("bad.csv", toCsv(bad))));
    assert.equal(error.total, 2);
    assert.match(error.message, /bad\.csv: 2 problems[^]*line 5: "2" must be 0 or 1[^]*line 7: "abc" is not a number/);
  });

  it("scoring uploads need no target", async () => {
    const header = HEADER.filter((h) => h !== "Churn");
    const input = await readInput(file("score.csv", toCsv(validRows(3), header)), { requireTarget: false });
    assert.equal(input.table.churn, null);
  });
});

describe("readInput: limits", () => {
  it("a file over the size limit is refused by its size, before it is read", async () => {
    const path = file("huge.csv", "");
    truncateSync(path, MAX_FILE_BYTES + 1); // sparse: takes no disk space
    const error = await rejection(readInput(path));
    assert.match(error.message, /huge\.csv: is 500 MiB; the largest file accepted is 500 MiB/);
  });
  it("a workbook that unpacks beyond the limit is refused before it is read", async () => {
    const book = minimalXlsx([{ name: "Customers", rows: [HEADER, ...rows.map((r) => HEADER.map((h) => r[h]))] }]);
    const path = file("bomb.xlsx", declareSize(book, "xl/worksheets/sheet1.xml", 300 * 1024 * 1024));
    assert.match((await rejection(readInput(path))).message, /bomb\.xlsx: unpacks to 300 MiB/);
  });
  it("a deflated workbook reads as the stored one; one whose sheet unpacks past its declared size is refused", async () => {
    const sheets = [{ name: "Customers", rows: [HEADER, ...rows.map((r) => HEADER.map((h) => r[h]))] }];
    const stored = await readInput(file("stored.xlsx", minimalXlsx(sheets)));
    const deflated = await readInput(file("deflated.xlsx", minimalXlsx(sheets, { deflate: true })));
    assert.equal(deflated.table.nRows, rows.length);
    assert.deepEqual(deflated.table.numeric, stored.table.numeric);
    assert.deepEqual(deflated.table.category, stored.table.category);
    const liar = declareSize(minimalXlsx(sheets, { deflate: true }), "xl/worksheets/sheet1.xml", 100);
    const error = await rejection(readInput(file("liar.xlsx", liar)));
    assert.match(error.message, /^.*liar\.xlsx: .*"xl\/worksheets\/sheet1\.xml" unpacks to more than the 100 bytes/);
  });
});

describe("readInput: XLSX", () => {
  const toCells = (r: Record<string, string>) =>
    HEADER.map((h) => (r[h] === "" ? null : /^\d+(\.\d+)?$/.test(r[h]) ? Number(r[h]) : r[h]));

  it("detects a workbook by its bytes, finds the data sheet and the dictionary", async () => {
    const book = minimalXlsx([
      {
        name: "Data Dict",
        rows: [
          [],
          [null, "Data", "Variable", "Discerption"],
          [null, "E Comm", "Tenure", "Tenure of customer in organization"],
        ],
      },
      { name: "E Comm", rows: [HEADER, ...rows.map(toCells)] },
    ]);
    // Named .csv on purpose: the content decides.
    const input = await readInput(file("book-named.csv", book));
    assert.equal(input.source.format, "xlsx");
    assert.equal(input.cleaning.sheet, "E Comm");
    assert.equal(input.table.nRows, 24);
    assert.deepEqual({ ...input.dictionary }, { Tenure: "Tenure of customer in organization" });
    assert.deepEqual(Array.from(input.table.numeric.CashbackAmount.subarray(0, 2)), [120, 121.5]);
  });

  it("workbook cell errors name the sheet and its row", async () => {
    const cells = rows.map(toCells);
    cells[2][HEADER.indexOf("Gender")] = "Robot";
    const book = minimalXlsx([{ name: "Customers", rows: [HEADER, ...cells] }]);
    const error = await rejection(readInput(file("bad.xlsx", book)));
    assert.match(error.message, /bad\.xlsx \(sheet "Customers"\): 1 problem[^]*row 4: "Robot" is not a known value/);
  });

  it("a workbook without the data: names its sheets", async () => {
    const book = minimalXlsx([{ name: "Notes", rows: [["nothing here"]] }]);
    assert.match(
      (await rejection(readInput(file("notes.xlsx", book)))).message,
      /has no sheet with a header row of column names.*"Notes"/,
    );
  });

  it("formula cells without a value and merged cells are read as blanks and said in the notes", async () => {
    const cells: (string | number | null | { formula: string })[][] = rows.map(toCells);
    const tenure = HEADER.indexOf("Tenure");
    cells[0][tenure] = { formula: "B2*12" };
    cells[3][tenure] = { formula: "1/0" };
    const letter = String.fromCharCode(65 + tenure);
    const book = minimalXlsx([
      // A title merged across the top (above the header) is no loss; the range over data rows is.
      {
        name: "Customers",
        rows: [["Customers, December"], HEADER, ...cells],
        merged: ["A1:D1", `${letter}8:${letter}9`],
      },
    ]);
    const input = await readInput(file("formulas.xlsx", book));
    assert.equal(input.table.nRows, rows.length);
    assert.equal(input.cleaning.missing.Tenure, rows.filter((r) => r.Tenure === "").length + 2);
    assert.deepEqual(input.cleaning.notes.slice(0, 2), [
      `sheet "Customers": 2 formula cells have no computed value in the file (an error, or a workbook not saved by a spreadsheet application) and are read as blank: ${letter}3, ${letter}6`,
      `sheet "Customers": 1 merged range (${letter}8:${letter}9): only the first cell of each holds its value, the others are read as blank`,
    ]);
    // As data too, index for index, so that the Korean Data page words them from the same facts.
    assert.deepEqual(input.cleaning.noteDetails.slice(0, 2), [
      { code: "formulaCells", sheet: "Customers", cells: [`${letter}3`, `${letter}6`] },
      { code: "mergedRanges", sheet: "Customers", ranges: [`${letter}8:${letter}9`] },
    ]);
    const summary = summaryArtifact(input);
    assert.deepEqual(summary.noteDetails, input.cleaning.noteDetails);
    assert.deepEqual(
      summary.notes.map((_, i) => englishNote(summary.noteDetails![i])),
      summary.notes,
    );
    const { s, f } = pageText("ko");
    const korean = s.score.noteText(summary.noteDetails![0], f);
    assert.match(korean, /수식 셀 2개/);
    assert.ok(korean.endsWith(`${letter}3, ${letter}6`), korean);
  });

  it("a file without notes has no noteDetails in its summary (the artifact it always had)", async () => {
    const summary = summaryArtifact(await readInput(file("plain.csv", toCsv(rows))));
    assert.deepEqual(summary.notes, []);
    assert.ok(!("noteDetails" in summary));
  });

  it("--sheet picks the sheet; the choice among several is in the notes", async () => {
    const book = minimalXlsx([
      { name: "Sample", rows: [HEADER, ...rows.slice(0, 5).map(toCells)] },
      { name: "All", rows: [HEADER, ...rows.map(toCells)] },
    ]);
    const path = file("two.xlsx", book);
    const chosen = await readInput(path);
    assert.equal(chosen.cleaning.sheet, "All");
    assert.match(
      chosen.cleaning.notes[0],
      /^sheet "All" \(24 rows\) read because it has the most rows; also in the workbook: "Sample" \(5 rows\)/,
    );
    const named = await readInput(path, { sheet: "Sample", sheetSource: "--sheet", minClassCount: 1 });
    assert.equal(named.table.nRows, 5);
  });
});
