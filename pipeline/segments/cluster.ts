// The clustering stage: k-means on the customers' standardised R, F, M over a range of k (the inertia and
// silhouette table the page shows), the chosen k's clusters put in a stable order, and every table row
// assigned to one of them.
import type { KSelectionRow } from "../../src/lib/segments/artifact.js";
import { nearestCentre } from "../../src/lib/segments/rfm.js";
import { chooseK, fitKMeans, type KMeansFit, silhouetteScore } from "./kmeans.js";

export interface ClusteringOptions {
  readonly k: number;
  readonly seed: number;
  readonly restarts: number;
  /** The k range for the inertia/silhouette table; always widened to include k. */
  readonly kMin: number;
  readonly kMax: number;
}

export interface Clustering {
  readonly k: number;
  readonly kSelection: KSelectionRow[];
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
  const choice = chooseK(points, 3, { seed, restarts, kMin, kMax });
  const fit = choice.fits.get(k) ?? fitKMeans(points, 3, k, { seed, restarts });
  const kSelection: KSelectionRow[] = choice.rows.map((r) => ({
    k: r.k,
    inertia: r.inertia,
    silhouette: Number.isFinite(r.silhouette) ? r.silhouette : null,
  }));
  const chosen = choice.rows.find((r) => r.k === k);
  const silhouette = chosen ? chosen.silhouette : silhouetteScore(points, 3, fit.labels, k);

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
