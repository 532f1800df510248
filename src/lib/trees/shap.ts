// Per-prediction feature contributions by TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2): exact
// Shapley values of the tree ensemble's output, where "feature unknown" means following both children
// weighted by their training cover. For each row the contributions plus the expected value equal the
// model's output: the margin for gbdt, the probability for a forest. Runs in O(trees x leaves x depth²), less
// in practice: see ShapWork.

import type { FeatureMatrix } from "../matrix.js";
import type { TreeEnsembleModel } from "./model.js";
import { flatten, type FlatEnsemble } from "./predict.js";

export interface TreeShapResult {
  /** nRows x nCols, row-major: the contribution of feature j to row i is values[i * nCols + j]. */
  values: Float64Array;
  /** The output with no feature known (cover-weighted mean of the leaves), the same for every row. */
  expected: number;
}

/**
 * What TreeSHAP needs of a model besides the flat node arrays, computed once per model object: each tree's
 * expected value and depth, the children's cover fractions (one division per node instead of one per node
 * per row), and the constant factors of the path-weight recurrences by (depth, index), so the inner loops
 * multiply instead of divide.
 */
interface ShapPlan {
  flat: FlatEnsemble;
  /** Per tree: cover-weighted mean of its leaves. */
  expected: Float64Array;
  maxDepth: number;
  /** Per node: cover[left] / cover[node] and cover[right] / cover[node]. */
  zeroLeft: Float64Array;
  zeroRight: Float64Array;
  /** Row stride of the tables below (maxDepth + 2). */
  stride: number;
  /** up[d * stride + i] = (i + 1) / (d + 1): extend's share moved one size up. */
  up: Float64Array;
  /** down[d * stride + i] = (d - i) / (d + 1): extend's share kept at size i. */
  down: Float64Array;
  /** inv[d * stride + i] = (d + 1) / (i + 1), the inverse of `up`: unwinding a feature that is followed. */
  inv: Float64Array;
  /** cold[d * stride + i] = (d + 1) / (d - i), the inverse of `down`: unwinding a feature that is not followed. */
  cold: Float64Array;
}

const planCache = new WeakMap<TreeEnsembleModel, ShapPlan>();

function planOf(model: TreeEnsembleModel): ShapPlan {
  const cached = planCache.get(model);
  if (cached) return cached;
  const flat = flatten(model);
  const nTrees = flat.roots.length;
  const expected = new Float64Array(nTrees);
  let maxDepth = 0;
  for (let t = 0; t < nTrees; t++) {
    expected[t] = expectedValue(flat, flat.roots[t]);
    maxDepth = Math.max(maxDepth, depthOf(flat, flat.roots[t]));
  }
  const n = flat.feature.length;
  const zeroLeft = new Float64Array(n);
  const zeroRight = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (flat.feature[k] < 0) continue;
    zeroLeft[k] = flat.cover[flat.left[k]] / flat.cover[k];
    zeroRight[k] = flat.cover[flat.right[k]] / flat.cover[k];
  }
  const stride = maxDepth + 2;
  const up = new Float64Array(stride * stride);
  const down = new Float64Array(stride * stride);
  const inv = new Float64Array(stride * stride);
  const cold = new Float64Array(stride * stride);
  for (let d = 0; d < stride; d++) {
    for (let i = 0; i <= d; i++) {
      up[d * stride + i] = (i + 1) / (d + 1);
      down[d * stride + i] = (d - i) / (d + 1);
      inv[d * stride + i] = (d + 1) / (i + 1);
      cold[d * stride + i] = i < d ? (d + 1) / (d - i) : 0;
    }
  }
  const plan: ShapPlan = { flat, expected, maxDepth, zeroLeft, zeroRight, stride, up, down, inv, cold };
  planCache.set(model, plan);
  return plan;
}

export function treeShap(model: TreeEnsembleModel, X: FeatureMatrix): TreeShapResult {
  if (X.nCols !== model.featureNames.length)
    throw new Error(`tree model expects ${model.featureNames.length} features, got ${X.nCols}`);
  const plan = planOf(model);
  const nTrees = plan.flat.roots.length;
  const scale = model.kind === "forest" ? (nTrees > 0 ? 1 / nTrees : 0) : 1;
  const { nRows, nCols } = X;
  const values = new Float64Array(nRows * nCols);
  let expected = 0;
  for (let t = 0; t < nTrees; t++) expected += plan.expected[t];
  expected = model.baseScore + expected * scale;
  const work = new ShapWork(plan, nCols);
  const phi = work.phi;
  for (let i = 0; i < nRows; i++) {
    phi.fill(0);
    const rowStart = i * nCols;
    for (let t = 0; t < nTrees; t++) work.tree(X.values, rowStart, plan.flat.roots[t]);
    for (let j = 0; j < nCols; j++) values[rowStart + j] = phi[j] * scale;
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

/**
 * Algorithm 2 of Lundberg et al. without recursion or allocation per row, and with two exact shortcuts.
 *
 * The path: slot s (0 = the root's placeholder) holds a unique feature with its zero fraction (share of
 * cover that reaches here when the feature is unknown) and one fraction (1 when the row follows this path
 * at the feature's splits, else 0; always exactly 0 or 1). The weights w[0..d] are symmetric in the
 * slots, so a feature met again is unwound and its merged element written back into its own slot instead
 * of being moved to the end; a slot overwritten that way is logged and restored when the walk backs up.
 * Only the weights change at every node, so only they are copied, into one block per tree level.
 *
 * Shortcuts (both change nothing but skipped zeros and the order of a few roundings):
 * - with h slots whose one fraction is 1, w[i] = 0 for i >= h, so every loop runs to h, not to d;
 * - a slot with one fraction 0 contributes -v * sum_j w[j] (d + 1) / (d - j) whatever its zero fraction,
 *   so all such slots of a leaf share one O(h) sum.
 */
class ShapWork {
  readonly phi: Float64Array;
  private readonly plan: ShapPlan;
  /** The path, by slot. */
  private readonly pathFeature: Int32Array;
  private readonly pathZero: Float64Array;
  private readonly pathOne: Float64Array;
  /** Slot of a feature on the path (stale entries are caught by checking pathFeature). */
  private readonly slotOf: Int32Array;
  /** Weights, one block of `stride` per tree level. */
  private readonly weight: Float64Array;
  /** Nodes still to visit (the cold child of each split on the way down), as parallel arrays. */
  private readonly sNode: Int32Array;
  private readonly sLevel: Int32Array;
  private readonly sDepth: Int32Array;
  /** The slot the node's element goes to; for a repeated feature, the slot it already has (as -1 - slot). */
  private readonly sSlot: Int32Array;
  private readonly sHot: Int32Array;
  private readonly sZero: Float64Array;
  private readonly sOne: Float64Array;
  /** Slots overwritten by a repeated feature: tree level of the write, slot, previous fractions. */
  private readonly uLevel: Int32Array;
  private readonly uSlot: Int32Array;
  private readonly uZero: Float64Array;
  private readonly uOne: Float64Array;

  constructor(plan: ShapPlan, nCols: number) {
    this.plan = plan;
    this.phi = new Float64Array(nCols);
    const levels = plan.maxDepth + 2;
    const slots = plan.stride;
    this.pathFeature = new Int32Array(slots);
    this.pathZero = new Float64Array(slots);
    this.pathOne = new Float64Array(slots);
    this.slotOf = new Int32Array(Math.max(1, nCols));
    this.weight = new Float64Array(levels * slots + 1);
    this.sNode = new Int32Array(levels);
    this.sLevel = new Int32Array(levels);
    this.sDepth = new Int32Array(levels);
    this.sSlot = new Int32Array(levels);
    this.sHot = new Int32Array(levels);
    this.sZero = new Float64Array(levels);
    this.sOne = new Float64Array(levels);
    this.uLevel = new Int32Array(levels);
    this.uSlot = new Int32Array(levels);
    this.uZero = new Float64Array(levels);
    this.uOne = new Float64Array(levels);
  }

  /** Adds one tree's contributions for the row at `rowStart` to phi. */
  tree(x: Float64Array, rowStart: number, root: number): void {
    const { flat, zeroLeft, zeroRight, stride, up, down, inv, cold } = this.plan;
    const { feature, threshold, left, right, defaultLeft, value } = flat;
    const { pathFeature, pathZero, pathOne, slotOf, weight: w } = this;
    const { sNode, sLevel, sDepth, sSlot, sHot, sZero, sOne, uLevel, uSlot, uZero, uOne } = this;
    let top: number;
    let undo = 0;
    sNode[0] = root;
    sLevel[0] = 0;
    sDepth[0] = 0;
    sSlot[0] = 0;
    sHot[0] = 0;
    sZero[0] = 1;
    sOne[0] = 1;
    pathFeature[0] = -1;
    top = 1;
    while (top > 0) {
      top--;
      let node = sNode[top];
      let level = sLevel[top];
      let d = sDepth[top];
      let slot = sSlot[top];
      let h = sHot[top];
      let zero = sZero[top];
      let one = sOne[top];
      // Back up to this node's parent: undo the slot writes made below it.
      while (undo > 0 && uLevel[undo - 1] >= level) {
        undo--;
        pathZero[uSlot[undo]] = uZero[undo];
        pathOne[uSlot[undo]] = uOne[undo];
      }
      // Walk down, always to the child the row follows, leaving the other on the stack.
      for (;;) {
        const at = level * stride;
        const f = feature[node];
        if (level === 0) {
          w[at] = 1;
          h = 1;
          pathZero[0] = 1;
          pathOne[0] = 1;
        } else {
          const from = at - stride;
          for (let i = 0; i < h; i++) w[at + i] = w[from + i];
          if (slot < 0) {
            // A repeated feature: its element is merged into the slot it already has; log the old one.
            slot = -1 - slot;
            uLevel[undo] = level;
            uSlot[undo] = slot;
            uZero[undo] = pathZero[slot];
            uOne[undo] = pathOne[slot];
            undo++;
          }
          pathZero[slot] = zero;
          pathOne[slot] = one;
          // Extend (the weights of sizes >= h are zero and stay so when one = 0).
          const row = d * stride;
          if (one !== 0) {
            w[at + h] = 0;
            for (let i = h - 1; i >= 0; i--) {
              const wi = w[at + i];
              w[at + i + 1] += wi * up[row + i];
              w[at + i] = zero * wi * down[row + i];
            }
            h++;
          } else {
            for (let i = h - 1; i >= 0; i--) w[at + i] = zero * w[at + i] * down[row + i];
          }
        }
        if (f < 0) {
          if (d > 0) this.leaf(at, d, h, value[node]);
          break;
        }
        const xv = x[rowStart + f];
        const goLeft = xv !== xv ? defaultLeft[node] === 1 : xv <= threshold[node];
        const hot = goLeft ? left[node] : right[node];
        const coldNode = goLeft ? right[node] : left[node];
        const hotZero = goLeft ? zeroLeft[node] : zeroRight[node];
        const coldZero = goLeft ? zeroRight[node] : zeroLeft[node];
        let inZero = 1;
        let inOne = 1;
        let childDepth = d + 1;
        let childSlot = d + 1;
        const k = slotOf[f];
        if (k >= 1 && k <= d && pathFeature[k] === f) {
          // The feature is already on the path: unwind its element from this node's weights; the
          // children write the merged element back into slot k.
          inZero = pathZero[k];
          inOne = pathOne[k];
          const row = d * stride;
          if (inOne !== 0) {
            let next = w[at + h - 1];
            for (let i = h - 2; i >= 0; i--) {
              const tmp = w[at + i];
              const wi = next * inv[row + i];
              w[at + i] = wi;
              next = tmp - wi * inZero * down[row + i];
            }
            h--;
          } else {
            for (let i = h - 1; i >= 0; i--) w[at + i] = (w[at + i] * cold[row + i]) / inZero;
          }
          childDepth = d;
          childSlot = -1 - k;
        } else {
          pathFeature[childSlot] = f;
          slotOf[f] = childSlot;
        }
        sNode[top] = coldNode;
        sLevel[top] = level + 1;
        sDepth[top] = childDepth;
        sSlot[top] = childSlot;
        sHot[top] = h;
        sZero[top] = coldZero * inZero;
        sOne[top] = 0;
        top++;
        node = hot;
        level++;
        d = childDepth;
        slot = childSlot;
        zero = hotZero * inZero;
        one = inOne;
      }
    }
  }

  /** A leaf's contributions: every feature on the path (slots 1..d) with weights w at `at`, h of them nonzero. */
  private leaf(at: number, d: number, h: number, v: number): void {
    const { stride, inv, down, cold } = this.plan;
    const { phi, pathFeature, pathZero, pathOne, weight: w } = this;
    const row = d * stride;
    let coldSum = NaN;
    for (let s = 1; s <= d; s++) {
      const f = pathFeature[s];
      const z = pathZero[s];
      if (pathOne[s] !== 0) {
        // The total weight with this element unwound (one fraction 1).
        let next = w[at + h - 1];
        let total = 0;
        for (let i = h - 2; i >= 0; i--) {
          const tmp = next * inv[row + i];
          total += tmp;
          next = w[at + i] - tmp * z * down[row + i];
        }
        phi[f] += total * (1 - z) * v;
      } else {
        if (coldSum !== coldSum) {
          coldSum = 0;
          for (let j = 0; j < h; j++) coldSum += w[at + j] * cold[row + j];
        }
        phi[f] -= coldSum * v;
      }
    }
  }
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
