// Per-prediction feature contributions: exact Shapley values of the tree ensemble's output, where "feature
// unknown" means following both children weighted by their training cover (TreeSHAP's definition, Lundberg,
// Erion & Lee 2018). For each row the contributions plus the expected value equal the model's output: the
// margin for gbdt, the probability for a forest.
//
// Computed as Linear TreeSHAP (Yu, Bifet, Read & Xu, NeurIPS 2022), in O(nodes x depth) per row and tree
// instead of the path algorithm's O(leaves x depth²). For a leaf v with value b, whose path meets the
// distinct features F (each with Z, the product of its edges' cover fractions, and O, 1 if the row takes all
// its edges and else 0), feature i's Shapley share is
//     b (O_i - Z_i) ∫₀¹ Π_{j∈F, j≠i} (Z_j (1 - t) + O_j t) dt,
// because the Shapley weight |S|! (|F| - |S| - 1)! / |F|! is ∫₀¹ t^|S| (1 - t)^(|F| - |S| - 1) dt. The
// integrand is a polynomial of degree below the tree's depth, so Gauss-Legendre quadrature with half as
// many points is exact, and the polynomial is carried as its values at those points. Walking down, a node's
// values are its parent's times the edge's factor (a repeated feature's old factor divided out); walking back
// up, they are summed over the leaves below, and each edge adds its feature's share, minus the share the
// same leaves got at the feature's previous edge on the path. Everything that does not depend on the row
// (each edge's factors and quadrature weights for both outcomes) is tabled once per tree, so explaining a
// row multiplies and adds and never divides.

import type { FeatureMatrix } from "../matrix.js";
import type { CompactTree, TreeEnsembleModel } from "./model.js";

export interface TreeShapResult {
  /** nRows x nCols, row-major: the contribution of feature j to row i is values[i * nCols + j]. */
  values: Float64Array;
  /** The output with no feature known (cover-weighted mean of the leaves), the same for every row. */
  expected: number;
}

/**
 * One tree in depth-first order (a node's left child follows it; `right` names the other), with the tables
 * of its edges: the edge into node c is the split of parent[c] on edgeFeature[c]. Vectors of m values (one
 * per quadrature point) start at c * m.
 */
interface TreeTables {
  n: number;
  /** Quadrature points (half the most distinct features on a path, rounded up; at least 1). */
  m: number;
  expected: number;
  feature: Int32Array;
  threshold: Float64Array;
  defaultLeft: Uint8Array;
  value: Float64Array;
  right: Int32Array;
  parent: Int32Array;
  /** 1 when the node is its parent's left child. */
  isLeft: Uint8Array;
  edgeFeature: Int32Array;
  /** The nearest node above whose edge splits on the same feature, or -1. */
  prev: Int32Array;
  /** The edge's cover fraction: the factor when the row left the feature's path further up. */
  cover: Float64Array;
  /** Factor when the row takes the edge (and all the feature's edges above): (Z a + t) / (Z' a + t). */
  take: Float64Array;
  /** Factor when the row takes the feature's edges above but not this one: Z a / (Z' a + t). */
  miss: Float64Array;
  /** Quadrature weights of the edge's share when the row takes / does not take it (previous edge's share deducted). */
  shareTake: Float64Array;
  shareMiss: Float64Array;
}

/** Per model: each tree's expected value, and its tables when they fit TABLE_BUDGET (else built per call). */
interface ShapPlan {
  expected: Float64Array;
  tables: TreeTables[] | null;
}

/** Tables are kept per model up to this many doubles (64 MiB); larger models (deep forests) rebuild them per call. */
const TABLE_BUDGET = 8 * 2 ** 20;

const planCache = new WeakMap<TreeEnsembleModel, ShapPlan>();

function planOf(model: TreeEnsembleModel): ShapPlan {
  const cached = planCache.get(model);
  if (cached) return cached;
  const tables: TreeTables[] = [];
  let doubles = 0;
  for (const tree of model.trees) {
    const t = treeTables(tree);
    doubles += t.n * (4 * t.m + 4);
    tables.push(t);
  }
  const plan: ShapPlan = {
    expected: Float64Array.from(tables, (t) => t.expected),
    tables: doubles <= TABLE_BUDGET ? tables : null,
  };
  planCache.set(model, plan);
  return plan;
}

export function treeShap(model: TreeEnsembleModel, X: FeatureMatrix): TreeShapResult {
  if (X.nCols !== model.featureNames.length)
    throw new Error(`tree model expects ${model.featureNames.length} features, got ${X.nCols}`);
  const plan = planOf(model);
  const nTrees = model.trees.length;
  const scale = model.kind === "forest" ? (nTrees > 0 ? 1 / nTrees : 0) : 1;
  const { nRows, nCols } = X;
  const values = new Float64Array(nRows * nCols);
  let expected = 0;
  for (let t = 0; t < nTrees; t++) expected += plan.expected[t];
  expected = model.baseScore + expected * scale;
  // Tree by tree, all rows: a tree's tables stay in cache while its rows go through.
  for (let t = 0; t < nTrees; t++) {
    const tables = plan.tables ? plan.tables[t] : treeTables(model.trees[t]);
    const work = new Float64Array(tables.n * tables.m);
    const one = new Uint8Array(tables.n);
    const goLeft = new Uint8Array(tables.n);
    for (let i = 0; i < nRows; i++) explainRow(tables, X.values, i * nCols, values, work, one, goLeft);
  }
  if (scale !== 1) for (let k = 0; k < values.length; k++) values[k] *= scale;
  return { values, expected };
}

/**
 * Adds one tree's contributions for the row at `at` (of x) to out (at the same offset). `work` holds each
 * node's polynomial values: on the way down the product of the edge factors, then, from the leaves back up,
 * the leaves' values times those products, summed over each subtree. `one[c]` is O of edgeFeature[c] at c.
 */
function explainRow(
  tb: TreeTables,
  x: Float64Array,
  at: number,
  out: Float64Array,
  work: Float64Array,
  one: Uint8Array,
  goLeft: Uint8Array,
): void {
  const { n, m, feature, threshold, defaultLeft, value, right, parent, isLeft, edgeFeature, prev, cover } = tb;
  const { take, miss, shareTake, shareMiss } = tb;
  for (let k = 0; k < m; k++) work[k] = 1;
  for (let c = 0; c < n; c++) {
    const base = c * m;
    if (c > 0) {
      const p = parent[c];
      const from = p * m;
      const pv = prev[c];
      const above = pv < 0 ? 1 : one[pv];
      const taken = goLeft[p] === isLeft[c] ? 1 : 0;
      one[c] = above & taken;
      if (above === 0) {
        // The row already left this feature's path: the factor is the cover fraction alone.
        const z = cover[c];
        for (let k = 0; k < m; k++) work[base + k] = work[from + k] * z;
      } else {
        const factor = taken ? take : miss;
        for (let k = 0; k < m; k++) work[base + k] = work[from + k] * factor[base + k];
      }
    }
    const f = feature[c];
    if (f >= 0) {
      const xv = x[at + f];
      goLeft[c] = xv !== xv ? defaultLeft[c] : xv <= threshold[c] ? 1 : 0;
    } else {
      const v = value[c];
      for (let k = 0; k < m; k++) work[base + k] *= v;
    }
  }
  for (let c = n - 1; c > 0; c--) {
    const base = c * m;
    if (feature[c] >= 0) {
      const l = base + m;
      const r = right[c] * m;
      for (let k = 0; k < m; k++) work[base + k] = work[l + k] + work[r + k];
    }
    const pv = prev[c];
    // A row that left the feature's path above gets the same share here as there: nothing changes.
    if (pv >= 0 && one[pv] === 0) continue;
    const weights = one[c] ? shareTake : shareMiss;
    let s = 0;
    for (let k = 0; k < m; k++) s += work[base + k] * weights[base + k];
    out[at + edgeFeature[c]] += s;
  }
}

/** Gauss-Legendre points and weights on [0, 1] by point count, cached. */
const quadratures: { t: Float64Array; w: Float64Array }[] = [];

export function gaussLegendre(m: number): { t: Float64Array; w: Float64Array } {
  const cached = quadratures[m];
  if (cached) return cached;
  const t = new Float64Array(m);
  const w = new Float64Array(m);
  // Newton's method on the Legendre polynomial P_m from the usual cosine guesses, then mapped to [0, 1].
  for (let i = 0; i < m; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (m + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= m; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      if (m === 1) p0 = 1;
      dp = (m * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    t[m - 1 - i] = (1 + x) / 2;
    w[m - 1 - i] = 1 / ((1 - x * x) * dp * dp);
  }
  quadratures[m] = { t, w };
  return quadratures[m];
}

/** A tree's depth-first layout, expected value and edge tables (see TreeTables). */
function treeTables(tree: CompactTree): TreeTables {
  const n = tree.feature.length;
  const order = new Int32Array(n); // depth-first position -> model node
  const position = new Int32Array(n); // model node -> depth-first position
  const stack = [0];
  let placed = 0;
  while (stack.length > 0) {
    const k = stack.pop() as number;
    position[k] = placed;
    order[placed++] = k;
    if (tree.feature[k] >= 0) stack.push(tree.right[k], tree.left[k]);
  }
  const feature = new Int32Array(n);
  const threshold = new Float64Array(n);
  const defaultLeft = new Uint8Array(n);
  const value = new Float64Array(n);
  const right = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const isLeft = new Uint8Array(n);
  const edgeFeature = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const cover = new Float64Array(n);
  const zMerged = new Float64Array(n); // Z of edgeFeature[c] over the path down to c
  const distinct = new Int32Array(n); // distinct features on the path down to c
  let maxDistinct = 0;
  let weighted = 0;
  for (let c = 0; c < n; c++) {
    const k = order[c];
    feature[c] = tree.feature[k];
    threshold[c] = tree.threshold[k];
    defaultLeft[c] = tree.defaultLeft[k] ? 1 : 0;
    value[c] = tree.value[k];
    if (c > 0) {
      const p = parent[c];
      const pk = order[p];
      cover[c] = tree.cover[pk] > 0 ? tree.cover[k] / tree.cover[pk] : 0;
      let a = p;
      while (a > 0 && edgeFeature[a] !== edgeFeature[c]) a = parent[a];
      prev[c] = a > 0 ? a : -1;
      zMerged[c] = (a > 0 ? zMerged[a] : 1) * cover[c];
      distinct[c] = distinct[p] + (a > 0 ? 0 : 1);
    }
    if (feature[c] >= 0) {
      const l = position[tree.left[k]];
      const r = position[tree.right[k]];
      right[c] = r;
      for (const child of [l, r]) {
        parent[child] = c;
        edgeFeature[child] = feature[c];
      }
      isLeft[l] = 1;
    } else {
      weighted += tree.value[k] * tree.cover[k];
      maxDistinct = Math.max(maxDistinct, distinct[c]);
    }
  }
  const m = Math.max(1, Math.ceil(maxDistinct / 2));
  const { t, w } = gaussLegendre(m);
  const take = new Float64Array(n * m);
  const miss = new Float64Array(n * m);
  const shareTake = new Float64Array(n * m);
  const shareMiss = new Float64Array(n * m);
  for (let c = 1; c < n; c++) {
    const z = zMerged[c];
    const pv = prev[c];
    const zOld = pv >= 0 ? zMerged[pv] : 1;
    for (let k = 0; k < m; k++) {
      const a = 1 - t[k];
      const old = zOld * a + t[k]; // the previous factor when the row took the feature's edges (1: none)
      const oldShare = pv >= 0 ? (w[k] * (1 - zOld)) / old : 0;
      take[c * m + k] = (z * a + t[k]) / old;
      miss[c * m + k] = (z * a) / old;
      shareTake[c * m + k] = (w[k] * (1 - z)) / (z * a + t[k]) - oldShare;
      shareMiss[c * m + k] = -w[k] / a - oldShare;
    }
  }
  const expected = tree.cover[0] > 0 ? weighted / tree.cover[0] : 0;
  return {
    n,
    m,
    expected,
    feature,
    threshold,
    defaultLeft,
    value,
    right,
    parent,
    isLeft,
    edgeFeature,
    prev,
    cover,
    take,
    miss,
    shareTake,
    shareMiss,
  };
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
