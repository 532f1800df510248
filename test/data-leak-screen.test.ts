// The leak screen: a column that alone gives churn away on the training rows, by its values or by its
// blanks, is flagged with the evidence and left out of the models unless the config keeps it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { inferSchema } from "../src/lib/data/infer-schema.js";
import { excludeLeaks, screenLeaks } from "../src/lib/data/leak-screen.js";
import { parseSchemaConfig } from "../src/lib/data/schema-config.js";
import { featureColumns } from "../src/lib/data/schema.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import { otherTables } from "./fixtures/other-tables.js";

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe("screenLeaks", () => {
  for (const t of otherTables(300)) {
    it(`${t.name}: flags ${t.expect.leak} with its evidence, and nothing the models may use`, () => {
      const raw = parseCsv(new TextEncoder().encode(t.csv), `${t.name}.csv`);
      const { table } = validateRawTable(raw, { schema: inferSchema(raw), requireTarget: true });
      const screen = screenLeaks(table, all(table.nRows));
      assert.deepEqual(screen.excluded, [t.expect.leak]);
      assert.match(screen.leaks[0].evidence, /possible leak/);
      const kept = excludeLeaks(table, screen);
      assert.ok(!featureColumns(kept.schema).some((c) => c.name === t.expect.leak));
      assert.match(kept.schema.ignored.find((i) => i.name === t.expect.leak)?.reason ?? "", /leak/);
      assert.equal(kept.numeric[t.expect.leak] ?? kept.category[t.expect.leak], undefined);
    });
  }

  it("screens the training rows only: a column that gives churn away only on the other rows is not flagged", () => {
    const lines = ["id,Churn,x,y"];
    for (let i = 0; i < 200; i++) {
      const churn = i % 3 === 0 ? 1 : 0;
      // x equals churn on rows 100..199 only; on rows 0..99 it is noise.
      const x = i >= 100 ? churn : (i * 7) % 2;
      lines.push(`${i + 1},${churn},${x},${(i * 13) % 17}`);
    }
    const raw = parseCsv(new TextEncoder().encode(lines.join("\n") + "\n"), "t.csv");
    const { table } = validateRawTable(raw, { schema: inferSchema(raw), requireTarget: true });
    assert.deepEqual(screenLeaks(table, all(100)).excluded, []);
    assert.deepEqual(
      screenLeaks(
        table,
        Int32Array.from({ length: 100 }, (_, i) => 100 + i),
      ).excluded,
      ["x"],
    );
  });

  it("a column the config keeps stays flagged but is not left out", () => {
    const t = otherTables(300)[0];
    const raw = parseCsv(new TextEncoder().encode(t.csv), "s.csv");
    const config = parseSchemaConfig(JSON.stringify({ keepLeaks: [t.expect.leak] }), "c.json");
    const { table } = validateRawTable(raw, { schema: inferSchema(raw, { config }), requireTarget: true });
    const screen = screenLeaks(table, all(table.nRows));
    assert.equal(screen.leaks[0].kept, true);
    assert.deepEqual(screen.excluded, []);
    assert.equal(excludeLeaks(table, screen), table);
  });
});
