// `npm run pipeline -- --data FILE --out DIR`: the report's pipeline without Framework. Writes every
// artifact as DIR/<name>.json and the exports (scores.csv) beside them. Teams use it to check a new data
// file and to take the model to their own systems; the tests use it too.
// On failure nothing is left in DIR that could be mistaken for this run's output; a run killed before it
// finished leaves DIR as it was (run-folder.ts).
import { resolve } from "node:path";
import { serialiseArtifact } from "./artifacts.js";
import { parseCommandLine } from "./command-line.js";
import { describeFailure } from "./failure.js";
import { runPipeline } from "./pipeline.js";
import { checkRunFolder, removeRunOutputs, writeRunFolder } from "./run-folder.js";
import { resolveSettings } from "./settings.js";

const USAGE = `usage: npm run pipeline -- --data FILE --out DIR [--test-ids FILE] [--seed N] [--k N]
         [--target COL] [--positive VALUE] [--id COL] [--config FILE] [--sheet NAME] [--baseline DIR]

  --data FILE      input CSV, XLSX or Parquet (default: CHURN_DATA, else the embedded demo data)
  --out DIR        folder for the JSON artifacts and scores.csv (created if missing)
  --test-ids FILE  JSON array of customer IDs to hold out as the test set
  --seed N         random seed (default 42)
  --k N            number of customer segments (default 6)
  --target COL     the churn column (default: inferred, e.g. a two-valued column named Churn or Exited)
  --positive VALUE the target's value that means the customer left (default: inferred: 1, yes, true, …)
  --id COL         the customer ID column (default: inferred; without one, customers are named by line)
  --config FILE    JSON schema settings: column kinds and descriptions, drops, merges, hypotheses, roles
  --sheet NAME     the workbook sheet to read (default: CHURN_SHEET, else the sheet that looks most like
                   the customer table, named in the notes with the others passed over)

  --baseline DIR   a previous run's output folder (or a built site) to compare with: writes changes.json;
                   a file without a Churn column is then scored with the baseline's model (default: CHURN_BASELINE)`;

const log = (line: string) => process.stderr.write(line + "\n");

const { values: args, usageError } = parseCommandLine(
  {
    options: {
      data: { type: "string" },
      out: { type: "string" },
      "test-ids": { type: "string" },
      seed: { type: "string" },
      k: { type: "string" },
      target: { type: "string" },
      positive: { type: "string" },
      id: { type: "string" },
      config: { type: "string" },
      sheet: { type: "string" },
      baseline: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  },
  USAGE,
);
const outDir = resolve(args.out ?? usageError("--out DIR is required"));

try {
  checkRunFolder(outDir);
} catch (error) {
  log(`error: ${(error as Error).message}`);
  process.exit(1);
}

try {
  const settings = resolveSettings({
    data: args.data,
    testIds: args["test-ids"],
    seed: args.seed,
    k: args.k,
    target: args.target,
    positive: args.positive,
    id: args.id,
    config: args.config,
    sheet: args.sheet,
    baseline: args.baseline,
  });
  const { artifacts, exports } = await runPipeline(settings, log, { exports: true });
  const files: [string, string][] = [
    ...Object.entries(artifacts).map(([name, value]): [string, string] => [`${name}.json`, serialiseArtifact(value)]),
    ...Object.entries(exports),
  ];
  writeRunFolder(outDir, files);
  log(`wrote ${files.map(([name]) => name).join(", ")} to ${outDir}`);
} catch (error) {
  removeRunOutputs(outDir);
  log(describeFailure(error));
  process.exit(1);
}
