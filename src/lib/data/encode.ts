// The model preprocessing as data: fitted on training rows only (medians, category lists), exported as JSON
// with the model, and applied by the same function in the pipeline and in the browser's scoring page.
// A column whose blank means something (the Kaggle preset's "no purchase last year") names a 0/1 feature
// of its own in the schema (missingFlag), added before the blank is filled.
import { createMatrix, type FeatureMatrix } from "../matrix.js";
import { featureColumns } from "./schema.js";
import type { ChurnTable } from "./table.js";
import { median } from "../stats/quantile.js";

export type EncodedFeature =
  | { readonly kind: "numeric"; readonly name: string; readonly column: string; readonly median: number }
  | { readonly kind: "missing-flag"; readonly name: string; readonly column: string }
  | { readonly kind: "one-hot"; readonly name: string; readonly column: string; readonly value: string };

export interface EncoderSpec {
  readonly version: 1;
  /** One entry per output column, in output order. */
  readonly features: readonly EncodedFeature[];
  readonly featureNames: readonly string[];
  /** Training rows the statistics came from. */
  readonly fittedOn: number;
}

export interface EncodeOptions {
  /** Fill blanks with the training medians (models that need complete rows); false keeps NaN (trees route them). */
  readonly impute: boolean;
}

/** Learns the preprocessing from the given rows (all rows when omitted). Column order follows the schema. */
export function fitEncoder(table: ChurnTable, rows?: ArrayLike<number>): EncoderSpec {
  const use = rows ?? Int32Array.from({ length: table.nRows }, (_, i) => i);
  const features: EncodedFeature[] = [];
  for (const spec of featureColumns(table.schema)) {
    if (spec.kind === "numeric") {
      const column = table.numeric[spec.name];
      if (!column) throw new Error(`fitEncoder: table has no column ${spec.name}`);
      const present: number[] = [];
      for (let k = 0; k < use.length; k++) {
        const v = column[use[k]];
        if (!Number.isNaN(v)) present.push(v);
      }
      features.push({ kind: "numeric", name: spec.name, column: spec.name, median: present.length > 0 ? median(present) : 0 });
      if (spec.missingFlag) features.push({ kind: "missing-flag", name: spec.missingFlag, column: spec.name });
    } else {
      for (const value of spec.values) features.push({ kind: "one-hot", name: `${spec.name}=${value}`, column: spec.name, value });
    }
  }
  return { version: 1, features, featureNames: features.map((f) => f.name), fittedOn: use.length };
}

/** The feature matrix of every row of the table under a fitted spec. */
export function encode(table: ChurnTable, spec: EncoderSpec, options: EncodeOptions): FeatureMatrix {
  const matrix = createMatrix(table.nRows, spec.featureNames);
  const { nCols, values } = matrix;
  spec.features.forEach((feature, j) => {
    if (feature.kind === "one-hot") {
      const column = table.category[feature.column];
      if (!column) throw new Error(`encode: table has no column ${feature.column}`);
      // A blank category is unknown, not "none of these": NaN for trees, all zeros when imputing.
      for (let i = 0; i < table.nRows; i++) {
        values[i * nCols + j] = column[i] === null ? (options.impute ? 0 : NaN) : column[i] === feature.value ? 1 : 0;
      }
      return;
    }
    const column = table.numeric[feature.column];
    if (!column) throw new Error(`encode: table has no column ${feature.column}`);
    for (let i = 0; i < table.nRows; i++) {
      const v = column[i];
      if (feature.kind === "missing-flag") values[i * nCols + j] = Number.isNaN(v) ? 1 : 0;
      else values[i * nCols + j] = Number.isNaN(v) && options.impute ? feature.median : v;
    }
  });
  return matrix;
}
