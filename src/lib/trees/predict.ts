// Scoring a tree ensemble from its exported form. The model's node arrays are flattened once into typed
// arrays (cached per model object), so scoring touches no objects per row: FlatEnsemble keeps the model's
// node numbering (TreeSHAP, tests); ScoringLayout is a compact copy for predictMargin.

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
 * The trees laid out for scoring alone, computed once per model object: each tree's nodes renumbered
 * breadth-first with the two children of a node side by side (right = left + 1), so a step is one lookup of
 * (feature, left child) in an interleaved Int32Array and one of `split`, which holds the threshold of an
 * internal node and the output of a leaf. Node indices here are not the model's (see FlatEnsemble for those).
 */
interface ScoringLayout {
  roots: Int32Array;
  /** node[2k] = feature (-1 at a leaf), node[2k + 1] = left child. */
  node: Int32Array;
  split: Float64Array;
  missingLeft: Uint8Array;
}

const layoutCache = new WeakMap<TreeEnsembleModel, ScoringLayout>();

function scoringLayout(model: TreeEnsembleModel): ScoringLayout {
  const cached = layoutCache.get(model);
  if (cached) return cached;
  let total = 0;
  for (const t of model.trees) total += t.feature.length;
  const layout: ScoringLayout = {
    roots: new Int32Array(model.trees.length),
    node: new Int32Array(2 * total),
    split: new Float64Array(total),
    missingLeft: new Uint8Array(total),
  };
  let base = 0;
  const order = new Int32Array(model.trees.reduce((m, t) => Math.max(m, t.feature.length), 0));
  model.trees.forEach((t, ti) => {
    layout.roots[ti] = base;
    // Breadth-first: order[q] is the model's node placed at base + q; children are appended in pairs.
    order[0] = 0;
    let placed = 1;
    for (let q = 0; q < placed; q++) {
      const k = order[q];
      const at = base + q;
      if (t.feature[k] === -1) {
        layout.node[2 * at] = -1;
        layout.node[2 * at + 1] = -1;
        layout.split[at] = t.value[k];
      } else {
        layout.node[2 * at] = t.feature[k];
        layout.node[2 * at + 1] = base + placed;
        layout.split[at] = t.threshold[k];
        layout.missingLeft[at] = t.defaultLeft[k] ? 1 : 0;
        order[placed++] = t.left[k];
        order[placed++] = t.right[k];
      }
    }
    base += placed;
  });
  layoutCache.set(model, layout);
  return layout;
}

/** Rows scored together: each tree is walked for all of them before the next, so its nodes stay in cache. */
const BLOCK_ROWS = 256;

/** From this many rows on, rows are walked in an order that groups alike rows (see walkOrder). */
const ORDER_MIN_ROWS = 4_096;

/**
 * The model's raw output per row: gbdt, the log-odds margin (baseScore plus the sum of leaf values);
 * forest, the mean of the trees' leaf class shares, which is already the probability.
 */
export function predictMargin(model: TreeEnsembleModel, X: FeatureMatrix): Float64Array {
  checkColumns(model, X);
  const { roots, node, split, missingLeft } = scoringLayout(model);
  const { nRows, nCols, values } = X;
  const out = new Float64Array(nRows);
  const nTrees = roots.length;
  const scale = model.kind === "forest" ? (nTrees > 0 ? 1 / nTrees : 0) : 1;
  const order = nRows >= ORDER_MIN_ROWS ? walkOrder(model, X) : null;
  // The rows copied in walking order: side by side in memory as in the order.
  let rows = values;
  if (order) {
    rows = new Float64Array(values.length);
    for (let i = 0; i < nRows; i++) rows.set(values.subarray(order[i] * nCols, (order[i] + 1) * nCols), i * nCols);
  }
  // out[r] collects the leaf values in tree order, the same additions as a row-at-a-time loop, whatever
  // order the rows are walked in.
  for (let start = 0; start < nRows; start += BLOCK_ROWS) {
    const end = Math.min(nRows, start + BLOCK_ROWS);
    for (let t = 0; t < nTrees; t++) {
      const root = roots[t];
      for (let i = start; i < end; i++) {
        const r = order ? order[i] : i;
        const rowStart = i * nCols;
        let k = root;
        let f = node[2 * k];
        while (f >= 0) {
          const x = rows[rowStart + f];
          const left = node[2 * k + 1];
          // NaN fails the comparison; it goes left only where the split says so.
          k = x <= split[k] ? left : x !== x && missingLeft[k] === 1 ? left : left + 1;
          f = node[2 * k];
        }
        out[r] += split[k];
      }
    }
  }
  for (let r = 0; r < nRows; r++) out[r] = model.baseScore + out[r] * scale;
  return out;
}

/** Per model: the features that order rows (highest total split gain first) and each one's sorted split values. */
interface OrderPlan {
  features: number[];
  cuts: Float64Array[];
}

const orderCache = new WeakMap<TreeEnsembleModel, OrderPlan>();

function orderPlan(model: TreeEnsembleModel): OrderPlan {
  const cached = orderCache.get(model);
  if (cached) return cached;
  const gain = new Float64Array(model.featureNames.length);
  const cutSets = model.featureNames.map(() => new Set<number>());
  for (const t of model.trees) {
    for (let k = 0; k < t.feature.length; k++) {
      if (t.feature[k] < 0) continue;
      gain[t.feature[k]] += t.gain[k];
      cutSets[t.feature[k]].add(t.threshold[k]);
    }
  }
  const features = Array.from(gain.keys())
    .filter((j) => gain[j] > 0)
    .sort((a, b) => gain[b] - gain[a] || a - b)
    .slice(0, 5);
  const plan = { features, cuts: features.map((j) => Float64Array.from(cutSets[j]).sort()) };
  orderCache.set(model, plan);
  return plan;
}

/**
 * An order of the rows in which neighbours tend to take the same branches: sorted by which interval between
 * the model's split values each row falls in, on the features with the most split gain, most important
 * first. A tree walk is slowed most by mispredicted branches, and alike rows side by side make them
 * predictable (the score bench times scoring in this order, the sort and the copy of the rows included). It
 * changes no number: each row still adds its trees' values in tree order.
 */
function walkOrder(model: TreeEnsembleModel, X: FeatureMatrix): Int32Array {
  const { features, cuts } = orderPlan(model);
  const { nRows, nCols, values } = X;
  // LSD radix sort on the interval codes (one byte a feature; 255 = missing), least important feature first.
  let order = Int32Array.from({ length: nRows }, (_, i) => i);
  let next = new Int32Array(nRows);
  const code = new Uint8Array(nRows);
  const count = new Int32Array(257);
  for (let q = features.length - 1; q >= 0; q--) {
    const j = features[q];
    for (let r = 0; r < nRows; r++) {
      const x = values[r * nCols + j];
      code[r] = x !== x ? 255 : Math.min(254, intervalOf(cuts[q], x));
    }
    count.fill(0);
    for (let r = 0; r < nRows; r++) count[code[r] + 1]++;
    for (let c = 1; c < 257; c++) count[c] += count[c - 1];
    for (let i = 0; i < nRows; i++) next[count[code[order[i]]]++] = order[i];
    [order, next] = [next, order];
  }
  return order;
}

/** How many of the sorted values are below x (binary search). */
function intervalOf(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
