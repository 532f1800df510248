// The cleaned data as the rest of the pipeline sees it: one typed column per schema column.
// Built by validation (src/lib/data/validate.ts) from raw cells; read by everything downstream. The table
// carries its schema, so every stage that reads the columns knows what they are.
import type { Schema } from "./schema.js";
import { keyedRecord } from "./keyed-record.js";

export interface ChurnTable {
  readonly schema: Schema;
  readonly nRows: number;
  /** CustomerID as written in the file (kept as text so IDs like "00042" survive). */
  readonly ids: readonly string[];
  /** 0 stayed, 1 churned; null when the file has no Churn column (scoring uploads). */
  readonly churn: Uint8Array | null;
  /** Numeric schema columns; NaN marks a blank cell. */
  readonly numeric: Readonly<Record<string, Float64Array>>;
  /** Category schema columns with spellings normalised to canonical values; null marks a blank cell. */
  readonly category: Readonly<Record<string, readonly (string | null)[]>>;
  /** Columns not in the schema, carried along as text and reported. */
  readonly extra: Readonly<Record<string, readonly string[]>>;
  /** For each row, its line number in the input (header = 1, first data row = 2), for messages. */
  readonly sourceRows: Int32Array;
}

/** Rows at the given indices, in that order. */
export function selectTableRows(table: ChurnTable, indices: ArrayLike<number>): ChurnTable {
  const n = indices.length;
  const pick = <T>(a: readonly T[]): T[] => Array.from({ length: n }, (_, k) => a[indices[k]]);
  const numeric = keyedRecord<Float64Array>();
  for (const [name, col] of Object.entries(table.numeric)) {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = col[indices[k]];
    numeric[name] = out;
  }
  const category = keyedRecord<(string | null)[]>();
  for (const [name, col] of Object.entries(table.category)) category[name] = pick(col);
  const extra = keyedRecord<string[]>();
  for (const [name, col] of Object.entries(table.extra)) extra[name] = pick(col);
  let churn: Uint8Array | null = null;
  if (table.churn) {
    churn = new Uint8Array(n);
    for (let k = 0; k < n; k++) churn[k] = table.churn[indices[k]];
  }
  const sourceRows = new Int32Array(n);
  for (let k = 0; k < n; k++) sourceRows[k] = table.sourceRows[indices[k]];
  return { schema: table.schema, nRows: n, ids: pick(table.ids), churn, numeric, category, extra, sourceRows };
}
