// The pipeline's exports on the real data, when ../shared is there: the pipeline run with the reference split,
// then DIR/model.sql run in DuckDB over the real CSV (as read_csv types it) against DIR/scores.csv, customer
// by customer: the deployed model (300 leaf-wise trees), its cleaning and the segments, in SQL.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { before, describe, it } from "node:test";
import { assertSqlMatchesScores } from "./helpers/duckdb.js";
import { runPipelineCli, type CliRun } from "./helpers/pipeline.js";

const CSV = fileURLToPath(new URL("../../shared/data/ecommerce-churn.csv", import.meta.url));
const TEST_IDS = fileURLToPath(new URL("../../shared/reference/test-ids-dedup.json", import.meta.url));
const skip =
  existsSync(CSV) && existsSync(TEST_IDS)
    ? false
    : "../shared is not here (the real data lives beside the repository, never in it)";

describe("pipeline exports on the real data", { skip }, () => {
  let run: CliRun;
  before(() => {
    run = runPipelineCli(["--data", CSV, "--test-ids", TEST_IDS]);
  });

  it("the pipeline writes scores.csv and model.sql", () => {
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.files.includes("scores.csv") && run.files.includes("model.sql"));
  });

  it("model.sql in DuckDB equals scores.csv for every customer (probability to 1e-9, flagged and segment exactly)", async () => {
    await assertSqlMatchesScores(run.outDir, CSV);
  });
});
