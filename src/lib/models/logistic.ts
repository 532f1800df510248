// Scoring a logistic regression.
import type { FeatureMatrix } from "../matrix.js";
import { checkFeatures, scaleRows } from "./scaler.js";
import type { LogisticModel } from "./types.js";

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Log-odds per row. */
function logisticMargin(model: LogisticModel, X: FeatureMatrix): Float64Array {
  checkFeatures(model.featureNames, X, "logistic regression");
  const z = scaleRows(X, model.scaler);
  const { nRows, nCols } = X;
  const out = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    let s = model.intercept;
    for (let j = 0; j < nCols; j++) s += model.coefficients[j] * z[i * nCols + j];
    out[i] = s;
  }
  return out;
}

export function predictLogistic(model: LogisticModel, X: FeatureMatrix): Float64Array {
  const out = logisticMargin(model, X);
  for (let i = 0; i < out.length; i++) out[i] = sigmoid(out[i]);
  return out;
}
