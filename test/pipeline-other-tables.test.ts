// The pipeline command on churn tables of other schemas (test/fixtures/other-tables.ts), with no settings:
// it infers each schema, screens out the leak, and writes every artifact, speaking of the table's own columns.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ARTIFACT_NAMES } from "../pipeline/artifacts.js";
import { otherTables } from "./fixtures/other-tables.js";
import { readJson, runPipelineCli } from "./helpers/pipeline.js";

const KAGGLE_NAMES = /CustomerID|SatisfactionScore|DaySinceLastOrder|CashbackAmount|OrderCount|Complain\b|Tenure\b/;

interface Summary {
  schema: { preset: string | null; columns: { name: string; kind: string }[]; ignored: { name: string }[] };
  leakScreen: { leaks: { column: string; evidence: string }[]; excluded: string[] };
}

describe("npm run pipeline on other schemas", () => {
  const dir = mkdtempSync(join(tmpdir(), "churn-other-"));
  for (const table of otherTables(400)) {
    describe(table.name, () => {
      const path = join(dir, `${table.name}.csv`);
      writeFileSync(path, table.csv);
      const run = runPipelineCli(["--data", path]);
      it("exits 0 and writes every artifact", () => {
        assert.equal(run.status, 0, run.stderr);
        for (const name of ARTIFACT_NAMES.filter((n) => n !== "changes"))
          assert.ok(run.files.includes(`${name}.json`), `${name}.json missing`);
      });
      it("summary.json has the inferred schema and the leak flagged with its evidence", () => {
        const summary = readJson<Summary>(run.outDir, "summary.json");
        assert.equal(summary.schema.preset, null);
        const target = summary.schema.columns.find((c) => c.kind === "target");
        assert.equal(target?.name, table.expect.target);
        assert.deepEqual(summary.leakScreen.excluded, [table.expect.leak]);
        assert.match(summary.leakScreen.leaks[0].evidence, /leak/);
        assert.ok(summary.schema.ignored.some((i) => i.name === table.expect.freeText));
      });
      it("the models never see the leak or the free text", () => {
        const model = readJson<{ encoder: { features: { column: string }[] } }>(run.outDir, "model.json");
        const used = new Set(model.encoder.features.map((f) => f.column));
        assert.ok(!used.has(table.expect.leak));
        assert.ok(!used.has(table.expect.freeText));
        for (const name of table.expect.numeric) assert.ok(used.has(name), `${name} not used`);
      });
      it("hypotheses, segments and personas speak of this table's columns, none of the Kaggle ones", () => {
        const hypotheses = readJson<{ exploratory?: boolean; columns: string[]; verdict: string }[]>(
          run.outDir,
          "hypotheses.json",
        );
        assert.equal(hypotheses.length, 3);
        for (const h of hypotheses) {
          assert.equal(h.exploratory, true);
          assert.match(h.verdict, /^Exploratory/);
        }
        for (const name of ["hypotheses", "segments", "personas", "personas-ko", "models", "model"] as const) {
          const text = JSON.stringify(readJson(run.outDir, `${name}.json`));
          assert.doesNotMatch(text, KAGGLE_NAMES, `${name}.json names a Kaggle column`);
        }
        // The Korean cards speak of this table's columns too, not of the Kaggle data's orders and cashback.
        const korean = JSON.stringify(readJson(run.outDir, "personas-ko.json"));
        assert.match(korean, /[\uac00-\ud7a3]/);
        assert.doesNotMatch(korean, /캐시백|지난달 주문|마지막 주문/);
      });
    });
  }
});
