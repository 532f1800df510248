// `npm run demo-data`: writes the embedded demo data to data/demo-churn.csv. Deterministic, so running it
// again must leave the committed file unchanged (the tests check that).
// `npm run demo-data -- --rows N [--seed N] --out FILE`: a larger synthetic table of the same kind (the scale
// benches' input), written to FILE; never committed.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_DATA_PATH } from "../settings.js";
import { DEMO_ROWS, DEMO_SEED, formatCsv, generateDemoRows } from "./generate.js";
import { writeDemoCsv } from "./write-csv.js";

const USAGE = "usage: npm run demo-data [-- --rows N --out FILE [--seed N]]";
const { values } = parseArgs({
  options: { rows: { type: "string" }, seed: { type: "string" }, out: { type: "string" } },
});

if (values.rows === undefined && values.out === undefined && values.seed === undefined) {
  const text = formatCsv(generateDemoRows(DEMO_SEED, DEMO_ROWS));
  writeFileSync(DEMO_DATA_PATH, text);
  process.stderr.write(`wrote ${DEMO_ROWS} rows (seed ${DEMO_SEED}) to ${DEMO_DATA_PATH}\n`);
} else {
  const rows = Number(values.rows);
  const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
  if (!values.out || !Number.isInteger(rows) || rows < 10 || !Number.isInteger(seed)) {
    process.stderr.write(`error: --rows (a whole number, at least 10) and --out are required together\n${USAGE}\n`);
    process.exit(2);
  }
  writeDemoCsv(values.out, rows, seed);
  process.stderr.write(`wrote ${rows} rows (seed ${seed}) to ${values.out}\n`);
}
