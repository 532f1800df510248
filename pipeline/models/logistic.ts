// Logistic regression written here: ml-logistic-regression 2.0.0 fits no intercept and has no
// regularisation. Newton's method (IRLS) on the L2-penalised log-likelihood, with the same
// objective as scikit-learn's LogisticRegression(C=1): sum of log-losses + |w|^2 / (2C), intercept not
// penalised, features imputed and standardised first. A handful of iterations converge to machine precision
// on this data, and the result does not depend on a learning rate or a random start.
import type { FeatureMatrix } from "../../src/lib/matrix.js";
import { fitRowScaler, scaleRows } from "../../src/lib/models/scaler.js";
import type { LogisticModel, RowScaler } from "../../src/lib/models/types.js";

export interface LogisticParams {
  /** Inverse regularisation strength (scikit-learn's C). */
  C: number;
  maxIterations: number;
  /** Stop when no coefficient moves more than this in a step. */
  tolerance: number;
  /** False: use the features as they are (the stacking meta-model, whose inputs are probabilities). */
  standardise: boolean;
}

export const DEFAULT_LOGISTIC: LogisticParams = { C: 1, maxIterations: 100, tolerance: 1e-10, standardise: true };

function identityScaler(nCols: number): RowScaler {
  return {
    fill: new Array<number>(nCols).fill(0),
    mean: new Array<number>(nCols).fill(0),
    scale: new Array<number>(nCols).fill(1),
  };
}

export function trainLogistic(X: FeatureMatrix, y: Uint8Array, params: Partial<LogisticParams> = {}): LogisticModel {
  const p = { ...DEFAULT_LOGISTIC, ...params };
  if (y.length !== X.nRows) throw new Error(`trainLogistic: ${X.nRows} rows but ${y.length} labels`);
  const scaler = p.standardise ? fitRowScaler(X) : identityScaler(X.nCols);
  const Z = scaleRows(X, scaler);
  const n = X.nRows;
  const d = X.nCols;
  const m = d + 1; // last parameter: the intercept
  const w = new Float64Array(m);
  const lambda = 1 / p.C;
  const objective = (beta: Float64Array) => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let z = beta[d];
      for (let j = 0; j < d; j++) z += beta[j] * Z[i * d + j];
      const s = y[i] ? -z : z;
      loss += s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
    }
    let penalty = 0;
    for (let j = 0; j < d; j++) penalty += beta[j] * beta[j];
    return loss + 0.5 * lambda * penalty;
  };
  const grad = new Float64Array(m);
  const hess = new Float64Array(m * m);
  const row = new Float64Array(m);
  let current = objective(w);
  for (let iter = 0; iter < p.maxIterations; iter++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) row[j] = Z[i * d + j];
      row[d] = 1;
      let z = 0;
      for (let j = 0; j < m; j++) z += w[j] * row[j];
      const pr = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const r = pr - y[i];
      const v = pr * (1 - pr);
      for (let a = 0; a < m; a++) {
        grad[a] += r * row[a];
        const va = v * row[a];
        for (let b = 0; b <= a; b++) hess[a * m + b] += va * row[b];
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j] += lambda * w[j];
      hess[j * m + j] += lambda;
    }
    for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) hess[b * m + a] = hess[a * m + b];
    const step = solveSymmetric(hess, grad, m);
    // Halve the step while it does not lower the objective (rarely needed; guards separable data).
    let scale = 1;
    const next = new Float64Array(m);
    let value = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < m; j++) next[j] = w[j] - scale * step[j];
      value = objective(next);
      if (value <= current) break;
      scale /= 2;
    }
    if (!(value <= current)) break;
    let moved = 0;
    for (let j = 0; j < m; j++) moved = Math.max(moved, Math.abs(next[j] - w[j]));
    w.set(next);
    current = value;
    if (moved < p.tolerance) break;
  }
  return {
    kind: "logistic",
    featureNames: X.featureNames.slice(),
    scaler,
    coefficients: Array.from(w.subarray(0, d)),
    intercept: w[d],
  };
}

/** Solves A x = b for a symmetric positive definite A (Cholesky); a tiny ridge rescues a near-singular A. */
export function solveSymmetric(A: Float64Array, b: Float64Array, m: number): Float64Array {
  for (let ridge = 0; ridge <= 1e-6; ridge = ridge === 0 ? 1e-12 : ridge * 100) {
    const L = new Float64Array(m * m);
    let ok = true;
    for (let i = 0; i < m && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = A[i * m + j] + (i === j ? ridge : 0);
        for (let k = 0; k < j; k++) s -= L[i * m + k] * L[j * m + k];
        if (i === j) {
          if (!(s > 0)) {
            ok = false;
            break;
          }
          L[i * m + i] = Math.sqrt(s);
        } else L[i * m + j] = s / L[j * m + j];
      }
    }
    if (!ok) continue;
    const z = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = b[i];
      for (let k = 0; k < i; k++) s -= L[i * m + k] * z[k];
      z[i] = s / L[i * m + i];
    }
    const x = new Float64Array(m);
    for (let i = m - 1; i >= 0; i--) {
      let s = z[i];
      for (let k = i + 1; k < m; k++) s -= L[k * m + i] * x[k];
      x[i] = s / L[i * m + i];
    }
    return x;
  }
  throw new Error("solveSymmetric: matrix is not positive definite");
}
