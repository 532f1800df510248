// The shape of changes.json: this build against a baseline, as pipeline/changes/ writes it and the "What
// changed" page reads it. The README documents every field.
import type { Interval } from "../metrics/bootstrap.js";
import type { CalibrationBin } from "../metrics/calibration.js";
import type { ColumnDrift } from "../stats/drift.js";
import type { ExpectedCount } from "../stats/expected-count.js";
import type { RateDifference, RateInterval } from "../stats/tests.js";

export interface DriftSection {
  readonly rule: string;
  /** Shared columns, largest effect (PSI) first. */
  readonly columns: readonly ColumnDrift[];
  /** In this build only / in the baseline only (by name). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Same name, another kind (a number then, a category now, or the other way). */
  readonly kindChanged: readonly { readonly column: string; readonly then: string; readonly now: string }[];
  readonly drifted: number;
}

export interface Calibration {
  /** Mean predicted probability and observed churn rate over all the customers scored. */
  readonly meanPredicted: number;
  readonly observedRate: number;
  /** Count-weighted mean |predicted − observed| over ten equal-width bins. */
  readonly ece: number;
  readonly bins: readonly CalibrationBin[];
}

export interface ModelFigures {
  readonly customers: number;
  readonly churners: number;
  readonly threshold: number;
  readonly rocAuc: Interval;
  readonly prAuc: Interval;
  readonly brier: Interval;
  readonly precision: Interval;
  readonly recall: Interval;
  readonly flagged: number;
  readonly calibration: Calibration;
}

export type ReportedFigures = ModelFigures & { readonly id: string; readonly name: string; readonly policy: string };

export interface BacktestSection {
  /** The baseline's model, threshold and policy, on this build's distinct labelled customers. */
  readonly baselineModel: { readonly id: string; readonly name: string; readonly policy: string };
  readonly onNewCustomers: ModelFigures;
  /** Of those customers, how many have an ID that is also in the baseline's file (seen, perhaps trained on). */
  readonly idsInBaseline: number;
  /** The new model on its own held-out test set, as this build's models.json reports it. */
  readonly newModel: ReportedFigures;
  /** The baseline model on the baseline's test set, as that report showed it; null without its models.json. */
  readonly baselineOnItsTest: ReportedFigures | null;
  readonly method: string;
}

export interface SegmentSide {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  /** null when this side has no churn labels (an unlabelled file). */
  readonly churnRate: number | null;
  readonly churnRateLow: number | null;
  readonly churnRateHigh: number | null;
}

export interface SegmentsSection {
  readonly matchedBy: string;
  /** The baseline's segments, each with the new segment it was matched to (null: none left to match). */
  readonly then: readonly (SegmentSide & {
    readonly matchedTo: number | null;
    readonly centreDistance: number | null;
  })[];
  readonly now: readonly (SegmentSide & { readonly matchedFrom: number | null })[];
  /** Customers whose ID is in both builds' segments. */
  readonly shared: number;
  readonly onlyThen: number;
  readonly onlyNow: number;
  /** moves[thenId][nowId]: shared customers in baseline segment thenId and new segment nowId; sums to `shared`. */
  readonly moves: readonly (readonly number[])[];
  /** Shared customers whose new segment is the one their baseline segment was matched to. */
  readonly stayed: number;
}

/** The baseline model's calibration on its own held-out customers (its models.json's test set). */
export interface OwnCalibration {
  readonly customers: number;
  readonly meanPredicted: number;
  readonly observedRate: number;
  /** Count-weighted mean |predicted − observed| over the calibration curve's bins. */
  readonly ece: number;
}

/** A drifted column's rank in the baseline model's permutation importance (1 = the most important of `of`). */
export interface DriftedInModel {
  readonly column: string;
  readonly rank: number;
  readonly of: number;
}

/** What the baseline's model expects of a file without churn labels. */
export type UnlabelledExpectation = ExpectedCount & {
  /** What the expectation assumes (calibration on customers who may have drifted). */
  readonly note: string;
  /** Customers at or above the baseline's threshold. */
  readonly flagged: number;
  /** null when the baseline folder has no models.json. */
  readonly baselineTest: OwnCalibration | null;
  readonly driftedInModel: readonly DriftedInModel[] | null;
};

export interface BuildSide {
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  /** Customers compared: distinct rows (a copy of another row under a new ID is one customer). */
  readonly customers: number;
}

export interface ChangesArtifact {
  readonly version: 1;
  readonly baseline: BuildSide & {
    /** The folder's own name (not its path: the artifact is published) and which layout was read. */
    readonly folder: string;
    readonly layout: string;
    readonly model: { readonly id: string; readonly name: string; readonly threshold: number; readonly policy: string };
  };
  readonly current: BuildSide & { readonly labelled: boolean };
  readonly drift: DriftSection;
  readonly churnRate: {
    readonly then: RateInterval;
    /** Observed (labelled file), or null when unlabelled (see `expected`). */
    readonly now: RateInterval | null;
    /** now − then with Newcombe's interval; null when unlabelled. */
    readonly difference: RateDifference | null;
    /** Unlabelled file: expected churners from the baseline model's probabilities; null when labelled. */
    readonly expected: UnlabelledExpectation | null;
  };
  /** null when the new file has no churn labels. */
  readonly backtest: BacktestSection | null;
  readonly segments: SegmentsSection;
}

/** What the page gets from a build without a baseline. */
export interface NoChanges {
  readonly version: 1;
  readonly baseline: null;
}
