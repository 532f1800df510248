// Per-prediction feature contributions by TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2): exact
// Shapley values of the tree ensemble's output, where "feature unknown" means following both children
// weighted by their training cover. For each row the contributions plus the expected value equal the
// model's output: the margin for gbdt, the probability for a forest. Runs in O(trees x leaves x depth²).

import type { FeatureMatrix } from "../matrix.js";
import type { TreeEnsembleModel } from "./model.js";
import { flatten, type FlatEnsemble } from "./predict.js";

export interface TreeShapResult {
  /** nRows x nCols, row-major: the contribution of feature j to row i is values[i * nCols + j]. */
  values: Float64Array;
  /** The output with no feature known (cover-weighted mean of the leaves), the same for every row. */
  expected: number;
}

/** The path of unique features from the root to the current node, as parallel arrays (one block per depth). */
interface PathBuffers {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

export function treeShap(model: TreeEnsembleModel, X: FeatureMatrix): TreeShapResult {
  if (X.nCols !== model.featureNames.length) throw new Error(`tree model expects ${model.featureNames.length} features, got ${X.nCols}`);
  const flat = flatten(model);
  const nTrees = flat.roots.length;
  const scale = model.kind === "forest" ? (nTrees > 0 ? 1 / nTrees : 0) : 1;
  const { nRows, nCols } = X;
  const values = new Float64Array(nRows * nCols);
  let expected = 0;
  let maxDepth = 0;
  for (let t = 0; t < nTrees; t++) {
    expected += expectedValue(flat, flat.roots[t]);
    maxDepth = Math.max(maxDepth, depthOf(flat, flat.roots[t]));
  }
  expected = model.baseScore + expected * scale;
  // Each recursion level copies the path into the next block: depth + 2 blocks of up to depth + 2 elements.
  const size = ((maxDepth + 2) * (maxDepth + 3)) / 2 + maxDepth + 2;
  const path: PathBuffers = {
    feature: new Int32Array(size),
    zero: new Float64Array(size),
    one: new Float64Array(size),
    weight: new Float64Array(size),
  };
  const phi = new Float64Array(nCols);
  for (let i = 0; i < nRows; i++) {
    phi.fill(0);
    const row = X.values.subarray(i * nCols, (i + 1) * nCols);
    for (let t = 0; t < nTrees; t++) recurse(flat, row, phi, path, flat.roots[t], 0, 0, 1, 1, -1);
    for (let j = 0; j < nCols; j++) values[i * nCols + j] = phi[j] * scale;
  }
  return { values, expected };
}

function expectedValue(flat: FlatEnsemble, root: number): number {
  // Cover-weighted mean of the leaves, written as a walk over the subtree (children follow parents).
  let sum = 0;
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (flat.feature[node] < 0) sum += flat.value[node] * flat.cover[node];
    else stack.push(flat.left[node], flat.right[node]);
  }
  return flat.cover[root] > 0 ? sum / flat.cover[root] : 0;
}

function depthOf(flat: FlatEnsemble, node: number): number {
  if (flat.feature[node] < 0) return 0;
  return 1 + Math.max(depthOf(flat, flat.left[node]), depthOf(flat, flat.right[node]));
}

/** Adds a feature to the path that ends at index `depth` of the block starting at `at`. */
function extend(p: PathBuffers, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1] += (one * p.weight[at + i] * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * p.weight[at + i] * (depth - i)) / (depth + 1);
  }
}

/** Removes the path element at `index` (undoing its extend). */
function unwind(p: PathBuffers, at: number, depth: number, index: number): void {
  const one = p.one[at + index];
  const zero = p.zero[at + index];
  let next = p.weight[at + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i];
      p.weight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (p.weight[at + i] * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1];
    p.zero[at + i] = p.zero[at + i + 1];
    p.one[at + i] = p.one[at + i + 1];
  }
}

/** The total path weight with element `index` removed, without changing the path. */
function unwoundSum(p: PathBuffers, at: number, depth: number, index: number): number {
  const one = p.one[at + index];
  const zero = p.zero[at + index];
  let next = p.weight[at + depth];
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      next = p.weight[at + i] - (tmp * zero * (depth - i)) / (depth + 1);
    } else {
      total += (p.weight[at + i] / zero) * ((depth + 1) / (depth - i));
    }
  }
  return total;
}

function recurse(
  flat: FlatEnsemble, x: Float64Array, phi: Float64Array, p: PathBuffers,
  node: number, parentAt: number, depth: number, parentZero: number, parentOne: number, parentFeature: number,
): void {
  // Each level works on its own copy of the path, in the block after its parent's (which uses `depth`
  // elements), so the parent's path is intact when the recursion returns to take the other child.
  const blockAt = depth === 0 ? 0 : parentAt + depth;
  for (let i = 0; i < depth; i++) {
    p.feature[blockAt + i] = p.feature[parentAt + i];
    p.zero[blockAt + i] = p.zero[parentAt + i];
    p.one[blockAt + i] = p.one[parentAt + i];
    p.weight[blockAt + i] = p.weight[parentAt + i];
  }
  extend(p, blockAt, depth, parentZero, parentOne, parentFeature);
  const f = flat.feature[node];
  if (f < 0) {
    const v = flat.value[node];
    for (let i = 1; i <= depth; i++) {
      const w = unwoundSum(p, blockAt, depth, i);
      phi[p.feature[blockAt + i]] += w * (p.one[blockAt + i] - p.zero[blockAt + i]) * v;
    }
    return;
  }
  const xv = x[f];
  const goLeft = xv !== xv ? flat.defaultLeft[node] === 1 : xv <= flat.threshold[node];
  const hot = goLeft ? flat.left[node] : flat.right[node];
  const cold = goLeft ? flat.right[node] : flat.left[node];
  const cover = flat.cover[node];
  const hotZero = flat.cover[hot] / cover;
  const coldZero = flat.cover[cold] / cover;
  let incomingZero = 1;
  let incomingOne = 1;
  let d = depth;
  // A feature already on the path: undo its earlier split and fold its fractions into this one.
  let k = 1;
  for (; k <= d; k++) if (p.feature[blockAt + k] === f) break;
  if (k <= d) {
    incomingZero = p.zero[blockAt + k];
    incomingOne = p.one[blockAt + k];
    unwind(p, blockAt, d, k);
    d -= 1;
  }
  recurse(flat, x, phi, p, hot, blockAt, d + 1, hotZero * incomingZero, incomingOne, f);
  recurse(flat, x, phi, p, cold, blockAt, d + 1, coldZero * incomingZero, 0, f);
}

/** Total split gain per feature over the ensemble, normalised to sum to 1 (all zeros for a model without splits). */
export function gainImportance(model: TreeEnsembleModel): Float64Array {
  const out = new Float64Array(model.featureNames.length);
  for (const t of model.trees) {
    for (let k = 0; k < t.feature.length; k++) if (t.feature[k] >= 0) out[t.feature[k]] += t.gain[k];
  }
  let total = 0;
  for (const v of out) total += v;
  if (total > 0) for (let j = 0; j < out.length; j++) out[j] /= total;
  return out;
}
