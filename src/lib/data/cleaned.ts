// The cleaned table as JSON, for the pages: the browser runs the hypothesis tests and the explorers on the
// same cleaned values the pipeline used. NaN is not JSON, so blanks travel as null and come back as NaN.
import { deriveSeed } from "../random.js";
import { keyedRecord } from "./keyed-record.js";
import { KAGGLE_ECOMMERCE } from "./presets/kaggle-ecommerce.js";
import type { Schema } from "./schema.js";
import { distinctRows, stratifiedSplit } from "./split.js";
import type { ChurnTable } from "./table.js";

export interface CleanedArtifact {
  readonly nRows: number;
  readonly ids: readonly string[];
  readonly churn: readonly number[] | null;
  readonly numeric: Readonly<Record<string, readonly (number | null)[]>>;
  readonly category: Readonly<Record<string, readonly (string | null)[]>>;
  /** For each row, the index of the earlier row it duplicates (ignoring the ID), or -1. */
  readonly duplicateOf: readonly number[];
  /**
   * Present only when the table had more distinct customers than the pages are sent (CLEANED_SAMPLE_CAP):
   * the rows are then a seeded sample of the distinct customers, stratified by churn, each with its copies,
   * in file order; `rows` and `distinct` count the whole table.
   */
  readonly sample?: { readonly rows: number; readonly distinct: number; readonly seed: number };
}

/**
 * Distinct customers the pages receive whole; above it, a sample of this many (and their copies), so what the
 * Exploration and Hypotheses pages download stays a few megabytes at any size.
 */
export const CLEANED_SAMPLE_CAP = 20_000;

export interface CleanedOptions {
  /** Seed of the sample (the run's seed). */
  readonly seed?: number;
  readonly sampleCap?: number;
}

export function toCleanedArtifact(
  table: ChurnTable,
  duplicateOf: ArrayLike<number>,
  options: CleanedOptions = {},
): CleanedArtifact {
  const seed = options.seed ?? 0;
  const distinct = distinctRows(duplicateOf);
  const cap = options.sampleCap ?? CLEANED_SAMPLE_CAP;
  const rows = distinct.length > cap ? sampleWithCopies(table, duplicateOf, distinct, cap, seed) : null;
  const pick = <T>(values: ArrayLike<T>): T[] => (rows ? Array.from(rows, (r) => values[r]) : Array.from(values));
  // Built from entries, so a column named "__proto__" (an inferred schema's) is a key like any other in the JSON.
  const numeric = Object.fromEntries(
    Object.entries(table.numeric).map(([name, column]) => [name, pick(column).map((v) => (Number.isNaN(v) ? null : v))]),
  );
  const category = Object.fromEntries(
    Object.entries(table.category).map(([name, column]) => [name, rows ? pick(column) : column]),
  );
  let copies: number[];
  if (rows) {
    // Copies point at their original's place in the sample, which is always there and earlier.
    const at = new Map<number, number>();
    rows.forEach((r, k) => at.set(r, k));
    copies = Array.from(rows, (r) => (duplicateOf[r] === -1 ? -1 : at.get(duplicateOf[r])!));
  } else copies = Array.from(duplicateOf);
  return {
    nRows: rows ? rows.length : table.nRows,
    ids: rows ? pick(table.ids) : table.ids,
    churn: table.churn ? pick(table.churn) : null,
    numeric,
    category,
    duplicateOf: copies,
    ...(rows ? { sample: { rows: table.nRows, distinct: distinct.length, seed } } : {}),
  };
}

/** `cap` distinct rows, stratified by churn where there is one, with every copy of them; ascending. */
function sampleWithCopies(
  table: ChurnTable,
  duplicateOf: ArrayLike<number>,
  distinct: Int32Array,
  cap: number,
  seed: number,
): Int32Array {
  const labels = table.churn ?? new Uint8Array(table.nRows);
  const chosen = stratifiedSplit(labels, distinct, (cap - 0.5) / distinct.length, deriveSeed(seed, "cleaned-sample")).test;
  const inSample = new Uint8Array(table.nRows);
  for (const r of chosen) inSample[r] = 1;
  const out: number[] = [];
  for (let r = 0; r < table.nRows; r++) {
    const original = duplicateOf[r];
    if (inSample[r] || (original !== -1 && inSample[original])) out.push(r);
  }
  return Int32Array.from(out);
}

/** The table again, under the schema it was cleaned with (summary.json's `schema`). */
export function fromCleanedArtifact(artifact: CleanedArtifact, schema: Schema = KAGGLE_ECOMMERCE): ChurnTable {
  const numeric = keyedRecord<Float64Array>();
  for (const [name, column] of Object.entries(artifact.numeric)) {
    numeric[name] = Float64Array.from(column, (v) => (v === null ? NaN : v));
  }
  return {
    schema,
    nRows: artifact.nRows,
    ids: artifact.ids,
    churn: artifact.churn ? Uint8Array.from(artifact.churn) : null,
    numeric,
    category: artifact.category,
    extra: {},
    sourceRows: Int32Array.from({ length: artifact.nRows }, (_, i) => i + 2),
  };
}
