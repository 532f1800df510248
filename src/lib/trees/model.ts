// The exported shape of a tree ensemble: plain arrays of numbers, so `JSON.stringify` is the export and
// `JSON.parse` plus `modelFromJSON` the import. Training code (pipeline/trees) builds it; scoring and
// explanations (predict.ts, shap.ts) read it, in Node and in the browser alike.

/**
 * One tree as parallel arrays indexed by node; node 0 is the root.
 * An internal node sends a row left when `x[feature] <= threshold`, and a missing value (NaN) left when
 * `defaultLeft[node] === 1`. A leaf has `feature === -1` and `left === right === -1`.
 */
export interface CompactTree {
  feature: number[];
  /** Raw feature value (not a bin index), so unseen values route by comparison. */
  threshold: number[];
  left: number[];
  right: number[];
  /** 1: missing goes left; 0: right. */
  defaultLeft: number[];
  /**
   * Leaves: the tree's output (gbdt: margin, learning rate already applied; forest: share of class 1).
   * Internal nodes: the same quantity for the node's rows, kept for explanations and debugging.
   */
  value: number[];
  /** Training weight reaching the node (gbdt: sum of hessians; forest: in-bag row count). TreeSHAP needs it. */
  cover: number[];
  /** Loss reduction of the node's split (0 at leaves); gain importance sums these. */
  gain: number[];
}

export interface TreeEnsembleModel {
  /** Format version of this JSON shape. */
  format: 1;
  kind: "gbdt" | "forest";
  featureNames: string[];
  /** Margin offset: gbdt, the log-odds the boosting started from; forest: 0. */
  baseScore: number;
  trees: CompactTree[];
  /** Provenance only; scoring never reads it. */
  info?: Record<string, number | string | boolean | null | number[]>;
}

/** The JSON text of a model (the export). */
export function modelToJSON(model: TreeEnsembleModel): string {
  return JSON.stringify(model);
}

/** Reads and checks an exported model (text or an already parsed object). Throws on a malformed one. */
export function modelFromJSON(source: string | unknown): TreeEnsembleModel {
  const raw = (typeof source === "string" ? JSON.parse(source) : source) as Partial<TreeEnsembleModel> | null;
  if (!raw || typeof raw !== "object") throw new Error("tree model: not an object");
  if (raw.format !== 1) throw new Error(`tree model: unknown format ${String(raw.format)}`);
  if (raw.kind !== "gbdt" && raw.kind !== "forest") throw new Error(`tree model: unknown kind ${String(raw.kind)}`);
  if (!Array.isArray(raw.featureNames) || !Array.isArray(raw.trees))
    throw new Error("tree model: missing featureNames or trees");
  if (typeof raw.baseScore !== "number" || !Number.isFinite(raw.baseScore))
    throw new Error("tree model: bad baseScore");
  const nFeatures = raw.featureNames.length;
  const trees = raw.trees.map((t, i) => checkTree(t, i, nFeatures));
  return {
    format: 1,
    kind: raw.kind,
    featureNames: raw.featureNames.map(String),
    baseScore: raw.baseScore,
    trees,
    info: raw.info,
  };
}

const FIELDS = ["feature", "threshold", "left", "right", "defaultLeft", "value", "cover", "gain"] as const;

function checkTree(tree: CompactTree, index: number, nFeatures: number): CompactTree {
  const n = tree?.feature?.length;
  if (!n) throw new Error(`tree model: tree ${index} is empty`);
  for (const field of FIELDS) {
    if (!Array.isArray(tree[field]) || tree[field].length !== n)
      throw new Error(`tree model: tree ${index} field ${field} has the wrong length`);
  }
  for (let k = 0; k < n; k++) {
    const f = tree.feature[k];
    if (f === -1) continue;
    if (!(f >= 0 && f < nFeatures)) throw new Error(`tree model: tree ${index} node ${k} uses feature ${f}`);
    // Children always come after their parent, which also rules out cycles.
    if (!(tree.left[k] > k && tree.left[k] < n && tree.right[k] > k && tree.right[k] < n)) {
      throw new Error(`tree model: tree ${index} node ${k} has bad children`);
    }
    // JSON has no Infinity: a threshold above every finite value comes back as null.
    if (tree.threshold[k] === null) tree.threshold[k] = Infinity;
  }
  return tree;
}

/** Number of trees, nodes and leaves, for reports. */
export function modelSize(model: TreeEnsembleModel): {
  trees: number;
  nodes: number;
  leaves: number;
  maxDepth: number;
} {
  let nodes = 0;
  let leaves = 0;
  let maxDepth = 0;
  for (const t of model.trees) {
    nodes += t.feature.length;
    const depth = new Int32Array(t.feature.length);
    for (let k = 0; k < t.feature.length; k++) {
      if (t.feature[k] === -1) {
        leaves++;
        if (depth[k] > maxDepth) maxDepth = depth[k];
      } else {
        depth[t.left[k]] = depth[k] + 1;
        depth[t.right[k]] = depth[k] + 1;
      }
    }
  }
  return { trees: model.trees.length, nodes, leaves, maxDepth };
}
