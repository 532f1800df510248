// Feature binning: every feature is cut once, from the training rows, into at most 255 value bins, and
// the matrix is stored column-wise as bin codes. Trees then split on bin boundaries, and the exported
// model carries the raw cut value, so scoring raw data and scoring bins agree exactly:
// code(x) <= b  <=>  x <= cuts[b].

import type { FeatureMatrix } from "../../src/lib/matrix.js";
import { mulberry32, shuffleInPlace } from "../../src/lib/random.js";

export const MAX_BINS = 255;

/** Cut points per feature, fitted on training rows. */
export interface BinCuts {
  readonly nCols: number;
  /** Value bins per feature (>= 1); the code `nBins[f]` is the missing-value bin. */
  readonly nBins: Int32Array;
  /** Upper edges of the value bins but the last (which is unbounded): length nBins[f] - 1, ascending. */
  readonly cuts: readonly Float64Array[];
  /** Histogram layout: feature f owns slots offsets[f] .. offsets[f + 1] - 1 (its value bins, then missing). */
  readonly offsets: Int32Array;
  readonly totalSlots: number;
}

/** A matrix as bin codes, column-major: code of row r, feature f is codes[f * nRows + r]. */
export interface BinnedMatrix {
  readonly nRows: number;
  readonly nCols: number;
  readonly codes: Uint8Array;
  readonly cuts: BinCuts;
}

export interface BinOptions {
  maxBins: number;
  /** Cut points come from at most this many rows (a seeded sample), as LightGBM and scikit-learn do. */
  sampleLimit: number;
  seed: number;
}

const DEFAULT_BIN_OPTIONS: BinOptions = { maxBins: MAX_BINS, sampleLimit: 200_000, seed: 0 };

/** Columns gathered per pass over the sampled rows. */
const BLOCK_COLUMNS = 8;

/** Whole numbers within this span are counted in an array instead of sorted. */
const COUNT_SPAN = 1 << 16;

/** Quantile cut points for every column of X, from the given rows (default all). */
export function fitBins(X: FeatureMatrix, options: Partial<BinOptions> = {}, rows?: ArrayLike<number>): BinCuts {
  const { maxBins, sampleLimit, seed } = { ...DEFAULT_BIN_OPTIONS, ...options };
  if (!(maxBins >= 2 && maxBins <= MAX_BINS)) throw new Error(`maxBins must be in 2..${MAX_BINS}, got ${maxBins}`);
  const { nCols, values } = X;
  let use: Int32Array;
  if (rows) use = Int32Array.from(rows);
  else {
    use = new Int32Array(X.nRows);
    for (let i = 0; i < use.length; i++) use[i] = i;
  }
  if (use.length > sampleLimit) use = shuffleInPlace(use, mulberry32(seed)).slice(0, sampleLimit).sort();
  const nBins = new Int32Array(nCols);
  const cuts: Float64Array[] = [];
  // The sampled values are gathered a block of columns at a time (a block of a row shares a cache line or
  // two) rather than one strided pass over the whole matrix per column.
  const m = use.length;
  const block = new Float64Array(BLOCK_COLUMNS * m);
  const known = new Int32Array(BLOCK_COLUMNS);
  for (let f0 = 0; f0 < nCols; f0 += BLOCK_COLUMNS) {
    const width = Math.min(BLOCK_COLUMNS, nCols - f0);
    known.fill(0);
    for (let k = 0; k < m; k++) {
      const base = use[k] * nCols + f0;
      for (let j = 0; j < width; j++) {
        const v = values[base + j];
        if (v === v) block[j * m + known[j]++] = v;
      }
    }
    for (let j = 0; j < width; j++) {
      const c = columnCuts(block.subarray(j * m, j * m + known[j]), maxBins);
      cuts.push(c);
      nBins[f0 + j] = c.length + 1;
    }
  }
  const offsets = new Int32Array(nCols + 1);
  for (let f = 0; f < nCols; f++) offsets[f + 1] = offsets[f] + nBins[f] + 1;
  return { nCols, nBins, cuts, offsets, totalSlots: offsets[nCols] };
}

/**
 * Cut points for one column's known values (in any order; `values` may be reordered). Most columns hold
 * whole numbers over a short span (counts, scores, one-hot codes): those are tallied per value, which gives
 * the same distinct values and counts as sorting, at a fraction of the cost.
 */
function columnCuts(values: Float64Array, maxBins: number): Float64Array {
  const m = values.length;
  if (m === 0) return new Float64Array(0);
  let lo = values[0];
  let hi = values[0];
  let whole = true;
  for (let k = 0; k < m; k++) {
    const v = values[k];
    if (v !== Math.floor(v)) {
      whole = false;
      break;
    }
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  if (!whole || hi - lo >= COUNT_SPAN) return quantileCuts(values.sort(), maxBins);
  const tally = new Int32Array(hi - lo + 1);
  for (let k = 0; k < m; k++) tally[values[k] - lo]++;
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < tally.length; i++) {
    if (tally[i] === 0) continue;
    distinct.push(lo + i);
    counts.push(tally[i]);
  }
  return cutsFromCounts(distinct, counts, m, maxBins);
}

/**
 * Cut points for one sorted column: midpoints between neighbouring distinct values, all of them when
 * there are at most maxBins distinct values, else chosen so bins hold about equal numbers of rows.
 */
export function quantileCuts(sorted: Float64Array, maxBins: number): Float64Array {
  const m = sorted.length;
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < m; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) counts[counts.length - 1]++;
    else {
      distinct.push(sorted[k]);
      counts.push(1);
    }
  }
  return cutsFromCounts(distinct, counts, m, maxBins);
}

/** quantileCuts from the ascending distinct values and their counts (m in all). */
function cutsFromCounts(distinct: number[], counts: number[], m: number, maxBins: number): Float64Array {
  const d = distinct.length;
  const out: number[] = [];
  if (d <= maxBins) {
    for (let j = 0; j + 1 < d; j++) out.push(midpoint(distinct[j], distinct[j + 1]));
  } else {
    // Spread the remaining rows over the remaining bins at every step, so one heavy value does not
    // swallow the bins after it.
    let cum = 0;
    let target = m / maxBins;
    for (let j = 0; j + 1 < d && out.length < maxBins - 1; j++) {
      cum += counts[j];
      if (cum >= target) {
        out.push(midpoint(distinct[j], distinct[j + 1]));
        target = cum + (m - cum) / (maxBins - out.length);
      }
    }
  }
  return Float64Array.from(out);
}

function midpoint(a: number, b: number): number {
  const mid = a + (b - a) / 2;
  // Neighbouring doubles, or infinities: fall back to the lower value, which still separates a from b.
  return mid < b && mid >= a ? mid : a;
}

/** The bin code of one value: the first bin whose upper edge is >= v; NaN gets the missing code. */
export function binCode(cuts: Float64Array, v: number): number {
  if (v !== v) return cuts.length + 1;
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bins every row of X with fitted cuts (training or validation rows alike). */
export function applyBins(X: FeatureMatrix, cuts: BinCuts): BinnedMatrix {
  if (X.nCols !== cuts.nCols) throw new Error(`binning expects ${cuts.nCols} features, got ${X.nCols}`);
  const { nRows, nCols, values } = X;
  const codes = new Uint8Array(nRows * nCols);
  for (let f = 0; f < nCols; f++) {
    const c = cuts.cuts[f];
    const base = f * nRows;
    for (let r = 0; r < nRows; r++) codes[base + r] = binCode(c, values[r * nCols + f]);
  }
  return { nRows, nCols, codes, cuts };
}
