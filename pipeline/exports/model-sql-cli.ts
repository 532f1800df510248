// `npm run model-sql -- --model DIR --dialect bigquery`: model.sql again from a pipeline run's folder, for an
// engine that quotes names another way (the pipeline writes the standard dialect). Prints to stdout, or
// writes FILE whole (never half a file).
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeFailure } from "../failure.js";
import { readRunFolder } from "../read-run-folder.js";
import { writeFileAtomic } from "../write-atomic.js";
import { modelSql } from "./model-sql.js";
import { namesInFile } from "./names-in-file.js";
import { isSqlDialect, SQL_DIALECTS } from "./sql-dialect.js";
import { sqlTable } from "./sql-table.js";

const USAGE = `usage: npm run model-sql -- --model DIR [--dialect ${SQL_DIALECTS.join("|")}] [--out FILE]

  --model DIR   a folder written by npm run pipeline (reads model.json and summary.json)
  --dialect D   standard: DuckDB, PostgreSQL (the pipeline's model.sql); bigquery; spark (default standard)
  --out FILE    write the SQL here (default: standard output)`;

const log = (line: string) => process.stderr.write(line + "\n");

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
  const run = await readRunFolder(resolve(args.model));
  const sql = modelSql(run.bundle, sqlTable(run.schema, namesInFile(run)), { dialect });
  if (out) {
    writeFileAtomic(out, sql);
    log(`wrote ${out} (${dialect})`);
  } else process.stdout.write(sql);
} catch (error) {
  if (out) rmSync(`${out}.tmp-${process.pid}`, { force: true });
  log(describeFailure(error));
  process.exit(1);
}
