// Scoring in Chromium, in the page's own worker (the same script the site serves, bundled by
// src/score-worker.js.ts), in its two phases, on 100,000 customers drawn by the demo generator. Figures, not
// pass/fail.
//  1. Parsed, checked, scored and assigned to segments until the page holds the `scored` message with its
//     table unpacked (what the reader waits for before the table shows): target 1 s. Three uploads, each
//     to a fresh worker as after a page load; the median is the figure, and all three are listed
//     (`score-chromium-100k`, target 1 s, issue #14).
//  2. The exact TreeSHAP reasons that follow in the background, highest probability first, on the worker and
//     its helper thread: their throughput over the first REASONS_ROWS of those 100,000 (env
//     SCORE_BENCH_REASONS_ROWS, default 5,000; then the job is cancelled as a new upload would), projected to
//     all 100,000. The 5 s target for scores with exact reasons is not reachable: exact TreeSHAP, even as
//     Linear TreeSHAP, visits every node of every tree (300 rounds, up to 63 leaves) for each row, hundreds of
//     µs a row, where 100,000 rows in 5 s would need about 30 µs a row.
// The model is the pipeline's model.json when a cached run has one, else a gbdt trained here on the demo data.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { build } from "esbuild";
import { DEMO_SEED, formatCsv, generateDemoRows } from "../pipeline/demo/generate.js";
import { deriveSeed } from "../src/lib/random.js";
import { readModelBundle, type ModelBundle } from "../src/lib/scoring/bundle.js";
import type { ScoredUpload } from "../src/lib/scoring/protocol.js";
import { launchBrowser } from "../scripts/browser.js";
import { serveStatic } from "../scripts/serve-static.js";
import { buildTestBundle, DEMO_CSV } from "./fixtures/scoring-bundle.js";
import type { BenchResult } from "./types.js";

const ROWS = 100_000;
const REASONS_ROWS = Math.min(ROWS, Number(process.env.SCORE_BENCH_REASONS_ROWS ?? 5_000));
const UPLOADS = 3;

async function modelBundle(): Promise<{ bundle: ModelBundle; source: string }> {
  const cache = join(PROJECT_ROOT, ".cache", "pipeline");
  if (existsSync(cache)) {
    // The newest run: the cache keeps older ones until they are cleaned.
    const runs = readdirSync(cache)
      .map((run) => ({ run, path: join(cache, run, "model.json") }))
      .filter((r) => existsSync(r.path))
      .sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs);
    if (runs.length > 0) {
      // As the page does: model.json through readModelBundle (explainer path resolved, null thresholds back
      // to Infinity); the raw file is no bundle the worker can score with.
      const bundle = readModelBundle(JSON.parse(readFileSync(runs[0].path, "utf-8")));
      return { bundle, source: `pipeline run ${runs[0].run} (${bundle.modelId})` };
    }
  }
  return { bundle: (await buildTestBundle(DEMO_CSV, 300)).bundle, source: "test gbdt, 300 rounds depth 4, demo data" };
}

/** 100,000 customers drawn afresh by the demo generator (another seed than the demo's), not copies of a few. */
function bigCsv(rows: number): string {
  return formatCsv(generateDemoRows(deriveSeed(DEMO_SEED, "score-bench"), rows));
}

/** The page's client of the worker (worker-client.ts), bundled as the page's own modules are. */
async function pageModule(): Promise<string> {
  const result = await build({
    entryPoints: [join(PROJECT_ROOT, "src", "lib", "scoring", "worker-client.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

export default async function (): Promise<BenchResult[]> {
  const { bundle, source } = await modelBundle();
  const dir = mkdtempSync(join(tmpdir(), "score-bench-"));
  const worker = execFileSync(
    join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
    [join(PROJECT_ROOT, "src", "score-worker.js.ts")],
    { maxBuffer: 64 << 20 },
  );
  writeFileSync(join(dir, "worker.js"), worker);
  writeFileSync(join(dir, "page.js"), await pageModule());
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>bench</title>");
  writeFileSync(join(dir, "customers.csv"), bigCsv(ROWS));
  const server = await serveStatic(dir);
  const session = await launchBrowser();
  const results: BenchResult[] = [];
  try {
    const { page } = await session.newPage();
    await page.goto(`${server.url}/index.html`);
    // The bundle goes in as an argument (Playwright keeps Infinity), then to the worker by structured clone.
    const r = await page.evaluate(
      async ({ bundle, reasonsRows, uploads }) => {
        // A URL the page resolves (a variable, so neither tsc nor tsx looks for the file here).
        const pageUrl = "/page.js";
        const { ScoringClient } = (await import(pageUrl)) as typeof import("../src/lib/scoring/worker-client.js");
        // The file uploaded `uploads` times, each time to a fresh worker (a reader's first upload after the
        // page loads); the reasons of the last one are measured.
        const runs: { scoredMs: number; timings: ScoredUpload["timings"]; rows: number }[] = [];
        let firstChunkAt = 0;
        let scoredAt = 0;
        let reasons = { done: 0, at: 0 };
        let worker: InstanceType<typeof ScoringClient> | null = null;
        for (let n = 1; n <= uploads; n++) {
          worker?.terminate();
          const current = new ScoringClient(new Worker("/worker.js", { type: "module" }), bundle);
          worker = current;
          await current.ready;
          // A reader takes a moment to pick a file: by then the worker's helper thread has loaded the model
          // too (it starts on `init` and would otherwise share the machine with the first upload).
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          const bytes = await (await fetch("/customers.csv")).arrayBuffer();
          const last = n === uploads;
          const t0 = performance.now();
          reasons = await new Promise<{ done: number; at: number }>((resolve, reject) => {
            // Methods, not arrow functions as properties: tsx wraps those in a naming helper (esbuild's
            // keepNames) that the page, where this function runs, does not have.
            const job = current.score(bytes, "customers.csv", {
              scored(upload) {
                scoredAt = performance.now();
                runs.push({ scoredMs: scoredAt - t0, timings: upload.timings, rows: upload.table.nRows });
                if (!last || !upload.reasonsPending) {
                  job.cancel();
                  resolve({ done: 0, at: scoredAt });
                }
              },
              reasons(_chunk, done) {
                if (!firstChunkAt) firstChunkAt = performance.now();
                if (done >= reasonsRows) {
                  // Enough to measure: stop the job as a new upload would.
                  job.cancel();
                  resolve({ done, at: performance.now() });
                }
              },
              reasonsFailed(message) {
                reject(new Error(message));
              },
              rejected(rejection) {
                reject(new Error(rejection.message));
              },
            });
          });
        }
        worker?.terminate();
        return {
          runs,
          firstReasonsMs: firstChunkAt - scoredAt,
          reasonsRows: reasons.done,
          reasonsMs: reasons.at - scoredAt,
          rows: runs[0].rows,
          features: bundle.encoder.featureNames.length,
        };
      },
      { bundle, reasonsRows: REASONS_ROWS, uploads: UPLOADS },
    );
    // The median upload (the machine's load varies from run to run), with every run listed.
    const byTime = [...r.runs].sort((a, b) => a.scoredMs - b.scoredMs);
    const median = byTime[Math.floor(byTime.length / 2)];
    const scoredS = median.scoredMs / 1000;
    const rate = r.reasonsRows / (r.reasonsMs / 1000);
    const projected = scoredS + r.rows / rate;
    const trees = bundle.explainer.kind === "treeshap" ? bundle.explainer.model.trees.length : 0;
    results.push({
      name: "score-chromium-100k",
      rows: r.rows,
      features: r.features,
      ours_s: scoredS,
      peer: null,
      peer_s: null,
      ratio: null,
      ours_auc: null,
      peer_auc: null,
      extra: {
        model: source,
        uploads_s: r.runs.map((run) => Math.round(run.scoredMs) / 1000).join(", "),
        median_parse_check_s: Math.round(median.timings.checkMs) / 1000,
        median_score_assign_s: Math.round(median.timings.scoreMs) / 1000,
        measures: "parse, check, score and assign until the page holds `scored` (the page's worker)",
        target_s: 1,
        target_met: scoredS <= 1 ? "yes" : "no",
      },
    });
    results.push({
      name: "reasons-chromium-100k",
      rows: r.rows,
      features: r.features,
      ours_s: Math.round(projected * 10) / 10,
      peer: null,
      peer_s: null,
      ratio: null,
      ours_auc: null,
      peer_auc: null,
      extra: {
        model: source,
        measures: "exact TreeSHAP reasons in the background after `scored`, projected to all rows (worker + helper)",
        explained_trees: trees,
        measured_rows: r.reasonsRows,
        measured_s: Math.round(r.reasonsMs) / 1000,
        first_reasons_after_scored_s: Math.round(r.firstReasonsMs) / 1000,
        reasons_rows_per_s: Math.round(rate),
        us_per_row: Math.round(1e6 / rate),
        projected_100k_reasons_s: Math.round((r.rows / rate) * 10) / 10,
        projected_5630_rows_s: Math.round((5630 / rate) * 10) / 10,
        target_s: 5,
        target_met: projected <= 5 ? "yes" : "no",
        why_not:
          projected <= 5
            ? null
            : `exact TreeSHAP (Linear TreeSHAP, cost ~ nodes x depth per row and tree) of all ${trees} trees takes ${Math.round(1e6 / rate)} us a row here; ${
                scoredS >= 5
                  ? `the scores alone took ${scoredS.toFixed(1)} s, over the 5 s before any reason`
                  : `scores and reasons for ${r.rows.toLocaleString("en-US")} rows in 5 s would need about ${Math.round(((5 - scoredS) * 1e6) / r.rows)} us a row`
              }. The page therefore shows the scores first and fills the reasons in, highest risk first.`,
        measured_on: `the ${r.reasonsRows.toLocaleString("en-US")} highest-probability rows (the job's order), then cancelled`,
      },
    });
  } finally {
    await session.close();
    await server.close();
  }
  return results;
}
