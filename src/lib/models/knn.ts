// Scoring k-nearest neighbours by brute force over the stored training rows (a few thousand: a tree index
// would not pay for itself). Neighbours are the k smallest Euclidean distances on standardised features;
// equal distances go to the earlier training row, so the result never depends on sort stability.
import type { FeatureMatrix } from "../matrix.js";
import { checkFeatures, scaleRows, storedRowsScaled } from "./scaler.js";
import type { KnnModel } from "./types.js";

/** The model's training rows standardised, computed once per model object. */
export const scaledTraining = storedRowsScaled((model: KnnModel) => model.rows);

export function predictKnn(model: KnnModel, X: FeatureMatrix): Float64Array {
  checkFeatures(model.featureNames, X, "k-nearest neighbours");
  const train = scaledTraining(model);
  const query = scaleRows(X, model.scaler);
  const d = X.nCols;
  const nTrain = model.labels.length;
  const k = Math.min(model.k, nTrain);
  const labels = model.labels;
  const out = new Float64Array(X.nRows);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  for (let q = 0; q < X.nRows; q++) {
    bestD.fill(Infinity);
    bestI.fill(-1);
    const qs = q * d;
    for (let t = 0; t < nTrain; t++) {
      const ts = t * d;
      const worst = bestD[k - 1];
      let s = 0;
      // Stop adding once the row cannot enter the k nearest: most rows are rejected after a few features.
      for (let j = 0; j < d && s < worst; j++) {
        const diff = train[ts + j] - query[qs + j];
        s += diff * diff;
      }
      if (s < worst) insertNeighbour(bestD, bestI, s, t);
    }
    out[q] = knnVote(bestD, bestI, labels, model.weights);
  }
  return out;
}

/**
 * Puts a candidate into the sorted k-best lists if it beats the worst; an equal distance does not displace
 * an earlier row, since candidates arrive in training-row order.
 */
export function insertNeighbour(bestD: Float64Array, bestI: Int32Array, dist2: number, index: number): void {
  const k = bestD.length;
  if (!(dist2 < bestD[k - 1])) return;
  let at = k - 1;
  while (at > 0 && bestD[at - 1] > dist2) {
    bestD[at] = bestD[at - 1];
    bestI[at] = bestI[at - 1];
    at--;
  }
  bestD[at] = dist2;
  bestI[at] = index;
}

/** Probability of churn from the k nearest (squared distances, training indices; -1 for an empty slot). */
export function knnVote(
  dist2: Float64Array,
  index: Int32Array,
  labels: readonly number[],
  weights: KnnModel["weights"],
): number {
  let exact = 0;
  let exactPos = 0;
  for (let m = 0; m < index.length; m++) {
    if (index[m] >= 0 && dist2[m] === 0) {
      exact++;
      exactPos += labels[index[m]];
    }
  }
  // As scikit-learn: with distance weights, exact matches (infinite weight) decide alone.
  if (weights === "distance" && exact > 0) return exactPos / exact;
  let w = 0;
  let wPos = 0;
  for (let m = 0; m < index.length; m++) {
    if (index[m] < 0) continue;
    const weight = weights === "distance" ? 1 / Math.sqrt(dist2[m]) : 1;
    w += weight;
    wPos += weight * labels[index[m]];
  }
  return w > 0 ? wPos / w : NaN;
}
