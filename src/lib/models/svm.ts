// Scoring an RBF support vector machine from its exported support vectors, with Platt scaling to turn the
// decision value into a probability.
import type { FeatureMatrix } from "../matrix.js";
import { checkFeatures, scaleRows, storedRowsScaled } from "./scaler.js";
import type { SvmModel } from "./types.js";

/** The model's support vectors standardised, computed once per model object. */
export const scaledVectors = storedRowsScaled((model: SvmModel) => model.supportVectors);

/** Decision value per row: positive leans to churn. */
export function svmDecision(model: SvmModel, X: FeatureMatrix): Float64Array {
  checkFeatures(model.featureNames, X, "SVM");
  const sv = scaledVectors(model);
  const query = scaleRows(X, model.scaler);
  const d = X.nCols;
  const nSv = model.coefficients.length;
  const { gamma, coefficients, rho } = model;
  const out = new Float64Array(X.nRows);
  for (let q = 0; q < X.nRows; q++) {
    const qs = q * d;
    let f = -rho;
    for (let s = 0; s < nSv; s++) {
      const ss = s * d;
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const diff = sv[ss + j] - query[qs + j];
        dist += diff * diff;
      }
      f += coefficients[s] * Math.exp(-gamma * dist);
    }
    out[q] = f;
  }
  return out;
}

/** Platt's sigmoid, written to avoid overflow for large |a f + b|. */
export function plattProbability(f: number, a: number, b: number): number {
  const z = a * f + b;
  return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
}

export function predictSvm(model: SvmModel, X: FeatureMatrix): Float64Array {
  const out = svmDecision(model, X);
  for (let i = 0; i < out.length; i++) out[i] = plattProbability(out[i], model.platt.a, model.platt.b);
  return out;
}
