// `npm run model-sql -- --model DIR --dialect bigquery`: model.sql again from a pipeline run's folder, for an
// engine that quotes names another way (the pipeline writes the standard dialect). Prints to stdout, or
// writes FILE whole (never half a file).
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseCommandLine } from "../command-line.js";
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

const { values: args, usageError } = parseCommandLine(
  {
    options: {
      model: { type: "string" },
      dialect: { type: "string", default: "standard" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  },
  USAGE,
);
const model = args.model ?? usageError("--model DIR is required");
const requested = args.dialect ?? "standard";
const dialect = isSqlDialect(requested) ? requested : usageError(`unknown dialect ${JSON.stringify(requested)}`);

const out = args.out ? resolve(args.out) : null;
try {
  const run = await readRunFolder(resolve(model));
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
