// Gradient boosting for binary log-loss on binned features (the histogram method of XGBoost `hist` and
// LightGBM). Each round fits one tree to the gradient and hessian of the loss at the current margins.

import type { FeatureMatrix } from "../../src/lib/matrix.js";
import { deriveSeed, mulberry32, type Random } from "../../src/lib/random.js";
import type { CompactTree, TreeEnsembleModel } from "../../src/lib/trees/model.js";
import { MAX_BINS, applyBins, fitBins, type BinnedMatrix } from "./bin.js";
import { TreeGrower, leafOfBinned, toCompactTree, type GrowParams, type GrownTree } from "./grow.js";
import { paramsInfo } from "./params.js";

export interface GbdtParams {
  rounds: number;
  /** Shrinkage applied to every tree's leaf values. */
  learningRate: number;
  /** Infinity: no depth limit (leaf-wise growth with maxLeaves). */
  maxDepth: number;
  /** Infinity: no leaf limit (depth-wise growth with maxDepth). */
  maxLeaves: number;
  growth: "depthwise" | "leafwise";
  /** Minimum sum of hessians in a child. */
  minChildWeight: number;
  /** Minimum loss reduction to split (XGBoost's gamma). */
  minGain: number;
  /** L2 regularisation on leaf values. */
  lambda: number;
  /** Share of rows drawn (without replacement, per row) for each tree. */
  subsample: number;
  /** Share of features available to each tree. */
  colsample: number;
  /** Stop when the validation log-loss has not improved for this many rounds (0: never); needs a validation set. */
  earlyStoppingRounds: number;
  maxBins: number;
  seed: number;
}

/** Depth-wise, XGBoost-like defaults. */
export const DEFAULT_GBDT: GbdtParams = {
  rounds: 300,
  learningRate: 0.1,
  maxDepth: 6,
  maxLeaves: Infinity,
  growth: "depthwise",
  minChildWeight: 1,
  minGain: 0,
  lambda: 1,
  subsample: 1,
  colsample: 1,
  earlyStoppingRounds: 0,
  maxBins: MAX_BINS,
  seed: 0,
};

/** Leaf-wise, LightGBM-like defaults. */
export const DEFAULT_GBDT_LEAFWISE: GbdtParams = {
  ...DEFAULT_GBDT,
  growth: "leafwise",
  maxDepth: Infinity,
  maxLeaves: 31,
  minChildWeight: 1e-3,
  lambda: 0,
};

export interface Validation {
  X: FeatureMatrix;
  y: Uint8Array;
}

export function trainGbdt(
  X: FeatureMatrix,
  y: Uint8Array,
  params: Partial<GbdtParams> = {},
  validation?: Validation,
): TreeEnsembleModel {
  const p: GbdtParams = { ...DEFAULT_GBDT, ...params };
  checkParams(p, X, y);
  const n = X.nRows;
  const cuts = fitBins(X, { maxBins: p.maxBins, seed: deriveSeed(p.seed, "bins") });
  const binned = applyBins(X, cuts);
  const grower = new TreeGrower(binned);
  const grow: GrowParams = {
    maxDepth: p.maxDepth,
    maxLeaves: p.maxLeaves,
    growth: p.growth,
    minChildWeight: p.minChildWeight,
    minGain: p.minGain,
    lambda: p.lambda,
    leafValue: "newton",
    featuresPerSplit: 0,
  };

  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  // Start from the prior log-odds (as LightGBM and scikit-learn do), clamped for one-class data.
  const prior = Math.min(Math.max(positives / n, 1e-6), 1 - 1e-6);
  const baseScore = Math.log(prior / (1 - prior));

  const margin = new Float64Array(n).fill(baseScore);
  const gh = grower.gh;
  const rowRandom = mulberry32(deriveSeed(p.seed, "rows"));
  const colRandom = mulberry32(deriveSeed(p.seed, "columns"));
  const treeRandom = mulberry32(deriveSeed(p.seed, "trees"));
  const sampleBuffer = new Int32Array(n);
  const inSample = new Uint8Array(n);
  const allFeatures = Int32Array.from({ length: X.nCols }, (_, f) => f);
  const nTreeFeatures = Math.max(1, Math.round(p.colsample * X.nCols));

  const vBinned = validation ? applyBins(validation.X, cuts) : null;
  const vMargin = validation ? new Float64Array(validation.X.nRows).fill(baseScore) : null;
  const vLoss: number[] = [];
  let bestLoss = Infinity;
  let bestRound = -1;

  const trees: CompactTree[] = [];
  for (let round = 0; round < p.rounds; round++) {
    for (let r = 0; r < n; r++) {
      const pr = 1 / (1 + Math.exp(-margin[r]));
      gh[2 * r] = pr - y[r];
      // A floor keeps leaf values finite when every row in a leaf is already fitted.
      gh[2 * r + 1] = Math.max(pr * (1 - pr), 1e-16);
    }
    let sample: Int32Array | null = null;
    if (p.subsample < 1) {
      let m = 0;
      for (let r = 0; r < n; r++) {
        const take = rowRandom() < p.subsample ? 1 : 0;
        inSample[r] = take;
        if (take) sampleBuffer[m++] = r;
      }
      if (m === 0) sampleBuffer[m++] = Math.floor(rowRandom() * n);
      sample = sampleBuffer.subarray(0, m);
    }
    const features = nTreeFeatures < X.nCols ? pickFeatures(X.nCols, nTreeFeatures, colRandom) : allFeatures;
    const tree = grower.grow(gh, sample, features, grow, treeRandom);

    // Training margins: rows the tree was grown on sit in its leaves' row ranges; the others are routed.
    const rows = grower.rows;
    for (let k = 0; k < tree.feature.length; k++) {
      if (tree.feature[k] !== -1) continue;
      const v = tree.value[k] * p.learningRate;
      const end = tree.rowStart[k] + tree.rowCount[k];
      for (let q = tree.rowStart[k]; q < end; q++) margin[rows[q]] += v;
    }
    if (sample) {
      for (let r = 0; r < n; r++)
        if (!inSample[r]) margin[r] += tree.value[leafOfBinned(tree, binned, r)] * p.learningRate;
    }
    trees.push(toCompactTree(tree, cuts, p.learningRate));

    if (vBinned && vMargin && validation) {
      const loss = addAndScore(tree, vBinned, vMargin, validation.y, p.learningRate);
      vLoss.push(loss);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestRound = round;
      } else if (p.earlyStoppingRounds > 0 && round - bestRound >= p.earlyStoppingRounds) break;
    }
  }
  const roundsRun = trees.length;
  if (vBinned && p.earlyStoppingRounds > 0 && bestRound >= 0) trees.length = bestRound + 1;

  return {
    format: 1,
    kind: "gbdt",
    featureNames: X.featureNames.slice(),
    baseScore,
    trees,
    info: {
      ...paramsInfo(p),
      roundsRun,
      bestRound: bestRound >= 0 ? bestRound + 1 : null,
      validationLoss: vLoss.map((v) => Math.round(v * 1e6) / 1e6),
    },
  };
}

function addAndScore(
  tree: GrownTree,
  binned: BinnedMatrix,
  margin: Float64Array,
  y: Uint8Array,
  scale: number,
): number {
  let loss = 0;
  for (let r = 0; r < binned.nRows; r++) {
    margin[r] += tree.value[leafOfBinned(tree, binned, r)] * scale;
    loss += logLoss(margin[r], y[r]);
  }
  return loss / binned.nRows;
}

/** Log-loss of one row from its margin, computed without overflow. */
export function logLoss(margin: number, y: number): number {
  const z = y ? -margin : margin;
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** k distinct features out of n, in ascending order. */
export function pickFeatures(n: number, k: number, random: Random): Int32Array {
  const all = Int32Array.from({ length: n }, (_, f) => f);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, k).sort();
}

function checkParams(p: GbdtParams, X: FeatureMatrix, y: Uint8Array): void {
  if (y.length !== X.nRows) throw new Error(`trainGbdt: ${X.nRows} rows but ${y.length} labels`);
  if (X.nRows === 0) throw new Error("trainGbdt: no rows");
  if (!(p.rounds >= 1)) throw new Error("trainGbdt: rounds must be >= 1");
  if (!(p.learningRate > 0)) throw new Error("trainGbdt: learningRate must be > 0");
  if (!(p.maxDepth >= 1)) throw new Error("trainGbdt: maxDepth must be >= 1");
  if (!(p.maxLeaves >= 2)) throw new Error("trainGbdt: maxLeaves must be >= 2");
  if (p.maxDepth === Infinity && p.maxLeaves === Infinity) throw new Error("trainGbdt: limit maxDepth or maxLeaves");
  if (!(p.subsample > 0 && p.subsample <= 1)) throw new Error("trainGbdt: subsample must be in (0, 1]");
  if (!(p.colsample > 0 && p.colsample <= 1)) throw new Error("trainGbdt: colsample must be in (0, 1]");
  if (!(p.lambda >= 0 && p.minGain >= 0 && p.minChildWeight >= 0))
    throw new Error("trainGbdt: lambda, minGain, minChildWeight must be >= 0");
}

/**
 * Settings chosen for the churn data by 5-fold cross-validation on the training rows of the reference
 * split (never the test rows): deeper, unpenalised trees on 60% of the features per tree did best
 * (mean fold ROC-AUC 0.9870 depth-wise, 0.9877 leaf-wise, against 0.9803 for DEFAULT_GBDT at 300 rounds).
 */
export const CHURN_GBDT_DEPTHWISE: Partial<GbdtParams> = {
  rounds: 300,
  learningRate: 0.1,
  maxDepth: 8,
  lambda: 0,
  minChildWeight: 1e-3,
  colsample: 0.6,
};

export const CHURN_GBDT_LEAFWISE: Partial<GbdtParams> = {
  ...DEFAULT_GBDT_LEAFWISE,
  rounds: 300,
  learningRate: 0.1,
  maxLeaves: 63,
  lambda: 0,
  minChildWeight: 1e-3,
  colsample: 0.6,
};
