// Reliability of the probabilities: customers binned by predicted probability, each bin's mean prediction
// against its observed churn rate. Bins as scikit-learn's calibration_curve: "uniform" cuts [0, 1] into equal
// widths (a probability on a cut goes to the upper bin), "quantile" into equal counts; empty bins are left out.
import { checkScores, descendingOrder } from "./order.js";
import { quantileSorted } from "../stats/quantile.js";

export interface CalibrationBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly meanPredicted: number;
  readonly observedRate: number;
}

export interface CalibrationOptions {
  readonly bins?: number;
  readonly strategy?: "uniform" | "quantile";
}

export function calibrationBins(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  options: CalibrationOptions = {},
): CalibrationBin[] {
  checkScores(y, p, "calibrationBins");
  const nBins = options.bins ?? 10;
  if (!Number.isInteger(nBins) || nBins < 1) throw new RangeError(`bins must be a positive whole number, got ${nBins}`);
  const edges =
    options.strategy === "quantile" ? quantileEdges(p, nBins) : Array.from({ length: nBins + 1 }, (_, k) => k / nBins);
  const m = edges.length - 1;
  const count = new Float64Array(m);
  const sumP = new Float64Array(m);
  const sumY = new Float64Array(m);
  for (let i = 0; i < p.length; i++) {
    // Index of the last inner edge at or below p (numpy's searchsorted(edges[1:-1], p, "right")).
    let b = 0;
    while (b < m - 1 && edges[b + 1] <= p[i]) b++;
    count[b]++;
    sumP[b] += p[i];
    sumY[b] += y[i];
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < m; b++) {
    if (count[b] === 0) continue;
    out.push({
      lo: edges[b],
      hi: edges[b + 1],
      count: count[b],
      meanPredicted: sumP[b] / count[b],
      observedRate: sumY[b] / count[b],
    });
  }
  return out;
}

/** Equal-count edges (numpy percentile, linear); repeated edges merge, so heavy ties give fewer bins. */
function quantileEdges(p: ArrayLike<number>, nBins: number): number[] {
  const order = descendingOrder(p);
  const sorted = Float64Array.from(order, (i) => p[i]).reverse();
  const edges: number[] = [];
  for (let k = 0; k <= nBins; k++) {
    const v = sorted.length ? quantileSorted(sorted, k / nBins) : 0;
    if (edges.length === 0 || v > edges[edges.length - 1]) edges.push(v);
  }
  if (edges.length === 1) edges.push(edges[0]);
  return edges;
}

/** Expected calibration error: the count-weighted mean gap between prediction and outcome over the bins. */
export function expectedCalibrationError(bins: readonly CalibrationBin[]): number {
  let n = 0;
  let sum = 0;
  for (const b of bins) {
    n += b.count;
    sum += b.count * Math.abs(b.meanPredicted - b.observedRate);
  }
  return n > 0 ? sum / n : NaN;
}
