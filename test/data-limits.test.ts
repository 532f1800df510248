import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../src/lib/data/errors.js";
import { checkFileSize, checkRowCount, MAX_FILE_BYTES, MAX_ROWS } from "../src/lib/data/limits.js";

function message(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.message;
  }
  return "";
}

describe("limits", () => {
  it("leave room for a million customers: a 100 MB CSV, several million rows", () => {
    assert.ok(MAX_FILE_BYTES >= 400 * 1024 * 1024);
    assert.ok(MAX_ROWS >= 3_000_000);
  });
  it("a file over the size limit: its size and the limit", () => {
    assert.equal(
      message(() => checkFileSize(MAX_FILE_BYTES, "f.csv")),
      "",
    );
    assert.equal(
      message(() => checkFileSize(2 * 1024 ** 3, "f.csv")),
      "f.csv: is 2048 MiB; the largest file accepted is 500 MiB (README: Limits)",
    );
  });
  it("a table over the row limit", () => {
    assert.equal(
      message(() => checkRowCount(MAX_ROWS, "f.csv")),
      "",
    );
    assert.equal(
      message(() => checkRowCount(MAX_ROWS + 1, "f.csv")),
      "f.csv: has more than 5,000,000 data rows, the most accepted (README: Limits)",
    );
  });
});
