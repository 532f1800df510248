// Property tests of the CSV reader (parseCsv) on generated input, seeded so every run reads the same cases:
// whatever the text or bytes, a table or an InputError and nothing else; a table written in any style reads
// back with exactly its rows and cells; and line endings, a byte-order mark, column order and quoting change
// nothing that is read. A failure names its seed and case (replay one with forCases' `only`).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv, type RawTable } from "../src/lib/data/csv.js";
import { InputError } from "../src/lib/data/errors.js";
import { shuffleInPlace } from "../src/lib/random.js";
import {
  arbitraryBytes,
  arbitraryCsvLike,
  arbitraryText,
  chance,
  extraText,
  forCases,
  int,
  pick,
  randomStyle,
  reorder,
  writeCsv,
  type CsvStyle,
  type Random,
  type TextTable,
} from "./fixtures/fuzz.js";

const enc = (text: string) => new TextEncoder().encode(text);

/** parseCsv's result, or the InputError it threw; anything else thrown fails the test. */
function read(input: string | Uint8Array): RawTable | InputError {
  try {
    return parseCsv(input, "fuzz.csv");
  } catch (error) {
    if (error instanceof InputError) return error;
    throw new Error(
      `threw ${String(error)} for ${JSON.stringify(typeof input === "string" ? input.slice(0, 300) : Array.from(input.subarray(0, 100)))}`,
      { cause: error },
    );
  }
}

/** What a returned table promises: a trimmed header, every row as wide as it, line numbers rising from 2. */
function assertWellFormed(raw: RawTable): void {
  assert.ok(raw.header.length > 0);
  for (const name of raw.header) assert.equal(name, name.trim());
  assert.ok(raw.rows.length > 0);
  assert.equal(raw.rowNumbers?.length, raw.rows.length);
  let last = 1;
  for (let r = 0; r < raw.rows.length; r++) {
    assert.equal(raw.rows[r].length, raw.header.length, `row ${r} width`);
    assert.ok(raw.rowNumbers![r] > last, "line numbers rise");
    last = raw.rowNumbers![r];
  }
}

function assertNamesRows(error: InputError): void {
  assert.equal(error.file, "fuzz.csv");
  assert.ok(error.issues.length > 0);
}

/** A small table of free text: 1 to 6 columns, 1 to 12 rows, any cell a line can hold. */
function textTable(random: Random): TextTable {
  const width = int(random, 2, 6);
  const header = Array.from({ length: width }, (_, j) => `c${j}${pick(random, ["", " x", "é", '"q"', ",d"])}`);
  const rows = Array.from({ length: int(random, 1, 12) }, () => Array.from({ length: width }, () => extraText(random)));
  return { header, rows };
}

describe("parseCsv properties", () => {
  it("arbitrary text: a well-formed table or an InputError, never another exception (1,000 cases, seed 1701)", async () => {
    let tables = 0;
    await forCases(1701, 1000, (random) => {
      const text = chance(random, 0.5) ? arbitraryText(random) : arbitraryCsvLike(random);
      const result = read(text);
      if (result instanceof InputError) assertNamesRows(result);
      else {
        assertWellFormed(result);
        tables++;
      }
    });
    // The generator must reach both outcomes, or the property says little.
    assert.ok(tables > 20, `${tables} tables`);
  });

  it("arbitrary bytes: a well-formed table or an InputError (1,000 cases, seed 1702)", async () => {
    await forCases(1702, 1000, (random) => {
      const bytes = chance(random, 0.3) ? arbitraryBytes(random) : arbitraryBytes(random, arbitraryCsvLike(random));
      const result = read(bytes);
      if (result instanceof InputError) assertNamesRows(result);
      else assertWellFormed(result);
    });
  });

  it("row count and cells: a table written in any style reads back as exactly its rows (600 cases, seed 1703)", async () => {
    await forCases(1703, 600, (random) => {
      const table = textTable(random);
      const style: CsvStyle = {
        ...randomStyle(random, table.header.length),
        order: undefined,
        blankLines: chance(random, 0.3),
      };
      const raw = read(writeCsv(table, style, random));
      assert.ok(!(raw instanceof InputError), raw instanceof InputError ? raw.message : "");
      assert.deepEqual(raw.header, table.header);
      assert.equal(raw.rows.length, table.rows.length);
      assert.deepEqual(raw.rows, table.rows);
    });
  });

  it("row count: a value that spans lines is an InputError naming the row where it opened, never fewer rows (500 cases, seed 1704)", async () => {
    await forCases(1704, 500, (random) => {
      const table = textTable(random);
      const r = int(random, 0, table.rows.length - 1);
      const j = int(random, 0, table.header.length - 1);
      const rows = table.rows.map((row) => [...row]);
      const cell = rows[r][j];
      const at = int(random, 0, cell.length);
      rows[r][j] = cell.slice(0, at) + pick(random, ["\n", "\r\n", "\r"]) + cell.slice(at);
      const eol = pick(random, ["\n", "\r\n", "\r"] as const);
      const text = writeCsv({ header: table.header, rows }, { eol, bom: false, quoting: "minimal" });
      const result = read(text);
      assert.ok(result instanceof InputError, "a value with a line break is refused");
      assert.equal(result.issues[0].row, r + 2, result.message);
    });
  });

  it("a stray quote: the same number of rows or an InputError naming a row (600 cases, seed 1705)", async () => {
    await forCases(1705, 600, (random) => {
      const table = textTable(random);
      const text = writeCsv(table, { eol: pick(random, ["\n", "\r\n"] as const), bom: false, quoting: "minimal" });
      const lines = text.split(/\r?\n/);
      const l = int(random, 1, lines.length - 2);
      const at = int(random, 0, lines[l].length);
      lines[l] = lines[l].slice(0, at) + '"' + lines[l].slice(at);
      const result = read(lines.join("\n"));
      if (result instanceof InputError)
        assert.ok(result.issues.some((i) => i.row !== undefined) || /line \d+/.test(result.message), result.message);
      else assert.equal(result.rows.length, table.rows.length);
    });
  });

  it("invariance: LF, CRLF or CR, a BOM or none, any column order, any quoting read the same (500 cases, seed 1706)", async () => {
    await forCases(1706, 500, (random) => {
      const table = textTable(random);
      const plain = read(writeCsv(table, { eol: "\n", bom: false, quoting: "minimal" }));
      assert.ok(!(plain instanceof InputError), plain instanceof InputError ? plain.message : "");
      const order = shuffleInPlace(
        table.header.map((_, j) => j),
        random,
      );
      const variants: [string, string | Uint8Array, TextTable][] = [
        ["CRLF", writeCsv(table, { eol: "\r\n", bom: false, quoting: "minimal" }), table],
        ["CR", writeCsv(table, { eol: "\r", bom: false, quoting: "minimal" }), table],
        ["BOM (text)", writeCsv(table, { eol: "\n", bom: true, quoting: "minimal" }), table],
        ["BOM (bytes)", enc(writeCsv(table, { eol: "\n", bom: true, quoting: "minimal" })), table],
        ["all quoted", writeCsv(table, { eol: "\n", bom: false, quoting: "all" }), table],
        ["some quoted", writeCsv(table, { eol: "\n", bom: false, quoting: "random" }, random), table],
        ["no final newline", writeCsv(table, { eol: "\n", bom: false, quoting: "minimal", finalEol: false }), table],
        [
          "columns reordered",
          writeCsv(table, { eol: "\n", bom: false, quoting: "minimal", order }),
          reorder(table, order),
        ],
        ["everything", enc(writeCsv(table, { eol: "\r\n", bom: true, quoting: "all", order })), reorder(table, order)],
      ];
      for (const [name, input, expected] of variants) {
        const raw = read(input);
        assert.ok(!(raw instanceof InputError), `${name}: ${raw instanceof InputError ? raw.message : ""}`);
        assert.deepEqual(raw.header, expected.header, name);
        assert.deepEqual(raw.rows, expected.rows, name);
        assert.deepEqual(raw.rowNumbers, plain.rowNumbers, name);
      }
    });
  });
});
