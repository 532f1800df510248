// K-means with seeded restarts around ml-kmeans, plus the silhouette and the k = 2..10 table the page uses
// to show why k was chosen. Points are row-major Float64Arrays (n x d), as everywhere in the pipeline.

import { kmeans } from "ml-kmeans";
import { deriveSeed, mulberry32, shuffleInPlace } from "../../src/lib/random.js";

export interface KMeansOptions {
  readonly seed: number;
  /** Independent k-means++ starts; the lowest inertia wins. */
  readonly restarts?: number;
  readonly maxIterations?: number;
  /** ml-kmeans stops when every centre moves less than this (squared distance). */
  readonly tolerance?: number;
  /** k x d starting centres instead of k-means++ restarts (one run from them). */
  readonly initial?: Float64Array;
}

export interface KMeansFit {
  readonly k: number;
  readonly d: number;
  /** Cluster of each row, 0..k-1, in the canonical centre order (see canonicalOrder). */
  readonly labels: Int32Array;
  /** k x d row-major centres: the means of their clusters' points. */
  readonly centres: Float64Array;
  readonly sizes: Int32Array;
  /** Sum of squared distances of the points to their centres. */
  readonly inertia: number;
  /** Which restart won (0-based) and how it ran. */
  readonly restart: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export const DEFAULT_RESTARTS = 10;
export const DEFAULT_MAX_ITERATIONS = 300;

function toRows(points: Float64Array, d: number): number[][] {
  const n = points.length / d;
  const rows = new Array<number[]>(n);
  for (let i = 0; i < n; i++) rows[i] = Array.from(points.subarray(i * d, (i + 1) * d));
  return rows;
}

/** Nearest centre of every point (lowest index on exact ties) and the resulting inertia. */
export function assignNearest(
  points: Float64Array,
  d: number,
  centres: Float64Array,
  k: number,
): { labels: Int32Array; inertia: number } {
  const n = points.length / d;
  const labels = new Int32Array(n);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = points[i * d + j] - centres[c * d + j];
        s += diff * diff;
      }
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bestD;
  }
  return { labels, inertia };
}

/** Means of the clusters' points; an empty cluster keeps its previous centre. */
function clusterMeans(points: Float64Array, d: number, labels: Int32Array, k: number, previous: Float64Array) {
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    sizes[c]++;
    for (let j = 0; j < d; j++) sums[c * d + j] += points[i * d + j];
  }
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) sums[c * d + j] = sizes[c] > 0 ? sums[c * d + j] / sizes[c] : previous[c * d + j];
  }
  return { centres: sums, sizes };
}

/**
 * Permutation putting centres in lexicographic order of their coordinates. ml-kmeans numbers clusters by the
 * order k-means++ happened to pick them; sorting makes the same partition carry the same labels whichever
 * restart (or row order) found it.
 */
function canonicalOrder(centres: Float64Array, d: number, k: number): number[] {
  const order = Array.from({ length: k }, (_, c) => c);
  order.sort((a, b) => {
    for (let j = 0; j < d; j++) {
      const diff = centres[a * d + j] - centres[b * d + j];
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  return order;
}

/** Relative slack for calling two inertias equal: restarts that find the same partition differ by rounding only. */
const INERTIA_TIE = 1e-10;

/**
 * K-means on n x d points with `restarts` k-means++ starts seeded from `seed`. The winner is the restart with
 * no empty cluster and the lowest inertia; inertias equal within rounding go to the earlier restart, so the
 * result depends only on the data, k and the seed.
 */
export function fitKMeans(points: Float64Array, d: number, k: number, options: KMeansOptions): KMeansFit {
  const n = points.length / d;
  if (!Number.isInteger(n) || n === 0) throw new Error(`k-means needs a non-empty n x ${d} matrix`);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new Error(`k must be an integer in 1..${n}, got ${k}`);
  const restarts = options.initial ? 1 : (options.restarts ?? DEFAULT_RESTARTS);
  const initial = options.initial ? toRows(options.initial, d) : null;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? 1e-10;
  const rows = toRows(points, d);

  let best: KMeansFit | null = null;
  let bestEmpty = true;
  for (let r = 0; r < restarts; r++) {
    const result = kmeans(rows, k, {
      initialization: initial ?? "kmeans++",
      seed: deriveSeed(options.seed, `kmeans-restart-${r}`),
      maxIterations,
      tolerance,
    });
    // ml-kmeans returns the labels from before its last centre update, and stops on a centre-movement
    // tolerance. A few plain Lloyd steps to a fixed point make labels, centres and inertia describe one
    // partition in which every point is at its nearest centre: the rule the scoring page applies.
    let centres = Float64Array.from(result.centroids.flat());
    let { labels, inertia } = assignNearest(points, d, centres, k);
    for (let step = 0; step < maxIterations; step++) {
      const means = clusterMeans(points, d, labels, k, centres);
      centres = means.centres;
      const next = assignNearest(points, d, centres, k);
      let changed = false;
      for (let i = 0; i < n; i++) {
        if (next.labels[i] !== labels[i]) {
          changed = true;
          break;
        }
      }
      labels = next.labels;
      inertia = next.inertia;
      if (!changed) break;
    }
    const finalCentres = centres;
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) sizes[labels[i]]++;

    const order = canonicalOrder(finalCentres, d, k);
    const rank = new Int32Array(k);
    order.forEach((c, i) => (rank[c] = i));
    const sortedCentres = new Float64Array(k * d);
    const sortedSizes = new Int32Array(k);
    for (let i = 0; i < k; i++) {
      sortedCentres.set(finalCentres.subarray(order[i] * d, order[i] * d + d), i * d);
      sortedSizes[i] = sizes[order[i]];
    }
    const sortedLabels = labels.map((c) => rank[c]);
    const empty = sortedSizes.some((s) => s === 0);

    const better =
      best === null || (bestEmpty && !empty) || (bestEmpty === empty && inertia < best.inertia * (1 - INERTIA_TIE));
    if (better) {
      best = {
        k,
        d,
        labels: sortedLabels,
        centres: sortedCentres,
        sizes: sortedSizes,
        inertia,
        restart: r,
        iterations: result.iterations,
        converged: result.converged,
      };
      bestEmpty = empty;
    }
  }
  if (!best) throw new Error("unreachable: no k-means restart ran");
  return best;
}

/**
 * Mean silhouette width (Euclidean), exact: every pair once, distances summed per (point, cluster) in one
 * typed array, so memory is n x k rather than n x n. A point alone in its cluster scores 0 (Rousseeuw's
 * convention, as scikit-learn). Returns NaN for fewer than 2 non-empty clusters.
 */
export function silhouetteScore(points: Float64Array, d: number, labels: Int32Array, k: number): number {
  return silhouetteScores(points, d, [{ labels, k }])[0];
}

/**
 * silhouetteScore of several labellings of the same points (the k range), each pair's distance computed
 * once for all of them. Each labelling's sums are added in the same order as on its own, so every score is
 * bit for bit silhouetteScore's.
 */
export function silhouetteScores(
  points: Float64Array,
  d: number,
  labellings: readonly { readonly labels: Int32Array; readonly k: number }[],
): number[] {
  const n = points.length / d;
  const out: number[] = labellings.map(() => NaN);
  // Only labellings with two clusters or more are scored.
  const scored: { at: number; labels: Int32Array; k: number; counts: Int32Array; sums: Float64Array }[] = [];
  labellings.forEach(({ labels, k }, at) => {
    if (labels.length !== n) throw new Error(`silhouette: ${labels.length} labels for ${n} points`);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) counts[labels[i]]++;
    let nonEmpty = 0;
    for (let c = 0; c < k; c++) if (counts[c] > 0) nonEmpty++;
    if (nonEmpty >= 2) scored.push({ at, labels, k, counts, sums: new Float64Array(n * k) });
  });
  if (scored.length === 0) return out;
  const m = scored.length;
  const labelOf = scored.map((s) => s.labels);
  const kOf = Int32Array.from(scored, (s) => s.k);
  const sumsOf = scored.map((s) => s.sums);
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    for (let j = i + 1; j < n; j++) {
      const oj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = points[oi + t] - points[oj + t];
        s += diff * diff;
      }
      const dist = Math.sqrt(s);
      for (let q = 0; q < m; q++) {
        const labels = labelOf[q];
        const k = kOf[q];
        const sums = sumsOf[q];
        sums[i * k + labels[j]] += dist;
        sums[j * k + labels[i]] += dist;
      }
    }
  }
  for (const { at, labels, k, counts, sums } of scored) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const li = labels[i];
      if (counts[li] <= 1) continue;
      const a = sums[i * k + li] / (counts[li] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === li || counts[c] === 0) continue;
        const mean = sums[i * k + c] / counts[c];
        if (mean < b) b = mean;
      }
      const denom = Math.max(a, b);
      total += denom > 0 ? (b - a) / denom : 0;
    }
    out[at] = total / n;
  }
  return out;
}

/** Rows used for the silhouette: all of them up to `max`, else a seeded sample (sorted, so order-free). */
export function silhouetteSample(n: number, max: number, seed: number): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  shuffleInPlace(all, mulberry32(deriveSeed(seed, "silhouette-sample")));
  return all.subarray(0, max).sort();
}

export interface KChoiceRow {
  readonly k: number;
  readonly inertia: number;
  readonly silhouette: number;
}

export interface ChooseKOptions extends KMeansOptions {
  readonly kMin?: number;
  readonly kMax?: number;
  /** Exact silhouette up to this many rows; above it, on a seeded sample of this size (O(n^2) otherwise). */
  readonly silhouetteMaxRows?: number;
}

/** Inertia and silhouette for each k in kMin..kMax (default 2..10), each k fitted as fitKMeans does. */
export function chooseK(
  points: Float64Array,
  d: number,
  options: ChooseKOptions,
): { rows: KChoiceRow[]; fits: Map<number, KMeansFit> } {
  const kMin = options.kMin ?? 2;
  const kMax = options.kMax ?? 10;
  const n = points.length / d;
  const sample = silhouetteSample(n, options.silhouetteMaxRows ?? 10_000, options.seed);
  const samplePoints = new Float64Array(sample.length * d);
  for (let s = 0; s < sample.length; s++) samplePoints.set(points.subarray(sample[s] * d, sample[s] * d + d), s * d);
  const fits = new Map<number, KMeansFit>();
  for (let k = kMin; k <= Math.min(kMax, n); k++) fits.set(k, fitKMeans(points, d, k, options));
  const ks = [...fits.keys()];
  const silhouettes = silhouetteScores(
    samplePoints,
    d,
    ks.map((k) => ({ labels: Int32Array.from(sample, (i) => fits.get(k)!.labels[i]), k })),
  );
  const rows: KChoiceRow[] = ks.map((k, q) => ({ k, inertia: fits.get(k)!.inertia, silhouette: silhouettes[q] }));
  return { rows, fits };
}
