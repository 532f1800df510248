// Median imputation and standardisation for the models that need complete, comparable features
// (logistic regression, k-nearest neighbours, the SVM). Fitted inside each model's training, so a CV fold's
// statistics come from that fold's training rows only.
import type { FeatureMatrix } from "../matrix.js";
import type { RowScaler } from "./types.js";
import { median } from "../stats/quantile.js";

export function fitRowScaler(X: FeatureMatrix): RowScaler {
  const { nRows, nCols, values } = X;
  const fill: number[] = [];
  const mean: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < nCols; j++) {
    const present: number[] = [];
    for (let i = 0; i < nRows; i++) {
      const v = values[i * nCols + j];
      if (v === v) present.push(v);
    }
    // A column blank in every row is filled with 0.
    const f = present.length > 0 ? median(present) : 0;
    let sum = 0;
    for (let i = 0; i < nRows; i++) {
      const v = values[i * nCols + j];
      sum += v === v ? v : f;
    }
    const m = nRows ? sum / nRows : 0;
    let ss = 0;
    for (let i = 0; i < nRows; i++) {
      const v = values[i * nCols + j];
      const d = (v === v ? v : f) - m;
      ss += d * d;
    }
    const sd = nRows ? Math.sqrt(ss / nRows) : 0;
    fill.push(f);
    mean.push(m);
    // A constant column carries no information; scale 1 keeps it at zero instead of dividing by zero.
    scale.push(sd > 1e-12 ? sd : 1);
  }
  return { fill, mean, scale };
}

/** Rows with blanks filled, not standardised (what KNN and SVM exports store). */
export function imputeRows(X: FeatureMatrix, scaler: RowScaler): Float64Array {
  const { nRows, nCols, values } = X;
  const out = new Float64Array(nRows * nCols);
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) {
      const v = values[i * nCols + j];
      out[i * nCols + j] = v === v ? v : scaler.fill[j];
    }
  }
  return out;
}

/** Standardised rows of a row-major array (blanks filled first). */
function scaleValues(values: ArrayLike<number>, nCols: number, scaler: RowScaler): Float64Array {
  const out = new Float64Array(values.length);
  const { fill, mean, scale } = scaler;
  for (let at = 0; at < values.length; at++) {
    const j = at % nCols;
    const v = values[at];
    out[at] = ((v === v ? v : fill[j]) - mean[j]) / scale[j];
  }
  return out;
}

export function scaleRows(X: FeatureMatrix, scaler: RowScaler): Float64Array {
  return scaleValues(X.values, X.nCols, scaler);
}

/**
 * A getter for the standardised form of rows a model stores (KNN's training rows, the SVM's support vectors),
 * computed on first use and kept per model object: every scoring call, chunk or permutation reuses it.
 */
export function storedRowsScaled<M extends { readonly featureNames: readonly string[]; readonly scaler: RowScaler }>(
  stored: (model: M) => ArrayLike<number>,
): (model: M) => Float64Array {
  const cache = new WeakMap<M, Float64Array>();
  return (model) => {
    let cached = cache.get(model);
    if (!cached) {
      cached = scaleValues(stored(model), model.featureNames.length, model.scaler);
      cache.set(model, cached);
    }
    return cached;
  };
}

export function checkFeatures(expected: readonly string[], X: FeatureMatrix, what: string): void {
  if (X.nCols !== expected.length) throw new Error(`${what} expects ${expected.length} features, got ${X.nCols}`);
}
