// Test-only CSV reader for the statistics tests: enough for the reference file (UTF-8 with a BOM, LF
// line ends, no quoted fields, blanks for missing values) and nothing more. The project's real reader
// (loaders/input/read-input.ts) validates and reports; this one only builds a ChurnTable.

import { readFileSync } from "node:fs";
import { SCHEMA, type CategoryColumn } from "../../src/lib/data/schema.js";
import type { ChurnTable } from "../../src/lib/data/table.js";

export function readChurnCsvForStats(path: string | URL): ChurnTable {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split("\n").filter((line) => line.length > 0);
  const header = lines[0].split(",");
  const rows = lines.slice(1).map((line) => line.split(","));
  const col = (name: string): string[] => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`column ${name} missing`);
    return rows.map((r) => r[j]);
  };
  const numeric: Record<string, Float64Array> = {};
  const category: Record<string, (string | null)[]> = {};
  for (const spec of SCHEMA) {
    if (spec.kind === "numeric") numeric[spec.name] = Float64Array.from(col(spec.name), (v) => (v === "" ? NaN : Number(v)));
    if (spec.kind === "category") {
      const c: CategoryColumn = spec;
      category[c.name] = col(c.name).map((v) => (v === "" ? null : c.variants[v] ?? v));
    }
  }
  return {
    nRows: rows.length,
    ids: col("CustomerID"),
    churn: Uint8Array.from(col("Churn"), Number),
    numeric,
    category,
    extra: {},
    sourceRows: Int32Array.from(rows, (_, i) => i + 2),
  };
}
