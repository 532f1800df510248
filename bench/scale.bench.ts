// The pipeline at a shop's size: 100,000 and 1,000,000 customers drawn by the demo generator (a seed of their
// own, written into a temporary folder, never committed), run as a user runs it (`npm run pipeline -- --data
// FILE --out DIR`), against its peer in the same run: the same pipeline on the 5,630-row demo table, so the
// ratio says how the cost grows with the rows on whatever load the machine has. Recorded: wall seconds, peak
// resident memory and CPU seconds of the run (GNU time, when /usr/bin/time is there; CPU time is steadier than
// wall time on a shared machine), and the bytes of every page's data (the JSON artifacts; the Score page's
// model.json aside), against the targets of 45 s at 100,000, 300 s and 6 GB at 1,000,000, and 3 MB of data
// per page. SCALE_BENCH_ROWS (comma-separated) picks other sizes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_DATA_PATH, PROJECT_ROOT } from "../pipeline/settings.js";
import { DEMO_SEED } from "../pipeline/demo/generate.js";
import { writeDemoCsv } from "../pipeline/demo/write-csv.js";
import { deriveSeed } from "../src/lib/random.js";
import type { BenchResult } from "./types.js";

const SIZES = (process.env.SCALE_BENCH_ROWS ?? "100000,1000000").split(",").map(Number);
const TARGET_S: Record<number, number> = { 100_000: 45, 1_000_000: 300 };
const PAGE_DATA_TARGET_BYTES = 3 * 1024 * 1024;
const GNU_TIME = "/usr/bin/time";

interface Run {
  readonly seconds: number;
  readonly peakRssBytes: number | null;
  /** User + system CPU seconds of the run and its threads: on a shared machine, steadier than wall time. */
  readonly cpuSeconds: number | null;
  readonly artifactBytes: Record<string, number>;
}

function runPipeline(data: string): Run {
  const out = mkdtempSync(join(tmpdir(), "churn-bench-scale-out-"));
  const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const args = [join(PROJECT_ROOT, "pipeline", "cli.ts"), "--data", data, "--out", out];
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const run = spawnSync(timed ? GNU_TIME : tsx, timed ? ["-f", "peak-rss-kb %M cpu-s %U %S", tsx, ...args] : args, {
    cwd: PROJECT_ROOT,
    encoding: "utf-8",
    env: { ...process.env, GEMINI_API_KEY: "" },
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - started) / 1000;
  try {
    if (run.status !== 0) throw new Error(`pipeline on ${data} failed:\n${run.stderr}`);
    const kb = /peak-rss-kb (\d+)/.exec(run.stderr);
    const cpu = /cpu-s ([\d.]+) ([\d.]+)/.exec(run.stderr);
    const artifactBytes: Record<string, number> = {};
    for (const file of readdirSync(out)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      artifactBytes[file] = statSync(join(out, file)).size;
    }
    return {
      seconds,
      peakRssBytes: kb ? Number(kb[1]) * 1024 : null,
      cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
      artifactBytes,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 100) / 100;

export default async function scaleBench(): Promise<BenchResult[]> {
  const peer = runPipeline(DEMO_DATA_PATH);
  const dir = mkdtempSync(join(tmpdir(), "churn-bench-scale-"));
  const results: BenchResult[] = [];
  try {
    for (const rows of SIZES) {
      const data = join(dir, `customers-${rows}.csv`);
      writeDemoCsv(data, rows, deriveSeed(DEMO_SEED, `scale-bench:${rows}`));
      const load = loadavg()[0];
      const run = runPipeline(data);
      rmSync(data, { force: true });
      // The Score page's model.json is the deployed model, whose size does not grow with the rows.
      const pageData = Object.entries(run.artifactBytes).filter(([file]) => file !== "model.json");
      const largest = pageData.reduce((a, b) => (b[1] > a[1] ? b : a), ["", 0]);
      const target = TARGET_S[rows] ?? null;
      results.push({
        name: `pipeline-${rows >= 1e6 ? `${rows / 1e6}m` : `${rows / 1e3}k`}`,
        rows,
        features: null,
        ours_s: Math.round(run.seconds * 10) / 10,
        peer: "the same pipeline on the 5,630-row demo table",
        peer_s: Math.round(peer.seconds * 10) / 10,
        ratio: Math.round((run.seconds / peer.seconds) * 100) / 100,
        ours_auc: null,
        peer_auc: null,
        extra: {
          target_s: target,
          target_met: target === null ? null : run.seconds <= target ? "yes" : "no",
          cpu_s: run.cpuSeconds === null ? null : Math.round(run.cpuSeconds),
          peer_cpu_s: peer.cpuSeconds === null ? null : Math.round(peer.cpuSeconds),
          peak_rss_gb: run.peakRssBytes === null ? null : Math.round((run.peakRssBytes / 1024 ** 3) * 100) / 100,
          peer_peak_rss_gb: peer.peakRssBytes === null ? null : Math.round((peer.peakRssBytes / 1024 ** 3) * 100) / 100,
          largest_page_data: `${largest[0]} ${mb(largest[1])} MB`,
          page_data_under_3mb: pageData.every(([, bytes]) => bytes < PAGE_DATA_TARGET_BYTES) ? "yes" : "no",
          artifacts_mb: pageData.map(([file, bytes]) => `${file} ${mb(bytes)}`).join(", "),
          model_json_mb: mb(run.artifactBytes["model.json"] ?? 0),
          load_1min_at_start: Math.round(load * 10) / 10,
          load_1min_at_end: Math.round(loadavg()[0] * 10) / 10,
        },
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
