// Classic RFM: 1-5 quintile scores and the usual named segments. Browser-safe, so the scoring page gives an
// uploaded customer the same scores and segment as the report, from the edges exported with the model.
//
// Scoring rule. The edges are the 20th, 40th, 60th and 80th percentiles of the base (linear interpolation
// between order statistics, as d3.quantile and numpy's default do). A value's score is 1 + the number of
// edges it is strictly above. For recency (days since the last order) the score is reversed: fewer days is
// better, so R = 6 - that count. Values are scored after blanks are imputed.
//
// Ties: OrderCount is 1 or 2 for about two thirds of customers, so several F edges coincide and some
// scores are never given (on the real data F = 3 is empty). That is the honest outcome of fixed edges; a
// rank-based split would fill every bin but put identical customers in different bins and could not score
// a new customer.
import { quantileSorted } from "../stats/quantile.js";

export interface RfmQuintiles {
  /** Four ascending edges per feature, in original units. */
  readonly recency: readonly [number, number, number, number];
  readonly frequency: readonly [number, number, number, number];
  readonly monetary: readonly [number, number, number, number];
}

export type RfmScore = 1 | 2 | 3 | 4 | 5;

export interface RfmScores {
  readonly r: RfmScore;
  readonly f: RfmScore;
  readonly m: RfmScore;
}

function edgesOf(values: ArrayLike<number>, rows?: ArrayLike<number>): [number, number, number, number] {
  const n = rows ? rows.length : values.length;
  const kept = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = values[rows ? rows[k] : k];
    if (Number.isFinite(v)) kept[m++] = v;
  }
  if (m === 0) throw new Error("Cannot fit RFM quintiles on a column with no values");
  const sorted = kept.subarray(0, m).sort();
  return [
    quantileSorted(sorted, 0.2),
    quantileSorted(sorted, 0.4),
    quantileSorted(sorted, 0.6),
    quantileSorted(sorted, 0.8),
  ];
}

/** Fits the quintile edges on the given rows (all when omitted); blanks (NaN) are left out. */
export function fitRfmQuintiles(
  features: {
    readonly recency: ArrayLike<number>;
    readonly frequency: ArrayLike<number>;
    readonly monetary: ArrayLike<number>;
  },
  rows?: ArrayLike<number>,
): RfmQuintiles {
  return {
    recency: edgesOf(features.recency, rows),
    frequency: edgesOf(features.frequency, rows),
    monetary: edgesOf(features.monetary, rows),
  };
}

function above(edges: readonly number[], value: number): number {
  if (!Number.isFinite(value)) throw new Error(`Cannot score a blank or non-finite value (${value}): impute it first`);
  let count = 0;
  for (const e of edges) if (value > e) count++;
  return count;
}

/** 1-5, higher = more of it (frequency, monetary). */
export function quintileScore(edges: readonly number[], value: number): RfmScore {
  return (1 + above(edges, value)) as RfmScore;
}

/** 1-5 for recency in days: fewer days = 5. */
export function recencyScore(edges: readonly number[], days: number): RfmScore {
  return (5 - above(edges, days)) as RfmScore;
}

export function scoreRfm(q: RfmQuintiles, recency: number, frequency: number, monetary: number): RfmScores {
  return {
    r: recencyScore(q.recency, recency),
    f: quintileScore(q.frequency, frequency),
    m: quintileScore(q.monetary, monetary),
  };
}

/** Segment names in display order (best first). */
export const RFM_SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential Loyalists",
  "New Customers",
  "Promising",
  "Need Attention",
  "About to Sleep",
  "At Risk",
  "Can't Lose Them",
  "Hibernating",
  "Lost",
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The rule table: rows are R (1-5), columns the FM score (1-5), where FM = (F + M) / 2 rounded half up.
 * It is the widely used R x F grid (Champions 5/4-5, Loyal 3-4/4-5, At Risk 1-2/3-4, Can't Lose 1-2/5,
 * Hibernating 1-2/1-2, ...) with Lost carved out of Hibernating at R1/FM1. FM rather than F alone because
 * F barely varies here (see the note on ties above) and M, our value proxy, should count towards
 * "Champions" and "Can't Lose Them".
 *
 *          FM=1            FM=2                 FM=3                 FM=4              FM=5
 *   R=5    New Customers   Potential Loyalists  Potential Loyalists  Champions         Champions
 *   R=4    Promising       Potential Loyalists  Potential Loyalists  Loyal             Loyal
 *   R=3    About to Sleep  About to Sleep       Need Attention       Loyal             Loyal
 *   R=2    Hibernating     Hibernating          At Risk              At Risk           Can't Lose Them
 *   R=1    Lost            Hibernating          At Risk              At Risk           Can't Lose Them
 */
export const RFM_SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  /* R=1 */ ["Lost", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
  /* R=2 */ ["Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
  /* R=3 */ ["About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"],
  /* R=4 */ ["Promising", "Potential Loyalists", "Potential Loyalists", "Loyal", "Loyal"],
  /* R=5 */ ["New Customers", "Potential Loyalists", "Potential Loyalists", "Champions", "Champions"],
];

/** (F + M) / 2 rounded half up. */
export function fmScore(f: RfmScore, m: RfmScore): RfmScore {
  return Math.floor((f + m) / 2 + 0.5) as RfmScore;
}

export function rfmSegment(scores: RfmScores): RfmSegment {
  return RFM_SEGMENT_GRID[scores.r - 1][fmScore(scores.f, scores.m) - 1];
}

/** Segment of one customer from imputed R, F, M values. */
export function segmentOf(q: RfmQuintiles, recency: number, frequency: number, monetary: number): RfmSegment {
  return rfmSegment(scoreRfm(q, recency, frequency, monetary));
}
