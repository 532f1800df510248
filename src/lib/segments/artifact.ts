// The shape of segments.json, as pipeline/segments/segments.ts writes it and the segments page reads it.

import type { RfmQuintiles } from "./rfm-scores.js";
import type { BaseProfile, ClusterProfile } from "./types.js";
import type { ClusterRiskValue, OfferAssumptions } from "./value.js";

export interface KSelectionRow {
  readonly k: number;
  /** Within-cluster sum of squares in standardised space. */
  readonly inertia: number;
  /** Mean silhouette width (-1..1); null when undefined. */
  readonly silhouette: number | null;
}

export interface SegmentCluster extends ClusterProfile {
  /** Mean classic 1-5 scores of the cluster's customers. */
  readonly meanScores: { readonly r: number; readonly f: number; readonly m: number };
  /** Fields for the priority view (see value.ts). */
  readonly risk: ClusterRiskValue;
}

export interface SegmentsArtifact {
  readonly version: 1;
  readonly columns: { readonly recency: string; readonly frequency: string; readonly monetary: string };
  /** Why M is cashback: the data has no revenue column. */
  readonly monetaryNote: string;
  /** Why each axis column was chosen; present only when a column stands in for a role the schema lacks. */
  readonly axes?: readonly {
    readonly role: string;
    readonly column: string;
    readonly source: string;
    readonly why: string;
  }[];
  readonly k: number;
  readonly seed: number;
  readonly restarts: number;
  /** Customers clustered (distinct customers) and rows the scaler was fitted on (training rows). */
  readonly nCustomers: number;
  readonly nScalerRows: number;
  readonly kSelection: readonly KSelectionRow[];
  /** Silhouette and inertia of the chosen k. */
  readonly silhouette: number | null;
  readonly inertia: number;
  readonly base: BaseProfile;
  /**
   * Cuts behind the low/mid/high levels of a cluster centre, [lower, upper] per feature in original units:
   * mean -/+ 0.4307 sd (normal terciles; the base's own terciles coincide on tied counts like OrderCount).
   */
  readonly levelCuts: {
    readonly recency: readonly [number, number];
    readonly frequency: readonly [number, number];
    readonly monetary: readonly [number, number];
  };
  /** Imputation medians (training rows) and the standardisation the centres live in. */
  readonly scaler: {
    readonly medians: { readonly recency: number; readonly frequency: number; readonly monetary: number };
    readonly means: { readonly recency: number; readonly frequency: number; readonly monetary: number };
    readonly sds: { readonly recency: number; readonly frequency: number; readonly monetary: number };
  };
  /** Ordered by stable id (churn rate, lowest first). */
  readonly clusters: readonly SegmentCluster[];
  readonly rfm: {
    readonly quintiles: RfmQuintiles;
    /** Segment names in display order; `crossTable` columns and `points.segment` index into it. */
    readonly segments: readonly string[];
    readonly segmentSizes: readonly number[];
    /** null for an empty segment. */
    readonly segmentChurnRates: readonly (number | null)[];
    /** crossTable[clusterId][segmentIndex] = customers. */
    readonly crossTable: readonly (readonly number[])[];
    /** Share of customers given each score 1-5 (index 0 = score 1), to show where ties empty a score. */
    readonly scoreShares: {
      readonly r: readonly number[];
      readonly f: readonly number[];
      readonly m: readonly number[];
    };
  };
  readonly priority: {
    /** "predicted": out-of-sample model probabilities; "observed": churn flags (no model ran). */
    readonly riskSource: "predicted" | "observed";
    readonly defaults: OfferAssumptions;
  };
  /**
   * Present only when `points` is a seeded sample (stratified by churn) of the `of` clustered customers,
   * which were more than the page draws; every other figure is computed on all of them.
   */
  readonly pointsSample?: { readonly of: number; readonly seed: number };
  /**
   * Present only when the kSelection table was fitted on a seeded sample of `rows` of the `of` customers (the
   * chosen k's clusters are then run to convergence on all of them from the sample's best start).
   */
  readonly kSelectionSample?: { readonly rows: number; readonly of: number };
  /** One entry per clustered customer (or per sampled one, see pointsSample), as parallel arrays (R/F/M after imputation). */
  readonly points: {
    readonly id: readonly string[];
    readonly recency: readonly number[];
    readonly frequency: readonly number[];
    readonly monetary: readonly number[];
    readonly cluster: readonly number[];
    /** Out-of-sample predicted churn probability; null where none. */
    readonly probability: readonly (number | null)[];
    readonly churn: readonly number[];
    /** Index into rfm.segments. */
    readonly segment: readonly number[];
  };
}
