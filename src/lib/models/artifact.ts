// The shape of models.json: what the models page reads. Written by pipeline/models/evaluate.ts.
// Numbers are rounded to 6 decimals; a threshold of null means "flag nobody".
import type { CalibrationBin } from "../metrics/calibration.js";
import type { GainsPoint } from "../metrics/gains.js";
import type { Costs, PolicyKind } from "../threshold.js";

export interface MeanSdFigure {
  readonly mean: number;
  readonly sd: number;
  /** One value per fold. */
  readonly folds: number[];
}

export interface IntervalFigure {
  readonly estimate: number;
  /** Bootstrap 95% percentile interval (stratified resampling of the test set). */
  readonly lo: number;
  readonly hi: number;
}

export interface CvFigures {
  readonly rocAuc: MeanSdFigure;
  readonly averagePrecision: MeanSdFigure;
  readonly logLoss: MeanSdFigure;
  readonly brier: MeanSdFigure;
  /**
   * Per policy: each fold scored at the threshold chosen on the other folds' out-of-fold predictions, so the
   * fold being scored never helped choose its threshold.
   */
  readonly atThreshold: Readonly<
    Record<PolicyKind, { readonly precision: MeanSdFigure; readonly recall: MeanSdFigure; readonly f1: MeanSdFigure }>
  >;
}

export interface PolicyThreshold {
  /** Chosen on all out-of-fold predictions of the training set. */
  readonly threshold: number | null;
  /** The out-of-fold figures at it. */
  readonly oof: {
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
    readonly flaggedShare: number;
    readonly costPerCustomer: number;
  };
}

export interface TestAtThreshold {
  readonly threshold: number | null;
  readonly confusion: { readonly tp: number; readonly fp: number; readonly tn: number; readonly fn: number };
  readonly precision: IntervalFigure;
  readonly recall: IntervalFigure;
  readonly f1: IntervalFigure;
  readonly accuracy: IntervalFigure;
  readonly costPerCustomer: number;
}

export interface Importance {
  /** Per input column (a category's one-hot features permuted together): drop in test ROC-AUC. */
  readonly permutation: { readonly column: string; readonly mean: number; readonly sd: number }[];
  /** Tree models only: each feature's share of the total split gain. */
  readonly gain: { readonly feature: string; readonly share: number }[] | null;
}

export interface TestFigures {
  readonly rocAuc: IntervalFigure;
  readonly averagePrecision: IntervalFigure;
  readonly logLoss: IntervalFigure;
  readonly brier: IntervalFigure;
  readonly atThreshold: Readonly<Record<PolicyKind, TestAtThreshold>>;
  /** At 0.5, the default of most libraries, for comparison with the original's table. */
  readonly atHalf: {
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
    readonly accuracy: number;
  };
  readonly curves: {
    readonly roc: { readonly fpr: number[]; readonly tpr: number[] };
    readonly pr: { readonly recall: number[]; readonly precision: number[] };
    readonly calibration: CalibrationBin[];
    readonly gains: GainsPoint[];
  };
  readonly importance: Importance;
}

export interface ModelEntry {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly standsFor: string;
  readonly implementation: string;
  readonly settings: Record<string, number | string | boolean | null>;
  readonly needsImputation: boolean;
  readonly members: string[] | null;
  readonly cv: CvFigures;
  readonly thresholds: Readonly<Record<PolicyKind, PolicyThreshold>>;
  readonly test: TestFigures;
  /**
   * Present only when the model was fitted on a sample (its cost grows faster than the rows): the final fit's
   * seeded stratified sample of the training rows, and the cap each CV fold's fit was sampled to. It is
   * scored on every row all the same.
   */
  readonly fitSample?: { readonly rows: number; readonly of: number; readonly cap: number };
}

export interface DecisionSummary {
  readonly threshold: number | null;
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ProtocolFigures {
  readonly rocAuc: number;
  readonly averagePrecision: number;
  readonly brier: number;
  readonly atHalf: DecisionSummary;
  /** Threshold with the best F1 read off the test set itself (the original's method: it leaks). */
  readonly testTuned: DecisionSummary;
}

export interface OriginalProtocol {
  readonly description: string;
  readonly rows: number;
  readonly trainRows: number;
  readonly testRows: number;
  /** Test rows whose exact data (a copy) is also in the training set. */
  readonly testRowsWithCopyInTrain: number;
  readonly models: {
    readonly id: string;
    readonly name: string;
    /** All rows, copies on both sides, threshold tuned on the test set. */
    readonly original: ProtocolFigures;
    /** This report's protocol, the same model: duplicates removed, threshold from out-of-fold predictions. */
    readonly honest: Omit<ProtocolFigures, "testTuned"> & {
      readonly oofTuned: DecisionSummary;
      readonly testTuned: DecisionSummary;
    };
  }[];
}

/**
 * The selected model's predictions, so the models page can recompute decisions at any threshold in the browser:
 * labels (0/1) and probabilities rounded to 6 decimals, in the pipeline's row order.
 */
export interface PredictionSet {
  readonly y: number[];
  readonly p: number[];
  /**
   * Present only when the set had more customers than the page is sent: `y` and `p` are then a seeded sample,
   * stratified by churn, of the `of` customers (the report's own figures use all of them).
   */
  readonly sample?: { readonly of: number };
}

export interface SelectedPredictions {
  /** The model fitted on the whole training set, scored once on the test set. */
  readonly test: PredictionSet;
  /** Out-of-fold probabilities of the training set: where the report's thresholds are chosen. */
  readonly oof: PredictionSet;
}

export interface ModelsArtifact {
  readonly format: 1;
  readonly seed: number;
  readonly protocol: {
    readonly rows: number;
    readonly duplicatesRemoved: number;
    readonly trainRows: number;
    readonly testRows: number;
    readonly trainChurners: number;
    readonly testChurners: number;
    /** "seeded" (stratified, seeded) or "ids" (the --test-ids file). */
    readonly testSet: "seeded" | "ids";
    /** Test IDs from the file that are copies of another row and were left out. */
    readonly testIdsExcluded: string[];
    readonly folds: number;
    readonly costs: Costs;
    readonly targetRecall: number;
    readonly bootstrapReps: number;
    readonly permutationRepeats: number;
    readonly selection: string;
    readonly notes: string[];
  };
  readonly models: ModelEntry[];
  readonly selected: { readonly id: string; readonly policy: PolicyKind; readonly reason: string };
  readonly selectedPredictions: SelectedPredictions;
  readonly originalProtocol: OriginalProtocol | null;
}
