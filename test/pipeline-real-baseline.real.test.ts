// On the real data every artifact keeps the figures it had before the report learnt other schemas: the
// same bytes, and for summary.json the same content once the keys added since (schema, leakScreen) are
// set aside. The hashes in test/fixtures/real-baseline.json were taken from the code before that work.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readJson, runPipelineCli, SHARED } from "./helpers/pipeline.js";

const DATA = join(SHARED, "data", "ecommerce-churn.csv");
const IDS = join(SHARED, "reference", "test-ids-dedup.json");
const baseline = JSON.parse(readFileSync(new URL("./fixtures/real-baseline.json", import.meta.url), "utf-8")) as {
  artifacts: Record<string, string>;
};
const sha256 = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

describe(
  "real data: the artifacts keep today's figures",
  { skip: existsSync(DATA) ? false : "../shared is absent" },
  () => {
    const run = existsSync(DATA) ? runPipelineCli(["--data", DATA, "--test-ids", IDS]) : null;
    it("exits 0", () => assert.equal(run?.status, 0, run?.stderr));
    for (const name of ["cleaned", "hypotheses", "model", "segments", "personas"]) {
      it(`${name}.json is byte-identical`, () => {
        assert.equal(sha256(readFileSync(join(run!.outDir, `${name}.json`))), baseline.artifacts[name]);
      });
    }
    it("models.json is the same once the selection's reason (the deploy rule's words, in selected and protocol) is set aside; the same model is deployed", () => {
      const models = readJson<{ selected: { id: string; reason?: string }; protocol: { selection?: string } }>(
        run!.outDir,
        "models.json",
      );
      assert.equal(models.selected.id, "gbdt-leafwise");
      assert.match(models.selected.reason ?? "", /among the models whose scores can be explained exactly/);
      assert.equal(models.protocol.selection, models.selected.reason);
      delete models.selected.reason;
      delete models.protocol.selection;
      assert.equal(sha256(JSON.stringify(models)), baseline.artifacts.modelsWithoutReason);
    });
    it("summary.json is the same once the new schema and leakScreen keys are set aside; the preset was chosen", () => {
      const summary = readJson<Record<string, unknown>>(run!.outDir, "summary.json");
      const { schema, leakScreen, ...rest } = summary as {
        schema: { preset: string };
        leakScreen: { leaks: unknown[] };
      };
      assert.equal(schema.preset, "kaggle-ecommerce");
      assert.deepEqual(leakScreen.leaks, []);
      assert.equal(sha256(JSON.stringify(rest)), baseline.artifacts.summary);
    });
  },
);
