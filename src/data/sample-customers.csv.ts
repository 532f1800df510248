// Framework data loader: a sample file to try the scoring page with. Every 28th customer of the generated
// demo data (200 rows, deterministic), without the Churn column, and with two blank cells where the data
// allows blanks (Tenure, OrderAmountHikeFromlastYear), as real files have them. Synthetic customers only.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../lib/data/csv.js";
import { TARGET_COLUMN } from "../lib/data/schema.js";
import { toCsv } from "../lib/scoring/csv-export.js";

const path = fileURLToPath(new URL("../../data/demo-churn.csv", import.meta.url));
const raw = parseCsv(readFileSync(path), "demo-churn.csv");
const keep = raw.header.map((_, j) => j).filter((j) => raw.header[j] !== TARGET_COLUMN);
const rows = raw.rows.filter((_, i) => i % 28 === 0).slice(0, 200).map((row) => keep.map((j) => row[j]));
const blank = (r: number, column: string) => {
  const j = keep.findIndex((k) => raw.header[k] === column);
  if (rows[r] && j >= 0) rows[r][j] = "";
};
blank(3, "Tenure");
blank(7, "OrderAmountHikeFromlastYear");
process.stdout.write(toCsv(keep.map((j) => raw.header[j]), rows));
