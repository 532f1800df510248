import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeText, parseCsv, parseRecords } from "../src/lib/data/csv.js";
import { InputError } from "../src/lib/data/errors.js";

const enc = (text: string) => new TextEncoder().encode(text);

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected InputError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected an InputError");
}

describe("parseCsv", () => {
  it("reads a header and rows with line numbers", () => {
    const raw = parseCsv("a,b\n1,2\n3,\n", "t.csv");
    assert.deepEqual(raw.header, ["a", "b"]);
    assert.deepEqual(raw.rows, [
      ["1", "2"],
      ["3", ""],
    ]);
    assert.deepEqual(Array.from(raw.rowNumbers!), [2, 3]);
    assert.equal(raw.file, "t.csv");
  });

  it("strips a byte-order mark, from text and from bytes", () => {
    assert.deepEqual(parseCsv("\uFEFFa,b\n1,2", "t").header, ["a", "b"]);
    assert.deepEqual(parseCsv(enc("\uFEFFa,b\n1,2\n"), "t").header, ["a", "b"]);
  });

  it("accepts CRLF, LF and a missing final newline alike", () => {
    const expected = [
      ["1", "2"],
      ["3", "4"],
    ];
    assert.deepEqual(parseCsv("a,b\r\n1,2\r\n3,4\r\n", "t").rows, expected);
    assert.deepEqual(parseCsv("a,b\n1,2\n3,4", "t").rows, expected);
  });

  it("reads quoted fields within a line: delimiters, doubled quotes, text after the closing quote", () => {
    const raw = parseCsv('a,b\n"x, y","say ""hi"""\n"q"r,z\nlast,1\n', "t");
    assert.deepEqual(raw.rows, [
      ["x, y", 'say "hi"'],
      ["qr", "z"],
      ["last", "1"],
    ]);
    assert.deepEqual(Array.from(raw.rowNumbers!), [2, 3, 4]);
  });

  it("a stray quote that would swallow lines is an error naming the line where it opened", () => {
    // Two lines of a real export began with a quote: the lines between became one customer's ID.
    const text = 'CustomerID,Tenure\n50001,4\n"50002,3\n50003,2\n50004,9\n5"0005,1\n50006,2\n';
    const error = inputError(() => parseCsv(text, "stray.csv"));
    assert.equal(error.issues[0].row, 3);
    assert.match(error.message, /line 3: a quote \("\) opens a value that runs on to line 6/);
  });

  it("a quoted value may not span lines, whatever the line ends", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const error = inputError(() => parseCsv(`a,b${eol}1,2${eol}"two${eol}lines",z${eol}last,1${eol}`, "t"));
      assert.equal(error.issues[0].row, 3, JSON.stringify(eol));
      assert.match(error.message, /runs on to line 4/, JSON.stringify(eol));
    }
  });

  it("keeps an empty quoted field as a record and skips blank lines", () => {
    const records = parseRecords('a\n\n""\n\n', "t").records;
    assert.deepEqual(records, [["a"], [""]]);
  });

  it("trims header names", () => {
    assert.deepEqual(parseCsv(" a , b\n1,2", "t").header, ["a", "b"]);
  });

  it("empty file: its own message", () => {
    assert.match(inputError(() => parseCsv("", "e.csv")).message, /^e\.csv: is empty/);
    assert.match(inputError(() => parseCsv("\uFEFF \n\n", "e.csv")).message, /is empty/);
  });

  it("header only: its own message", () => {
    assert.equal(inputError(() => parseCsv("a,b\n", "h.csv")).message, "h.csv: has a header (line 1) but no data rows");
  });

  it("wrong delimiter: semicolons and tabs are named", () => {
    assert.match(inputError(() => parseCsv("a;b;c\n1;2;3\n", "s.csv")).message, /separated by semicolons, not commas/);
    assert.match(inputError(() => parseCsv("a\tb\n1\t2\n", "s.csv")).message, /separated by tabs/);
  });

  it("binary content: NUL bytes, invalid UTF-8, UTF-16, zip", () => {
    assert.match(
      inputError(() => parseCsv(new Uint8Array([0x61, 0x2c, 0x00, 0x01, 0x02]), "b.bin")).message,
      /b\.bin: is a binary file.*offset 2/,
    );
    assert.match(inputError(() => parseCsv("a\u0000b", "b.bin")).message, /binary/);
    const latin1 = new Uint8Array([...enc("a,b\n1,2\n"), 0x63, 0xe9, 0x2c, 0x33, 0x0a]);
    assert.match(
      inputError(() => parseCsv(latin1, "l.csv")).message,
      /not valid UTF-8 text \(first bad byte on line 3\)/,
    );
    assert.match(inputError(() => decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), "u.csv")).message, /UTF-16/);
    assert.match(
      inputError(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), "z.csv")).message,
      /zip archive/,
    );
  });

  it("rows with the wrong number of fields are listed by line", () => {
    const error = inputError(() => parseCsv("a,b,c\n1,2,3\n1,2\n1,2,3,4\n", "f.csv"));
    assert.equal(error.total, 2);
    assert.equal(error.issues[0].row, 3);
    assert.match(error.message, /line 3: "1,2" has 2 fields; the header has 3/);
    assert.match(error.message, /line 4: "1,2,3,4" has 4 fields; the header has 3/);
  });

  it("more data rows than the limit: an error, before the rest is read", () => {
    assert.equal(parseRecords("a\n1\n2\n3\n", "r.csv", ",", 3).records.length, 4);
    assert.equal(
      inputError(() => parseRecords("a\n1\n2\n3\n4\n5\n", "r.csv", ",", 3)).message,
      "r.csv: has more than 3 data rows, the most accepted (README: Limits)",
    );
  });

  it("an unclosed quote names the line where it opened", () => {
    assert.match(
      inputError(() => parseCsv('a,b\n1,2\n"3,4\n5,6\n', "q.csv")).message,
      /quoted field opened on line 3 that is never closed/,
    );
  });
});
