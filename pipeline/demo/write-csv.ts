// The demo generator's rows written to a file in batches of lines, so a table of a million customers (the
// scale benches' input, generated into a temporary folder, never committed) is not one string in memory.
import { closeSync, openSync, writeSync } from "node:fs";
import { formatCsvLines, generateDemoRows } from "./generate.js";

const BATCH = 10_000;

/** Writes `rows` demo customers drawn from `seed` to `path`; the bytes equal formatCsv of the same rows. */
export function writeDemoCsv(path: string, rows: number, seed: number): void {
  const data = generateDemoRows(seed, rows);
  const fd = openSync(path, "w");
  try {
    writeSync(fd, formatCsvLines([data.header]));
    for (let start = 0; start < data.rows.length; start += BATCH) {
      writeSync(fd, formatCsvLines(data.rows.slice(start, start + BATCH)));
    }
  } finally {
    closeSync(fd);
  }
}
