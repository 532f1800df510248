// `npm run model-sql -- --model DIR --dialect bigquery`: model.sql again from a pipeline run's model.json, for
// an engine that quotes names another way (the pipeline writes the standard dialect). DIR/summary.json gives
// the input file's own column names. Prints to stdout, or writes FILE whole (never half a file).
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../../src/lib/data/errors.js";
import type { Summary } from "../../src/lib/data/summary.js";
import { readModelBundle, type ModelBundle } from "../../src/lib/scoring/bundle.js";
import { describeFailure } from "../failure.js";
import { modelSql } from "./model-sql.js";
import { namesInFile } from "./names-in-file.js";
import { isSqlDialect, SQL_DIALECTS } from "./sql-dialect.js";
import { scoringTable } from "./sql-table.js";

const USAGE = `usage: npm run model-sql -- --model DIR [--dialect ${SQL_DIALECTS.join("|")}] [--out FILE]

  --model DIR   a folder written by npm run pipeline (reads model.json and summary.json)
  --dialect D   standard: DuckDB, PostgreSQL (the pipeline's model.sql); bigquery; spark (default standard)
  --out FILE    write the SQL here (default: standard output)`;

const log = (line: string) => process.stderr.write(line + "\n");

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf-8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw InputError.fileProblem(
      path,
      code === "ENOENT" ? "not found: run npm run pipeline first" : (error as Error).message,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw InputError.fileProblem(path, `is not valid JSON: ${(error as Error).message}`);
  }
}

let args;
try {
  args = parseArgs({
    options: {
      model: { type: "string" },
      dialect: { type: "string", default: "standard" },
      out: { type: "string" },
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
const dialect = args.dialect ?? "standard";
if (!args.model || !isSqlDialect(dialect)) {
  log(`error: ${args.model ? `unknown dialect ${JSON.stringify(dialect)}` : "--model DIR is required"}\n\n${USAGE}`);
  process.exit(2);
}

const out = args.out ? resolve(args.out) : null;
try {
  const dir = resolve(args.model);
  const modelPath = join(dir, "model.json");
  let bundle: ModelBundle;
  try {
    bundle = readModelBundle(readJson(modelPath));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw InputError.fileProblem(modelPath, `is not a model bundle: ${(error as Error).message}`);
  }
  const summary = readJson(join(dir, "summary.json")) as Partial<Pick<Summary, "columns">>;
  const renamedColumns = (summary.columns ?? []).flatMap((c) =>
    c.nameInFile ? [{ from: c.nameInFile, to: c.name }] : [],
  );
  const sql = modelSql(bundle, scoringTable(namesInFile({ renamedColumns })), { dialect });
  if (out) {
    writeFileSync(`${out}.tmp-${process.pid}`, sql);
    renameSync(`${out}.tmp-${process.pid}`, out);
    log(`wrote ${out} (${dialect})`);
  } else process.stdout.write(sql);
} catch (error) {
  if (out) rmSync(`${out}.tmp-${process.pid}`, { force: true });
  log(describeFailure(error));
  process.exit(1);
}
