// The clustering stage: k-means on the customers' standardised R, F, M over a range of k (the inertia and
// silhouette table the page shows), the chosen k's clusters put in a stable order, and every table row
// assigned to one of them.
import type { KSelectionRow } from "../../src/lib/segments/artifact.js";
import { nearestCentre } from "../../src/lib/segments/rfm.js";
import { deriveSeed } from "../../src/lib/random.js";
import { chooseK, fitKMeans, type KMeansFit, silhouetteSample, silhouetteScore } from "./kmeans.js";

export interface ClusteringOptions {
  readonly k: number;
  readonly seed: number;
  readonly restarts: number;
  /** The k range for the inertia/silhouette table; always widened to include k. */
  readonly kMin: number;
  readonly kMax: number;
  /** Customers above which the k range runs on a sample (KMEANS_SAMPLE_CAP); tests lower it. */
  readonly sampleCap?: number;
}

/**
 * Customers the k range (9 values of k, 10 restarts each) is fitted on whole; above it, on a seeded sample of
 * this many, so the table costs the same at any size.
 */
export const KMEANS_SAMPLE_CAP = 20_000;
/** The silhouette is exact up to this many points (it is quadratic), as chooseK measures it. */
const SILHOUETTE_ROWS = 10_000;

/** The rows `at` of n x 3 points, in that order. */
function pointsOf(points: Float64Array, at: Int32Array): Float64Array {
  const out = new Float64Array(at.length * 3);
  for (let s = 0; s < at.length; s++) out.set(points.subarray(at[s] * 3, at[s] * 3 + 3), s * 3);
  return out;
}

export interface Clustering {
  readonly k: number;
  readonly kSelection: KSelectionRow[];
  /** Customers the kSelection table was fitted on when it was a sample of them; null: all of them. */
  readonly kSelectionRows: number | null;
  /** Silhouette of the chosen k (NaN when it cannot be computed). */
  readonly silhouette: number;
  readonly inertia: number;
  /** Centres in standardised space, by stable id. */
  readonly centres: [number, number, number][];
  /** Table rows of each cluster, by stable id, in the order the rows were given. */
  readonly members: number[][];
  /** Stable id of each clustered point (points[s] is table row rows[s]). */
  readonly clusterOfPoint: Int32Array;
}

/**
 * Stable order of the k-means clusters: churn rate, lowest first; equal rates by centre (R, then F, then M).
 * Returns order[id] = k-means cluster index.
 */
export function stableOrder(fit: KMeansFit, churnRates: Float64Array): number[] {
  const { d } = fit;
  return Array.from({ length: fit.k }, (_, c) => c).sort((a, b) => {
    const dr = churnRates[a] - churnRates[b];
    if (dr !== 0) return dr;
    for (let j = 0; j < d; j++) {
      const dc = fit.centres[a * d + j] - fit.centres[b * d + j];
      if (dc !== 0) return dc;
    }
    return a - b;
  });
}

/**
 * k-means for the whole k range, the chosen k among them, so the table and the clusters come from one fit.
 * `points` is row-major n x 3 (standardised R, F, M of table rows `rows`); `churn` orders the clusters.
 */
export function clusterCustomers(
  points: Float64Array,
  rows: Int32Array,
  churn: Uint8Array,
  options: ClusteringOptions,
): Clustering {
  const { k, seed, restarts } = options;
  const n = rows.length;
  const kMin = Math.min(options.kMin, k);
  const kMax = Math.max(options.kMax, k);
  const cap = options.sampleCap ?? KMEANS_SAMPLE_CAP;
  let fit: KMeansFit;
  let choice: ReturnType<typeof chooseK>;
  let silhouette: number;
  let kSelectionRows: number | null = null;
  if (n <= cap) {
    choice = chooseK(points, 3, { seed, restarts, kMin, kMax });
    fit = choice.fits.get(k) ?? fitKMeans(points, 3, k, { seed, restarts });
    const chosen = choice.rows.find((r) => r.k === k);
    silhouette = chosen ? chosen.silhouette : silhouetteScore(points, 3, fit.labels, k);
  } else {
    // Many customers: the k range and the restarts run on a seeded sample; the chosen k's best start is then
    // run to convergence on every customer, and its silhouette measured on (a sample of) them.
    const sample = silhouetteSample(n, cap, deriveSeed(seed, "kmeans-sample"));
    choice = chooseK(pointsOf(points, sample), 3, { seed, restarts, kMin, kMax });
    const start = choice.fits.get(k) ?? fitKMeans(pointsOf(points, sample), 3, k, { seed, restarts });
    fit = fitKMeans(points, 3, k, { seed, initial: start.centres });
    const measured = Int32Array.from(
      silhouetteSample(sample.length, SILHOUETTE_ROWS, deriveSeed(seed, "kmeans-silhouette")),
      (q) => sample[q],
    );
    kSelectionRows = sample.length;
    silhouette = silhouetteScore(
      pointsOf(points, measured),
      3,
      Int32Array.from(measured, (s) => fit.labels[s]),
      k,
    );
  }
  const kSelection: KSelectionRow[] = choice.rows.map((r) => ({
    k: r.k,
    inertia: r.inertia,
    silhouette: Number.isFinite(r.silhouette) ? r.silhouette : null,
  }));

  // Members of each k-means cluster, as table rows; an empty cluster sorts last.
  const membersRaw: number[][] = Array.from({ length: k }, () => []);
  for (let s = 0; s < n; s++) membersRaw[fit.labels[s]].push(rows[s]);
  const rawChurn = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let y = 0;
    for (const i of membersRaw[c]) y += churn[i];
    rawChurn[c] = membersRaw[c].length > 0 ? y / membersRaw[c].length : Infinity;
  }
  const order = stableOrder(fit, rawChurn);
  const idOf = new Int32Array(k);
  order.forEach((c, id) => (idOf[c] = id));
  const clusterOfPoint = new Int32Array(n);
  for (let s = 0; s < n; s++) clusterOfPoint[s] = idOf[fit.labels[s]];
  return {
    k,
    kSelection,
    kSelectionRows,
    silhouette,
    inertia: fit.inertia,
    centres: order.map((c) => [fit.centres[c * 3], fit.centres[c * 3 + 1], fit.centres[c * 3 + 2]]),
    members: order.map((c) => membersRaw[c]),
    clusterOfPoint,
  };
}

/**
 * Stable cluster id of every table row (duplicates too), by the nearest-centre rule the Score page uses;
 * the clustered rows keep their k-means label, which equals the nearest centre except on exact ties.
 */
export function clusterOfEveryRow(
  centres: readonly (readonly number[])[],
  allPoints: Float64Array,
  rows: Int32Array,
  clusterOfPoint: Int32Array,
): Int32Array {
  const nRows = allPoints.length / 3;
  const out = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    out[i] = nearestCentre(centres, allPoints[3 * i], allPoints[3 * i + 1], allPoints[3 * i + 2]);
  }
  for (let s = 0; s < rows.length; s++) out[rows[s]] = clusterOfPoint[s];
  return out;
}
