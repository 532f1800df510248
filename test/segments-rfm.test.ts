import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assignCluster,
  assignClusters,
  extractRfm,
  fitRfmScaler,
  imputeRfm,
  nearestCentre,
  RFM_COLUMNS,
  type SegmentModel,
  standardiseRfm,
  unstandardiseRfm,
} from "../src/lib/segments/rfm.js";
import { syntheticTable } from "./fixtures/segments.js";

const features = {
  recency: Float64Array.from([1, 2, NaN, 4, 100]),
  frequency: Float64Array.from([1, 1, 3, NaN, 1]),
  monetary: Float64Array.from([10, 20, 30, 40, 50]),
};

test("the scaler fits on training rows only: medians of observed values, then mean/sd after imputing", () => {
  const s = fitRfmScaler(features, RFM_COLUMNS, [0, 1, 2, 3]);
  assert.equal(s.nFit, 4);
  // Recency in rows 0-3: observed 1, 2, 4 -> median 2; imputed 1, 2, 2, 4 -> mean 2.25.
  assert.equal(s.medians.recency, 2);
  assert.equal(s.means.recency, 2.25);
  assert.ok(Math.abs(s.sds.recency - Math.sqrt((1.5625 + 0.0625 + 0.0625 + 3.0625) / 4)) < 1e-12);
  // Frequency: observed 1, 1, 3 -> median 1; the test row's 100 days never enter.
  assert.equal(s.medians.frequency, 1);
  assert.equal(s.medians.monetary, 25);
  assert.deepEqual(imputeRfm(s, NaN, NaN, 7), { recency: 2, frequency: 1, monetary: 7 });
});

test("a constant column gets sd 1 instead of a division by zero", () => {
  const s = fitRfmScaler(
    {
      recency: Float64Array.from([3, 3]),
      frequency: Float64Array.from([1, 2]),
      monetary: Float64Array.from([5, 5]),
    },
    RFM_COLUMNS,
  );
  assert.equal(s.sds.recency, 1);
  assert.deepEqual(standardiseRfm(s, 3, 1.5, 5), [0, 0, 0]);
});

test("standardise and unstandardise are inverses", () => {
  const s = fitRfmScaler(features, RFM_COLUMNS);
  const z = standardiseRfm(s, 7, 2, 33);
  const back = unstandardiseRfm(s, z);
  assert.ok(
    Math.abs(back.recency - 7) < 1e-12 && Math.abs(back.frequency - 2) < 1e-12 && Math.abs(back.monetary - 33) < 1e-12,
  );
});

test("nearest centre breaks exact ties towards the lower id", () => {
  assert.equal(
    nearestCentre(
      [
        [1, 0, 0],
        [-1, 0, 0],
      ],
      0,
      0,
      0,
    ),
    0,
  );
  assert.equal(
    nearestCentre(
      [
        [1, 0, 0],
        [-1, 0, 0],
      ],
      -0.1,
      0,
      0,
    ),
    1,
  );
});

test("assignCluster works from the JSON model, blanks imputed with training medians", () => {
  const scaler = fitRfmScaler(features, RFM_COLUMNS, [0, 1, 2, 3]);
  const model: SegmentModel = JSON.parse(
    JSON.stringify({
      version: 1,
      scaler,
      centres: [standardiseRfm(scaler, 2, 1, 20), standardiseRfm(scaler, 50, 3, 40)],
      names: ["near", "far"],
      quintiles: { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] },
    }),
  );
  assert.equal(assignCluster(model, 1, 1, 18), 0);
  assert.equal(assignCluster(model, 60, 3, 45), 1);
  // Recency blank -> 2 days (train median): the near cluster.
  assert.equal(assignCluster(model, NaN, 1, 22), 0);
});

test("assignClusters reads R, F, M from a table", () => {
  const table = syntheticTable();
  const f = extractRfm(table, RFM_COLUMNS);
  const scaler = fitRfmScaler(f, RFM_COLUMNS);
  const model: SegmentModel = {
    version: 1,
    scaler,
    centres: [
      standardiseRfm(scaler, 2, 10, 300),
      standardiseRfm(scaler, 15, 2, 120),
      standardiseRfm(scaler, 5, 3, 180),
    ],
    names: ["a", "b", "c"],
    quintiles: { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] },
  };
  const labels = assignClusters(model, table);
  assert.equal(labels.length, table.nRows);
  assert.equal(labels[0], 0);
  assert.equal(labels[200], 1);
  assert.equal(labels[table.nRows - 1], 2);
  // extractRfm copies: imputing later cannot write into the table.
  f.recency[0] = -1;
  assert.notEqual(table.numeric.DaySinceLastOrder[0], -1);
});
