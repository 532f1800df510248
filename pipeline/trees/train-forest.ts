// Random forest on the shared tree builder: each tree sees a bootstrap sample (as row weights), picks
// among a random subset of features at every split by Gini impurity, and predicts the class-1 share of
// its leaf; the forest's probability is the mean of those shares (scikit-learn's predict_proba).

import type { FeatureMatrix } from "../../src/lib/matrix.js";
import { deriveSeed, mulberry32 } from "../../src/lib/random.js";
import type { CompactTree, TreeEnsembleModel } from "../../src/lib/trees/model.js";
import { MAX_BINS, applyBins, fitBins } from "./bin.js";
import { TreeGrower, toCompactTree, type GrowParams } from "./grow.js";
import { paramsInfo } from "./params.js";

export interface ForestParams {
  trees: number;
  /** Infinity: grow until leaves are pure or too small. */
  maxDepth: number;
  /** Minimum (bootstrap-weighted) rows in a leaf. */
  minSamplesLeaf: number;
  /** Features tried per split: "sqrt" of the count, a count (>= 1) or a share (< 1). */
  maxFeatures: number | "sqrt";
  bootstrap: boolean;
  /**
   * Rows drawn into each tree's bootstrap sample, at most (scikit-learn's max_samples); absent or above the
   * rows: as many as the rows. Full-depth trees grow with their sample, so this bounds a tree's cost and size.
   */
  maxSamples?: number;
  maxBins: number;
  seed: number;
}

export const DEFAULT_FOREST: ForestParams = {
  trees: 300,
  maxDepth: Infinity,
  minSamplesLeaf: 1,
  maxFeatures: "sqrt",
  bootstrap: true,
  maxBins: MAX_BINS,
  seed: 0,
};

export function featuresPerSplit(maxFeatures: number | "sqrt", nCols: number): number {
  if (maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(nCols)));
  if (maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * nCols));
  return Math.min(nCols, Math.floor(maxFeatures));
}

export function trainForest(X: FeatureMatrix, y: Uint8Array, params: Partial<ForestParams> = {}): TreeEnsembleModel {
  const p: ForestParams = { ...DEFAULT_FOREST, ...params };
  if (y.length !== X.nRows) throw new Error(`trainForest: ${X.nRows} rows but ${y.length} labels`);
  if (X.nRows === 0) throw new Error("trainForest: no rows");
  if (!(p.trees >= 1)) throw new Error("trainForest: trees must be >= 1");
  if (!(p.maxDepth >= 1)) throw new Error("trainForest: maxDepth must be >= 1");
  if (!(p.minSamplesLeaf >= 1)) throw new Error("trainForest: minSamplesLeaf must be >= 1");
  const n = X.nRows;
  const cuts = fitBins(X, { maxBins: p.maxBins, seed: deriveSeed(p.seed, "bins") });
  const binned = applyBins(X, cuts);
  const grower = new TreeGrower(binned);
  const grow: GrowParams = {
    maxDepth: p.maxDepth,
    maxLeaves: Infinity,
    growth: "depthwise",
    minChildWeight: p.minSamplesLeaf,
    minGain: 0,
    lambda: 0,
    leafValue: "mean",
    featuresPerSplit: featuresPerSplit(p.maxFeatures, X.nCols),
  };
  const features = Int32Array.from({ length: X.nCols }, (_, f) => f);
  const gh = grower.gh;
  const counts = new Int32Array(n);
  const sampleBuffer = new Int32Array(n);
  const bootRandom = mulberry32(deriveSeed(p.seed, "bootstrap"));
  const splitRandom = mulberry32(deriveSeed(p.seed, "splits"));
  const trees: CompactTree[] = [];
  const draws = Math.min(n, p.maxSamples ?? Infinity);
  for (let t = 0; t < p.trees; t++) {
    let sample: Int32Array | null = null;
    if (p.bootstrap) {
      counts.fill(0);
      for (let k = 0; k < draws; k++) counts[Math.floor(bootRandom() * n)]++;
      let m = 0;
      for (let r = 0; r < n; r++) {
        const c = counts[r];
        gh[2 * r] = c * y[r];
        gh[2 * r + 1] = c;
        if (c > 0) sampleBuffer[m++] = r;
      }
      sample = sampleBuffer.subarray(0, m);
    } else {
      for (let r = 0; r < n; r++) {
        gh[2 * r] = y[r];
        gh[2 * r + 1] = 1;
      }
    }
    trees.push(toCompactTree(grower.grow(gh, sample, features, grow, splitRandom), cuts, 1));
  }
  return {
    format: 1,
    kind: "forest",
    featureNames: X.featureNames.slice(),
    baseScore: 0,
    trees,
    // maxSamples is recorded only where it took effect, so a forest on fewer rows is described as before.
    info: paramsInfo(draws < n ? p : { ...p, maxSamples: undefined }),
  };
}
