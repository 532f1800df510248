// Lift and cumulative gains: contact the top share of customers by risk; what share of all churners do we
// reach (gain), and how many times the base rate is that (lift)? A tie group that straddles a cut counts
// pro rata: which of two equally scored customers is contacted first is arbitrary, so the expected value is
// reported rather than whichever the sort happened to put first.
import { checkScores, descendingOrder } from "./order.js";

export interface GainsPoint {
  /** Share of customers contacted (top by score). */
  readonly share: number;
  /** Customers contacted. */
  readonly contacted: number;
  /** Share of all churners among them. */
  readonly gain: number;
  /** Churn rate among the contacted over the overall churn rate. */
  readonly lift: number;
  /** Churn rate within this step alone (between the previous cut and this one). */
  readonly stepRate: number;
}

export function liftAndGains(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  options: { points?: number } = {},
): GainsPoint[] {
  checkScores(y, p, "liftAndGains");
  const points = options.points ?? 10;
  const n = y.length;
  if (n === 0) return [];
  const order = descendingOrder(p);
  // cumulative[k]: expected churners among the first k rows, ties spread evenly within their group.
  const cumulative = new Float64Array(n + 1);
  let k = 0;
  while (k < n) {
    let end = k;
    let positives = 0;
    while (end < n && p[order[end]] === p[order[k]]) positives += y[order[end++]] === 1 ? 1 : 0;
    const rate = positives / (end - k);
    for (let j = k; j < end; j++) cumulative[j + 1] = cumulative[k] + rate * (j + 1 - k);
    k = end;
  }
  const total = cumulative[n];
  const base = total / n;
  const out: GainsPoint[] = [];
  let prevContacted = 0;
  for (let step = 1; step <= points; step++) {
    const contacted = Math.round((n * step) / points);
    const caught = cumulative[contacted];
    const stepCount = contacted - prevContacted;
    out.push({
      share: step / points,
      contacted,
      gain: total > 0 ? caught / total : NaN,
      lift: contacted > 0 && base > 0 ? caught / contacted / base : NaN,
      stepRate: stepCount > 0 ? (caught - cumulative[prevContacted]) / stepCount : NaN,
    });
    prevContacted = contacted;
  }
  return out;
}
