import assert from "node:assert/strict";
import { test } from "node:test";
import {
  fitRfmQuintiles,
  fmScore,
  quintileScore,
  recencyScore,
  RFM_SEGMENT_GRID,
  RFM_SEGMENTS,
  rfmSegment,
  scoreRfm,
  segmentOf,
} from "../src/lib/segments/rfm-scores.js";

const oneToTen = Float64Array.from({ length: 10 }, (_, i) => i + 1);

test("quintile edges of 1..10 are 2.8, 4.6, 6.4, 8.2 (linear interpolation)", () => {
  const q = fitRfmQuintiles({ recency: oneToTen, frequency: oneToTen, monetary: oneToTen });
  for (const [got, want] of q.frequency.map((e, i) => [e, [2.8, 4.6, 6.4, 8.2][i]]))
    assert.ok(Math.abs(got - want) < 1e-12);
  assert.deepEqual(
    Array.from(oneToTen, (v) => quintileScore(q.frequency, v)),
    [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
  );
  // Recency in days: fewer days is better.
  assert.deepEqual(
    Array.from(oneToTen, (v) => recencyScore(q.recency, v)),
    [5, 5, 4, 4, 3, 3, 2, 2, 1, 1],
  );
});

test("blanks are left out of the edges; ties share a score and can leave a score empty", () => {
  // Sorted 1,1,1,1,2,2,2,2,3,9: positions 1.8, 3.6, 5.4, 7.2 -> edges 1, 1.6, 2, 2.2.
  const values = Float64Array.from([2, 1, NaN, 9, 1, 2, 3, 1, 2, 1, 2]);
  const q = fitRfmQuintiles({ recency: values, frequency: values, monetary: values });
  assert.deepEqual(
    [...q.frequency].map((e) => Math.round(e * 1e9) / 1e9),
    [1, 1.6, 2, 2.2],
  );
  assert.equal(quintileScore(q.frequency, 1), 1);
  assert.equal(quintileScore(q.frequency, 2), 3); // above 1 and 1.6, not above 2: score 2 stays empty
  assert.equal(quintileScore(q.frequency, 3), 5);
  assert.equal(quintileScore(q.frequency, 9), 5);
  assert.equal(recencyScore(q.recency, 1), 5);
  assert.equal(recencyScore(q.recency, 2), 3);
  assert.throws(() => quintileScore(q.frequency, NaN), /impute it first/);
});

test("only the given rows fit the edges", () => {
  const q = fitRfmQuintiles({ recency: oneToTen, frequency: oneToTen, monetary: oneToTen }, [0, 1, 2, 3, 4]);
  // 1..5: positions 0.8, 1.6, 2.4, 3.2.
  assert.deepEqual(
    [...q.monetary].map((e) => Math.round(e * 1e9) / 1e9),
    [1.8, 2.6, 3.4, 4.2],
  );
});

test("FM is (F + M) / 2 rounded half up", () => {
  assert.equal(fmScore(1, 1), 1);
  assert.equal(fmScore(1, 2), 2);
  assert.equal(fmScore(3, 4), 4);
  assert.equal(fmScore(4, 5), 5);
  assert.equal(fmScore(2, 5), 4);
  assert.equal(fmScore(5, 1), 3);
});

test("named segments follow the documented grid", () => {
  assert.equal(rfmSegment({ r: 5, f: 5, m: 5 }), "Champions");
  assert.equal(rfmSegment({ r: 5, f: 4, m: 3 }), "Champions"); // FM 3.5 -> 4
  assert.equal(rfmSegment({ r: 4, f: 5, m: 4 }), "Loyal");
  assert.equal(rfmSegment({ r: 3, f: 4, m: 4 }), "Loyal");
  assert.equal(rfmSegment({ r: 3, f: 3, m: 3 }), "Need Attention");
  assert.equal(rfmSegment({ r: 5, f: 1, m: 1 }), "New Customers");
  assert.equal(rfmSegment({ r: 4, f: 1, m: 1 }), "Promising");
  assert.equal(rfmSegment({ r: 4, f: 2, m: 3 }), "Potential Loyalists");
  assert.equal(rfmSegment({ r: 3, f: 1, m: 2 }), "About to Sleep");
  assert.equal(rfmSegment({ r: 2, f: 4, m: 3 }), "At Risk");
  assert.equal(rfmSegment({ r: 1, f: 5, m: 5 }), "Can't Lose Them");
  assert.equal(rfmSegment({ r: 2, f: 1, m: 2 }), "Hibernating");
  assert.equal(rfmSegment({ r: 1, f: 1, m: 1 }), "Lost");
  // Every grid cell names a listed segment, and every listed segment appears in the grid.
  const used = new Set(RFM_SEGMENT_GRID.flat());
  assert.deepEqual([...used].sort(), [...RFM_SEGMENTS].sort());
});

test("scoreRfm and segmentOf put a customer through the whole rule", () => {
  const q = fitRfmQuintiles({ recency: oneToTen, frequency: oneToTen, monetary: oneToTen });
  assert.deepEqual(scoreRfm(q, 1, 10, 10), { r: 5, f: 5, m: 5 });
  assert.equal(segmentOf(q, 1, 10, 10), "Champions");
  assert.equal(segmentOf(q, 10, 1, 1), "Lost");
  assert.equal(segmentOf(q, 10, 10, 9), "Can't Lose Them");
});
