// The packed table the scoring worker posts to the page: category columns as codes into their distinct values.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { readInput } from "../pipeline/input/read-input.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { packColumn, packTable, unpackColumn, unpackTable } from "../src/lib/data/table-transport.js";
import { DEMO_CSV } from "../bench/fixtures/scoring-bundle.js";

let table: ChurnTable;

before(async () => {
  ({ table } = await readInput(DEMO_CSV));
});

describe("packed tables (what crosses postMessage)", () => {
  it("unpack(pack(table)) is the table, blanks and all", () => {
    const column = ["a", null, "b", "a", null, "é <b>"];
    const packed = packColumn(column);
    assert.deepEqual(packed.values, ["a", "b", "é <b>"]);
    assert.deepEqual(Array.from(packed.codes), [1, 0, 2, 1, 0, 3]);
    assert.deepEqual(unpackColumn(packed), column);
    const back = unpackTable(structuredClone(packTable(table)));
    assert.deepEqual(back, table);
  });

  it("a column of many distinct values still round-trips", () => {
    const column = Array.from({ length: 140_000 }, (_, i) => (i % 7 === 0 ? null : `v${i}`));
    const packed = packColumn(column);
    assert.ok(packed.codes instanceof Uint32Array);
    assert.deepEqual(unpackColumn(packed), column);
  });
});
