// The one numeric shape every model trains on and scores from: a dense row-major matrix of doubles.
// Missing values are NaN; models that cannot take NaN get a matrix from an imputing encoder.

export interface FeatureMatrix {
  readonly nRows: number;
  readonly nCols: number;
  /** Row-major: value of row i, feature j is values[i * nCols + j]. */
  readonly values: Float64Array;
  readonly featureNames: readonly string[];
}

export function createMatrix(nRows: number, featureNames: readonly string[]): FeatureMatrix {
  return { nRows, nCols: featureNames.length, values: new Float64Array(nRows * featureNames.length), featureNames };
}

/** The rows at the given indices, in that order, as a new matrix. */
export function selectRows(matrix: FeatureMatrix, indices: ArrayLike<number>): FeatureMatrix {
  const { nCols } = matrix;
  const values = new Float64Array(indices.length * nCols);
  for (let k = 0; k < indices.length; k++) {
    const from = indices[k] * nCols;
    values.set(matrix.values.subarray(from, from + nCols), k * nCols);
  }
  return { nRows: indices.length, nCols, values, featureNames: matrix.featureNames };
}

/** One row as a view (no copy). */
export function rowOf(matrix: FeatureMatrix, i: number): Float64Array {
  return matrix.values.subarray(i * matrix.nCols, (i + 1) * matrix.nCols);
}

/** Picks entries of a typed or plain array by index. */
export function take<T extends Float64Array | Uint8Array | Int32Array>(array: T, indices: ArrayLike<number>): T {
  const out = new (array.constructor as { new (n: number): T })(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = array[indices[k]];
  return out;
}
