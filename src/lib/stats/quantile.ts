// Quantiles and medians of samples: the one definition each that the pipeline, the scoring page and the
// report's pages share, so a figure computed at build time and the same figure recomputed in the browser agree.
import { quantileSorted as d3QuantileSorted } from "d3-array";

/**
 * Quantile of ascending values: linear interpolation between order statistics (Hyndman and Fan's type 7,
 * numpy's and R's default), which is d3's definition. NaN when there are no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return d3QuantileSorted(sorted as number[], p) ?? NaN;
}

/**
 * Median of ascending values: the middle value, or the midpoint (a + b) / 2 of the two middle values. Not
 * quantileSorted(sorted, 0.5), which computes a + (b - a) / 2 and can differ in the last bit. NaN when there
 * are no values.
 */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

/**
 * Median of the values that are not blank (NaN), by medianSorted; of those at the given rows when rows are
 * given. NaN when there is none.
 */
export function median(values: ArrayLike<number>, rows?: ArrayLike<number>): number {
  const n = rows ? rows.length : values.length;
  const kept = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = values[rows ? rows[k] : k];
    if (!Number.isNaN(v)) kept[m++] = v;
  }
  return medianSorted(kept.subarray(0, m).sort());
}
