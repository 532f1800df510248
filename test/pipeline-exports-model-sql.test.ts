// model.sql run in DuckDB against the numbers src/lib/ gives for the same customers: gradient-boosted trees
// (blanks routed both ways, a split above every value), a random forest, logistic regression (with and
// without the encoder's imputation), the Score page's checks and spellings, the column names of the file, the
// table typed as read_csv detects it or as the README says to type it, and the other dialects' quoting.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildTestBundle, DEMO_CSV, type TestBundle } from "../bench/fixtures/scoring-bundle.js";
import { modelSql } from "../pipeline/exports/model-sql.js";
import { namesInFile } from "../pipeline/exports/names-in-file.js";
import { categorySpellings } from "../pipeline/exports/sql-cleaning.js";
import { comparisonLiteral, numberLiteral, quoteIdentifier, quoteText } from "../pipeline/exports/sql-dialect.js";
import { sqlTable } from "../pipeline/exports/sql-table.js";
import { KAGGLE_ECOMMERCE } from "../src/lib/data/presets/kaggle-ecommerce.js";
import { trainLogistic } from "../pipeline/models/logistic.js";
import { trainForest } from "../pipeline/trees/train-forest.js";
import { parseCsv } from "../src/lib/data/csv.js";
import { encode } from "../src/lib/data/encode.js";
import { canonicalCategory } from "../src/lib/data/normalise.js";
import { FEATURE_COLUMNS, ID_COLUMN, type CategoryColumn, type Schema } from "../src/lib/data/schema.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import type { ModelBundle } from "../src/lib/scoring/bundle.js";
import { scoreTable } from "../src/lib/scoring/score.js";
import type { TreeEnsembleModel } from "../src/lib/trees/model.js";
import { byId, describeCsv, runModelSql, type SqlScore } from "./helpers/duckdb.js";
import type { KnnModel } from "../src/lib/models/types.js";

const sqlOf = (bundle: ModelBundle, schema = KAGGLE_ECOMMERCE) =>
  modelSql(bundle, sqlTable(schema), { dialect: "standard" });

/** Every customer of `table`: SQL and scoreTable agree (probability to 1e-9; decision and segment exactly). */
function assertSameScores(rows: readonly SqlScore[], bundle: ModelBundle, table: ChurnTable): void {
  const expected = scoreTable(bundle, table, { reasons: false });
  const sql = byId(rows);
  assert.equal(sql.size, table.nRows);
  let worst = 0;
  let flagged = 0;
  for (let i = 0; i < table.nRows; i++) {
    const id = table.ids[i];
    const row = sql.get(id);
    assert.ok(row, `no SQL row for ${id}`);
    assert.equal(row.problem, null, `${id}: ${row.problem}`);
    const difference = Math.abs((row.probability as number) - expected.probability[i]);
    worst = Math.max(worst, difference);
    assert.ok(difference <= 1e-9, `${id}: SQL ${row.probability}, scoreTable ${expected.probability[i]}`);
    assert.equal(row.flagged, expected.decision[i], `${id}: flagged`);
    assert.equal(row.segment, expected.cluster[i], `${id}: segment`);
    assert.equal(row.segmentName, bundle.segments.names[expected.cluster[i]]);
    flagged += expected.decision[i];
  }
  assert.ok(flagged > 0 && flagged < table.nRows, `the threshold flags ${flagged} of ${table.nRows}: not a test`);
}

/** A copy of the bundle scoring with another model. */
function withModel(base: ModelBundle, model: ModelBundle["model"], impute = base.impute): ModelBundle {
  return { ...base, model, impute, explainer: { kind: "none" } };
}

function splitCount(model: TreeEnsembleModel, missingLeft: number): number {
  let n = 0;
  for (const t of model.trees)
    for (let k = 0; k < t.feature.length; k++) if (t.feature[k] >= 0 && t.defaultLeft[k] === missingLeft) n++;
  return n;
}

describe("model.sql in DuckDB on the demo data", () => {
  let fixture: TestBundle;
  let gbdt: TreeEnsembleModel;
  before(async () => {
    fixture = await buildTestBundle(DEMO_CSV, 40);
    gbdt = (fixture.bundle.model as { model: TreeEnsembleModel }).model;
  });

  it("gradient-boosted trees: the same probability, decision and segment for every customer", async () => {
    // Blanks must go left at some splits and right at others, or the test would not see the difference.
    assert.ok(splitCount(gbdt, 1) > 0 && splitCount(gbdt, 0) > 0);
    assertSameScores(await runModelSql(DEMO_CSV, sqlOf(fixture.bundle), ID_COLUMN), fixture.bundle, fixture.table);
  });

  it("a split above every value (threshold Infinity) sends present values left, blanks where the split says", async () => {
    const trees = gbdt.trees.map((t, k) => {
      if (k > 1) return t;
      // Root of trees 0 and 1 on Tenure, which has blanks: one sends them left, the other right.
      const copy = {
        ...t,
        threshold: t.threshold.slice(),
        feature: t.feature.slice(),
        defaultLeft: t.defaultLeft.slice(),
      };
      copy.feature[0] = fixture.bundle.encoder.featureNames.indexOf("Tenure");
      copy.threshold[0] = Infinity;
      copy.defaultLeft[0] = k;
      return copy;
    });
    const bundle = withModel(fixture.bundle, { kind: "tree-ensemble", model: { ...gbdt, trees } });
    assert.ok(fixture.table.numeric.Tenure.some(Number.isNaN));
    assertSameScores(await runModelSql(DEMO_CSV, sqlOf(bundle), ID_COLUMN), bundle, fixture.table);
  });

  it("a random forest: the mean of the trees' shares", async () => {
    const X = encode(fixture.table, fixture.bundle.encoder, { impute: false });
    const forest = trainForest(X, fixture.table.churn as Uint8Array, { trees: 15, seed: 3 });
    const bundle = {
      ...withModel(fixture.bundle, { kind: "tree-ensemble", model: forest }),
      threshold: { value: 0.3, policy: "test" },
    };
    assertSameScores(await runModelSql(DEMO_CSV, sqlOf(bundle), ID_COLUMN), bundle, fixture.table);
  });

  it("logistic regression: its formula, with its own imputation or the encoder's", async () => {
    const X = encode(fixture.table, fixture.bundle.encoder, { impute: false });
    const logistic = trainLogistic(X, fixture.table.churn as Uint8Array);
    for (const impute of [false, true]) {
      const bundle = withModel(fixture.bundle, logistic, impute);
      assertSameScores(await runModelSql(DEMO_CSV, sqlOf(bundle), ID_COLUMN), bundle, fixture.table);
    }
  });

  it("the table typed as the README says (IDs as text, numbers as doubles) gives the same rows as read_csv's guess", async () => {
    const detected = await describeCsv(DEMO_CSV);
    assert.equal(detected.Tenure, "BIGINT");
    const types: Record<string, string> = { [ID_COLUMN]: "VARCHAR" };
    for (const spec of FEATURE_COLUMNS) types[spec.name] = spec.kind === "numeric" ? "DOUBLE" : "VARCHAR";
    const sql = sqlOf(fixture.bundle);
    const sorted = (rows: SqlScore[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepEqual(
      sorted(await runModelSql(DEMO_CSV, sql, ID_COLUMN, { types })),
      sorted(await runModelSql(DEMO_CSV, sql, ID_COLUMN)),
    );
  });

  it("a model SQL cannot express is refused by name", () => {
    const featureNames = fixture.bundle.encoder.featureNames.slice();
    const knn: KnnModel = {
      kind: "knn",
      featureNames,
      scaler: { fill: featureNames.map(() => 0), mean: featureNames.map(() => 0), scale: featureNames.map(() => 1) },
      k: 1,
      weights: "uniform",
      rows: featureNames.map(() => 0),
      labels: [1],
    };
    assert.throws(() => sqlOf(withModel(fixture.bundle, knn)), /knn model cannot be written as SQL/);
  });
});

describe("model.sql checks and cleans rows as the Score page does", () => {
  let fixture: TestBundle;
  let dir: string;
  before(async () => {
    fixture = await buildTestBundle(DEMO_CSV, 20);
    dir = mkdtempSync(join(tmpdir(), "churn-sql-"));
  });

  it("a row the Score page leaves out gets its problem and no scores; the other rows their scores", async () => {
    const lines = readFileSync(DEMO_CSV, "utf-8").trimEnd().split("\n");
    const header = lines[0].split(",");
    const col = (name: string) => header.indexOf(name);
    const rows = lines.slice(1, 201).map((l) => l.split(","));
    const set = (r: number, name: string, value: string) => (rows[r][col(name)] = value);
    set(0, "Tenure", "200");
    set(1, "Tenure", "2.5");
    set(2, "Gender", "Robot");
    set(3, "Gender", "");
    set(4, "CityTier", "");
    set(5, "CustomerID", rows[6][col("CustomerID")]);
    set(7, "SatisfactionScore", "0");
    // Spellings the Score page accepts: variants, other letter case, runs of spaces, padding.
    set(10, "PreferredLoginDevice", "  mobile   phone ");
    set(11, "PreferredLoginDevice", "PHONE");
    set(12, "PreferredPaymentMode", "cc");
    set(13, "PreferedOrderCat", "Mobile");
    set(14, "MaritalStatus", " Married");
    const path = join(dir, "checked.csv");
    writeFileSync(path, [header, ...rows].map((r) => r.join(",")).join("\n") + "\n");

    const validated = validateRawTable(parseCsv(readFileSync(path), "checked.csv"), {
      requireTarget: false,
      skipInvalidRows: true,
    });
    const skippedIds = new Set(validated.skipped.map((s) => rows[s.index][col("CustomerID")]));
    // The page keeps the first of two rows with one ID; a table has no first row, so SQL marks both.
    const repeated = rows[6][col("CustomerID")];
    const types = { CustomerID: "VARCHAR", Tenure: "DOUBLE" };
    const sql = await runModelSql(path, sqlOf(fixture.bundle), ID_COLUMN, { types });
    assert.equal(sql.length, rows.length);
    const withProblem = sql.filter((r) => r.problem !== null);
    assert.deepEqual(new Set(withProblem.map((r) => r.id)), new Set([...skippedIds, repeated]));
    assert.equal(withProblem.length, validated.skipped.length + 1);
    for (const r of withProblem) {
      assert.equal(r.probability, null);
      assert.equal(r.flagged, null);
      assert.equal(r.segment, null);
    }
    const problemOf = (r: number) => sql.find((s) => s.id === rows[r][col("CustomerID")])?.problem;
    assert.equal(problemOf(0), "Tenure is out of range (0 to 120)");
    assert.equal(problemOf(1), "Tenure is not a whole number");
    assert.equal(problemOf(2), "Gender is not a known value");
    assert.equal(problemOf(3), "Gender is blank; this column may not have blanks");
    assert.equal(problemOf(4), "CityTier is blank; this column may not have blanks");
    assert.equal(problemOf(6), "CustomerID repeats: more than one row has this ID");
    assert.equal(problemOf(7), "SatisfactionScore is out of range (1 to 5)");

    // The rows kept by both score alike, the respelled ones included.
    const kept = validated.table;
    const expected = scoreTable(fixture.bundle, kept, { reasons: false });
    const scored = byId(sql.filter((r) => r.problem === null));
    let compared = 0;
    for (let i = 0; i < kept.nRows; i++) {
      if (kept.ids[i] === repeated) continue;
      const row = scored.get(kept.ids[i]) as SqlScore;
      assert.ok(Math.abs((row.probability as number) - expected.probability[i]) <= 1e-9, kept.ids[i]);
      assert.equal(row.flagged, expected.decision[i]);
      assert.equal(row.segment, expected.cluster[i]);
      compared++;
    }
    assert.equal(compared, scored.size);
    assert.equal(compared, kept.nRows - 1);
  });

  it("the schema's blank tokens read as blank, as validation reads them", async () => {
    const schema: Schema = {
      ...KAGGLE_ECOMMERCE,
      blankTokens: ["n/a"],
      columns: KAGGLE_ECOMMERCE.columns.map((c) => (c.name === "Gender" ? { ...c, nullable: true } : c)),
    };
    const lines = readFileSync(DEMO_CSV, "utf-8").trimEnd().split("\n").slice(0, 101);
    lines[1] = lines[1].replace(/,(Female|Male),/, ",N/A,");
    lines[2] = lines[2].replace(/,(Female|Male),/, ", n/a ,");
    const path = join(dir, "tokens.csv");
    writeFileSync(path, lines.join("\n") + "\n");
    const { table } = validateRawTable(parseCsv(readFileSync(path), "tokens.csv"), { schema, requireTarget: false });
    assert.deepEqual(table.category.Gender.slice(0, 2), [null, null]);
    const sql = modelSql(fixture.bundle, sqlTable(schema), { dialect: "standard" });
    assertSameScores(await runModelSql(path, sql, ID_COLUMN), fixture.bundle, table);
  });

  it("spellings map to the canonical value the Score page's normaliser gives", () => {
    for (const spec of FEATURE_COLUMNS.filter((c): c is CategoryColumn => c.kind === "category")) {
      const { exact, loose } = categorySpellings(spec);
      for (const [from, to] of exact) assert.equal(canonicalCategory(spec, from), to);
      for (const [from, to] of loose) assert.equal(canonicalCategory(spec, from.toUpperCase()), to);
    }
  });

  it("reads the columns under the names the input file has", async () => {
    const lines = readFileSync(DEMO_CSV, "utf-8").trimEnd().split("\n").slice(0, 101);
    lines[0] = lines[0].replace("CustomerID", "customer id").replace("Tenure", "TENURE");
    const path = join(dir, "renamed.csv");
    writeFileSync(path, lines.join("\n") + "\n");
    const { table, cleaning } = validateRawTable(parseCsv(readFileSync(path), "renamed.csv"), { requireTarget: false });
    assert.equal(cleaning.renamedColumns.length, 2);
    const sql = modelSql(fixture.bundle, sqlTable(table.schema, namesInFile(cleaning)), { dialect: "standard" });
    assert.match(sql, /"customer id" AS customer_id/);
    const scores = byId(await runModelSql(path, sql, "customer id"));
    const expected = scoreTable(fixture.bundle, table, { reasons: false });
    table.ids.forEach((id, i) =>
      assert.ok(Math.abs((scores.get(id)?.probability as number) - expected.probability[i]) <= 1e-9),
    );
  });
});

describe("model.sql dialects", () => {
  it("quotes names and text the way each engine reads them", () => {
    assert.equal(quoteIdentifier("standard", 'a "b"'), '"a ""b"""');
    assert.equal(quoteIdentifier("bigquery", "a `b` \\"), "`a \\`b\\` \\\\`");
    assert.equal(quoteIdentifier("spark", "a `b`"), "`a ``b```");
    assert.equal(quoteText("standard", "it's \\ fine"), "'it''s \\ fine'");
    assert.equal(quoteText("bigquery", "it's \\ fine\n"), "'it\\'s \\\\ fine\\n'");
    assert.equal(quoteText("spark", "it's"), "'it\\'s'");
  });

  it("writes every double so that it reads back as itself, negatives in parentheses", async () => {
    const values = [
      0,
      -0,
      1,
      -1,
      0.1 + 0.2,
      1e-7,
      -2.5e-300,
      1.7976931348623157e308,
      5e-324,
      123456789012345680000,
      2 / 3,
    ];
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    // Split values as comparisons write them: short decimals plain (a DECIMAL in DuckDB), the rest as above.
    const splits = [2.5, 0.5, 120, 175.035, 0.1 + 0.2, 1234567890.12345, 1234567890.123456, 1e-7, 33.333333333333336];
    const reader = await connection.runAndReadAll(
      `SELECT ${values.map((v, i) => `${numberLiteral(v)} AS v${i}`).join(", ")}, ` +
        splits
          .map((v, i) => `CAST(${comparisonLiteral(v)} AS DOUBLE) AS s${i}, 0e0 + ${comparisonLiteral(v)} AS p${i}`)
          .join(", "),
    );
    const row = reader.getRowObjectsJS()[0];
    values.forEach((v, i) => assert.equal(row[`v${i}`], v === 0 ? 0 : v, numberLiteral(v)));
    splits.forEach((v, i) => {
      assert.equal(row[`s${i}`], v, comparisonLiteral(v));
      assert.equal(row[`p${i}`], v, comparisonLiteral(v));
    });
    assert.equal(comparisonLiteral(2.5), "2.5");
    assert.equal(comparisonLiteral(0.1 + 0.2), "0.30000000000000004e0");
    assert.equal(numberLiteral(-1.5), "(-1.5e0)");
    assert.throws(() => numberLiteral(Infinity));
    connection.closeSync();
    instance.closeSync();
  });

  it("the BigQuery and Spark files differ from the standard one only in quoting", async () => {
    const { bundle } = await buildTestBundle(DEMO_CSV, 5);
    const standard = sqlOf(bundle);
    for (const dialect of ["bigquery", "spark"] as const) {
      const other = modelSql(bundle, sqlTable(KAGGLE_ECOMMERCE), { dialect });
      const strip = (text: string) => text.replace(/^-- Dialect: .*$/m, "");
      assert.equal(strip(other), strip(standard).replaceAll('"', "`"));
    }
  });
});
