// Schema inference: a preset for a file with its columns, else the target, its "left" value, the ID and
// each column's kind from the cells; settings and the config override it, and a bad one is a clear error.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { InputError } from "../src/lib/data/errors.js";
import { inferSchema } from "../src/lib/data/infer-schema.js";
import { parseSchemaConfig } from "../src/lib/data/schema-config.js";
import { featureColumns, idColumn, targetColumn } from "../src/lib/data/schema.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import { toCsv, validRows } from "./fixtures/data.js";
import { otherTables } from "./fixtures/other-tables.js";

const raw = (text: string, file = "t.csv") => parseCsv(new TextEncoder().encode(text), file);

describe("inferSchema", () => {
  it("chooses the Kaggle preset for a file with its columns, in any case and order", () => {
    const schema = inferSchema(raw(toCsv(validRows(20))));
    assert.equal(schema.preset, "kaggle-ecommerce");
    assert.equal(targetColumn(schema).positive, "1");
  });

  for (const table of otherTables(200)) {
    it(`infers the ${table.name} table: target, left value, ID and kinds`, () => {
      const schema = inferSchema(raw(table.csv, `${table.name}.csv`));
      assert.equal(schema.preset, null);
      const target = targetColumn(schema);
      assert.equal(target.name, table.expect.target);
      assert.equal(target.positive, table.expect.positive);
      const id = idColumn(schema);
      if (table.expect.id === null) assert.equal(id.synthetic, true);
      else assert.equal(id.name, table.expect.id);
      const kinds = Object.fromEntries(featureColumns(schema).map((c) => [c.name, c.kind]));
      for (const name of table.expect.numeric) assert.equal(kinds[name], "numeric", name);
      for (const name of table.expect.category) assert.equal(kinds[name], "category", name);
      assert.match(schema.ignored.find((i) => i.name === table.expect.freeText)?.reason ?? "", /free text|ID-like/);
      // The inferred schema reads the whole file.
      const { table: cleaned } = validateRawTable(raw(table.csv, `${table.name}.csv`), { schema, requireTarget: true });
      assert.equal(cleaned.nRows, table.rows);
      assert.ok(cleaned.churn && cleaned.churn.some((v) => v === 1) && cleaned.churn.some((v) => v === 0));
    });
  }

  it("reads blanks written as a space or NA, thousands commas, currency signs and decimal commas", () => {
    const text =
      'id,Churn,amount,price,ratio\n1,yes,"1,200.50",$3,"0,5"\n2,no, ,$4,"1,25"\n3,no,NA,$5.5,2\n4,no,"3,000",$6,3\n';
    const schema = inferSchema(raw(text));
    const byName = Object.fromEntries(featureColumns(schema).map((c) => [c.name, c]));
    assert.equal(byName.amount.kind, "numeric");
    assert.equal(byName.price.kind, "numeric");
    assert.equal(byName.ratio.kind, "numeric");
    const { table } = validateRawTable(raw(text), { schema, requireTarget: true, minClassCount: 1 });
    assert.deepEqual(Array.from(table.numeric.amount), [1200.5, NaN, NaN, 3000]);
    assert.deepEqual(Array.from(table.numeric.price), [3, 4, 5.5, 6]);
    assert.deepEqual(Array.from(table.numeric.ratio), [0.5, 1.25, 2, 3]);
    assert.deepEqual(Array.from(table.churn ?? []), [1, 0, 0, 0]);
  });

  it("settings override the inference, and name themselves when they do not fit the file", () => {
    const text = "code,status,visits\nx1,gone,3\nx2,here,4\nx3,here,5\n";
    assert.throws(() => inferSchema(raw(text)), /no column that is clearly the churn flag.*--target/);
    assert.throws(() => inferSchema(raw(text), { target: "status" }), /cannot tell which value.*--positive/);
    const schema = inferSchema(raw(text), { target: "status", positive: "gone", id: "code" });
    assert.equal(targetColumn(schema).positive, "gone");
    assert.equal(idColumn(schema).name, "code");
    const missing = assert.throws(
      () => inferSchema(raw(text), { target: "Churned", sources: { target: "--target" } }),
      InputError,
    );
    void missing;
    assert.throws(
      () => inferSchema(raw(text), { target: "Churned", sources: { target: "--target" } }),
      /target \(from --target\) names column "Churned", which the file lacks/,
    );
    assert.throws(
      () => inferSchema(raw(text), { target: "status", positive: "left" }),
      /positive.*"gone" and "here"|"here" and "gone"/,
    );
  });

  it("a config sets kinds, descriptions, drops, merges, roles and hypotheses; a bad one names setting and file", () => {
    const tiers = ["Gold", "gold", "Silver", "Slv"];
    const text =
      "id,Churn,visits,spend,tier\n" +
      Array.from({ length: 12 }, (_, i) => `${i + 1},${i % 2},${i % 5},${10 + i},${tiers[i % 4]}`).join("\n") +
      "\n";
    const config = parseSchemaConfig(
      JSON.stringify({
        columns: { visits: { description: "Visits last month" }, tier: { kind: "category" } },
        merge: { tier: { Slv: "Silver" } },
        roles: { frequency: "visits", monetary: "spend" },
        hypotheses: [{ column: "visits", direction: "lower" }],
      }),
      "c.json",
    );
    const schema = inferSchema(raw(text), { config, configFile: "c.json" });
    const tier = featureColumns(schema).find((c) => c.name === "tier");
    assert.ok(tier && tier.kind === "category");
    assert.deepEqual(tier.values, ["Gold", "Silver"]);
    assert.equal(tier.variants.Slv, "Silver");
    assert.equal(schema.roles.frequency, "visits");
    assert.equal(schema.hypotheses?.[0].column, "visits");
    assert.equal(featureColumns(schema).find((c) => c.name === "visits")?.description, "Visits last month");
    const bad = (settings: object) =>
      assert.throws(
        () =>
          inferSchema(raw(text), {
            config: parseSchemaConfig(JSON.stringify(settings), "c.json"),
            configFile: "c.json",
          }),
        InputError,
      );
    bad({ columns: { Tenure: { kind: "numeric" } } });
    assert.throws(
      () =>
        inferSchema(raw(text), {
          config: parseSchemaConfig('{"roles": {"recency": "tier"}}', "c.json"),
          configFile: "c.json",
        }),
      /c\.json: setting "roles\.recency" names "tier", which is text \(a category\); recency needs a numeric column/,
    );
    assert.throws(
      () => parseSchemaConfig('{"colums": {}}', "c.json"),
      /c\.json: setting "colums" is not a known setting/,
    );
    assert.throws(() => parseSchemaConfig("{not json", "c.json"), /c\.json: is not valid JSON/);
    assert.throws(
      () => parseSchemaConfig('{"columns": {"a": {"kind": "text"}}}', "c.json"),
      /columns\.a\.kind" must be one of numeric, category, ignore/,
    );
  });
});
