// Small tables for the model tests: the project's demo generator (with its copies, blanks and variant
// spellings) run through the real data stage, so the tests see what the pipeline sees.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateDemoRows, formatCsv } from "../pipeline/demo/generate.js";
import { parseCsv } from "../src/lib/data/csv.js";
import { findDuplicates } from "../src/lib/data/duplicates.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { validateRawTable } from "../src/lib/data/validate.js";

export interface Fixture {
  readonly table: ChurnTable;
  readonly duplicateOf: Int32Array;
}

function fromCsv(text: string, file: string): Fixture {
  const { table } = validateRawTable(parseCsv(text, file), { requireTarget: true });
  return { table, duplicateOf: findDuplicates(table).duplicateOf };
}

export function demoFixture(rows: number, seed = 7): Fixture {
  return fromCsv(formatCsv(generateDemoRows(seed, rows)), "demo.csv");
}

const SHARED = new URL("../../shared/", import.meta.url);
export const REAL_DATA = fileURLToPath(new URL("data/ecommerce-churn.csv", SHARED));
export const REFERENCE_TEST_IDS = fileURLToPath(new URL("reference/test-ids-dedup.json", SHARED));

/** Why real-data tests skip, or false when the reference data is there. */
export function realDataMissing(): string | false {
  return existsSync(REAL_DATA) && existsSync(REFERENCE_TEST_IDS)
    ? false
    : `reference data not found at ${fileURLToPath(SHARED)}`;
}

export function realFixture(): Fixture {
  return fromCsv(readFileSync(REAL_DATA, "utf8"), "ecommerce-churn.csv");
}
