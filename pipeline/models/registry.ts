// The models the report compares: what each is called, which row of the original project's table it stands
// for, which code fits it, and with which settings. Tree models come from the project's own tree engine
// (pipeline/trees): the original's XGBoost, LightGBM and scikit-learn boosting rows are stood for by our
// gradient boosting in the two growth policies those libraries use, and named for what they are.
import type { FeatureMatrix } from "../../src/lib/matrix.js";
import type { ExportedModel } from "../../src/lib/models/types.js";
import { DEFAULT_FOREST, trainForest, type ForestParams } from "../trees/train-forest.js";
import {
  CHURN_GBDT_DEPTHWISE,
  CHURN_GBDT_LEAFWISE,
  DEFAULT_GBDT,
  DEFAULT_GBDT_LEAFWISE,
  trainGbdt,
  type GbdtParams,
} from "../trees/train-gbdt.js";
import { DEFAULT_KNN, trainKnn } from "./knn.js";
import { DEFAULT_LOGISTIC, trainLogistic } from "./logistic.js";
import { DEFAULT_SVM, trainSvmUncalibrated } from "./svm.js";

export type ModelFamily = "linear" | "neighbours" | "kernel" | "boosting" | "bagging" | "ensemble";
export type Settings = Record<string, number | string | boolean | null>;

interface CommonDefinition {
  readonly id: string;
  readonly name: string;
  readonly family: ModelFamily;
  /** The original project's row(s) this model stands for, and how it differs. */
  readonly standsFor: string;
  /** Where the fitting code comes from (a package, or written here). */
  readonly implementation: string;
  readonly settings: Settings;
  /** Needs complete rows: it imputes blanks itself with training medians (its export carries them). */
  readonly needsImputation: boolean;
}

export interface BaseModelDefinition extends CommonDefinition {
  readonly kind: "base";
  /**
   * Rough costs, to start the slow jobs first when fits run in parallel (jobs.ts jobCost), in tenths of a
   * second on the build machine, measured on the real data: `cost` for a fit on 4,000 rows, growing as the
   * fitted rows to the power `costGrowth` (default 1); `scoreCost` for scoring 1,000 rows and `shuffleCost`
   * for one permutation-importance shuffle of 1,000 rows, both times the fitted rows / 4,000 when the model
   * compares every scored row with its training rows or support vectors (`comparesRows`).
   */
  readonly cost: number;
  readonly costGrowth?: number;
  readonly scoreCost: number;
  readonly shuffleCost: number;
  readonly comparesRows?: boolean;
  /**
   * "platt": train() returns the model without its Platt scaling and the model's raw score is a decision
   * value; the evaluation fits Platt on out-of-fold decision values (see evaluate.ts).
   */
  readonly calibration?: "platt";
  /**
   * Fitted on a seeded stratified sample of at most this many of its fit rows (the preprocessing still learns
   * from all of them), for a model whose fitting or scoring grows faster than the rows; scored on every row.
   */
  readonly maxFitRows?: number;
  /** A forest's bootstrap sample per tree, at most (said in the protocol notes when it applies). */
  readonly maxTreeSample?: number;
  train(X: FeatureMatrix, y: Uint8Array, seed: number): Promise<ExportedModel>;
}

export interface EnsembleDefinition extends CommonDefinition {
  readonly kind: "voting" | "stacking";
  readonly members: readonly string[];
}

export type ModelDefinition = BaseModelDefinition | EnsembleDefinition;

/** JSON has no Infinity: "no limit" is written as null. */
function jsonSettings(params: object): Settings {
  const out: Settings = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "seed") continue;
    if (typeof v === "number") out[k] = Number.isFinite(v) ? v : null;
    else if (typeof v === "string" || typeof v === "boolean") out[k] = v;
  }
  return out;
}

// The tree engine's settings for this data, chosen by cross-validation on training folds (train-gbdt.ts).
const GBDT_DEPTHWISE: GbdtParams = { ...DEFAULT_GBDT, ...CHURN_GBDT_DEPTHWISE };
const GBDT_LEAFWISE: GbdtParams = { ...DEFAULT_GBDT_LEAFWISE, ...CHURN_GBDT_LEAFWISE };
const FOREST: ForestParams = { ...DEFAULT_FOREST, trees: 300, maxFeatures: "sqrt" };
/**
 * The fit sample of k-nearest neighbours and the SVM: above the training set of a table of a few thousand
 * customers (the real data's 4,059), so those are fitted on every row as before.
 */
export const FIT_SAMPLE_CAP = 5_000;
/**
 * Rows in each forest tree's bootstrap sample, at most: full-depth trees grow with their sample, so above this
 * a fit would grow as the rows and the model with them. Above the real data's 4,059 training rows.
 */
export const FOREST_TREE_SAMPLE = 20_000;
const ENSEMBLE_MEMBERS = ["forest", "gbdt-depthwise", "gbdt-leafwise", "knn", "svm"] as const;

export const MODELS: readonly ModelDefinition[] = [
  {
    kind: "base",
    id: "logistic",
    name: "logistic regression",
    family: "linear",
    standsFor: "LogisticRegression",
    implementation:
      "written here (pipeline/models/logistic.ts): Newton/IRLS with L2 and an intercept; ml-logistic-regression fits no intercept",
    settings: jsonSettings(DEFAULT_LOGISTIC),
    needsImputation: true,
    cost: 1,
    scoreCost: 0.05,
    shuffleCost: 0.02,
    train: async (X, y) => trainLogistic(X, y),
  },
  {
    kind: "base",
    id: "knn",
    name: "k-nearest neighbours",
    family: "neighbours",
    standsFor: "KNN (k = 5, distance-weighted)",
    implementation:
      "written here (pipeline/models/knn.ts, src/lib/models/knn.ts): brute force on standardised features; ml-knn gives labels only",
    settings: jsonSettings(DEFAULT_KNN),
    needsImputation: true,
    cost: 0.5,
    scoreCost: 2,
    shuffleCost: 0.5,
    comparesRows: true,
    maxFitRows: FIT_SAMPLE_CAP,
    train: async (X, y) => trainKnn(X, y),
  },
  {
    kind: "base",
    id: "svm",
    name: "support vector machine (RBF)",
    family: "kernel",
    standsFor: "SVC (RBF, Platt probabilities); tuned C and gamma where the original used scikit-learn's defaults",
    implementation:
      "libsvm-js 0.2.1 solves the SVM; Platt scaling (on out-of-fold decision values) and scoring written here",
    settings: jsonSettings(DEFAULT_SVM),
    needsImputation: true,
    cost: 14,
    costGrowth: 2,
    scoreCost: 0.4,
    shuffleCost: 0.7,
    comparesRows: true,
    calibration: "platt",
    maxFitRows: FIT_SAMPLE_CAP,
    train: (X, y, seed) => trainSvmUncalibrated(X, y, { seed }),
  },
  {
    kind: "base",
    id: "gbdt-depthwise",
    name: "gradient boosting, depth-wise",
    family: "boosting",
    standsFor:
      "XGBoost (hist, depth-wise) and scikit-learn's GradientBoosting (depth-3 trees on exact splits); depth 8 here, chosen by CV",
    implementation: "the project's tree engine (pipeline/trees/train-gbdt.ts)",
    settings: jsonSettings(GBDT_DEPTHWISE),
    needsImputation: false,
    cost: 5,
    scoreCost: 0.05,
    shuffleCost: 0.25,
    train: async (X, y, seed) => ({ kind: "tree-ensemble", model: trainGbdt(X, y, { ...GBDT_DEPTHWISE, seed }) }),
  },
  {
    kind: "base",
    id: "gbdt-leafwise",
    name: "gradient boosting, leaf-wise",
    family: "boosting",
    standsFor:
      "LightGBM and scikit-learn's HistGradientBoosting (both leaf-wise, 31 leaves); 63 leaves here, chosen by CV",
    implementation: "the project's tree engine (pipeline/trees/train-gbdt.ts)",
    settings: jsonSettings(GBDT_LEAFWISE),
    needsImputation: false,
    cost: 5,
    scoreCost: 0.05,
    shuffleCost: 0.25,
    train: async (X, y, seed) => ({ kind: "tree-ensemble", model: trainGbdt(X, y, { ...GBDT_LEAFWISE, seed }) }),
  },
  {
    kind: "base",
    id: "forest",
    name: "random forest",
    family: "bagging",
    standsFor: "RandomForest (300 trees, square root of the features per split)",
    implementation:
      "the project's tree engine (pipeline/trees/train-forest.ts); ml-random-forest is too slow and drops a tree's vote",
    settings: jsonSettings(FOREST),
    needsImputation: false,
    cost: 12,
    scoreCost: 0.1,
    shuffleCost: 0.28,
    maxTreeSample: FOREST_TREE_SAMPLE,
    train: async (X, y, seed) => ({
      kind: "tree-ensemble",
      model: trainForest(X, y, { ...FOREST, maxSamples: FOREST_TREE_SAMPLE, seed }),
    }),
  },
  {
    kind: "voting",
    id: "voting",
    name: "soft voting",
    family: "ensemble",
    standsFor: "Voting (soft; the same five members)",
    implementation: "written here: the mean of the members' probabilities",
    settings: { members: ENSEMBLE_MEMBERS.join(", ") },
    needsImputation: false,
    members: ENSEMBLE_MEMBERS,
  },
  {
    kind: "stacking",
    id: "stacking",
    name: "stacking",
    family: "ensemble",
    standsFor: "Stacking (logistic regression over 5-fold out-of-fold member probabilities)",
    implementation: "written here: the logistic regression above, fitted on the members' out-of-fold probabilities",
    settings: { members: ENSEMBLE_MEMBERS.join(", "), meta: "logistic regression, C = 1, on probabilities" },
    needsImputation: false,
    members: ENSEMBLE_MEMBERS,
  },
];

export function modelById(id: string): ModelDefinition {
  const def = MODELS.find((m) => m.id === id);
  if (!def) throw new Error(`unknown model "${id}"; known: ${MODELS.map((m) => m.id).join(", ")}`);
  return def;
}

export function baseModel(id: string): BaseModelDefinition {
  const def = modelById(id);
  if (def.kind !== "base") throw new Error(`model "${id}" is an ensemble, not fitted on its own`);
  return def;
}
