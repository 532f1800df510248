// The pipeline command end to end: the artifacts the README promises, byte-identical reruns, and bad input
// that fails loudly and leaves nothing behind.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { OUTPUT_FILES } from "../pipeline/artifacts.js";
import { parseCsv } from "../src/lib/data/csv.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import { readModelBundle } from "../src/lib/scoring/bundle.js";
import { scoreTable } from "../src/lib/scoring/score.js";
import { assertSqlMatchesScores } from "./helpers/duckdb.js";
import { runPipelineCli, readJson, runTsx } from "./helpers/pipeline.js";

const DEMO_CSV = new URL("../data/demo-churn.csv", import.meta.url);

describe("npm run pipeline on the demo data", () => {
  const first = runPipelineCli([]);
  it("exits 0 and writes every artifact (changes.json only with --baseline)", () => {
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(first.files, [...OUTPUT_FILES].filter((file) => file !== "changes.json").sort());
  });
  it("scores.csv: every input customer in file order, scored as the Score page scores model.json", () => {
    const demo = validateRawTable(parseCsv(readFileSync(DEMO_CSV), "demo-churn.csv"), { requireTarget: true }).table;
    const bundle = readModelBundle(readJson(first.outDir, "model.json"));
    const expected = scoreTable(bundle, demo, { reasons: false });
    const scores = parseCsv(readFileSync(join(first.outDir, "scores.csv")), "scores.csv");
    assert.deepEqual(scores.header, ["CustomerID", "probability", "flagged", "segment", "segment_name"]);
    assert.equal(scores.rows.length, demo.nRows);
    let flagged = 0;
    scores.rows.forEach(([id, probability, flag, segment, name], i) => {
      assert.equal(id, demo.ids[i]);
      // Full precision: the text parses back to the very same double.
      assert.equal(Number(probability), expected.probability[i], `${id}: probability`);
      assert.equal(flag, String(expected.decision[i]), `${id}: flagged`);
      assert.equal(Number(flag), Number(probability) >= bundle.threshold.value ? 1 : 0);
      assert.equal(segment, String(expected.cluster[i]), `${id}: segment`);
      assert.equal(name, bundle.segments.names[expected.cluster[i]]);
      flagged += Number(flag);
    });
    // A threshold that flags nobody or everybody would pass the comparisons above and still be wrong.
    assert.ok(flagged > 0 && flagged < demo.nRows, `${flagged} flagged`);
  });
  it("model.sql in DuckDB gives scores.csv's probability (to 1e-9), flagged and segment for every customer", async () => {
    await assertSqlMatchesScores(first.outDir, fileURLToPath(DEMO_CSV));
  });
  it("npm run score on the training file with the run's model gives scores.csv's very bytes", () => {
    const out = join(first.outDir, "..", `${basename(first.outDir)}-scored.csv`);
    const run = runTsx("pipeline/score/cli.ts", [
      "--model",
      first.outDir,
      "--data",
      fileURLToPath(DEMO_CSV),
      "--out",
      out,
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(readFileSync(out).equals(readFileSync(join(first.outDir, "scores.csv"))));
  });
  it("npm run model-sql writes the same standard SELECT from the run's folder", () => {
    const run = runTsx("pipeline/exports/model-sql-cli.ts", ["--model", first.outDir]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, readFileSync(join(first.outDir, "model.sql"), "utf-8"));
  });
  it("writes the summary fields the README documents", () => {
    const summary = readJson<Record<string, unknown>>(first.outDir, "summary.json");
    for (const field of ["rows", "duplicateRows", "churnRate", "columns", "missing", "normalised", "source"]) {
      assert.ok(field in summary, `summary.json lacks ${field}`);
    }
    const source = summary.source as { file: string; sha256: string; demo: boolean };
    assert.equal(source.file, "demo-churn.csv");
    assert.equal(source.demo, true);
    assert.match(source.sha256, /^[0-9a-f]{64}$/);
  });
  it("gives byte-identical artifacts when run again", () => {
    const second = runPipelineCli([]);
    assert.equal(second.status, 0, second.stderr);
    for (const file of first.files) {
      assert.ok(
        readFileSync(join(first.outDir, file)).equals(readFileSync(join(second.outDir, file))),
        `${file} differs between runs`,
      );
    }
  });
});

describe("npm run pipeline on bad input", () => {
  const dir = mkdtempSync(join(tmpdir(), "churn-bad-"));
  const header = readFileSync(new URL("../data/demo-churn.csv", import.meta.url), "utf-8")
    .split("\n")
    .slice(0, 40);
  const cases: { name: string; content: string | Buffer; expect: RegExp }[] = [
    { name: "empty.csv", content: "", expect: /empty\.csv.*empty/i },
    { name: "header-only.csv", content: header[0] + "\n", expect: /header-only\.csv.*no data rows|header/i },
    {
      name: "semicolons.csv",
      content: header.map((l) => l.replaceAll(",", ";")).join("\n"),
      expect: /semicolons\.csv.*(delimiter|separat|;)/i,
    },
    { name: "binary.csv", content: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]), expect: /binary\.csv.*(binary|text)/i },
    {
      name: "bad-value.csv",
      content: [
        header[0],
        ...header.slice(1).map((l, i) => (i === 2 ? l.replace(/^([^,]*),([^,]*),([^,]*),/, "$1,$2,abc,") : l)),
      ].join("\n"),
      expect: /bad-value\.csv.*Tenure.*(row|line) 4.*abc/is,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: names the problem, exits 1, leaves no artifact`, () => {
      const path = join(dir, c.name);
      writeFileSync(path, c.content);
      const out = mkdtempSync(join(tmpdir(), "churn-bad-out-"));
      // A stale artifact from an earlier run must not survive a failed run.
      writeFileSync(join(out, "summary.json"), "{}");
      writeFileSync(join(out, "scores.csv"), "CustomerID,probability\n1,0.5\n");
      const run = runPipelineCli(["--data", path], {}, out);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, c.expect);
      assert.doesNotMatch(run.stderr, /unexpected error|at .*\.ts:\d+/);
      assert.deepEqual(run.files, []);
    });
  }
  it("refuses an output folder holding other files, before running, and leaves them", () => {
    const out = mkdtempSync(join(tmpdir(), "churn-foreign-out-"));
    writeFileSync(join(out, "notes.txt"), "mine");
    const run = runPipelineCli([], {}, out);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /holds files that are not this pipeline's \(notes\.txt\)/);
    assert.doesNotMatch(run.stderr, /pipeline:/);
    assert.deepEqual(run.files, ["notes.txt"]);
  });
  it("a missing file is named", () => {
    const run = runPipelineCli(["--data", join(dir, "nope.csv")]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /nope\.csv/);
  });
});

describe("npm run pipeline with bad schema settings", () => {
  const dir = mkdtempSync(join(tmpdir(), "churn-config-"));
  const config = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const cases: { name: string; args: () => string[]; env?: NodeJS.ProcessEnv; expect: RegExp }[] = [
    {
      name: "a config naming a column the file lacks",
      args: () => ["--config", config("absent.json", '{"columns": {"Loyalty": {"kind": "numeric"}}}')],
      expect:
        /absent\.json: setting "columns\.Loyalty" names column "Loyalty", which the data file lacks.*demo-churn\.csv/,
    },
    {
      name: "a role that does not fit",
      args: () => ["--config", config("role.json", '{"roles": {"recency": "Gender"}}')],
      expect:
        /role\.json: setting "roles\.recency" names "Gender", which is text \(a category\); recency needs a numeric column/,
    },
    {
      name: "a config that is not JSON",
      args: () => ["--config", config("broken.json", "{target: Churn}")],
      expect: /broken\.json: is not valid JSON/,
    },
    {
      name: "--target naming a column the file lacks",
      args: () => ["--target", "Exited"],
      expect: /target \(from --target\) names column "Exited", which the file lacks/,
    },
    {
      name: "CHURN_POSITIVE that is not a value of the target",
      args: () => [],
      env: { CHURN_POSITIVE: "yes" },
      expect: /positive \(from CHURN_POSITIVE\) is "yes", but "Churn" has only/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: a clear error, exit 1, no artifacts`, () => {
      const out = mkdtempSync(join(tmpdir(), "churn-config-out-"));
      writeFileSync(join(out, "summary.json"), "{}");
      const run = runPipelineCli(c.args(), c.env ?? {}, out);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, c.expect);
      assert.doesNotMatch(run.stderr, /unexpected error|at .*\.ts:\d+/);
      assert.deepEqual(run.files, []);
    });
  }
});
