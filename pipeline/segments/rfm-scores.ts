// The RFM scores stage: the classic 1-5 R, F and M scores and named segments (src/lib/segments/rfm-scores.ts)
// of every clustered customer, with edges fitted on the clustered base after imputation, and the tables the
// page shows: segment sizes and churn rates, the cluster x segment cross-table, each score's share.
import type { SegmentsArtifact } from "../../src/lib/segments/artifact.js";
import type { RfmFeatures } from "../../src/lib/segments/rfm.js";
import {
  fitRfmQuintiles,
  RFM_SEGMENTS,
  rfmSegment,
  scoreRfm,
  type RfmQuintiles,
} from "../../src/lib/segments/rfm-scores.js";

export interface RfmScoring {
  readonly quintiles: RfmQuintiles;
  /** Index into RFM_SEGMENTS of each table row; -1 for rows not clustered. */
  readonly segmentOfRow: Int32Array;
  /** Mean R, F and M score of each cluster (NaN for an empty one). */
  readonly meanScores: { readonly r: number; readonly f: number; readonly m: number }[];
  readonly table: SegmentsArtifact["rfm"];
}

/**
 * Scores the clustered rows (`rows`, with their stable cluster ids in `clusterOfPoint`) on imputed R, F, M;
 * `k` clusters, `nRows` rows in the table.
 */
export function scoreSegments(
  imputed: RfmFeatures,
  rows: Int32Array,
  clusterOfPoint: Int32Array,
  churn: Uint8Array,
  k: number,
  nRows: number,
): RfmScoring {
  const n = rows.length;
  const quintiles = fitRfmQuintiles(imputed, rows);
  const segIndex = new Map<string, number>(RFM_SEGMENTS.map((s, i) => [s, i]));
  const segmentOfRow = new Int32Array(nRows).fill(-1);
  const scoreSum = Array.from({ length: k }, () => ({ r: 0, f: 0, m: 0 }));
  const clusterSize = new Array<number>(k).fill(0);
  const scoreCounts = {
    r: new Array<number>(5).fill(0),
    f: new Array<number>(5).fill(0),
    m: new Array<number>(5).fill(0),
  };
  const crossTable = Array.from({ length: k }, () => new Array<number>(RFM_SEGMENTS.length).fill(0));
  const segmentSizes = new Array<number>(RFM_SEGMENTS.length).fill(0);
  const segmentChurn = new Array<number>(RFM_SEGMENTS.length).fill(0);
  for (let s = 0; s < n; s++) {
    const i = rows[s];
    const id = clusterOfPoint[s];
    const sc = scoreRfm(quintiles, imputed.recency[i], imputed.frequency[i], imputed.monetary[i]);
    const seg = segIndex.get(rfmSegment(sc)) as number;
    segmentOfRow[i] = seg;
    crossTable[id][seg]++;
    segmentSizes[seg]++;
    segmentChurn[seg] += churn[i];
    clusterSize[id]++;
    scoreSum[id].r += sc.r;
    scoreSum[id].f += sc.f;
    scoreSum[id].m += sc.m;
    scoreCounts.r[sc.r - 1]++;
    scoreCounts.f[sc.f - 1]++;
    scoreCounts.m[sc.m - 1]++;
  }
  const share = (counts: number[]): number[] => counts.map((c) => c / n);
  return {
    quintiles,
    segmentOfRow,
    meanScores: scoreSum.map((sum, id) => {
      const size = clusterSize[id];
      return size > 0 ? { r: sum.r / size, f: sum.f / size, m: sum.m / size } : { r: NaN, f: NaN, m: NaN };
    }),
    table: {
      quintiles,
      segments: [...RFM_SEGMENTS],
      segmentSizes,
      segmentChurnRates: segmentSizes.map((size, s) => (size > 0 ? segmentChurn[s] / size : null)),
      crossTable,
      scoreShares: { r: share(scoreCounts.r), f: share(scoreCounts.f), m: share(scoreCounts.m) },
    },
  };
}
