// Property tests of validation (validateRawTable, after parseCsv and inferSchema as the pipeline runs them) on
// generated customer tables, seeded so every run reads the same cases: damaged files end in a table or an
// InputError and nothing else; a valid table of N customers gives N rows, and a table with bad cells names
// exactly the bad rows (training) or leaves out exactly those (uploads); line endings, a byte-order mark,
// column order and quoting change neither the table nor the cleaning report.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { InputError } from "../src/lib/data/errors.js";
import { inferSchema } from "../src/lib/data/infer-schema.js";
import { KAGGLE_ID } from "../src/lib/data/presets/kaggle-ecommerce.js";
import { validateRawTable, type ValidateOptions, type Validated } from "../src/lib/data/validate.js";
import { shuffleInPlace } from "../src/lib/random.js";
import {
  badCell,
  canonicalCleaning,
  canonicalTable,
  chance,
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
} from "./fixtures/fuzz.js";

const TRAIN: ValidateOptions = { requireTarget: true, minClassCount: 1 };
const UPLOAD: ValidateOptions = { requireTarget: false, skipInvalidRows: true };

/** Runs a reader; an InputError is returned, anything else thrown fails with the input shown. */
function attempt<T>(text: string, read: () => T): T | InputError {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw new Error(`threw ${String(error)} for ${JSON.stringify(text.slice(0, 400))}`, { cause: error });
  }
}

/** The three ways the project validates a CSV: training with the preset, an upload, training with an inferred schema. */
function readAll(text: string): { rows: number; results: (Validated | InputError)[] } | InputError {
  const raw = attempt(text, () => parseCsv(text, "fuzz.csv"));
  if (raw instanceof InputError) return raw;
  const results = [
    attempt(text, () => validateRawTable(raw, TRAIN)),
    attempt(text, () => validateRawTable(raw, UPLOAD)),
    attempt(text, () => validateRawTable(raw, { ...TRAIN, schema: inferSchema(raw) })),
  ];
  return { rows: raw.rows.length, results };
}

function small(random: Random, churn = true): GeneratedTable {
  return validTable(random, { rows: int(random, 2, 16), churn, extras: int(random, 0, 3) });
}

/** Everything a read gives, in a form where column order does not show. */
const canonical = (v: Validated) => ({
  table: canonicalTable(v.table),
  cleaning: canonicalCleaning(v.cleaning),
  spellings: Object.entries(v.spellings).sort(([a], [b]) => (a < b ? -1 : 1)),
  skipped: v.skipped,
});

describe("validateRawTable properties", () => {
  it("damaged customer files: a table or an InputError, never another exception (800 cases, seed 2701)", async () => {
    const outcomes = { tables: 0, errors: 0 };
    await forCases(2701, 800, (random) => {
      const text = damagedText(random, writeCsv(small(random), randomStyle(random, 20), random));
      const read = readAll(text);
      for (const result of read instanceof InputError ? [read] : read.results) {
        if (result instanceof InputError) {
          assert.equal(result.file, "fuzz.csv");
          outcomes.errors++;
        } else {
          // Every row the parser found is in the table or listed as left out.
          assert.equal(result.table.nRows + result.skipped.length, (read as { rows: number }).rows);
          outcomes.tables++;
        }
      }
    });
    assert.ok(outcomes.tables > 100 && outcomes.errors > 100, JSON.stringify(outcomes));
  });

  it("row count: N valid customers in any style are N rows, IDs as written (600 cases, seed 2702)", async () => {
    await forCases(2702, 600, (random) => {
      const table = small(random, chance(random, 0.8));
      const hasChurn = table.columnOf.has("Churn");
      const style: CsvStyle = { ...randomStyle(random, table.header.length), blankLines: chance(random, 0.3) };
      const text = writeCsv(table, style, random);
      const ids = table.rows.map((row) => row[table.columnOf.get(KAGGLE_ID)!].trim());
      const options = hasChurn ? [TRAIN, UPLOAD] : [UPLOAD];
      for (const option of options) {
        const raw = parseCsv(text, "fuzz.csv");
        const v = attempt(text, () => validateRawTable(raw, option));
        assert.ok(!(v instanceof InputError), v instanceof InputError ? v.message : "");
        assert.equal(v.table.nRows, table.rows.length);
        assert.equal(v.cleaning.rows, table.rows.length);
        assert.deepEqual(v.table.ids, ids);
        assert.equal(v.skipped.length, 0);
      }
    });
  });

  it("row count: bad cells name exactly their rows in training and skip exactly those rows in an upload (600 cases, seed 2703)", async () => {
    await forCases(2703, 600, (random) => {
      const table = small(random);
      const names = [...table.columnOf.keys()];
      const rows = table.rows.map((row) => [...row]);
      const bad = new Set<number>();
      for (let k = int(random, 1, 3); k > 0; k--) {
        const r = int(random, 0, rows.length - 1);
        const name = pick(random, names);
        // A repeated ID repeats row 0's, so row 0 keeps its own.
        if (name === KAGGLE_ID && r === 0) continue;
        const firstId = table.rows[0][table.columnOf.get(KAGGLE_ID)!];
        rows[r][table.columnOf.get(name)!] = badCell(random, name, firstId);
        bad.add(r);
      }
      if (bad.size === 0) return;
      const text = writeCsv(
        { header: table.header, rows },
        { ...randomStyle(random, table.header.length), blankLines: false },
        random,
      );
      const lines = [...bad].sort((a, b) => a - b).map((r) => r + 2);

      const trained = attempt(text, () => validateRawTable(parseCsv(text, "fuzz.csv"), TRAIN));
      assert.ok(trained instanceof InputError, "training refuses bad cells");
      // At most three bad rows: every one is among the examples kept, and no other row is named.
      const named = [...new Set(trained.issues.map((i) => i.row))].sort((a, b) => (a ?? 0) - (b ?? 0));
      assert.deepEqual(named, lines, trained.message);

      const upload = attempt(text, () => validateRawTable(parseCsv(text, "fuzz.csv"), UPLOAD));
      if (bad.size === rows.length) {
        assert.ok(upload instanceof InputError, "every row bad: the upload is refused");
        return;
      }
      assert.ok(!(upload instanceof InputError), upload instanceof InputError ? upload.message : "");
      assert.deepEqual(
        upload.skipped.map((s) => s.row),
        lines,
      );
      assert.equal(upload.table.nRows + upload.skipped.length, rows.length);
      assert.equal(upload.cleaning.rows, upload.table.nRows);
    });
  });

  it("invariance: line endings, BOM, column order and quoting change neither table nor report (200 cases, seed 2704)", async () => {
    await forCases(2704, 200, (random) => {
      const table = small(random, chance(random, 0.8));
      const order = shuffleInPlace(
        table.header.map((_, j) => j),
        random,
      );
      const base: CsvStyle = { eol: "\n", bom: false, quoting: "minimal" };
      const styles: [string, CsvStyle][] = [
        ["CRLF", { ...base, eol: "\r\n" }],
        ["CR", { ...base, eol: "\r" }],
        ["BOM", { ...base, bom: true }],
        ["all quoted", { ...base, quoting: "all" }],
        ["some quoted", { ...base, quoting: "random" }],
        ["columns reordered", { ...base, order }],
        ["everything", { eol: "\r\n", bom: true, quoting: "all", order }],
      ];
      const reads = (text: string) => {
        const raw = parseCsv(text, "fuzz.csv");
        const options = table.columnOf.has("Churn") ? [TRAIN, UPLOAD] : [UPLOAD];
        const inferred = table.columnOf.has("Churn") ? [{ ...TRAIN, schema: inferSchema(raw) }] : [];
        return [...options, ...inferred].map((o) => {
          const v = attempt(text, () => validateRawTable(raw, o));
          assert.ok(!(v instanceof InputError), v instanceof InputError ? v.message : "");
          return canonical(v);
        });
      };
      const expected = reads(writeCsv(table, base));
      for (const [name, style] of styles) assert.deepEqual(reads(writeCsv(table, style, random)), expected, name);
    });
  });
});
