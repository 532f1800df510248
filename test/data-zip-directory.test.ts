import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../src/lib/data/errors.js";
import { checkDeclaredSize, entryData, readZipDirectory } from "../src/lib/data/zip-directory.js";
import { declareSize, storedZip } from "./fixtures/data.js";

function message(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
  return "";
}

describe("readZipDirectory", () => {
  it("lists the entries with their declared sizes and finds their data", () => {
    const zip = storedZip({ "a.xml": "<a/>", "dir/b.txt": "hello" });
    const entries = readZipDirectory(zip, "z.xlsx");
    assert.deepEqual(
      entries.map((e) => [e.name, e.method, e.size]),
      [
        ["a.xml", 0, 4],
        ["dir/b.txt", 0, 5],
      ],
    );
    assert.equal(new TextDecoder().decode(entryData(zip, entries[1], "z.xlsx")), "hello");
  });
  it("a cut-short or damaged archive is an input error", () => {
    const zip = storedZip({ "a.xml": "<a/>" });
    assert.match(
      message(() => readZipDirectory(zip.subarray(0, 20), "z.xlsx")),
      /no end of central directory/,
    );
    const damaged = zip.slice();
    damaged[damaged.length - 6] = 0; // the directory's offset
    assert.match(
      message(() => readZipDirectory(damaged, "z.xlsx")),
      /damaged central directory/,
    );
  });
});

describe("checkDeclaredSize", () => {
  it("refuses a workbook that says it unpacks to more than the limit, naming the largest part", () => {
    const zip = storedZip({ "xl/workbook.xml": "<w/>", "xl/worksheets/sheet1.xml": "<s/>" });
    assert.equal(
      message(() => checkDeclaredSize(readZipDirectory(zip, "b.xlsx"), "b.xlsx")),
      "",
    );
    const bomb = declareSize(zip, "xl/worksheets/sheet1.xml", 300 * 1024 * 1024);
    assert.equal(
      message(() => checkDeclaredSize(readZipDirectory(bomb, "b.xlsx"), "b.xlsx")),
      "b.xlsx: unpacks to 300 MiB (xl/worksheets/sheet1.xml alone 300 MiB); the largest workbook accepted unpacks " +
        "to 256 MiB: save the data sheet as CSV (README: Limits)",
    );
  });
});
