// `npm run demo-data`: writes the embedded demo data to data/demo-churn.csv. Deterministic, so running it
// again must leave the committed file unchanged (the tests check that).
import { writeFileSync } from "node:fs";
import { DEMO_DATA_PATH } from "../settings.js";
import { DEMO_ROWS, DEMO_SEED, formatCsv, generateDemoRows } from "./generate.js";

const text = formatCsv(generateDemoRows(DEMO_SEED, DEMO_ROWS));
writeFileSync(DEMO_DATA_PATH, text);
process.stderr.write(`wrote ${DEMO_ROWS} rows (seed ${DEMO_SEED}) to ${DEMO_DATA_PATH}\n`);
