// Property tests of the pipeline's reader (readInput: the file's bytes, the format by content, the schema
// preset or inferred, validation) on generated files, seeded so every run reads the same cases: any bytes end
// in the data or an InputError; N customers are N rows with every column under its name (also columns named
// __proto__ or toString, in a schema inferred from the file); line endings, a byte-order mark, column order and
// quoting change neither the table, its schema, the cleaning report nor the duplicate marks.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readInput, type InputData } from "../pipeline/input/read-input.js";
import { InputError } from "../src/lib/data/errors.js";
import { shuffleInPlace } from "../src/lib/random.js";
import { minimalXlsx } from "./fixtures/data.js";
import {
  arbitraryBytes,
  arbitraryCsvLike,
  assertEveryColumnRead,
  canonicalCleaning,
  canonicalTable,
  chance,
  damaged,
  damagedText,
  forCases,
  genericTable,
  int,
  randomStyle,
  validTable,
  writeCsv,
  type CsvStyle,
  type Random,
  type TextTable,
} from "./fixtures/fuzz.js";

const dir = mkdtempSync(join(tmpdir(), "churn-read-input-properties-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function readFile(content: string | Uint8Array, name = "fuzz.csv"): Promise<InputData | InputError> {
  const path = join(dir, name);
  writeFileSync(path, content);
  try {
    return await readInput(path, { minClassCount: 1 });
  } catch (error) {
    if (error instanceof InputError) return error;
    const shown = typeof content === "string" ? content.slice(0, 300) : Array.from(content.subarray(0, 64));
    throw new Error(`threw ${String(error)} for ${JSON.stringify(shown)}`, { cause: error });
  }
}

/** A preset table or one whose schema is inferred, with rows enough for inference. */
function anyTable(random: Random): TextTable {
  return chance(random, 0.5)
    ? genericTable(random, int(random, 6, 20))
    : validTable(random, { rows: int(random, 2, 12), extras: int(random, 0, 2) });
}

const xlsxOf = (table: TextTable) => minimalXlsx([{ name: "Data", rows: [table.header, ...table.rows] }]);

describe("readInput properties", () => {
  it("arbitrary files (bytes, damaged CSV, damaged workbooks, Parquet-looking bytes): the data or an InputError (300 cases, seed 3701)", async () => {
    await forCases(3701, 300, async (random) => {
      const r = random();
      const bytes =
        r < 0.2
          ? arbitraryBytes(random)
          : r < 0.4
            ? arbitraryBytes(random, arbitraryCsvLike(random))
            : r < 0.6
              ? damagedText(random, writeCsv(anyTable(random), randomStyle(random, 3), random))
              : r < 0.85
                ? damaged(random, xlsxOf(anyTable(random)))
                : Uint8Array.from([0x50, 0x41, 0x52, 0x31, ...arbitraryBytes(random), 0x50, 0x41, 0x52, 0x31]);
      const result = await readFile(bytes);
      if (result instanceof InputError) assert.ok(result.file.endsWith("fuzz.csv"), result.file);
      else assert.equal(result.table.nRows, result.cleaning.rows);
    });
  });

  it("row count and columns: N customers in any style are N rows, every column under its name (200 cases, seed 3702)", async () => {
    await forCases(3702, 200, async (random) => {
      const table = anyTable(random);
      const style: CsvStyle = {
        ...randomStyle(random, table.header.length),
        order: undefined,
        blankLines: chance(random, 0.3),
      };
      const input = await readFile(writeCsv(table, style, random));
      assert.ok(!(input instanceof InputError), input instanceof InputError ? input.message : "");
      assert.equal(input.table.nRows, table.rows.length);
      assertEveryColumnRead(input.table, table);
      // The same table as a workbook: the same rows. (A workbook's data sheet is found by the preset's columns.)
      if (!("columnOf" in table)) return;
      const book = await readFile(xlsxOf(table), "fuzz.xlsx");
      assert.ok(!(book instanceof InputError), book instanceof InputError ? book.message : "");
      assert.equal(book.table.nRows, table.rows.length);
    });
  });

  it("invariance: line endings, BOM, column order and quoting change nothing read (100 cases, seed 3703)", async () => {
    await forCases(3703, 100, async (random) => {
      const table = anyTable(random);
      const order = shuffleInPlace(
        table.header.map((_, j) => j),
        random,
      );
      const base: CsvStyle = { eol: "\n", bom: false, quoting: "minimal" };
      const seen = async (style: CsvStyle) => {
        const input = await readFile(writeCsv(table, style, random));
        assert.ok(!(input instanceof InputError), input instanceof InputError ? input.message : "");
        const { sha256: _, bytes: __, ...source } = input.source;
        return {
          table: canonicalTable(input.table),
          cleaning: canonicalCleaning(input.cleaning),
          duplicates: input.duplicates,
          source,
        };
      };
      const expected = await seen(base);
      for (const style of [
        { ...base, eol: "\r\n" as const },
        { ...base, bom: true },
        { ...base, order },
        { eol: "\r\n" as const, bom: true, quoting: "all" as const, order },
      ]) {
        assert.deepEqual(await seen(style), expected, JSON.stringify({ ...style, order: style.order?.join(" ") }));
      }
    });
  });
});
