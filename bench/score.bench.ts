// Scoring in Chromium: 100,000 customers parsed, checked, scored and assigned to segments in the page's
// worker (the same script the site serves, bundled by src/score-worker.js.ts), then again with TreeSHAP
// reasons. The model is the pipeline's model.json when a cached run has one, else a gbdt trained here on the
// demo data (test/scoring-fixtures.ts). Figures, not pass/fail: targets 2 s without reasons, 5 s with.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../loaders/settings.js";
import { parseCsv } from "../src/lib/data/csv.js";
import type { ModelBundle } from "../src/lib/scoring/bundle.js";
import type { ScoredUpload } from "../src/lib/scoring/protocol.js";
import { launchBrowser } from "../test/helpers/browser.js";
import { serveStatic } from "../test/helpers/serve-static.js";
import { buildTestBundle, DEMO_CSV } from "../test/scoring-fixtures.js";
import type { BenchResult } from "./types.js";

const ROWS = 100_000;

async function modelBundle(): Promise<{ bundle: ModelBundle; source: string }> {
  const cache = join(PROJECT_ROOT, ".cache", "pipeline");
  if (existsSync(cache)) {
    for (const run of readdirSync(cache)) {
      const path = join(cache, run, "model.json");
      if (existsSync(path)) return { bundle: JSON.parse(readFileSync(path, "utf-8")) as ModelBundle, source: `pipeline run ${run}` };
    }
  }
  return { bundle: (await buildTestBundle(DEMO_CSV, 300)).bundle, source: "test gbdt, 300 rounds depth 4, demo data" };
}

function bigCsv(): string {
  const raw = parseCsv(readFileSync(DEMO_CSV), "demo");
  const lines = [raw.header.join(",")];
  for (let i = 0; i < ROWS; i++) {
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
  writeFileSync(join(dir, "model.json"), JSON.stringify(bundle));
  writeFileSync(join(dir, "customers.csv"), bigCsv());
  const server = await serveStatic(dir);
  const session = await launchBrowser();
  const results: BenchResult[] = [];
  try {
    const { page } = await session.newPage();
    await page.goto(`${server.url}/index.html`);
    const run = (reasons: boolean) =>
      page.evaluate(async (reasons) => {
        const bundle = await (await fetch("/model.json")).json();
        const bytes = await (await fetch("/customers.csv")).arrayBuffer();
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
      }, reasons);
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
