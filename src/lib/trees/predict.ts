// Scoring a tree ensemble from its exported form. The model's node arrays are flattened once into typed
// arrays (cached per model object), so scoring touches no objects per row.

import type { FeatureMatrix } from "../matrix.js";
import type { TreeEnsembleModel } from "./model.js";

/** All trees' nodes in one set of typed arrays; child indices are absolute. */
export interface FlatEnsemble {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  defaultLeft: Uint8Array;
  value: Float64Array;
  cover: Float64Array;
}

const flatCache = new WeakMap<TreeEnsembleModel, FlatEnsemble>();

/** The flattened form of a model; computed once per model object. Do not mutate a model after scoring it. */
export function flatten(model: TreeEnsembleModel): FlatEnsemble {
  const cached = flatCache.get(model);
  if (cached) return cached;
  let total = 0;
  for (const t of model.trees) total += t.feature.length;
  const flat: FlatEnsemble = {
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    defaultLeft: new Uint8Array(total),
    value: new Float64Array(total),
    cover: new Float64Array(total),
  };
  let base = 0;
  model.trees.forEach((t, ti) => {
    flat.roots[ti] = base;
    for (let k = 0; k < t.feature.length; k++) {
      const at = base + k;
      flat.feature[at] = t.feature[k];
      flat.threshold[at] = t.threshold[k];
      flat.left[at] = t.feature[k] === -1 ? -1 : base + t.left[k];
      flat.right[at] = t.feature[k] === -1 ? -1 : base + t.right[k];
      flat.defaultLeft[at] = t.defaultLeft[k] ? 1 : 0;
      flat.value[at] = t.value[k];
      flat.cover[at] = t.cover[k];
    }
    base += t.feature.length;
  });
  flatCache.set(model, flat);
  return flat;
}

function checkColumns(model: TreeEnsembleModel, X: FeatureMatrix): void {
  if (X.nCols !== model.featureNames.length) {
    throw new Error(`tree model expects ${model.featureNames.length} features, got ${X.nCols}`);
  }
}

/** The leaf a row lands in, as an absolute node index of the flat ensemble. */
export function leafOf(flat: FlatEnsemble, root: number, values: Float64Array, rowStart: number): number {
  const { feature, threshold, left, right, defaultLeft } = flat;
  let node = root;
  let f = feature[node];
  while (f >= 0) {
    const x = values[rowStart + f];
    if (x !== x) node = defaultLeft[node] === 1 ? left[node] : right[node];
    else node = x <= threshold[node] ? left[node] : right[node];
    f = feature[node];
  }
  return node;
}

/**
 * The model's raw output per row: gbdt, the log-odds margin (baseScore plus the sum of leaf values);
 * forest, the mean of the trees' leaf class shares, which is already the probability.
 */
export function predictMargin(model: TreeEnsembleModel, X: FeatureMatrix): Float64Array {
  checkColumns(model, X);
  const flat = flatten(model);
  const { nRows, nCols, values } = X;
  const out = new Float64Array(nRows);
  const nTrees = flat.roots.length;
  const scale = model.kind === "forest" ? (nTrees > 0 ? 1 / nTrees : 0) : 1;
  for (let i = 0; i < nRows; i++) {
    const rowStart = i * nCols;
    let sum = 0;
    for (let t = 0; t < nTrees; t++) sum += flat.value[leafOf(flat, flat.roots[t], values, rowStart)];
    out[i] = model.baseScore + sum * scale;
  }
  return out;
}

/** Probability of class 1 per row: gbdt, sigmoid of the margin; forest, the mean leaf share. */
export function predictProba(model: TreeEnsembleModel, X: FeatureMatrix): Float64Array {
  const out = predictMargin(model, X);
  if (model.kind === "gbdt") for (let i = 0; i < out.length; i++) out[i] = sigmoid(out[i]);
  return out;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
