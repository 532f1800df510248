// Which customers moved between segments since the baseline. k-means numbers its clusters by churn rate
// in each run, so cluster 2 then and cluster 2 now need not be the same group: the new segments are matched
// to the baseline's by the distance between their centres, measured in the baseline's standardised R, F, M
// (the new centres are taken back to original units and standardised with the baseline's scaler), with a
// minimum-total-distance one-to-one assignment.
import type { SegmentSide, SegmentsSection } from "../../src/lib/changes/artifact.js";
import type { SegmentModel } from "../../src/lib/segments/rfm.js";
import { standardiseRfm, unstandardiseRfm } from "../../src/lib/segments/rfm.js";
import { distanceMatrix, minCostAssignment } from "../../src/lib/stats/matching.js";
import { wilsonInterval } from "../../src/lib/stats/tests.js";

export interface SegmentAssignment {
  readonly model: SegmentModel;
  /** Per customer (distinct customers of that build). */
  readonly ids: readonly string[];
  readonly cluster: ArrayLike<number>;
  /** 0/1 per customer, or null when unlabelled. */
  readonly churn: ArrayLike<number> | null;
}

function sides(a: SegmentAssignment): SegmentSide[] {
  const k = a.model.names.length;
  const size = new Array<number>(k).fill(0);
  const churners = new Array<number>(k).fill(0);
  for (let i = 0; i < a.ids.length; i++) {
    size[a.cluster[i]]++;
    if (a.churn) churners[a.cluster[i]] += a.churn[i];
  }
  return a.model.names.map((name, id) => {
    const w = a.churn ? wilsonInterval(churners[id], size[id]) : null;
    return {
      id,
      name,
      size: size[id],
      churnRate: w && size[id] > 0 ? w.rate : null,
      churnRateLow: w && size[id] > 0 ? w.low : null,
      churnRateHigh: w && size[id] > 0 ? w.high : null,
    };
  });
}

/** The new model's centres in the baseline model's standardised space. */
export function centresInBaselineSpace(then: SegmentModel, now: SegmentModel): number[][] {
  return now.centres.map((z) => {
    const raw = unstandardiseRfm(now.scaler, z);
    return standardiseRfm(then.scaler, raw.recency, raw.frequency, raw.monetary);
  });
}

export function segmentMoves(then: SegmentAssignment, now: SegmentAssignment): SegmentsSection {
  const sameColumns = JSON.stringify(then.model.scaler.columns) === JSON.stringify(now.model.scaler.columns);
  if (!sameColumns) {
    throw new Error(
      `segments: the baseline clusters on ${Object.values(then.model.scaler.columns).join(", ")} and this build on ` +
        `${Object.values(now.model.scaler.columns).join(", ")}: their centres cannot be compared`,
    );
  }
  const distances = distanceMatrix(
    then.model.centres.map((c) => [...c]),
    centresInBaselineSpace(then.model, now.model),
  );
  const match = minCostAssignment(distances);
  const kThen = then.model.names.length;
  const kNow = now.model.names.length;
  const moves = Array.from({ length: kThen }, () => new Array<number>(kNow).fill(0));
  const nowById = new Map<string, number>();
  for (let i = 0; i < now.ids.length; i++) nowById.set(now.ids[i], now.cluster[i]);
  let shared = 0;
  let stayed = 0;
  for (let i = 0; i < then.ids.length; i++) {
    const to = nowById.get(then.ids[i]);
    if (to === undefined) continue;
    const from = then.cluster[i];
    moves[from][to]++;
    shared++;
    if (match[from] === to) stayed++;
  }
  const matchedFrom = new Array<number | null>(kNow).fill(null);
  match.forEach((j, i) => {
    if (j >= 0) matchedFrom[j] = i;
  });
  return {
    matchedBy:
      "centre distance in the baseline's standardised recency, frequency and monetary value " +
      "(minimum total distance, one to one)",
    then: sides(then).map((s) => ({
      ...s,
      matchedTo: match[s.id] >= 0 ? match[s.id] : null,
      centreDistance: match[s.id] >= 0 ? distances[s.id][match[s.id]] : null,
    })),
    now: sides(now).map((s) => ({ ...s, matchedFrom: matchedFrom[s.id] })),
    shared,
    onlyThen: then.ids.length - shared,
    onlyNow: now.ids.length - shared,
    moves,
    stayed,
  };
}
