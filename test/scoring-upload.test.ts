// Uploads on the scoring page: what rejects a file, what skips a row (the row-level mode of validateRawTable is
// tested in data-validate.test.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../src/lib/data/errors.js";
import { readUpload, toRejection } from "../src/lib/scoring/upload.js";
import { declareSize, HEADER, minimalXlsx, toCsv, validRows } from "./fixtures/data.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const noSheets = async () => {
  throw new Error("not a workbook");
};

async function rejected(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error;
  }
  assert.fail("expected the file to be rejected");
}

describe("readUpload", () => {
  it("CSV without Churn: all rows kept, nothing skipped", async () => {
    const header = HEADER.filter((h) => h !== "Churn");
    const u = await readUpload(bytes(toCsv(validRows(5), header)), "c.csv", noSheets);
    assert.equal(u.format, "csv");
    assert.equal(u.table.nRows, 5);
    assert.equal(u.table.churn, null);
    assert.equal(u.skipped.length, 0);
  });

  it("skipped rows grouped by column and problem, with counts", async () => {
    const over: Record<number, Record<string, string>> = {};
    for (let i = 0; i < 8; i++) over[i * 2] = { SatisfactionScore: "great" };
    const u = await readUpload(bytes(toCsv(validRows(20, over))), "c.csv", noSheets);
    assert.equal(u.skipped.length, 8);
    assert.equal(u.rowsInFile, 20);
    assert.equal(u.skippedGroups.length, 1);
    assert.equal(u.skippedGroups[0].count, 8);
    assert.equal(u.skippedGroups[0].column, "SatisfactionScore");
  });

  it("rejects empty, binary, .xls and unreadable workbooks with one clear sentence", async () => {
    assert.match((await rejected(readUpload(new Uint8Array(0), "e.csv", noSheets))).message, /empty/);
    assert.match((await rejected(readUpload(bytes("   \n"), "e.csv", noSheets))).message, /empty/);
    assert.match((await rejected(readUpload(Uint8Array.of(1, 0, 2, 3), "b.csv", noSheets))).message, /binary/);
    assert.match(
      (await rejected(readUpload(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "o.xls", noSheets)))
        .message,
      /\.xls/,
    );
    assert.match(
      (await rejected(readUpload(Uint8Array.of(0x50, 0x4b, 3, 4, 0), "z.xlsx", noSheets))).message,
      /could not be read as an \.xlsx/,
    );
  });

  it("refuses a workbook that unpacks beyond the limit before reading its sheets", async () => {
    let read = 0;
    const counting = async () => {
      read++;
      return [];
    };
    const book = minimalXlsx([{ name: "Customers", rows: [HEADER] }]);
    const bomb = declareSize(book, "xl/worksheets/sheet1.xml", 400 * 1024 * 1024);
    assert.match((await rejected(readUpload(bomb, "b.xlsx", counting))).message, /^b\.xlsx: unpacks to 400 MiB/);
    assert.equal(read, 0);
  });

  it("a rejection survives structured cloning as plain data", async () => {
    const error = await rejected(readUpload(bytes("a,b\n1,2\n"), "w.csv", noSheets));
    const r = structuredClone(toRejection(error, "w.csv"));
    assert.equal(r.file, "w.csv");
    assert.ok(r.groups.length > 0);
    assert.match(r.message, /lacks/);
  });
});
