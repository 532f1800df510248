// Scoring in Chromium: 100,000 customers parsed, checked, scored and assigned to segments in the page's
// worker (the same script the site serves, bundled by src/score-worker.js.ts), then again with TreeSHAP
// reasons. The model is the pipeline's model.json when a cached run has one, else a gbdt trained here on the
// demo data (test/scoring-fixtures.ts). Figures, not pass/fail: targets 2 s without reasons, 5 s with.
// Exact reasons cost about trees x leaves x depth per row, so the reasons run scores the first
// REASONS_ROWS customers (env SCORE_BENCH_REASONS_ROWS, default 5,000) and projects the 100,000-row time;
// the 300-tree forest the pipeline currently selects would otherwise keep the bench busy for an hour.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../loaders/settings.js";
import { parseCsv } from "../src/lib/data/csv.js";
import { readModelBundle, type ModelBundle } from "../src/lib/scoring/bundle.js";
import type { ScoredUpload } from "../src/lib/scoring/protocol.js";
import { launchBrowser } from "../test/helpers/browser.js";
import { serveStatic } from "../test/helpers/serve-static.js";
import { buildTestBundle, DEMO_CSV } from "../test/scoring-fixtures.js";
import type { BenchResult } from "./types.js";

const ROWS = 100_000;
const REASONS_ROWS = Math.min(ROWS, Number(process.env.SCORE_BENCH_REASONS_ROWS ?? 5_000));

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

function bigCsv(rows: number): string {
  const raw = parseCsv(readFileSync(DEMO_CSV), "demo");
  const lines = [raw.header.join(",")];
  for (let i = 0; i < rows; i++) {
    const row = [...raw.rows[i % raw.rows.length]];
    row[0] = String(100000 + i);
    lines.push(row.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","));
  }
  return lines.join("\n") + "\n";
}

export default async function (): Promise<BenchResult[]> {
  const { bundle, source } = await modelBundle();
  const dir = mkdtempSync(join(tmpdir(), "score-bench-"));
  const worker = execFileSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "src", "score-worker.js.ts")], { maxBuffer: 64 << 20 });
  writeFileSync(join(dir, "worker.js"), worker);
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>bench</title>");
  writeFileSync(join(dir, "customers.csv"), bigCsv(ROWS));
  writeFileSync(join(dir, "customers-reasons.csv"), bigCsv(REASONS_ROWS));
  const server = await serveStatic(dir);
  const session = await launchBrowser();
  const results: BenchResult[] = [];
  try {
    const { page } = await session.newPage();
    await page.goto(`${server.url}/index.html`);
    // The bundle goes in as an argument (Playwright keeps Infinity), then to the worker by structured clone.
    const run = (reasons: boolean) =>
      page.evaluate(async ({ reasons, bundle }) => {
        const bytes = await (await fetch(reasons ? "/customers-reasons.csv" : "/customers.csv")).arrayBuffer();
        const worker = new Worker("/worker.js", { type: "module" });
        await new Promise<void>((resolve) => {
          worker.onmessage = (e) => e.data.type === "ready" && resolve();
          worker.postMessage({ type: "init", bundle });
        });
        const t0 = performance.now();
        const upload = await new Promise<ScoredUpload>((resolve, reject) => {
          worker.onmessage = (e) => {
            if (e.data.type === "scored") resolve(e.data.upload);
            else if (e.data.type === "rejected") reject(new Error(e.data.rejection.message));
          };
          worker.postMessage({ type: "score", id: 1, file: bytes, name: "customers.csv", reasons }, [bytes]);
        });
        const wall = performance.now() - t0;
        worker.terminate();
        return { wall, rows: upload.table.nRows, timings: upload.timings, features: bundle.encoder.featureNames.length };
      }, { reasons, bundle });
    for (const reasons of [false, true]) {
      const r = await run(reasons);
      results.push({
        name: reasons ? "score: parse+check+score+assign+reasons (Chromium worker)" : "score: parse+check+score+assign (Chromium worker)",
        rows: r.rows,
        features: r.features,
        ours_s: r.wall / 1000,
        peer: null,
        peer_s: null,
        ratio: null,
        ours_auc: null,
        peer_auc: null,
        extra: {
          model: source,
          read_s: r.timings.readMs / 1000,
          parse_check_s: r.timings.checkMs / 1000,
          score_assign_s: r.timings.scoreMs / 1000,
          reasons_s: r.timings.reasonsMs / 1000,
          reasons_rows_per_s: reasons ? Math.round(r.rows / (r.timings.reasonsMs / 1000)) : null,
          projected_100k_s: reasons ? Math.round((r.wall / 1000) * (ROWS / r.rows) * 10) / 10 : null,
          target_s: reasons ? 5 : 2,
        },
      });
    }
  } finally {
    await session.close();
    await server.close();
  }
  return results;
}
