// `npm run score` as a nightly job runs it: a customer file scored with a model folder, checked as the Score
// page checks an upload; on bad input a message naming file, column, line and value, exit 1 and no output.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { buildTestBundle, DEMO_CSV, REAL_XLSX, type TestBundle } from "../bench/fixtures/scoring-bundle.js";
import { readInput } from "../pipeline/input/read-input.js";
import { parseCsv } from "../src/lib/data/csv.js";
import { summaryArtifact } from "../src/lib/data/summary.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import type { ModelBundleFile } from "../src/lib/scoring/bundle.js";
import { scoreTable } from "../src/lib/scoring/score.js";
import { writeParquet } from "./helpers/duckdb.js";
import { runTsx } from "./helpers/pipeline.js";

const score = (args: string[]) => runTsx("pipeline/score/cli.ts", args);

describe("npm run score", () => {
  let fixture: TestBundle;
  let dir: string;
  let modelDir: string;
  const demoLines = readFileSync(DEMO_CSV, "utf-8").trimEnd().split("\n");
  const write = (name: string, lines: readonly string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join("\n") + "\n");
    return path;
  };

  before(async () => {
    fixture = await buildTestBundle(DEMO_CSV, 20);
    dir = mkdtempSync(join(tmpdir(), "churn-score-"));
    modelDir = join(dir, "run");
    const file: ModelBundleFile = {
      ...fixture.bundle,
      explainer: { kind: "treeshap", memberName: "", memberPath: [], impute: false },
    };
    mkdirSync(modelDir);
    writeFileSync(join(modelDir, "model.json"), JSON.stringify(file));
    // The schema the model was trained with travels in summary.json.
    writeFileSync(join(modelDir, "summary.json"), JSON.stringify(summaryArtifact(await readInput(DEMO_CSV))));
  });

  it("scores every customer as the Score page does, in scores.csv's format", () => {
    const out = join(dir, "scores.csv");
    const run = score(["--model", modelDir, "--data", DEMO_CSV, "--out", out]);
    assert.equal(run.status, 0, run.stderr);
    const table = validateRawTable(parseCsv(readFileSync(DEMO_CSV), "demo.csv"), { requireTarget: false }).table;
    const expected = scoreTable(fixture.bundle, table, { reasons: false });
    const scores = parseCsv(readFileSync(out), "scores.csv");
    assert.deepEqual(scores.header, ["CustomerID", "probability", "flagged", "segment", "segment_name"]);
    assert.equal(scores.rows.length, table.nRows);
    scores.rows.forEach(([id, p, flagged, segment], i) => {
      assert.equal(id, table.ids[i]);
      assert.equal(Number(p), expected.probability[i]);
      assert.equal(Number(flagged), expected.decision[i]);
      assert.equal(Number(segment), expected.cluster[i]);
    });
    // What cleaning did is said, and how many were scored and flagged.
    assert.match(run.stderr, /PreferredLoginDevice "Phone" read as "Mobile Phone"/);
    assert.match(
      run.stderr,
      new RegExp(`scored ${table.nRows} of ${table.nRows} customers \\(\\d+ flagged at 0\\.35\\)`),
    );
  });

  it("reads a Parquet file into the same scores as the CSV it was written from", async () => {
    const parquet = join(dir, "customers.parquet");
    await writeParquet(DEMO_CSV, parquet, { compression: "zstd" });
    const fromCsv = join(dir, "from-csv.csv");
    const fromParquet = join(dir, "from-parquet.csv");
    assert.equal(score(["--model", modelDir, "--data", DEMO_CSV, "--out", fromCsv]).status, 0);
    const run = score(["--model", modelDir, "--data", parquet, "--out", fromParquet]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(readFileSync(fromParquet).equals(readFileSync(fromCsv)));
  });

  it("--threshold flags at another probability", () => {
    const out = join(dir, "low.csv");
    const run = score(["--model", modelDir, "--data", DEMO_CSV, "--out", out, "--threshold", "0.05"]);
    assert.equal(run.status, 0, run.stderr);
    const rows = parseCsv(readFileSync(out), "low.csv").rows;
    for (const [, p, flagged] of rows) assert.equal(flagged, Number(p) >= 0.05 ? "1" : "0");
  });

  it("a bad value: names file, column, line and value, exits 1, and leaves no output (an older one removed)", () => {
    const lines = demoLines.slice(0, 30);
    lines[3] = lines[3].replace(/^([^,]*),([^,]*),([^,]*),/, "$1,$2,abc,");
    const data = write("bad-value.csv", lines);
    const out = join(dir, "stale.csv");
    writeFileSync(out, "CustomerID,probability\n1,0.5\n");
    const run = score(["--model", modelDir, "--data", data, "--out", out]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /bad-value\.csv.*\n.*column Tenure.*\n.*line 4: "abc" is not a number/);
    assert.doesNotMatch(run.stderr, /unexpected error/);
    assert.equal(existsSync(out), false);
  });

  it("--skip-invalid leaves such rows out, as the Score page does, and lists them", () => {
    const lines = demoLines.slice(0, 30);
    lines[5] = lines[5].replace(/,(Female|Male),/, ",Robot,");
    const data = write("robot.csv", lines);
    const out = join(dir, "kept.csv");
    const run = score(["--model", modelDir, "--data", data, "--out", out, "--skip-invalid"]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stderr,
      /left out \(--skip-invalid\)[\s\S]*column Gender[\s\S]*line 6: "Robot" is not a known value/,
    );
    const ids = parseCsv(readFileSync(out), "kept.csv").rows.map((r) => r[0]);
    assert.equal(ids.length, 28);
    assert.ok(!ids.includes(lines[5].split(",")[0]));
  });

  it("a file without the model's columns, a missing model and bad options fail with what is wrong", () => {
    const wrong = write("wrong.csv", ["a,b", "1,2"]);
    let run = score(["--model", modelDir, "--data", wrong, "--out", join(dir, "x.csv")]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /wrong\.csv: .*lacks \d+ required columns/);
    run = score(["--model", join(dir, "nowhere"), "--data", DEMO_CSV, "--out", join(dir, "x.csv")]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /nowhere\/model\.json: not found/);
    run = score(["--model", modelDir, "--data", DEMO_CSV]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--out required/);
    run = score(["--model", modelDir, "--data", wrong, "--out", wrong]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is the input file/);
    assert.ok(existsSync(wrong));
    run = score(["--model", modelDir, "--data", DEMO_CSV, "--out", join(dir, "y.csv"), "--threshold", "2"]);
    assert.equal(run.status, 2);
    assert.equal(existsSync(join(dir, "x.csv")) || existsSync(join(dir, "y.csv")), false);
  });

  it(
    "reads a workbook as the Score page does",
    { skip: existsSync(REAL_XLSX) ? false : "../shared is not here" },
    () => {
      const out = join(dir, "xlsx.csv");
      const run = score(["--model", modelDir, "--data", REAL_XLSX, "--out", out]);
      assert.equal(run.status, 0, run.stderr);
      const rows = parseCsv(readFileSync(out), "xlsx.csv").rows;
      assert.equal(rows.length, 5630);
      assert.equal(rows[0][0], "50001");
    },
  );
});
