// The tree builder shared by gradient boosting and the random forest. It grows one tree on binned data
// from per-row first and second order statistics:
//   gbdt:   grad = p - y, hess = p(1 - p); leaf = -G / (H + lambda); gain = ½(G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ))
//   forest: grad = y·w,   hess = w (bootstrap count); leaf = G / H (the class-1 share); with λ = 0 the same
//           gain is ½·(decrease of weighted Gini impurity), since W·Gini = 2(P − P²/W).
// Histograms hold (ΣG, ΣH) per bin and come from a pool; a node's smaller child is built from its rows
// (by the WebAssembly kernel in kernels.wat, over arrays that live in its memory) and the larger one is the
// parent's histogram minus it, computed in place in the parent's buffer.
// Rows live in one index array per tree, partitioned stably in place, so each node owns a contiguous range.

import type { Random } from "../../src/lib/random.js";
import type { CompactTree } from "../../src/lib/trees/model.js";
import type { BinCuts, BinnedMatrix } from "./bin.js";
import { MemoryLayout, instantiateKernels, type Kernels } from "./kernels.js";

export interface GrowParams {
  /** Depth of the deepest leaf (root = 0); Infinity grows until nothing can split. */
  maxDepth: number;
  /** Infinity for no limit. */
  maxLeaves: number;
  /** depthwise: split the shallowest pending node first (level by level, as XGBoost); leafwise: the best gain (LightGBM). */
  growth: "depthwise" | "leafwise";
  /** Minimum ΣH in each child. */
  minChildWeight: number;
  /** A split must reduce the loss by more than this. */
  minGain: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  leafValue: "newton" | "mean";
  /** Features drawn at random for each split among the tree's features; 0 for all. */
  featuresPerSplit: number;
}

/** A grown tree in bin space, plus where its rows ended up. */
export interface GrownTree {
  feature: number[];
  /** Rows with code <= splitBin go left (missing codes follow defaultLeft). */
  splitBin: number[];
  left: number[];
  right: number[];
  defaultLeft: number[];
  value: number[];
  cover: number[];
  gain: number[];
  /** The node's rows are rows[rowStart .. rowStart + rowCount) of the grower's `rows` after growing. */
  rowStart: number[];
  rowCount: number[];
}

/** Relative tolerance below which a gain counts as zero (pure nodes give ±1e-16-sized "gains"). */
const GAIN_EPS = 1e-12;

/**
 * Nodes with fewer rows than this are split without a histogram when the sums are exact (see grow()): each
 * feature the split search visits is tallied from the node's rows instead of all slots being built, copied
 * and subtracted for every node.
 */
const DIRECT_ROWS = 128;

export class TreeGrower {
  readonly binned: BinnedMatrix;
  /** Row indices of the last grown tree, partitioned by node. */
  readonly rows: Int32Array;
  /** Gradient pairs, (grad, hess) of row r at gh[2r], gh[2r + 1]: callers fill it before each grow(). */
  readonly gh: Float64Array;
  /** Sparse rows (see the constructor): row r's slots are rowSlots[rowStart[r] .. rowStart[r + 1]). */
  private readonly rowStart: Int32Array;
  private readonly rowSlots: Uint16Array;
  /** The histogram kernel and the byte offsets of its arrays (rows, gh, rowStart, rowSlots and a histogram). */
  private readonly kernels: Kernels;
  private readonly at: {
    rows: number;
    scratch: number;
    codes: number;
    gh: number;
    rowStart: number;
    rowSlots: number;
    hist: number;
  };
  private readonly kernelHist: Float64Array;
  /** The one feature's bins a direct split search tallies (histogram layout; other slots are stale). */
  private readonly directHist: Float64Array;
  /** Histogram slot of each feature's most frequent bin, left out of rowSlots. */
  private readonly modeSlot: Int32Array;
  private readonly pool: Float64Array[] = [];
  private readonly histSize: number;
  private readonly featureOrder: Int32Array;
  // Best split of the last findSplit call (fields, not an object, to keep the search allocation-free).
  private sFeature = -1;
  private sBin = 0;
  private sDefaultLeft = 0;
  private sGain = 0;
  private sGL = 0;
  private sHL = 0;

  constructor(binned: BinnedMatrix) {
    this.binned = binned;
    // Histograms are built row by row from a sparse row-major view: for each row, the histogram slots of
    // its features, leaving out each feature's most frequent bin (LightGBM's trick; that bin's sums are
    // the node's totals minus the feature's other bins). Row by row, each row's statistics are loaded once
    // and its features land in different slots; a column pass instead sends runs of rows to the same slot
    // of a low-cardinality feature, each add waiting for the previous one. One-hot columns are mostly
    // their most frequent bin, so the view holds far fewer entries than rows x columns (the trees bench's
    // gbdt-train times training with it).
    const { nRows, nCols, codes } = binned;
    const { offsets, nBins } = binned.cuts;
    this.modeSlot = new Int32Array(nCols);
    const tally = new Int32Array(256);
    let entries = 0;
    for (let f = 0; f < nCols; f++) {
      tally.fill(0);
      const base = f * nRows;
      for (let r = 0; r < nRows; r++) tally[codes[base + r]]++;
      let mode = 0;
      for (let c = 1; c <= nBins[f]; c++) if (tally[c] > tally[mode]) mode = c;
      this.modeSlot[f] = offsets[f] + mode;
      entries += nRows - tally[mode];
    }
    // 16-bit slot numbers keep the view small; 65,535 slots is 257 features of 255 bins.
    const { totalSlots } = binned.cuts;
    if (totalSlots > 0xffff) throw new Error(`too many histogram slots (${totalSlots}); at most 65,535`);
    const layout = new MemoryLayout();
    this.at = {
      hist: layout.take(16 * totalSlots),
      gh: layout.take(16 * nRows),
      // The histogram kernel reads 16 indices ahead: the padding stays 0, a valid row.
      rows: layout.take(4 * (nRows + 16)),
      scratch: layout.take(4 * nRows),
      codes: layout.take(nRows * nCols),
      rowStart: layout.take(4 * (nRows + 1)),
      rowSlots: layout.take(2 * entries),
    };
    this.kernels = instantiateKernels(layout.bytes);
    const buffer = this.kernels.memory.buffer;
    this.kernelHist = new Float64Array(buffer, this.at.hist, 2 * totalSlots);
    this.gh = new Float64Array(buffer, this.at.gh, 2 * nRows);
    this.rows = new Int32Array(buffer, this.at.rows, nRows);
    new Uint8Array(buffer, this.at.codes, nRows * nCols).set(codes);
    this.rowStart = new Int32Array(buffer, this.at.rowStart, nRows + 1);
    this.rowSlots = new Uint16Array(buffer, this.at.rowSlots, entries);
    const modeCode = Int32Array.from(this.modeSlot, (slot, f) => slot - offsets[f]);
    let at = 0;
    for (let r = 0; r < nRows; r++) {
      this.rowStart[r] = at;
      for (let f = 0; f < nCols; f++) {
        const c = codes[f * nRows + r];
        if (c !== modeCode[f]) this.rowSlots[at++] = offsets[f] + c;
      }
    }
    this.rowStart[nRows] = at;
    this.histSize = binned.cuts.totalSlots * 2;
    this.directHist = new Float64Array(this.histSize);
    this.featureOrder = new Int32Array(binned.nCols);
  }

  private acquire(): Float64Array {
    return this.pool.pop() ?? new Float64Array(this.histSize);
  }

  private release(hist: Float64Array): void {
    this.pool.push(hist);
  }

  /**
   * Grows one tree. `gh` holds grad and hess interleaved per row (gh[2r], gh[2r+1]), best the grower's own
   * `gh` (any other array is copied into it); `sample` lists the rows to use (null: all rows); `features`
   * the features this tree may split on.
   */
  grow(
    gh: Float64Array,
    sample: Int32Array | null,
    features: Int32Array,
    params: GrowParams,
    random: Random,
  ): GrownTree {
    if (gh !== this.gh) this.gh.set(gh.subarray(0, this.gh.length));
    gh = this.gh;
    const rows = this.rows;
    let n: number;
    if (sample) {
      rows.set(sample);
      n = sample.length;
    } else {
      n = this.binned.nRows;
      for (let r = 0; r < n; r++) rows[r] = r;
    }
    const tree: GrownTree = {
      feature: [],
      splitBin: [],
      left: [],
      right: [],
      defaultLeft: [],
      value: [],
      cover: [],
      gain: [],
      rowStart: [],
      rowCount: [],
    };
    let G = 0;
    let H = 0;
    let whole = true;
    let magnitude = 0;
    for (let k = 0; k < n; k++) {
      const r = rows[k];
      const g = gh[2 * r];
      const h = gh[2 * r + 1];
      G += g;
      H += h;
      whole = whole && g === Math.floor(g) && h === Math.floor(h);
      magnitude += Math.abs(g) + Math.abs(h);
    }
    // Whole-number statistics (the forest's bootstrap counts) add up exactly in any order, so a node's sums
    // do not depend on how they are formed: small nodes then skip histograms (DIRECT_ROWS) with the same
    // result. Fractional ones (boosting) always take the histogram path, whose rounding the trees depend on.
    const exact = whole && magnitude < 2 ** 53;
    const direct = (count: number): boolean => exact && count < DIRECT_ROWS;
    const depth: number[] = [];
    const G_: number[] = []; // per node ΣG, ΣH
    const H_: number[] = [];
    const hists: (Float64Array | null)[] = [];
    const sG: number[] = []; // per node best split: left sums
    const sH: number[] = [];
    const addNode = (start: number, count: number, g: number, h: number, d: number): number => {
      const id = tree.feature.length;
      tree.feature.push(-1);
      tree.splitBin.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.defaultLeft.push(0);
      tree.value.push(leafValue(g, h, params));
      tree.cover.push(h);
      tree.gain.push(0);
      tree.rowStart.push(start);
      tree.rowCount.push(count);
      depth.push(d);
      hists.push(null);
      sG.push(0);
      sH.push(0);
      G_.push(g);
      H_.push(h);
      return id;
    };
    const pending: number[] = [];
    const canSplit = (count: number, h: number, d: number): boolean =>
      d < params.maxDepth && count >= 2 && h >= 2 * params.minChildWeight && params.maxLeaves > 1;
    // Finds the node's best split from its histogram (null: from its rows) and queues it, or makes it a final leaf.
    const consider = (id: number, hist: Float64Array | null): void => {
      this.findSplit(hist, tree.rowStart[id], tree.rowCount[id], G_[id], H_[id], features, params, random);
      if (this.sFeature >= 0) {
        tree.feature[id] = this.sFeature; // tentative; a node left in the queue is reset to a leaf
        tree.splitBin[id] = this.sBin;
        tree.defaultLeft[id] = this.sDefaultLeft;
        tree.gain[id] = this.sGain;
        sG[id] = this.sGL;
        sH[id] = this.sHL;
        hists[id] = hist;
        pending.push(id);
      } else if (hist) this.release(hist);
    };

    const root = addNode(0, n, G, H, 0);
    if (canSplit(n, H, 0)) {
      if (direct(n)) consider(root, null);
      else {
        const hist = this.acquire();
        this.buildHist(hist, 0, n, features, G, H);
        consider(root, hist);
      }
    }
    let leaves = 1;
    const lifo = params.maxLeaves === Infinity;
    while (pending.length > 0 && leaves < params.maxLeaves) {
      let pick = pending.length - 1;
      if (!lifo) {
        pick = 0;
        for (let q = 1; q < pending.length; q++) {
          const a = pending[q];
          const b = pending[pick];
          const better =
            params.growth === "leafwise"
              ? tree.gain[a] > tree.gain[b] || (tree.gain[a] === tree.gain[b] && a < b)
              : depth[a] < depth[b] || (depth[a] === depth[b] && a < b);
          if (better) pick = q;
        }
      }
      const id = pending[pick];
      pending[pick] = pending[pending.length - 1];
      pending.pop();
      const parentHist = hists[id];
      hists[id] = null;

      const start = tree.rowStart[id];
      const count = tree.rowCount[id];
      const nLeft = this.partition(start, count, tree.feature[id], tree.splitBin[id], tree.defaultLeft[id]);
      const nRight = count - nLeft;
      const gL = sG[id];
      const hL = sH[id];
      const gR = G_[id] - gL;
      const hR = H_[id] - hL;
      const d = depth[id] + 1;
      const l = addNode(start, nLeft, gL, hL, d);
      const r = addNode(start + nLeft, nRight, gR, hR, d);
      tree.left[id] = l;
      tree.right[id] = r;
      leaves++;

      const splitL = canSplit(nLeft, hL, d);
      const splitR = canSplit(nRight, hR, d);
      const small = nLeft <= nRight ? l : r;
      const large = small === l ? r : l;
      const [splitSmall, splitLarge] = small === l ? [splitL, splitR] : [splitR, splitL];
      // A child that splits needs a histogram unless it is searched directly; a direct parent has none,
      // and its children, smaller still, are direct too.
      const histSmall = splitSmall && !direct(tree.rowCount[small]);
      const histLarge = splitLarge && !direct(tree.rowCount[large]);
      if (!parentHist || (!histSmall && !histLarge)) {
        if (parentHist) this.release(parentHist);
        if (splitSmall) consider(small, null);
        if (splitLarge) consider(large, null);
        continue;
      }
      const smallHist = this.acquire();
      this.buildHist(smallHist, tree.rowStart[small], tree.rowCount[small], features, G_[small], H_[small]);
      this.subtract(parentHist, smallHist, features);
      if (histSmall) consider(small, smallHist);
      else {
        this.release(smallHist);
        if (splitSmall) consider(small, null);
      }
      if (histLarge) consider(large, parentHist);
      else {
        this.release(parentHist);
        if (splitLarge) consider(large, null);
      }
    }
    // Nodes still queued when the leaf budget ran out stay leaves.
    for (const id of pending) {
      tree.feature[id] = -1;
      tree.splitBin[id] = 0;
      tree.defaultLeft[id] = 0;
      tree.gain[id] = 0;
      const hist = hists[id];
      if (hist) this.release(hist);
    }
    return tree;
  }

  /** Sums gh of rows[start .. start + count) into hist; G and H are the node's totals. */
  private buildHist(
    hist: Float64Array,
    start: number,
    count: number,
    features: Int32Array,
    G: number,
    H: number,
  ): void {
    const offsets = this.binned.cuts.offsets;
    const { at } = this;
    // Slots of features outside `features` collect sums too; nothing reads them.
    this.kernels.hist(
      at.hist,
      this.binned.cuts.totalSlots,
      at.gh,
      at.rows + 4 * start,
      count,
      at.rowStart,
      at.rowSlots,
    );
    hist.set(this.kernelHist);
    for (let q = 0; q < features.length; q++) {
      const f = features[q];
      const mode = 2 * this.modeSlot[f];
      let g = G;
      let h = H;
      for (let j = 2 * offsets[f]; j < 2 * offsets[f + 1]; j += 2) {
        if (j === mode) continue;
        g -= hist[j];
        h -= hist[j + 1];
      }
      hist[mode] = g;
      // Rounding may leave a tiny negative or positive hessian where the bin is empty; an empty bin must read 0.
      hist[mode + 1] = h > 1e-12 * H ? h : 0;
      if (hist[mode + 1] === 0) hist[mode] = 0;
    }
  }

  /**
   * Feature f's bins (its slots of hist) summed from rows[start .. start + count); returns the highest
   * value code met (-1 if none: all missing), so the split search can stop there.
   */
  private tallyFeature(hist: Float64Array, f: number, start: number, count: number): number {
    const { codes, nRows, cuts } = this.binned;
    const { rows, gh } = this;
    const o = 2 * cuts.offsets[f];
    const missing = cuts.nBins[f];
    hist.fill(0, o, 2 * cuts.offsets[f + 1]);
    const base = f * nRows;
    let top = -1;
    for (let k = start; k < start + count; k++) {
      const r = rows[k];
      const c = codes[base + r];
      const j = o + 2 * c;
      hist[j] += gh[2 * r];
      hist[j + 1] += gh[2 * r + 1];
      if (c > top && c !== missing) top = c;
    }
    return top;
  }

  private subtract(from: Float64Array, part: Float64Array, features: Int32Array): void {
    const offsets = this.binned.cuts.offsets;
    for (let q = 0; q < features.length; q++) {
      const f = features[q];
      const end = offsets[f + 1] * 2;
      for (let j = offsets[f] * 2; j < end; j++) from[j] -= part[j];
    }
  }

  /** Stable in-place partition of a node's rows; returns the number going left. */
  private partition(start: number, count: number, f: number, bin: number, defaultLeft: number): number {
    const { nRows, cuts } = this.binned;
    const { at } = this;
    const missingLeft = defaultLeft === 1 ? cuts.nBins[f] : -1;
    return this.kernels.partition(at.rows + 4 * start, count, at.codes + f * nRows, bin, missingLeft, at.scratch);
  }

  /**
   * Best split over the features (or a random subset of them); result in the s* fields, sFeature = -1 if
   * none. Without a histogram, each feature visited is tallied from the node's rows[start .. start + count).
   */
  private findSplit(
    nodeHist: Float64Array | null,
    start: number,
    count: number,
    G: number,
    H: number,
    features: Int32Array,
    params: GrowParams,
    random: Random,
  ): void {
    const { nBins, offsets } = this.binned.cuts;
    const { lambda, minChildWeight } = params;
    const parentScore = (G * G) / (H + lambda);
    // A split is worth making when its gain clears minGain and is not float noise.
    const floor = Math.max(2 * params.minGain, GAIN_EPS * Math.abs(parentScore));
    let bestScore = parentScore + floor;
    this.sFeature = -1;
    let order = features;
    let quota = features.length;
    if (params.featuresPerSplit > 0 && params.featuresPerSplit < features.length) {
      // Features in random order; stop after `featuresPerSplit` of them could split at all. Like
      // scikit-learn, keep drawing past constant features so a node is not left unsplit by bad luck.
      order = this.featureOrder.subarray(0, features.length);
      order.set(features);
      quota = params.featuresPerSplit;
      for (let i = 0; i < order.length - 1; i++) {
        const j = i + Math.floor(random() * (order.length - i));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    const hist = nodeHist ?? this.directHist;
    let usable = 0;
    for (let q = 0; q < order.length && usable < quota; q++) {
      const f = order[q];
      const o = offsets[f] * 2;
      const nb = nBins[f];
      // Thresholds past the highest code met change no partition (their bins are empty): a direct search
      // stops there.
      const last = nodeHist ? nb - 1 : Math.min(nb - 1, this.tallyFeature(hist, f, start, count) + 1);
      const gm = hist[o + 2 * nb];
      const hm = hist[o + 2 * nb + 1];
      let gl = 0;
      let hl = 0;
      let any = false;
      for (let b = 0; b < last; b++) {
        const hb = hist[o + 2 * b + 1];
        gl += hist[o + 2 * b];
        hl += hb;
        if (hb === 0) continue; // an empty bin repeats the previous threshold's partition
        // Missing to the right.
        let hL = hl;
        let hR = H - hl;
        if (hL >= minChildWeight && hR >= minChildWeight && hL > 0 && hR > 0) {
          any = true;
          const gL = gl;
          const gR = G - gl;
          const score = (gL * gL) / (hL + lambda) + (gR * gR) / (hR + lambda);
          if (score > bestScore) {
            bestScore = score;
            this.sFeature = f;
            this.sBin = b;
            this.sGL = gL;
            this.sHL = hL;
            // With no missing values here, send future ones down the heavier side.
            this.sDefaultLeft = hm > 0 ? 0 : hL >= hR ? 1 : 0;
          }
        }
        if (hm > 0) {
          // Missing to the left.
          hL = hl + hm;
          hR = H - hL;
          if (hL >= minChildWeight && hR >= minChildWeight && hR > 0) {
            any = true;
            const gL = gl + gm;
            const gR = G - gL;
            const score = (gL * gL) / (hL + lambda) + (gR * gR) / (hR + lambda);
            if (score > bestScore) {
              bestScore = score;
              this.sFeature = f;
              this.sBin = b;
              this.sGL = gL;
              this.sHL = hL;
              this.sDefaultLeft = 1;
            }
          }
        }
      }
      // Missing rows against all the others: the split "is the value known?".
      if (hm > 0 && hm < H) {
        const hL = H - hm;
        const hR = hm;
        if (hL >= minChildWeight && hR >= minChildWeight) {
          any = true;
          const gL = G - gm;
          const score = (gL * gL) / (hL + lambda) + (gm * gm) / (hR + lambda);
          if (score > bestScore) {
            bestScore = score;
            this.sFeature = f;
            this.sBin = nb - 1;
            this.sGL = gL;
            this.sHL = hL;
            this.sDefaultLeft = 0;
          }
        }
      }
      if (any) usable++;
    }
    this.sGain = this.sFeature >= 0 ? 0.5 * (bestScore - parentScore) : 0;
  }
}

function leafValue(g: number, h: number, params: GrowParams): number {
  if (params.leafValue === "mean") return h > 0 ? g / h : 0;
  return -g / (h + params.lambda);
}

/** The leaf a binned row lands in (training-time scoring of rows a tree did not see). */
export function leafOfBinned(tree: GrownTree, binned: BinnedMatrix, r: number): number {
  const { codes, nRows, cuts } = binned;
  let node = 0;
  let f = tree.feature[0];
  while (f >= 0) {
    const c = codes[f * nRows + r];
    const left = c <= tree.splitBin[node] || (c === cuts.nBins[f] && tree.defaultLeft[node] === 1);
    node = left ? tree.left[node] : tree.right[node];
    f = tree.feature[node];
  }
  return node;
}

/**
 * The exported form of a grown tree: bin thresholds become raw cut values and values are multiplied by
 * `scale` (the learning rate for boosting). A split that only separates missing values from known ones
 * gets the threshold Number.MAX_VALUE, which JSON can carry (it cannot carry Infinity).
 */
export function toCompactTree(tree: GrownTree, cuts: BinCuts, scale: number): CompactTree {
  const n = tree.feature.length;
  const threshold = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const f = tree.feature[k];
    if (f < 0) threshold[k] = 0;
    else {
      const c = cuts.cuts[f];
      threshold[k] = tree.splitBin[k] < c.length ? c[tree.splitBin[k]] : Number.MAX_VALUE;
    }
  }
  return {
    feature: tree.feature.slice(),
    threshold,
    left: tree.left.slice(),
    right: tree.right.slice(),
    defaultLeft: tree.defaultLeft.slice(),
    value: tree.value.map((v) => v * scale),
    // Six significant digits are plenty for explanations and importance and halve the JSON. TreeSHAP
    // stays exactly additive with rounded covers: a path's cover ratios still telescope.
    cover: tree.cover.map(sixDigits),
    gain: tree.gain.map(sixDigits),
  };
}

function sixDigits(v: number): number {
  // Whole numbers below a million already have at most six digits (the forest's covers): no string round trip.
  if (v === Math.floor(v) && Math.abs(v) < 1e6) return v === 0 ? 0 : v;
  return Number(v.toPrecision(6));
}
