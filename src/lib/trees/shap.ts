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
// row multiplies and adds and never divides. That walk runs as WebAssembly (shap.wat), the polynomial's values
// two at a time.

import type { FeatureMatrix } from "../matrix.js";
import type { CompactTree, TreeEnsembleModel } from "./model.js";
import { SHAP_WASM_BASE64 } from "./shap-wasm.js";

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

/** The kernel's view of one tree in memory (see shap.wat): records, vectors, node count, padded points. */
interface PackedTree {
  rec: number;
  vec: number;
  n: number;
  mp: number;
}

/**
 * Per model: each tree's expected value and, when they fit TABLE_BUDGET, all trees' tables packed once into
 * a memory kept with the model (else each call packs one tree at a time). `largest` sizes a call's scratch.
 */
interface ShapPlan {
  expected: Float64Array;
  packed: { memory: WebAssembly.Memory; trees: PackedTree[]; end: number } | null;
  largest: { n: number; mp: number; bytes: number };
}

/** Tables are kept per model up to this many bytes; larger models (deep forests) pack them per call. */
const TABLE_BUDGET = 64 * 2 ** 20;
const RECORD_BYTES = 32;
/** Rows explained per kernel pass over the trees (bounds the memory a call needs). */
const CHUNK_ROWS = 1024;
const PAGE = 65_536;

const planCache = new WeakMap<TreeEnsembleModel, ShapPlan>();

function planOf(model: TreeEnsembleModel): ShapPlan {
  const cached = planCache.get(model);
  if (cached) return cached;
  const tables = model.trees.map(treeTables);
  const largest = { n: 1, mp: 2, bytes: 0 };
  let total = 0;
  for (const t of tables) {
    const bytes = packedBytes(t);
    total += bytes;
    largest.n = Math.max(largest.n, t.n);
    largest.mp = Math.max(largest.mp, paddedPoints(t.m));
    largest.bytes = Math.max(largest.bytes, bytes);
  }
  let packed: ShapPlan["packed"] = null;
  if (total <= TABLE_BUDGET) {
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(total / PAGE)) });
    const trees: PackedTree[] = [];
    let at = 0;
    for (const t of tables) {
      trees.push(packTree(t, memory.buffer, at));
      at += packedBytes(t);
    }
    packed = { memory, trees, end: at };
  }
  const plan: ShapPlan = { expected: Float64Array.from(tables, (t) => t.expected), packed, largest };
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
  if (nRows === 0 || nTrees === 0) return { values, expected };

  // Memory after the tables (kept ones, or room for the largest tree packed per call): a chunk of rows, its
  // contributions, and the per-node scratch.
  const { largest } = plan;
  const base = plan.packed ? plan.packed.end : largest.bytes;
  const chunk = Math.min(CHUNK_ROWS, nRows);
  const xAt = align(base);
  const outAt = align(xAt + 8 * chunk * nCols);
  const workAt = align(outAt + 8 * chunk * nCols);
  const flagsAt = align(workAt + 8 * largest.n * largest.mp);
  const end = flagsAt + largest.n;
  const memory = plan.packed ? plan.packed.memory : new WebAssembly.Memory({ initial: 1 });
  const pages = Math.ceil(end / PAGE);
  if (memory.buffer.byteLength < pages * PAGE) memory.grow(pages - memory.buffer.byteLength / PAGE);
  const explain = kernel(memory);
  const buffer = memory.buffer;
  const x = new Float64Array(buffer, xAt, chunk * nCols);
  const out = new Float64Array(buffer, outAt, chunk * nCols);
  for (let r0 = 0; r0 < nRows; r0 += chunk) {
    const rows = Math.min(chunk, nRows - r0);
    x.set(X.values.subarray(r0 * nCols, (r0 + rows) * nCols));
    out.fill(0);
    for (let t = 0; t < nTrees; t++) {
      const tree = plan.packed ? plan.packed.trees[t] : packTree(treeTables(model.trees[t]), buffer, 0);
      explain(tree.rec, tree.vec, tree.n, tree.mp, xAt, rows, nCols, outAt, workAt, flagsAt);
    }
    values.set(out.subarray(0, rows * nCols), r0 * nCols);
  }
  if (scale !== 1) for (let k = 0; k < values.length; k++) values[k] *= scale;
  return { values, expected };
}

type Explain = (
  recs: number,
  vecs: number,
  n: number,
  mp: number,
  x: number,
  nRows: number,
  nCols: number,
  out: number,
  work: number,
  flags: number,
) => void;

let compiled: WebAssembly.Module | null = null;
const instances = new WeakMap<WebAssembly.Memory, Explain>();

function kernel(memory: WebAssembly.Memory): Explain {
  const cached = instances.get(memory);
  if (cached) return cached;
  if (!compiled) compiled = new WebAssembly.Module(Uint8Array.from(atob(SHAP_WASM_BASE64), (c) => c.charCodeAt(0)));
  const explain = new WebAssembly.Instance(compiled, { env: { memory } }).exports.explain as Explain;
  instances.set(memory, explain);
  return explain;
}

const align = (at: number): number => Math.ceil(at / 16) * 16;

/** Quadrature points padded to a whole number of lane pairs. */
const paddedPoints = (m: number): number => m + (m & 1);

function packedBytes(t: TreeTables): number {
  return t.n * RECORD_BYTES + t.n * (32 * paddedPoints(t.m) + 16);
}

/** Writes a tree's records and vectors at byte `at` (16-aligned) in the layout shap.wat reads. */
function packTree(t: TreeTables, buffer: ArrayBuffer, at: number): PackedTree {
  const { n, m } = t;
  const mp = paddedPoints(m);
  const rec = at;
  const vec = at + n * RECORD_BYTES;
  const ints = new Int32Array(buffer, rec, (n * RECORD_BYTES) / 4);
  const doubles = new Float64Array(buffer, rec, (n * RECORD_BYTES) / 8);
  const vectors = new Float64Array(buffer, vec, n * (4 * mp + 2));
  vectors.fill(0); // padded points: zero factors and weights
  for (let c = 0; c < n; c++) {
    const i = (c * RECORD_BYTES) / 4;
    ints[i] = t.feature[c];
    ints[i + 1] = t.right[c];
    ints[i + 2] = t.parent[c];
    ints[i + 3] = t.prev[c];
    ints[i + 4] = t.edgeFeature[c];
    ints[i + 5] = t.isLeft[c] | (t.defaultLeft[c] << 1);
    doubles[(c * RECORD_BYTES) / 8 + 3] = t.threshold[c];
    // A leaf's value rides on its edge's factors, so the walk down leaves each leaf its share of the output.
    const v = t.feature[c] < 0 ? t.value[c] : 1;
    const o = c * (4 * mp + 2);
    for (let k = 0; k < m; k++) {
      vectors[o + k] = t.take[c * m + k] * v;
      vectors[o + mp + k] = t.miss[c * m + k] * v;
      vectors[o + 2 * mp + k] = t.shareTake[c * m + k];
      vectors[o + 3 * mp + k] = t.shareMiss[c * m + k];
    }
    vectors[o + 4 * mp] = t.cover[c] * v;
  }
  return { rec, vec, n, mp };
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
