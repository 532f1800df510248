// Parquet input: a file DuckDB writes from the demo CSV reads into the same table as the CSV (every ID, number
// and category), with each compression a warehouse may choose; problems name the file, column, row and value.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { readInput } from "../pipeline/input/read-input.js";
import { parseCsv } from "../src/lib/data/csv.js";
import { InputError } from "../src/lib/data/errors.js";
import { looksLikeParquet, parquetCellText, parquetToRawTable } from "../src/lib/data/parquet.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import { writeParquet } from "./helpers/duckdb.js";

const DEMO_CSV = new URL("../data/demo-churn.csv", import.meta.url).pathname;

function assertSameTable(actual: ChurnTable, expected: ChurnTable): void {
  assert.equal(actual.nRows, expected.nRows);
  assert.deepEqual(actual.ids, expected.ids);
  assert.deepEqual(actual.churn, expected.churn);
  assert.deepEqual(Object.keys(actual.numeric), Object.keys(expected.numeric));
  for (const [name, column] of Object.entries(expected.numeric)) assert.deepEqual(actual.numeric[name], column, name);
  for (const [name, column] of Object.entries(expected.category)) assert.deepEqual(actual.category[name], column, name);
}

describe("Parquet input", () => {
  let dir: string;
  let csvTable: ChurnTable;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "churn-parquet-"));
    csvTable = validateRawTable(parseCsv(readFileSync(DEMO_CSV), "demo-churn.csv"), { requireTarget: true }).table;
  });

  for (const compression of ["snappy", "zstd", "gzip", "uncompressed"]) {
    it(`${compression}: the same table as the CSV it was written from`, async () => {
      const path = join(dir, `demo-${compression}.parquet`);
      await writeParquet(DEMO_CSV, path, { compression });
      const input = await readInput(path);
      assert.equal(input.source.format, "parquet");
      assertSameTable(input.table, csvTable);
      // Spelling fixes and blanks are counted as for the CSV.
      const fromCsv = await readInput(DEMO_CSV);
      assert.deepEqual(input.cleaning.normalised, fromCsv.cleaning.normalised);
      assert.deepEqual(input.cleaning.missing, fromCsv.cleaning.missing);
    });
  }

  it("a bad value names the file, the column, the row (records from 1: Parquet has no lines) and the value", async () => {
    const path = join(dir, "bad.parquet");
    const select =
      "SELECT * REPLACE (CASE WHEN CustomerID = 50003 THEN 500 ELSE Tenure END AS Tenure) FROM t ORDER BY CustomerID";
    await writeParquet(DEMO_CSV, path, { select });
    await assert.rejects(readInput(path), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(
        error.message,
        /bad\.parquet: 1 problem[\s\S]*column Tenure[\s\S]*row 3: "500" is out of range \(0 to 120\)/,
      );
      return true;
    });
  });

  it("refuses a file cut short, a nested column and one without rows, by name", async () => {
    const whole = join(dir, "whole.parquet");
    await writeParquet(DEMO_CSV, whole);
    const bytes = readFileSync(whole);
    const cut = join(dir, "cut.parquet");
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
    await assert.rejects(readInput(cut), /cut\.parquet: starts as a Parquet file but is cut short/);
    const nested = join(dir, "nested.parquet");
    await writeParquet(DEMO_CSV, nested, { select: "SELECT *, {'a': 1, 'b': 'x'} AS extra FROM t" });
    await assert.rejects(readInput(nested), /nested\.parquet: has nested columns \(extra: a struct, list or map\)/);
    const empty = join(dir, "empty.parquet");
    await writeParquet(DEMO_CSV, empty, { select: "SELECT * FROM t WHERE false" });
    await assert.rejects(
      parquetToRawTable(readFileSync(empty), "empty.parquet"),
      /empty\.parquet: has columns .* but no rows/,
    );
  });

  it("cells as a CSV would hold them: doubles in full, 64-bit whole numbers as digits, null as blank", () => {
    assert.equal(parquetCellText(0.1 + 0.2), "0.30000000000000004");
    assert.equal(parquetCellText(12345678901234567890n), "12345678901234567890");
    assert.equal(parquetCellText(null), "");
    assert.equal(parquetCellText(NaN), "NaN");
    assert.equal(parquetCellText(new Uint8Array([0x68, 0x69])), "hi");
    assert.equal(looksLikeParquet(new TextEncoder().encode("PAR1xxxx")), true);
    assert.equal(looksLikeParquet(new TextEncoder().encode("CustomerID,")), false);
  });
});
