import { test } from "node:test";
import assert from "node:assert/strict";
import { scoreSegments } from "../pipeline/segments/rfm-scores.js";
import { RFM_SEGMENTS, scoreRfm } from "../src/lib/segments/rfm-scores.js";

// Ten customers at table rows 0-9 (row 10 not clustered), in two clusters; R, F and M rise together, so the
// first customers are recent but rare and cheap, the last ones lapsed but frequent and valuable.
const imputed = {
  recency: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99]),
  frequency: Float64Array.from([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 99]),
  monetary: Float64Array.from([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 99]),
};
const rows = Int32Array.from({ length: 10 }, (_, i) => i);
const clusterOfPoint = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
const churn = Uint8Array.from([0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0]);
const s = scoreSegments(imputed, rows, clusterOfPoint, churn, 2, 11);

test("quintile edges on the clustered rows, a segment for each of them and none for the rest", () => {
  // Edges of 1..10 at 20, 40, 60, 80%: 2.8, 4.6, 6.4, 8.2.
  s.table.quintiles.recency.forEach((e, q) => assert.ok(Math.abs(e - [2.8, 4.6, 6.4, 8.2][q]) < 1e-12));
  assert.equal(s.segmentOfRow[10], -1);
  for (let i = 0; i < 10; i++) {
    const sc = scoreRfm(s.quintiles, imputed.recency[i], imputed.frequency[i], imputed.monetary[i]);
    assert.ok(s.segmentOfRow[i] >= 0 && s.segmentOfRow[i] < RFM_SEGMENTS.length);
    assert.equal(RFM_SEGMENTS[s.segmentOfRow[i]] !== undefined, true);
    if (i === 0) assert.deepEqual(sc, { r: 5, f: 1, m: 1 });
  }
  assert.equal(RFM_SEGMENTS[s.segmentOfRow[0]], "New Customers");
  assert.equal(RFM_SEGMENTS[s.segmentOfRow[9]], "Can't Lose Them");
});

test("the tables add up: cross-table rows are the clusters, sizes and churn per segment, score shares", () => {
  assert.deepEqual(
    s.table.crossTable.map((r) => r.reduce((a, b) => a + b, 0)),
    [5, 5],
  );
  assert.equal(
    s.table.segmentSizes.reduce((a, b) => a + b, 0),
    10,
  );
  s.table.segmentChurnRates.forEach((rate, seg) => assert.equal(rate === null, s.table.segmentSizes[seg] === 0));
  for (const key of ["r", "f", "m"] as const) {
    assert.ok(Math.abs(s.table.scoreShares[key].reduce((a, b) => a + b, 0) - 1) < 1e-12);
  }
  // Cluster 0 holds the five most recent customers: mean R score above cluster 1's.
  assert.ok(s.meanScores[0].r > s.meanScores[1].r);
  assert.ok(s.meanScores[0].m < s.meanScores[1].m);
});

test("an empty cluster has no mean scores", () => {
  const empty = scoreSegments(imputed, rows, clusterOfPoint, churn, 3, 11);
  assert.ok(Number.isNaN(empty.meanScores[2].r));
  assert.deepEqual(empty.table.crossTable[2], new Array(RFM_SEGMENTS.length).fill(0));
});
