// Framework data loader: a sample file to try the scoring page with. On the Kaggle columns: every 28th
// customer of the generated demo data (200 rows, deterministic), without the Churn column, and with two blank
// cells where the data allows blanks (Tenure, OrderAmountHikeFromlastYear), as real files have them: synthetic
// customers only. On a table of another schema the demo's columns would be refused by the Score page, so the
// sample is up to 200 rows of the report's own CSV file, evenly spaced, as written there, without the churn
// column (a file of another format gets the demo sample, and the page's upload check says what it lacks).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ensurePipelineRun, readArtifact } from "../../pipeline/run-cached.js";
import { resolveSettings } from "../../pipeline/settings.js";
import { parseCsv } from "../lib/data/csv.js";
import { targetColumn, TARGET_COLUMN, type Schema } from "../lib/data/schema.js";
import { toCsv } from "../lib/scoring/csv-export.js";

function demoSample(): string {
  const path = fileURLToPath(new URL("../../data/demo-churn.csv", import.meta.url));
  const raw = parseCsv(readFileSync(path), "demo-churn.csv");
  const keep = raw.header.map((_, j) => j).filter((j) => raw.header[j] !== TARGET_COLUMN);
  const rows = raw.rows
    .filter((_, i) => i % 28 === 0)
    .slice(0, 200)
    .map((row) => keep.map((j) => row[j]));
  const blank = (r: number, column: string) => {
    const j = keep.findIndex((k) => raw.header[k] === column);
    if (rows[r] && j >= 0) rows[r][j] = "";
  };
  blank(3, "Tenure");
  blank(7, "OrderAmountHikeFromlastYear");
  return toCsv(
    keep.map((j) => raw.header[j]),
    rows,
  );
}

function ownSample(path: string, schema: Schema): string {
  const raw = parseCsv(readFileSync(path), path);
  const target = targetColumn(schema).name;
  const keep = raw.header.map((_, j) => j).filter((j) => raw.header[j].trim() !== target);
  const step = Math.max(1, Math.floor(raw.rows.length / 200));
  const rows = raw.rows
    .filter((_, i) => i % step === 0)
    .slice(0, 200)
    .map((row) => keep.map((j) => row[j] ?? ""));
  // Plain RFC 4180, not toCsv: its formula guard would turn a blank written "-" or a negative number into text.
  const field = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return [keep.map((j) => raw.header[j]), ...rows].map((r) => r.map(field).join(",")).join("\n") + "\n";
}

const settings = resolveSettings();
let schema: Schema | null = null;
if (!settings.demo && /\.csv$/i.test(settings.dataPath)) {
  const runDir = await ensurePipelineRun(settings, (line) => process.stderr.write(line + "\n"));
  schema = (JSON.parse(readArtifact(runDir, "summary")) as { schema?: Schema }).schema ?? null;
}
process.stdout.write(schema && schema.preset === null ? ownSample(settings.dataPath, schema) : demoSample());
