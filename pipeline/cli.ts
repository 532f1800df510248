// `npm run pipeline -- --data FILE --out DIR`: the report's pipeline without Framework. Writes every
// artifact as DIR/<name>.json. Teams use it to check a new data file; the tests use it too.
// On failure nothing is left in DIR that could be mistaken for this run's output.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ARTIFACT_NAMES, serialiseArtifact } from "./artifacts.js";
import { describeFailure } from "./failure.js";
import { runPipeline } from "./pipeline.js";
import { resolveSettings } from "./settings.js";

const USAGE = `usage: npm run pipeline -- --data FILE --out DIR [--test-ids FILE] [--seed N] [--k N]

  --data FILE      input CSV or XLSX (default: CHURN_DATA, else the embedded demo data)
  --out DIR        folder for the JSON artifacts (created if missing)
  --test-ids FILE  JSON array of customer IDs to hold out as the test set
  --seed N         random seed (default 42)
  --k N            number of customer segments (default 6)`;

const log = (line: string) => process.stderr.write(line + "\n");

let args;
try {
  args = parseArgs({
    options: {
      data: { type: "string" },
      out: { type: "string" },
      "test-ids": { type: "string" },
      seed: { type: "string" },
      k: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (error) {
  log(`error: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  log(USAGE);
  process.exit(0);
}
if (!args.out) {
  log(`error: --out DIR is required\n\n${USAGE}`);
  process.exit(2);
}
const outDir = resolve(args.out);

function removeOurArtifacts(): void {
  for (const name of ARTIFACT_NAMES) rmSync(join(outDir, `${name}.json`), { force: true });
}

try {
  const settings = resolveSettings({ data: args.data, testIds: args["test-ids"], seed: args.seed, k: args.k });
  const artifacts = await runPipeline(settings, log);
  mkdirSync(outDir, { recursive: true });
  removeOurArtifacts();
  for (const [name, value] of Object.entries(artifacts)) {
    const path = join(outDir, `${name}.json`);
    writeFileSync(`${path}.tmp-${process.pid}`, serialiseArtifact(value));
    renameSync(`${path}.tmp-${process.pid}`, path);
  }
  log(
    `wrote ${Object.keys(artifacts)
      .map((name) => `${name}.json`)
      .join(", ")} to ${outDir}`,
  );
} catch (error) {
  removeOurArtifacts();
  log(describeFailure(error));
  process.exit(1);
}
