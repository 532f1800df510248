// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints a table and
// writes bench-results.json. Figures, not pass/fail: the targets are read off the table by a person.
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchResult } from "./types.js";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
  results.push(...(await module.default()));
}

const fmt = (x: number | null, digits = 3) => (x === null ? "–" : x.toFixed(digits));
const rows = results.map((r) => [
  r.name,
  String(r.rows ?? "–"),
  String(r.features ?? "–"),
  fmt(r.ours_s),
  r.peer ?? "–",
  fmt(r.peer_s),
  fmt(r.ratio, 2),
  fmt(r.ours_auc, 4),
  fmt(r.peer_auc, 4),
]);
const header = ["name", "rows", "features", "ours_s", "peer", "peer_s", "ratio", "ours_auc", "peer_auc"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
console.log(line(header));
for (const r of rows) console.log(line(r));
for (const r of results) if (r.extra) console.log(`${r.name}: ${JSON.stringify(r.extra)}`);
writeFileSync(join(here, "..", "bench-results.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`wrote bench-results.json (${results.length} cases)`);
