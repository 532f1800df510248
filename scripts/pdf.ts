// `npm run pdf -- --out FILE [--lang en|ko]`: the built report (dist/, or CHURN_DIST) printed into one PDF by
// Debian's Chromium (or CHROMIUM_PATH), every page in the sidebar's order with its interactive parts at their
// defaults. Nothing is written unless the whole PDF is.
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { LANGUAGES, printReport, PrintError, type Language } from "./print-report.js";

const USAGE = "usage: npm run pdf -- --out FILE [--lang en|ko]";

function fail(message: string): never {
  console.error(`pdf: ${message}`);
  process.exit(1);
}

let values: { out?: string; lang?: string };
try {
  ({ values } = parseArgs({ options: { out: { type: "string" }, lang: { type: "string", default: "en" } } }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (!values.out) fail(`--out FILE is required\n${USAGE}`);
const lang = values.lang ?? "en";
if (!LANGUAGES.includes(lang as Language))
  fail(`--lang must be one of ${LANGUAGES.join(", ")}, not ${JSON.stringify(lang)}`);
const dist = process.env.CHURN_DIST ? resolve(process.env.CHURN_DIST) : join(PROJECT_ROOT, "dist");
const out = resolve(values.out);

try {
  const { pages } = await printReport({ dist, lang: lang as Language, out, log: (line) => console.error(line) });
  console.error(`pdf: ${pages} pages of ${dist} printed to ${out}`);
} catch (error) {
  fail(
    error instanceof PrintError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error),
  );
}
