// The exported form of every model the report trains: plain JSON, scored by predictProbability in Node (the
// pipeline, tests) and in the browser (the scoring page) with the same code. Models that cannot take blanks
// or unscaled features carry their own imputation and scaling (RowScaler), so every model scores the same
// matrix: the encoder's output with blanks left as NaN.
import type { TreeEnsembleModel } from "../trees/model.js";

/** Median imputation then standardisation, fitted on the model's training rows. */
export interface RowScaler {
  /** Value used for a blank (NaN): the training median. */
  readonly fill: number[];
  /** Mean and standard deviation (population, as scikit-learn's StandardScaler) after filling; 1 for a constant. */
  readonly mean: number[];
  readonly scale: number[];
}

export interface LogisticModel {
  readonly kind: "logistic";
  readonly featureNames: string[];
  readonly scaler: RowScaler;
  /** Per standardised feature; p = sigmoid(intercept + sum of coefficient x feature). */
  readonly coefficients: number[];
  readonly intercept: number;
}

export interface KnnModel {
  readonly kind: "knn";
  readonly featureNames: string[];
  readonly scaler: RowScaler;
  readonly k: number;
  /** "distance": neighbours weighted by 1 / distance (an exact match takes all the weight). */
  readonly weights: "distance" | "uniform";
  /**
   * Training rows, row-major, imputed but not standardised (small numbers print short, keeping the JSON
   * small); scoring standardises them with the same scaler as the query.
   */
  readonly rows: number[];
  readonly labels: number[];
}

export interface SvmModel {
  readonly kind: "svm";
  readonly featureNames: string[];
  readonly scaler: RowScaler;
  readonly kernel: "rbf";
  /** K(u, v) = exp(-gamma * |u - v|^2) on standardised rows. */
  readonly gamma: number;
  /** Support vectors, row-major, imputed but not standardised (as KnnModel.rows). */
  readonly supportVectors: number[];
  /** Dual coefficients (label x alpha), signed so that a positive decision value means churn. */
  readonly coefficients: number[];
  /** Decision value f(x) = sum of coefficient x K(sv, x) - rho. */
  readonly rho: number;
  /** Platt scaling: p = 1 / (1 + exp(a f + b)), fitted on out-of-fold decision values. */
  readonly platt: { readonly a: number; readonly b: number };
}

export interface TreeModel {
  readonly kind: "tree-ensemble";
  readonly model: TreeEnsembleModel;
}

export interface VotingModel {
  readonly kind: "voting";
  /** Member ids, for the report. */
  readonly memberIds: string[];
  readonly members: ExportedModel[];
  /** Soft voting: the mean of the members' probabilities. */
}

export interface StackingModel {
  readonly kind: "stacking";
  readonly memberIds: string[];
  readonly members: ExportedModel[];
  /** Logistic regression over the members' probabilities (one feature per member, in member order). */
  readonly meta: LogisticModel;
}

export type ExportedModel = LogisticModel | KnnModel | SvmModel | TreeModel | VotingModel | StackingModel;
