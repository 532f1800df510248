// The cleaned table as JSON, for the pages: the browser runs the hypothesis tests and the explorers on the
// same cleaned values the pipeline used. NaN is not JSON, so blanks travel as null and come back as NaN.
import { KAGGLE_ECOMMERCE } from "./presets/kaggle-ecommerce.js";
import type { Schema } from "./schema.js";
import type { ChurnTable } from "./table.js";

export interface CleanedArtifact {
  readonly nRows: number;
  readonly ids: readonly string[];
  readonly churn: readonly number[] | null;
  readonly numeric: Readonly<Record<string, readonly (number | null)[]>>;
  readonly category: Readonly<Record<string, readonly (string | null)[]>>;
  /** For each row, the index of the earlier row it duplicates (ignoring the ID), or -1. */
  readonly duplicateOf: readonly number[];
}

export function toCleanedArtifact(table: ChurnTable, duplicateOf: ArrayLike<number>): CleanedArtifact {
  const numeric: Record<string, (number | null)[]> = {};
  for (const [name, column] of Object.entries(table.numeric)) {
    numeric[name] = Array.from(column, (v) => (Number.isNaN(v) ? null : v));
  }
  return {
    nRows: table.nRows,
    ids: table.ids,
    churn: table.churn ? Array.from(table.churn) : null,
    numeric,
    category: table.category,
    duplicateOf: Array.from(duplicateOf),
  };
}

/** The table again, under the schema it was cleaned with (summary.json's `schema`). */
export function fromCleanedArtifact(artifact: CleanedArtifact, schema: Schema = KAGGLE_ECOMMERCE): ChurnTable {
  const numeric: Record<string, Float64Array> = {};
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
