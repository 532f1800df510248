// Scoring an RBF support vector machine from its exported support vectors, with Platt scaling to turn the
// decision value into a probability.
import type { FeatureMatrix } from "../matrix.js";
import { checkFeatures, scaleRows, scaleValues } from "./scaler.js";
import type { SvmModel } from "./types.js";

const scaledCache = new WeakMap<SvmModel, Float64Array>();

export function scaledVectors(model: SvmModel): Float64Array {
  let cached = scaledCache.get(model);
  if (!cached) {
    cached = scaleValues(model.supportVectors, model.featureNames.length, model.scaler);
    scaledCache.set(model, cached);
  }
  return cached;
}

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
