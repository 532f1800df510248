// Bootstrap percentile intervals for test-set figures. Resampling is stratified: churners and stayers are
// each resampled with replacement to their own counts, so every replicate has the test set's churn rate.
// Precision and PR-AUC depend on that rate; letting it wander from replicate to replicate would widen
// their intervals with variation that is not the model's, and a replicate without churners has no AUC.
import { descendingOrder } from "./order.js";
import { mulberry32 } from "../random.js";
import { quantileSorted } from "../stats/quantile.js";

export type MetricFn = (y: Uint8Array, p: Float64Array) => number;

export interface Interval {
  /** The metric on the data as given. */
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

export interface BootstrapOptions {
  readonly reps?: number;
  readonly seed: number;
  /** Coverage, 0.95 by default. */
  readonly level?: number;
}

/** One interval; see bootstrapIntervals to score several metrics on the same replicates. */
export function bootstrapInterval(
  metric: MetricFn,
  y: Uint8Array,
  p: Float64Array,
  options: BootstrapOptions,
): Interval {
  return bootstrapIntervals({ metric }, y, p, options).metric;
}

/**
 * Several metrics on shared replicates (cheaper, and their intervals describe the same resamples).
 * Replicates where a metric is NaN are left out of its interval.
 */
export function bootstrapIntervals<K extends string>(
  metrics: Readonly<Record<K, MetricFn>>,
  y: Uint8Array,
  p: Float64Array,
  options: BootstrapOptions,
): Record<K, Interval> {
  const level = options.level ?? 0.95;
  const names = Object.keys(metrics) as K[];
  const n = y.length;
  const yb = new Uint8Array(n);
  const pb = new Float64Array(n);
  const values = names.map(() => [] as number[]);
  forEachReplicate(y, p, options, (order, counts) => {
    let at = 0;
    for (let rank = 0; rank < n; rank++) {
      const i = order[rank];
      for (let c = counts[rank]; c > 0; c--) {
        yb[at] = y[i];
        pb[at] = p[i];
        at++;
      }
    }
    names.forEach((name, m) => {
      const v = metrics[name](yb, pb);
      if (!Number.isNaN(v)) values[m].push(v);
    });
  });
  const out = {} as Record<K, Interval>;
  names.forEach((name, m) => (out[name] = percentileInterval(metrics[name](y, p), values[m], level)));
  return out;
}

/** The estimate with the percentile interval of its replicates' values (NaN ones left out beforehand). */
export function percentileInterval(estimate: number, values: number[], level = 0.95): Interval {
  const sorted = values.sort((a, b) => a - b);
  return {
    estimate,
    lo: quantileSorted(sorted, (1 - level) / 2),
    hi: quantileSorted(sorted, 1 - (1 - level) / 2),
  };
}

/**
 * The stratified replicates, one call each: `order` is the rows by descending score (equal scores in row
 * order) and counts[rank] how many times the row at that rank is drawn. A replicate laid out rank by rank,
 * each row repeated counts[rank] times, is in descending score order, as bootstrapIntervals builds it; a
 * metric can instead be computed from the counts directly (test-set-bootstrap.ts), on the same draws.
 */
export function forEachReplicate(
  y: Uint8Array,
  p: Float64Array,
  options: BootstrapOptions,
  visit: (order: Int32Array, counts: Int32Array) => void,
): void {
  const reps = options.reps ?? 1000;
  const order = descendingOrder(p);
  const positives: number[] = [];
  const negatives: number[] = [];
  order.forEach((i, rank) => (y[i] === 1 ? positives : negatives).push(rank));
  const random = mulberry32(options.seed);
  const counts = new Int32Array(y.length);
  for (let r = 0; r < reps; r++) {
    counts.fill(0);
    for (const group of [positives, negatives]) {
      for (let k = 0; k < group.length; k++) counts[group[Math.floor(random() * group.length)]]++;
    }
    visit(order, counts);
  }
}
