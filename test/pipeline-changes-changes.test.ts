// The changes stage end to end: a baseline build and a build of a shifted copy (some columns moved on purpose,
// the rest drawn from the same generator), through `npm run pipeline -- --baseline`. The shifted columns must
// be flagged and the others not; the backtest must be the baseline's model scored on the new rows; the move
// matrix must account for every customer the two builds share. Then the same file without its churn column.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { ChangesArtifact } from "../src/lib/changes/artifact.js";
import { fromCleanedArtifact, type CleanedArtifact } from "../src/lib/data/cleaned.js";
import { distinctRows } from "../src/lib/data/split.js";
import { selectTableRows } from "../src/lib/data/table.js";
import { confusionAt, precisionOf, recallOf } from "../src/lib/threshold.js";
import { averagePrecision } from "../src/lib/metrics/pr.js";
import { brier } from "../src/lib/metrics/probability.js";
import { rocAuc } from "../src/lib/metrics/roc.js";
import type { ModelsArtifact } from "../src/lib/models/artifact.js";
import { readModelBundle } from "../src/lib/scoring/bundle.js";
import { scoreTable } from "../src/lib/scoring/score.js";
import type { SegmentsArtifact } from "../src/lib/segments/artifact.js";
import { changesCsvs, SHIFTED_COLUMNS } from "./fixtures/shifted-demo.js";
import { readJson, runPipelineCli } from "./helpers/pipeline.js";

const work = mkdtempSync(join(tmpdir(), "churn-changes-"));
const csvs = changesCsvs(1000);
for (const [name, text] of Object.entries(csvs)) writeFileSync(join(work, `${name}.csv`), text);

const base = runPipelineCli(["--data", join(work, "baseline.csv")]);
const now = runPipelineCli(["--data", join(work, "shifted.csv"), "--baseline", base.outDir]);
const changes = () => readJson<ChangesArtifact>(now.outDir, "changes.json");

/** The new build's distinct customers as the stage compares them. */
function newCustomers(dir: string) {
  const cleaned = readJson<CleanedArtifact>(dir, "cleaned.json");
  return selectTableRows(fromCleanedArtifact(cleaned), distinctRows(cleaned.duplicateOf));
}

describe("pipeline --baseline: a shifted copy against its baseline", () => {
  it("both runs succeed; only the run given a baseline writes changes.json", () => {
    assert.equal(base.status, 0, base.stderr);
    assert.equal(now.status, 0, now.stderr);
    assert.ok(!base.files.includes("changes.json"));
    assert.ok(now.files.includes("changes.json"));
  });

  it("flags the shifted columns and none of the untouched ones", () => {
    const drift = changes().drift;
    const flagged = drift.columns.filter((d) => d.drifted).map((d) => d.column);
    assert.deepEqual([...flagged].sort(), [...SHIFTED_COLUMNS].sort());
    // Every other shared column is untouched by the shift (the same generator, another seed).
    assert.ok(drift.columns.length >= 15, `${drift.columns.length} shared columns`);
    for (const d of drift.columns) {
      if (!(SHIFTED_COLUMNS as readonly string[]).includes(d.column))
        assert.ok(d.effect < 0.1, `${d.column}: PSI ${d.effect}`);
    }
    // Ranked by effect, shifted ones first.
    assert.deepEqual(
      drift.columns.slice(0, 3).map((d) => d.drifted),
      [true, true, true],
    );
    assert.deepEqual(drift.added, []);
    assert.deepEqual(drift.removed, []);
    const payment = drift.columns.find((d) => d.column === "PreferredPaymentMode");
    assert.ok(payment && payment.kind === "category" && payment.largestShareChange.level === "UPI");
  });

  it("the backtest is the baseline's model.json scoring the new distinct customers", () => {
    const bundle = readModelBundle(readJson(base.outDir, "model.json"));
    const table = newCustomers(now.outDir);
    const p = scoreTable(bundle, table, { reasons: false }).probability;
    const y = table.churn!;
    const figures = changes().backtest!.onNewCustomers;
    assert.equal(figures.customers, table.nRows);
    assert.equal(figures.threshold, bundle.threshold.value);
    assert.equal(figures.rocAuc.estimate, rocAuc(y, p));
    assert.equal(figures.prAuc.estimate, averagePrecision(y, p));
    assert.equal(figures.brier.estimate, brier(y, p));
    const c = confusionAt(y, p, bundle.threshold.value);
    assert.equal(figures.precision.estimate, precisionOf(c));
    assert.equal(figures.recall.estimate, recallOf(c));
    for (const m of ["rocAuc", "prAuc", "brier"] as const) {
      assert.ok(figures[m].lo <= figures[m].estimate && figures[m].estimate <= figures[m].hi, m);
    }
  });

  it("the new model's figures are its own test set's, as models.json has them", () => {
    const models = readJson<ModelsArtifact>(now.outDir, "models.json");
    const selected = models.models.find((m) => m.id === models.selected.id)!;
    const figures = changes().backtest!.newModel;
    assert.equal(figures.id, selected.id);
    assert.equal(figures.customers, models.protocol.testRows);
    assert.deepEqual(figures.rocAuc, selected.test.rocAuc);
    assert.deepEqual(figures.recall, selected.test.atThreshold[models.selected.policy].recall);
  });

  it("the move matrix adds up to the customers both builds' segments hold", () => {
    const then = readJson<SegmentsArtifact>(base.outDir, "segments.json");
    const next = readJson<SegmentsArtifact>(now.outDir, "segments.json");
    const ids = new Set(next.points.id);
    const shared = then.points.id.filter((id) => ids.has(id)).length;
    const s = changes().segments;
    assert.ok(shared > 500, `${shared} shared customers`);
    assert.equal(s.shared, shared);
    assert.equal(
      s.moves.flat().reduce((a, b) => a + b, 0),
      shared,
    );
    assert.equal(s.moves.length, then.clusters.length);
    assert.ok(s.moves.every((row) => row.length === next.clusters.length));
    // Matched one to one: every baseline segment to a distinct new one (same k).
    const matched = s.then.map((t) => t.matchedTo);
    assert.equal(new Set(matched).size, then.clusters.length);
    assert.ok(matched.every((j) => j !== null));
    assert.deepEqual(
      s.then.map((t) => t.size),
      then.clusters.map((c) => c.size),
    );
  });

  it("the churn rate then and now are the two files' distinct customers' rates", () => {
    const rate = changes().churnRate;
    const y = newCustomers(now.outDir).churn!;
    assert.equal(
      rate.now!.x,
      y.reduce((a, b) => a + b, 0),
    );
    assert.ok(Math.abs(rate.difference!.value - (rate.now!.rate - rate.then.rate)) < 1e-15);
  });

  it("reads the same baseline from a published site's hashed data files", () => {
    const site = mkdtempSync(join(tmpdir(), "churn-site-"));
    mkdirSync(join(site, "_file", "data"), { recursive: true });
    for (const name of ["summary", "cleaned", "model", "segments", "models"]) {
      const bytes = readFileSync(join(base.outDir, `${name}.json`));
      const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
      cpSync(join(base.outDir, `${name}.json`), join(site, "_file", "data", `${name}.${hash}.json`));
    }
    const fromSite = runPipelineCli(["--data", join(work, "unlabelled.csv"), "--baseline", site]);
    assert.equal(fromSite.status, 0, fromSite.stderr);
    const viaFolder = runPipelineCli(["--data", join(work, "unlabelled.csv"), "--baseline", base.outDir]);
    const a = readJson<ChangesArtifact>(fromSite.outDir, "changes.json");
    const b = readJson<ChangesArtifact>(viaFolder.outDir, "changes.json");
    assert.equal(a.baseline.layout, "published site");
    assert.deepEqual({ ...a, baseline: null }, { ...b, baseline: null });
  });
});

describe("pipeline --baseline on a file without a churn column", () => {
  const run = runPipelineCli(["--data", join(work, "unlabelled.csv"), "--baseline", base.outDir]);
  it("scores it with the baseline's model instead of training", () => {
    assert.equal(run.status, 0, run.stderr);
    // Nothing trained: the baseline's model.json is this run's, byte for byte, and its exports score with it.
    assert.deepEqual(run.files, [
      "changes.json",
      "cleaned.json",
      "model.json",
      "model.sql",
      "scores.csv",
      "segments.json",
      "summary.json",
    ]);
    assert.equal(
      readFileSync(join(run.outDir, "model.json"), "utf-8"),
      readFileSync(join(base.outDir, "model.json"), "utf-8"),
    );
    // The segments that model assigns are the baseline's: the Score page names them from its segments.json.
    assert.equal(
      readFileSync(join(run.outDir, "segments.json"), "utf-8"),
      readFileSync(join(base.outDir, "segments.json"), "utf-8"),
    );
    const c = readJson<ChangesArtifact>(run.outDir, "changes.json");
    assert.equal(c.current.labelled, false);
    assert.equal(c.backtest, null);
    assert.equal(c.churnRate.now, null);
    const bundle = readModelBundle(readJson(base.outDir, "model.json"));
    const p = scoreTable(bundle, newCustomers(run.outDir), { reasons: false }).probability;
    const sum = p.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(c.churnRate.expected!.expected - sum) < 1e-9);
    const e = c.churnRate.expected!;
    assert.ok(e.low <= sum && sum <= e.high);
    assert.equal(e.method, "Poisson-binomial, exact");
    const variance = p.reduce((a, q) => a + q * (1 - q), 0);
    assert.ok(Math.abs(e.sd - Math.sqrt(variance)) < 1e-9);
    assert.equal(e.flagged, p.filter((q) => q >= bundle.threshold.value).length);
    // The scores file holds the same probabilities, customer by customer.
    const lines = readFileSync(join(run.outDir, "scores.csv"), "utf-8").trim().split("\n").slice(1);
    assert.equal(lines.length, readJson<CleanedArtifact>(run.outDir, "cleaned.json").nRows);
    // What the expectation rests on: the baseline model's calibration on its own test set, and where the
    // drifted columns rank among the columns it leans on.
    const models = readJson<ModelsArtifact>(base.outDir, "models.json");
    assert.equal(e.baselineTest!.customers, models.protocol.testRows);
    assert.deepEqual(e.driftedInModel!.map((d) => d.column).sort(), [...SHIFTED_COLUMNS].sort());
    assert.ok(e.driftedInModel!.every((d) => d.rank >= 1 && d.rank <= d.of));
    // Drift does not need labels: the same columns flagged as with them.
    const flagged = c.drift.columns.filter((d) => d.drifted).map((d) => d.column);
    assert.deepEqual([...flagged].sort(), [...SHIFTED_COLUMNS].sort());
    // Segments: the baseline's own segmentation, so every shared customer is in the move matrix.
    assert.equal(
      c.segments.moves.flat().reduce((a, b) => a + b, 0),
      c.segments.shared,
    );
  });
  it("is not itself a baseline: another run against it fails naming the folder, and leaves nothing", () => {
    const r = runPipelineCli(["--data", join(work, "unlabelled.csv"), "--baseline", run.outDir]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /is a build on a file without a churn column, scored with its own baseline's model/);
    assert.ok(r.stderr.includes(run.outDir));
    assert.deepEqual(r.files, []);
  });
  it("a baseline folder that is not one fails naming the folder, and leaves nothing", () => {
    const bad = mkdtempSync(join(tmpdir(), "churn-notbase-"));
    const r = runPipelineCli(["--data", join(work, "unlabelled.csv"), "--baseline", bad]);
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /is not a previous run's output: summary\.json, cleaned\.json, model\.json, segments\.json not found/,
    );
    assert.deepEqual(r.files, []);
  });
});
