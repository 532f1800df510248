import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkInflatedSizes } from "../pipeline/input/workbook-inflated-size.js";
import { InputError } from "../src/lib/data/errors.js";
import { readZipDirectory } from "../src/lib/data/zip-directory.js";
import { declareSize, storedZip } from "./fixtures/data.js";

function refusal(zip: Uint8Array): string {
  try {
    checkInflatedSizes(zip, readZipDirectory(zip, "b.xlsx"), "b.xlsx");
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
  return "";
}

describe("checkInflatedSizes", () => {
  const files = { "xl/workbook.xml": "<w/>", "xl/worksheets/sheet1.xml": `<s>${"<row/>".repeat(100_000)}</s>` };

  it("accepts parts that unpack to what they declare, stored or deflated, empty ones too", () => {
    assert.equal(refusal(storedZip(files)), "");
    assert.equal(refusal(storedZip({ ...files, "empty.xml": "" }, { deflate: true })), "");
  });

  it("refuses a deflated part that unpacks to more than it declares, naming the part and the declared size", () => {
    const bomb = declareSize(storedZip(files, { deflate: true }), "xl/worksheets/sheet1.xml", 1000);
    assert.equal(
      refusal(bomb),
      'b.xlsx: is a zip archive but could not be read as an .xlsx workbook (part "xl/worksheets/sheet1.xml" ' +
        "unpacks to more than the 1000 bytes its table of contents declares: the archive is damaged or crafted)",
    );
    // A part declared empty that is not.
    assert.match(
      refusal(declareSize(storedZip(files, { deflate: true }), "xl/workbook.xml", 0)),
      /"xl\/workbook\.xml"/,
    );
  });

  it("refuses a stored part longer than it declares", () => {
    assert.match(refusal(declareSize(storedZip(files), "xl/workbook.xml", 2)), /more than the 2 bytes/);
  });
});
