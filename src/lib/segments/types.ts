// The shape of a customer segment as the segments stage writes it and the personas stage reads it.

export type Level = "low" | "mid" | "high";

export interface RfmTriple {
  /** DaySinceLastOrder: days since the last order (higher = less recent). */
  readonly recency: number;
  /** OrderCount: orders in the last month. */
  readonly frequency: number;
  /** CashbackAmount: the data's only money column, standing in for monetary value. */
  readonly monetary: number;
}

export interface DistinctiveFeature {
  readonly feature: string;
  /** Mean (numeric) or share (a category value, named as "Column = value") in the cluster. */
  readonly clusterValue: number;
  readonly baseValue: number;
  /** (cluster - base) / base standard deviation; for shares, the difference over the base share's sd. */
  readonly standardisedDifference: number;
}

export interface ClusterProfile {
  /** Stable id: clusters are ordered by churn rate, lowest first, so id 0 is the safest group. */
  readonly id: number;
  readonly name: string;
  readonly size: number;
  readonly share: number;
  readonly churnRate: number;
  /** 95% Wilson interval of the churn rate. */
  readonly churnRateLow: number;
  readonly churnRateHigh: number;
  /** Mean out-of-fold predicted churn probability of the cluster's customers (null if no model ran). */
  readonly meanPredicted: number | null;
  /** Cluster centre in original units (k-means centre, unstandardised). */
  readonly centre: RfmTriple;
  readonly mean: RfmTriple;
  readonly median: RfmTriple;
  /** Each of R, F, M relative to the whole base (terciles of the base's values). */
  readonly levels: { readonly recency: Level; readonly frequency: Level; readonly monetary: Level };
  /** Churn relative to the whole base's rate. */
  readonly churnLevel: Level;
  /** Features that set the cluster apart from the whole base, largest |standardisedDifference| first. */
  readonly distinctive: readonly DistinctiveFeature[];
}

export interface BaseProfile {
  readonly size: number;
  readonly churnRate: number;
  readonly mean: RfmTriple;
  readonly median: RfmTriple;
}
