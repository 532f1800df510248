// k-nearest neighbours written here: ml-knn 3.0.0 returns labels only, no probabilities.
// "Training" stores the imputed rows and the scaler; scoring is in src/lib/models/knn.ts.
import type { FeatureMatrix } from "../../src/lib/matrix.js";
import { fitRowScaler, imputeRows } from "../../src/lib/models/scaler.js";
import type { KnnModel } from "../../src/lib/models/types.js";

export interface KnnParams {
  k: number;
  weights: "distance" | "uniform";
}

export const DEFAULT_KNN: KnnParams = { k: 5, weights: "distance" };

export function trainKnn(X: FeatureMatrix, y: Uint8Array, params: Partial<KnnParams> = {}): KnnModel {
  const p = { ...DEFAULT_KNN, ...params };
  if (y.length !== X.nRows) throw new Error(`trainKnn: ${X.nRows} rows but ${y.length} labels`);
  const scaler = fitRowScaler(X);
  return {
    kind: "knn",
    featureNames: X.featureNames.slice(),
    scaler,
    k: p.k,
    weights: p.weights,
    rows: Array.from(imputeRows(X, scaler)),
    labels: Array.from(y),
  };
}
