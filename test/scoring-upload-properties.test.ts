// Property tests of the Score page's reader (readUpload) and of the rows made from what it reads (rows.ts), on
// generated files, seeded so every run reads the same cases: any bytes end in an upload or an InputError; a
// file of N customers is N rows in the file, each kept or listed as skipped (exactly the bad ones), and the
// rows and the download have one line per customer kept with every uploaded column under its own name; line
// endings, a byte-order mark, column order and quoting change nothing that is read.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import readXlsxFile from "read-excel-file/node";
import { parseCsv } from "../src/lib/data/csv.js";
import { InputError } from "../src/lib/data/errors.js";
import { parquetToRawTable } from "../src/lib/data/parquet.js";
import { KAGGLE_ID } from "../src/lib/data/presets/kaggle-ecommerce.js";
import type { SheetRows } from "../src/lib/data/xlsx-sheets.js";
import { shuffleInPlace } from "../src/lib/random.js";
import { neutralise } from "../src/lib/scoring/csv-export.js";
import { rowsToCsv, scoredRows } from "../src/lib/scoring/rows.js";
import { readUpload, toRejection, type ParsedUpload } from "../src/lib/scoring/upload.js";
import { minimalXlsx } from "./fixtures/data.js";
import {
  arbitraryBytes,
  arbitraryCsvLike,
  assertEveryColumnRead,
  badCell,
  canonicalCleaning,
  canonicalTable,
  chance,
  damaged,
  damagedText,
  forCases,
  int,
  pick,
  randomStyle,
  validTable,
  writeCsv,
  type CsvStyle,
  type GeneratedTable,
  type Random,
  type TextTable,
} from "./fixtures/fuzz.js";

const enc = (text: string) => new TextEncoder().encode(text);

async function readSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  const sheets = await readXlsxFile(Buffer.from(bytes));
  return sheets.map((s) => ({ name: s.sheet, rows: s.data }));
}

async function upload(bytes: Uint8Array): Promise<ParsedUpload | InputError> {
  try {
    return await readUpload(bytes, "fuzz.csv", readSheets, { readParquet: parquetToRawTable });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw new Error(`threw ${String(error)} for ${JSON.stringify(Array.from(bytes.subarray(0, 64)))}`, {
      cause: error,
    });
  }
}

function table(random: Random): GeneratedTable {
  return validTable(random, { rows: int(random, 1, 14), churn: chance(random, 0.5), extras: int(random, 0, 4) });
}

const xlsxOf = (t: TextTable) => minimalXlsx([{ name: "Customers", rows: [t.header, ...t.rows] }]);

/** The page's rows and download for an upload, with made-up scores (rows.ts needs no model). */
function scored(u: ParsedUpload, random: Random) {
  const n = u.table.nRows;
  const rows = scoredRows(
    {
      table: u.table,
      probability: Float64Array.from({ length: n }, () => random()),
      cluster: Int32Array.from({ length: n }, () => int(random, 0, 2)),
      reasonsUp: Array.from({ length: n }, () => "r+"),
      reasonsDown: Array.from({ length: n }, () => "r-"),
    },
    ["A", "B", "C"],
    0.5,
  );
  return { rows, csv: rowsToCsv(u.table, rows) };
}

describe("readUpload properties", () => {
  it("arbitrary files (bytes, text, damaged CSV and workbooks, Parquet-looking bytes): an upload or an InputError (500 cases, seed 4701)", async () => {
    await forCases(4701, 500, async (random) => {
      const r = random();
      const bytes =
        r < 0.2
          ? arbitraryBytes(random)
          : r < 0.4
            ? arbitraryBytes(random, arbitraryCsvLike(random))
            : r < 0.7
              ? enc(damagedText(random, writeCsv(table(random), randomStyle(random, 3), random)))
              : r < 0.9
                ? damaged(random, xlsxOf(table(random)))
                : Uint8Array.from([0x50, 0x41, 0x52, 0x31, ...arbitraryBytes(random), 0x50, 0x41, 0x52, 0x31]);
      const result = await upload(bytes);
      if (result instanceof InputError) {
        const rejection = toRejection(result, "fuzz.csv");
        assert.equal(rejection.total, result.total);
      } else {
        // Nothing dropped without a word: each row in the file is kept or listed as skipped.
        assert.equal(result.table.nRows + result.skipped.length, result.rowsInFile);
        assert.equal(
          result.skippedGroups.reduce((s, g) => s + g.count, 0),
          result.skipped.reduce((s, k) => s + k.issues.length, 0),
        );
      }
    });
  });

  it("row count: N customers are N rows in the file, exactly the bad ones skipped, one row and download line per customer kept (400 cases, seed 4702)", async () => {
    await forCases(4702, 400, async (random) => {
      const t = table(random);
      const rows = t.rows.map((row) => [...row]);
      const bad = new Set<number>();
      if (chance(random, 0.5)) {
        const names = [...t.columnOf.keys()];
        for (let k = int(random, 1, 3); k > 0; k--) {
          const r = int(random, 0, rows.length - 1);
          const name = pick(random, names);
          if (name === KAGGLE_ID && r === 0) continue;
          rows[r][t.columnOf.get(name)!] = badCell(random, name, t.rows[0][t.columnOf.get(KAGGLE_ID)!]);
          bad.add(r);
        }
      }
      const file: TextTable = { header: t.header, rows };
      const style: CsvStyle = { ...randomStyle(random, t.header.length), order: undefined };
      const result = await upload(chance(random, 0.7) ? enc(writeCsv(file, style, random)) : xlsxOf(file));
      if (bad.size === rows.length) {
        assert.ok(result instanceof InputError, "every row bad: the file is refused");
        return;
      }
      assert.ok(!(result instanceof InputError), result instanceof InputError ? result.message : "");
      assert.equal(result.rowsInFile, rows.length);
      const badRows = [...bad].sort((a, b) => a - b);
      assert.deepEqual(
        result.skipped.map((s) => s.index),
        badRows,
      );
      assert.equal(result.table.nRows, rows.length - bad.size);
      const kept = rows.filter((_, r) => !bad.has(r));
      if (result.format === "csv") assertEveryColumnRead(result.table, { header: t.header, rows: kept });

      const { rows: page, csv } = scored(result, random);
      assert.equal(page.length, kept.length);
      const download = parseCsv(csv, "download.csv");
      assert.equal(download.rows.length, kept.length);
      // Every uploaded column is in the download once, under a name of its own, with the customer's values.
      const extras = t.header.slice(t.columnOf.size);
      // The uploaded columns come last, in file order.
      extras.forEach((name, e) => {
        const j = download.header.length - extras.length + e;
        const shown = download.header[j];
        assert.ok(
          shown === neutralise(name) || shown.startsWith(neutralise(`${name} (uploaded`)),
          `${name} in the download header ${JSON.stringify(download.header)}`,
        );
        // read-excel-file trims a cell's text; a CSV keeps it as written.
        const written = kept
          .map((row) => row[t.header.indexOf(name)])
          .map((v) => (result.format === "xlsx" ? v.trim() : v));
        download.rows.forEach((row, r) => assert.equal(row[j], neutralise(written[r]), `${name} row ${r}`));
      });
      assert.equal(
        new Set(download.header).size,
        download.header.length,
        `download header repeats a name: ${download.header.join(",")}`,
      );
    });
  });

  it("invariance: line endings, BOM, column order and quoting change nothing read (200 cases, seed 4703)", async () => {
    await forCases(4703, 200, async (random) => {
      const t = table(random);
      const order = shuffleInPlace(
        t.header.map((_, j) => j),
        random,
      );
      const base: CsvStyle = { eol: "\n", bom: false, quoting: "minimal" };
      const seen = async (style: CsvStyle) => {
        const u = await upload(enc(writeCsv(t, style, random)));
        assert.ok(!(u instanceof InputError), u instanceof InputError ? u.message : "");
        return { ...u, table: canonicalTable(u.table), cleaning: canonicalCleaning(u.cleaning) };
      };
      const expected = await seen(base);
      const styles: [string, CsvStyle][] = [
        ["CRLF", { ...base, eol: "\r\n" }],
        ["CR", { ...base, eol: "\r" }],
        ["BOM", { ...base, bom: true }],
        ["all quoted", { ...base, quoting: "all" }],
        ["some quoted", { ...base, quoting: "random" }],
        ["columns reordered", { ...base, order }],
        ["everything", { eol: "\r\n", bom: true, quoting: "all", order }],
      ];
      for (const [name, style] of styles) assert.deepEqual(await seen(style), expected, name);
    });
  });
});
