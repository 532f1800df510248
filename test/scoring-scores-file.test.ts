import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { scoresCsv } from "../src/lib/scoring/scores-file.js";

describe("scores file", () => {
  const text = scoresCsv(
    "Customer ID",
    {
      ids: ["-5", "a,b", 'say "x"'],
      probability: Float64Array.of(0.1 + 0.2, 1e-7, 1),
      decision: Uint8Array.of(0, 0, 1),
      cluster: Int32Array.of(1, 0, 1),
    },
    ["Safe", "Lapsed, regular"],
  );

  it("writes plain CSV for programs: no byte-order mark, LF line ends, nothing neutralised", () => {
    assert.equal(
      text,
      [
        "Customer ID,probability,flagged,segment,segment_name",
        '-5,0.30000000000000004,0,1,"Lapsed, regular"',
        '"a,b",1e-7,0,0,Safe',
        '"say ""x""",1,1,1,"Lapsed, regular"',
        "",
      ].join("\n"),
    );
  });

  it("reads back to the same IDs and the same doubles", () => {
    const raw = parseCsv(text, "scores.csv");
    assert.deepEqual(
      raw.rows.map((r) => r[0]),
      ["-5", "a,b", 'say "x"'],
    );
    assert.deepEqual(
      raw.rows.map((r) => Number(r[1])),
      [0.1 + 0.2, 1e-7, 1],
    );
  });
});
