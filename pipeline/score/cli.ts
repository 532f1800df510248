// `npm run score -- --model DIR --data FILE --out FILE.csv`: batch scoring without a browser, for a nightly
// job. The checks and messages are the Score page's (see score-file.ts); on any failure it exits 1, names the
// file, column, line and value, and leaves no output file (not even an older one, which could pass for
// tonight's).
import { existsSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError } from "../../src/lib/data/errors.js";
import { parseCommandLine } from "../command-line.js";
import { describeFailure } from "../failure.js";
import { writeFileAtomic } from "../write-atomic.js";
import { scoreFile } from "./score-file.js";

const USAGE = `usage: npm run score -- --model DIR --data FILE --out FILE.csv [--threshold P] [--skip-invalid]

  --model DIR      a folder written by npm run pipeline (its model.json)
  --data FILE      the customers to score: CSV, XLSX or Parquet with the training file's columns (no churn needed)
  --out FILE.csv   where to write the scores (ID, probability, flagged, segment, segment_name)
  --threshold P    flag at this probability (default: model.json's threshold)
  --skip-invalid   leave out rows with bad values, as the Score page does, and list them (default: fail)`;

const log = (line: string) => process.stderr.write(line + "\n");

const { values: args, usageError } = parseCommandLine(
  {
    options: {
      model: { type: "string" },
      data: { type: "string" },
      out: { type: "string" },
      threshold: { type: "string" },
      "skip-invalid": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  },
  USAGE,
);
const missing = (["model", "data", "out"] as const).filter((name) => !args[name]);
if (missing.length > 0) usageError(`${missing.map((name) => `--${name}`).join(", ")} required`);
// Narrowed once here: the check above has already refused a missing one.
const modelArg = args.model ?? usageError("--model required");
const dataArg = args.data ?? usageError("--data required");
const outArg = args.out ?? usageError("--out required");
let threshold: number | undefined;
if (args.threshold !== undefined) {
  threshold = Number(args.threshold);
  if (args.threshold.trim() === "" || !(threshold >= 0 && threshold <= 1)) {
    usageError(`--threshold must be a probability from 0 to 1; got "${args.threshold}"`);
  }
}

const out = resolve(outArg);
if (out === resolve(dataArg)) {
  usageError(`--out ${outArg} is the input file; the scores need a file of their own`);
}
if (existsSync(out) && statSync(out).isDirectory()) {
  log(`error: --out ${outArg} is a folder; give a file name such as ${join(outArg, "scores.csv")}`);
  process.exit(2);
}
// writeFileAtomic's temporary file, removed if the write fails half way.
const temp = `${out}.tmp-${process.pid}`;
try {
  const scored = await scoreFile({
    modelDir: resolve(modelArg),
    dataPath: dataArg,
    threshold,
    skipInvalid: args["skip-invalid"] === true,
  });
  const { upload } = scored;
  for (const n of upload.cleaning.normalised)
    log(`cleaned: ${n.column} "${n.from}" read as "${n.to}" (${n.count} ${n.count === 1 ? "row" : "rows"})`);
  for (const note of upload.cleaning.notes) log(`note: ${note}`);
  if (upload.skipped.length > 0) {
    // Left out at the user's request: said in full, as the Score page lists them.
    log(
      InputError.fromIssues(
        dataArg,
        upload.skipped.flatMap((s) => s.issues),
      ).message.replace(/problems? in the input/, (m) => `${m}, left out (--skip-invalid)`),
    );
  }
  writeFileAtomic(out, scored.csv);
  log(
    `scored ${upload.table.nRows} of ${upload.rowsInFile} customers (${scored.flagged} flagged at ${scored.threshold}); wrote ${out}`,
  );
} catch (error) {
  rmSync(temp, { force: true });
  rmSync(out, { force: true });
  log(describeFailure(error));
  process.exit(1);
}
