// RFM features, their scaler, and nearest-centre cluster assignment. Browser-safe: the scoring page assigns
// uploaded customers with this same code and the SegmentModel JSON the pipeline exported, so a customer
// lands in the same cluster on the page as in the report.

import { KAGGLE_ECOMMERCE } from "../data/presets/kaggle-ecommerce.js";
import type { RoleWords } from "../data/schema.js";
import type { ChurnTable } from "../data/table.js";
import type { RfmQuintiles } from "./rfm-scores.js";
import type { RfmTriple } from "./types.js";
import { median } from "../stats/quantile.js";

/** The numeric columns that play R (days since the last order), F (orders) and M (money). */
export interface RfmColumns {
  readonly recency: string;
  readonly frequency: string;
  readonly monetary: string;
}

/** The Kaggle preset's R, F and M columns, as the original project defined them on its data. */
export const RFM_COLUMNS = KAGGLE_ECOMMERCE.roles as RfmColumns;

export const RFM_KEYS = ["recency", "frequency", "monetary"] as const;
export type RfmKey = (typeof RFM_KEYS)[number];

/** Shown wherever M appears on the Kaggle data: it has no revenue or spend column. */
export const MONETARY_NOTE = KAGGLE_ECOMMERCE.monetaryNote as string;

/** How the segments speak of each axis: its levels in names, less and more of it, what it counts. */
export type AxisWords = Record<RfmKey, RoleWords>;

/** Which columns the segments stage reads as R, F and M, how the report speaks of them, and why. */
export interface SegmentRoles {
  readonly columns: RfmColumns;
  /** What M is, shown wherever M appears. */
  readonly monetaryNote: string;
  /** Words in cluster names: "high-cashback", "(more cashback)", "(cashback: 1 of 3)". */
  readonly words: AxisWords;
  /** Why each column was chosen; present only when a column stands in for a role the schema lacks. */
  readonly axes?: readonly SegmentAxisChoice[];
}

/** One axis of the segments: the role, the column playing it, how it was chosen and why, in words. */
export interface SegmentAxisChoice {
  readonly role: RfmKey;
  readonly column: string;
  /** "role": the schema names the column for the role; "name": its name says so; "churn": a stand-in. */
  readonly source: "role" | "name" | "churn";
  readonly why: string;
}

/** The roles on the e-commerce churn data the report was built for (the Kaggle preset's). */
export const CHURN_DATA_ROLES: SegmentRoles = {
  columns: RFM_COLUMNS,
  monetaryNote: MONETARY_NOTE,
  words: KAGGLE_ECOMMERCE.roleWords as AxisWords,
};

/** Raw R, F, M per row; NaN marks a blank cell. */
export interface RfmFeatures {
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
}

/** Imputation and standardisation statistics, all fitted on training rows only. JSON-serialisable. */
export interface RfmScaler {
  readonly columns: RfmColumns;
  /** Blank cells are filled with these medians (of the observed training values). */
  readonly medians: RfmTriple;
  /** Mean and population standard deviation of the imputed training values. */
  readonly means: RfmTriple;
  readonly sds: RfmTriple;
  /** Rows the statistics came from. */
  readonly nFit: number;
}

/** Everything needed to put a new customer into a cluster and a classic RFM segment. JSON-serialisable. */
export interface SegmentModel {
  readonly version: 1;
  readonly scaler: RfmScaler;
  /** Cluster centres in standardised space, [recency, frequency, monetary], indexed by stable cluster id. */
  readonly centres: readonly (readonly [number, number, number])[];
  /** Cluster names, indexed by stable cluster id. */
  readonly names: readonly string[];
  /** Quintile edges for the classic 1-5 RFM scores (fitted on the clustered base). */
  readonly quintiles: RfmQuintiles;
}

function column(table: ChurnTable, name: string): Float64Array {
  const col = table.numeric[name];
  if (!col) throw new Error(`RFM needs the numeric column ${name}, which the table does not have`);
  return col;
}

/** R, F, M columns of the table (copies, so later imputation cannot write into the table). */
export function extractRfm(table: ChurnTable, columns: RfmColumns): RfmFeatures {
  return {
    recency: Float64Array.from(column(table, columns.recency)),
    frequency: Float64Array.from(column(table, columns.frequency)),
    monetary: Float64Array.from(column(table, columns.monetary)),
  };
}

/**
 * Fits the scaler on the given rows (all rows when omitted): medians of observed values, then mean/sd after
 * imputation. `columns` says which table columns the features came from; the scaler carries them.
 */
export function fitRfmScaler(features: RfmFeatures, columns: RfmColumns, rows?: ArrayLike<number>): RfmScaler {
  const n = rows ? rows.length : features.recency.length;
  if (n === 0) throw new Error("Cannot fit the RFM scaler on zero rows");
  const stats = (values: Float64Array): { median: number; mean: number; sd: number } => {
    let fill = median(values, rows);
    // A column blank in every training row cannot be imputed from data; 0 keeps the arithmetic finite.
    if (!Number.isFinite(fill)) fill = 0;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const v = values[rows ? rows[k] : k];
      sum += Number.isFinite(v) ? v : fill;
    }
    const mean = sum / n;
    let ss = 0;
    for (let k = 0; k < n; k++) {
      const v = values[rows ? rows[k] : k];
      const d = (Number.isFinite(v) ? v : fill) - mean;
      ss += d * d;
    }
    const sd = Math.sqrt(ss / n);
    // A constant column carries no distance information; sd 1 leaves it at 0 instead of dividing by zero.
    return { median: fill, mean, sd: sd > 0 ? sd : 1 };
  };
  const r = stats(features.recency);
  const f = stats(features.frequency);
  const m = stats(features.monetary);
  return {
    columns: { ...columns },
    medians: { recency: r.median, frequency: f.median, monetary: m.median },
    means: { recency: r.mean, frequency: f.mean, monetary: m.mean },
    sds: { recency: r.sd, frequency: f.sd, monetary: m.sd },
    nFit: n,
  };
}

/** Fills blanks with the scaler's training medians. */
export function imputeRfm(scaler: RfmScaler, recency: number, frequency: number, monetary: number): RfmTriple {
  return {
    recency: Number.isFinite(recency) ? recency : scaler.medians.recency,
    frequency: Number.isFinite(frequency) ? frequency : scaler.medians.frequency,
    monetary: Number.isFinite(monetary) ? monetary : scaler.medians.monetary,
  };
}

/** Imputed RFM columns for every row (new arrays). */
export function imputeRfmFeatures(scaler: RfmScaler, features: RfmFeatures): RfmFeatures {
  const fill = (values: Float64Array, median: number): Float64Array =>
    values.map((v) => (Number.isFinite(v) ? v : median));
  return {
    recency: fill(features.recency, scaler.medians.recency),
    frequency: fill(features.frequency, scaler.medians.frequency),
    monetary: fill(features.monetary, scaler.medians.monetary),
  };
}

/** One customer in standardised space (blanks imputed first). */
export function standardiseRfm(
  scaler: RfmScaler,
  recency: number,
  frequency: number,
  monetary: number,
): [number, number, number] {
  const v = imputeRfm(scaler, recency, frequency, monetary);
  return [
    (v.recency - scaler.means.recency) / scaler.sds.recency,
    (v.frequency - scaler.means.frequency) / scaler.sds.frequency,
    (v.monetary - scaler.means.monetary) / scaler.sds.monetary,
  ];
}

/** Rows (all when omitted) as a row-major n x 3 standardised matrix. */
export function standardiseRfmFeatures(
  scaler: RfmScaler,
  features: RfmFeatures,
  rows?: ArrayLike<number>,
): Float64Array {
  const n = rows ? rows.length : features.recency.length;
  const out = new Float64Array(n * 3);
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k] : k;
    const z = standardiseRfm(scaler, features.recency[i], features.frequency[i], features.monetary[i]);
    out[3 * k] = z[0];
    out[3 * k + 1] = z[1];
    out[3 * k + 2] = z[2];
  }
  return out;
}

/** A standardised point back in original units. */
export function unstandardiseRfm(scaler: RfmScaler, z: ArrayLike<number>): RfmTriple {
  return {
    recency: z[0] * scaler.sds.recency + scaler.means.recency,
    frequency: z[1] * scaler.sds.frequency + scaler.means.frequency,
    monetary: z[2] * scaler.sds.monetary + scaler.means.monetary,
  };
}

/**
 * Index of the nearest centre (squared Euclidean distance) to a standardised point.
 * Exact ties go to the lower index, so assignment never depends on floating-point luck in the loop order.
 */
export function nearestCentre(centres: readonly (readonly number[])[], z0: number, z1: number, z2: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let c = 0; c < centres.length; c++) {
    const centre = centres[c];
    const d0 = z0 - centre[0];
    const d1 = z1 - centre[1];
    const d2 = z2 - centre[2];
    const d = d0 * d0 + d1 * d1 + d2 * d2;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Stable cluster id of one customer from raw R, F, M (NaN = blank, imputed with the training medians). */
export function assignCluster(model: SegmentModel, recency: number, frequency: number, monetary: number): number {
  const z = standardiseRfm(model.scaler, recency, frequency, monetary);
  return nearestCentre(model.centres, z[0], z[1], z[2]);
}

/** Stable cluster id of every row of the table, read from the columns the model was fitted on. */
export function assignClusters(model: SegmentModel, table: ChurnTable): Int32Array {
  const f = extractRfm(table, model.scaler.columns);
  const out = new Int32Array(table.nRows);
  for (let i = 0; i < table.nRows; i++) out[i] = assignCluster(model, f.recency[i], f.frequency[i], f.monetary[i]);
  return out;
}
