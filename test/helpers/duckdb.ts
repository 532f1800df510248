// model.sql run the way a team would run it: DuckDB (in process, from the registry's @duckdb/node-api) reads a
// customer file into a table named customers, then runs the file's SELECT.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseCsv } from "../../src/lib/data/csv.js";

export interface SqlScore {
  readonly id: string;
  readonly probability: number | null;
  readonly flagged: number | null;
  readonly segment: number | null;
  readonly segmentName: string | null;
  readonly problem: string | null;
}

export interface LoadOptions {
  /** Column types for read_csv (names as in the file); the rest are detected. Default: all detected. */
  readonly types?: Readonly<Record<string, string>>;
}

const text = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Runs `sql` over `csvPath` loaded as the table customers; one result per row, the ID as text. */
export async function runModelSql(
  csvPath: string,
  sql: string,
  idColumn: string,
  options: LoadOptions = {},
): Promise<SqlScore[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const types = options.types
      ? `, types = {${Object.entries(options.types)
          .map(([name, type]) => `${text(name)}: ${text(type)}`)
          .join(", ")}}`
      : "";
    await connection.run(`CREATE TABLE customers AS SELECT * FROM read_csv(${text(csvPath)}${types})`);
    const reader = await connection.runAndReadAll(sql);
    const out: SqlScore[] = [];
    for (const row of reader.getRowObjectsJS()) {
      const id = String(row[idColumn]);
      const number = (v: unknown) => (v === null ? null : Number(v));
      out.push({
        id,
        probability: number(row.probability),
        flagged: number(row.flagged),
        segment: number(row.segment),
        segmentName: row.segment_name === null ? null : String(row.segment_name),
        problem: row.problem === null ? null : String(row.problem),
      });
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The rows by ID; throws on an ID twice (the comparisons need one row per customer). */
export function byId(rows: readonly SqlScore[]): Map<string, SqlScore> {
  const out = new Map(rows.map((r) => [r.id, r]));
  if (out.size !== rows.length) throw new Error(`${rows.length - out.size} IDs appear more than once`);
  return out;
}

/** The column names DuckDB gives a file read with these options, and their types. */
export async function describeCsv(csvPath: string): Promise<Record<string, string>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${text(csvPath)})`);
    return Object.fromEntries(reader.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** DIR/model.sql run over the input file in DuckDB against DIR/scores.csv, customer by customer. */
export async function assertSqlMatchesScores(dir: string, data: string): Promise<void> {
  const scores = parseCsv(readFileSync(join(dir, "scores.csv")), "scores.csv");
  const sql = byId(await runModelSql(data, readFileSync(join(dir, "model.sql"), "utf-8"), scores.header[0]));
  assert.equal(sql.size, scores.rows.length);
  let worst = 0;
  for (const [id, probability, flagged, segment, name] of scores.rows) {
    const row = sql.get(id);
    assert.ok(row, `model.sql returned no row for ${id}`);
    assert.equal(row.problem, null, `${id}: ${row.problem}`);
    const difference = Math.abs((row.probability as number) - Number(probability));
    worst = Math.max(worst, difference);
    assert.ok(difference <= 1e-9, `${id}: model.sql ${row.probability}, scores.csv ${probability}`);
    assert.equal(row.flagged, Number(flagged), `${id}: flagged`);
    assert.equal(row.segment, Number(segment), `${id}: segment`);
    assert.equal(row.segmentName, name);
  }
  // BigQuery refuses a query longer than 1,024K characters; the other dialects quote alike, so one size.
  const length = readFileSync(join(dir, "model.sql"), "utf-8").length;
  assert.ok(length < 1024 * 1024, `model.sql is ${length} characters`);
  process.stderr.write(
    `model.sql against scores.csv: ${scores.rows.length} customers, largest difference ${worst}; ${length} characters\n`,
  );
}

/** Writes a Parquet file with DuckDB: `select` over the table `t` (the CSV as read_csv types it). */
export async function writeParquet(
  csvPath: string,
  parquetPath: string,
  options: { readonly select?: string; readonly compression?: string } = {},
): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv(${text(csvPath)})`);
    const select = options.select ?? "SELECT * FROM t";
    await connection.run(
      `COPY (${select}) TO ${text(parquetPath)} (FORMAT parquet, COMPRESSION ${options.compression ?? "snappy"})`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
