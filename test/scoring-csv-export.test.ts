import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { csvCell, neutralise, toCsv } from "../src/lib/scoring/csv-export.js";

describe("csv export", () => {
  it("starts with a byte-order mark, ends lines with CRLF", () => {
    const text = toCsv(
      ["a", "b"],
      [
        ["x", 1],
        ["y", 2.5],
      ],
    );
    assert.equal(text, "\uFEFFa,b\r\nx,1\r\ny,2.5\r\n");
  });

  it("quotes commas, quotes and newlines", () => {
    assert.equal(csvCell('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
    assert.equal(csvCell("plain"), "plain");
  });

  it("neutralises formula cells with an apostrophe, leaves numbers and other text alone", () => {
    for (const bad of ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=x", "\r=x"]) assert.equal(neutralise(bad)[0], "'", bad);
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell(-3), "-3");
    assert.equal(csvCell("a=b"), "a=b");
    assert.equal(csvCell(" plain"), " plain");
  });

  it("neutralises a formula behind leading spaces and the fullwidth ＝ ＋ － ＠", () => {
    for (const bad of [" =1+1", "  @SUM(A1)", "\u3000=x", "＝1+1", "＋cmd", "－2+3", "＠SUM(A1)", " ＝x"]) {
      assert.equal(neutralise(bad), `'${bad}`, bad);
    }
  });

  it("blank for null, undefined and NaN; non-ASCII text kept", () => {
    assert.equal(toCsv(["a", "b", "c", "d"], [[null, undefined, Number.NaN, "Zoë"]]), "\uFEFFa,b,c,d\r\n,,,Zoë\r\n");
  });

  it("round-trips through the project's CSV reader", () => {
    const rows = [
      ["1", 'x,"y"'],
      ["2", "=evil()"],
    ];
    const raw = parseCsv(toCsv(["id", "t"], rows), "out.csv");
    assert.deepEqual(raw.header, ["id", "t"]);
    assert.deepEqual(raw.rows, [
      ["1", 'x,"y"'],
      ["2", "'=evil()"],
    ]);
  });
});
