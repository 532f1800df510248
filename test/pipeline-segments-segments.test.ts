import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSegments } from "../pipeline/segments/segments.js";
import { selectTableRows } from "../src/lib/data/table.js";
import { mulberry32, shuffleInPlace } from "../src/lib/random.js";
import { assignClusters, CHURN_DATA_ROLES } from "../src/lib/segments/rfm.js";
import { syntheticTable, THREE_GROUPS } from "./fixtures/segments.js";

const table = syntheticTable();
const oof = Float64Array.from({ length: table.nRows }, (_, i) => (table.churn![i] ? 0.7 : 0.1));
const opts = { table, roles: CHURN_DATA_ROLES, oofProbability: oof, k: 3, seed: 42, restarts: 4, kMax: 5 } as const;
const result = buildSegments(opts);
const { artifact, model } = result;

test("clusters are numbered by churn rate, lowest first, and recover the synthetic groups", () => {
  const rates = artifact.clusters.map((c) => c.churnRate);
  assert.deepEqual(
    [...rates].sort((a, b) => a - b),
    rates,
  );
  // Group churn rates 0.05 < 0.2 < 0.4 -> groups 0, 2, 1 become clusters 0, 1, 2.
  const groupOfRow = (i: number) => (i < 150 ? 0 : i < 350 ? 1 : 2);
  const expectedCluster = [0, 2, 1];
  // A blank OrderCount is imputed with the median (about 3 orders), which can move a customer of the
  // frequent group elsewhere; complete rows must land in their own group's cluster.
  let complete = 0;
  for (let i = 0; i < table.nRows; i++) {
    if (Number.isNaN(table.numeric.OrderCount[i]) || Number.isNaN(table.numeric.DaySinceLastOrder[i])) continue;
    complete++;
    assert.equal(result.clusterOfRow[i], expectedCluster[groupOfRow(i)], `row ${i}`);
  }
  assert.ok(complete > 550);
  const groupSizes = [THREE_GROUPS[0].n, THREE_GROUPS[2].n, THREE_GROUPS[1].n];
  artifact.clusters.forEach((c, id) =>
    assert.ok(Math.abs(c.size - groupSizes[id]) <= 10, `cluster ${id} size ${c.size}`),
  );
  assert.equal(artifact.clusters.reduce((s, c) => s + c.share, 0).toFixed(12), (1).toFixed(12));
  for (const c of artifact.clusters) assert.ok(c.churnRateLow <= c.churnRate && c.churnRate <= c.churnRateHigh);
});

test("names come from the R/F/M levels; centres are in original units", () => {
  const c0 = artifact.clusters[0];
  assert.equal(c0.name, "Recent, frequent, high-cashback");
  assert.ok(Math.abs(c0.centre.monetary - 300) < 5);
  assert.equal(artifact.clusters[2].name, "Lapsed, infrequent, low-cashback");
  assert.deepEqual(
    model.names,
    artifact.clusters.map((c) => c.name),
  );
});

test("profiles: mean prediction, distinctive features, RFM cross-table adding up", () => {
  for (const c of artifact.clusters) {
    assert.ok(c.meanPredicted !== null && c.meanPredicted > 0.1 - 1e-12 && c.meanPredicted < 0.7);
    assert.ok(c.distinctive.length > 0 && c.distinctive.length <= 6);
    for (let i = 1; i < c.distinctive.length; i++) {
      assert.ok(
        Math.abs(c.distinctive[i].standardisedDifference) <= Math.abs(c.distinctive[i - 1].standardisedDifference),
      );
    }
  }
  // Cluster 0 is the synthetic group that always prefers Grocery.
  assert.ok(
    artifact.clusters[0].distinctive.some((d) => d.feature === "PreferedOrderCat = Grocery" && d.clusterValue === 1),
  );
  const total = artifact.rfm.crossTable.flat().reduce((a, b) => a + b, 0);
  assert.equal(total, table.nRows);
  assert.deepEqual(
    artifact.rfm.crossTable.map((r) => r.reduce((a, b) => a + b, 0)),
    artifact.clusters.map((c) => c.size),
  );
  assert.equal(
    artifact.rfm.segmentSizes.reduce((a, b) => a + b, 0),
    table.nRows,
  );
  assert.deepEqual(
    artifact.kSelection.map((r) => r.k),
    [2, 3, 4, 5],
  );
  assert.equal(artifact.points.cluster.length, table.nRows);
  assert.equal(artifact.priority.riskSource, "predicted");
});

test("the exported model assigns every row to the cluster the build gave it", () => {
  const roundTripped = JSON.parse(JSON.stringify(model));
  assert.deepEqual(assignClusters(roundTripped, table), result.clusterOfRow);
});

test("same data and seed give the same artifact", () => {
  const again = buildSegments(opts);
  assert.deepEqual(again.artifact, artifact);
  assert.deepEqual(again.model, model);
});

test("labels are stable under row shuffling: each customer keeps its cluster id and name", () => {
  const order = shuffleInPlace(
    Int32Array.from({ length: table.nRows }, (_, i) => i),
    mulberry32(3),
  );
  const shuffled = selectTableRows(table, order);
  const shuffledOof = Float64Array.from(order, (i) => oof[i]);
  const other = buildSegments({ ...opts, table: shuffled, oofProbability: shuffledOof });
  const byId = new Map<string, number>();
  table.ids.forEach((id, i) => byId.set(id, result.clusterOfRow[i]));
  shuffled.ids.forEach((id, i) => assert.equal(other.clusterOfRow[i], byId.get(id), id));
  assert.deepEqual(other.model.names, model.names);
  for (let c = 0; c < 3; c++) {
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(other.model.centres[c][j] - model.centres[c][j]) < 1e-9);
  }
});

test("the scaler is fitted on training rows when given", () => {
  const train = Int32Array.from({ length: 300 }, (_, i) => i * 2);
  const withTrain = buildSegments({ ...opts, trainRows: train });
  assert.equal(withTrain.model.scaler.nFit, 300);
  assert.equal(withTrain.artifact.nCustomers, table.nRows);
  assert.notDeepEqual(withTrain.model.scaler.means, model.scaler.means);
});

test("only the given rows are clustered; the rest are still assigned", () => {
  const rows = Int32Array.from({ length: table.nRows - 50 }, (_, i) => i);
  const sub = buildSegments({ ...opts, rows });
  assert.equal(sub.artifact.nCustomers, table.nRows - 50);
  assert.equal(sub.clusterOfRow.length, table.nRows);
  assert.deepEqual(assignClusters(sub.model, table), sub.clusterOfRow);
});

test("without predictions the priority view falls back to observed churn", () => {
  const none = buildSegments({ ...opts, oofProbability: null });
  assert.equal(none.artifact.priority.riskSource, "observed");
  assert.ok(none.artifact.clusters.every((c) => c.meanPredicted === null && c.risk.meanPChurn === c.churnRate));
  assert.ok(none.artifact.points.probability.every((p) => p === null));
});

test("by default copies of a customer under another ID are clustered once and assigned like the original", () => {
  const n = table.nRows;
  const withCopies = selectTableRows(table, Int32Array.from([...Array(n).keys(), 0, 200, 400]));
  const copiesOof = Float64Array.from([...oof, oof[0], oof[200], oof[400]]);
  const built = buildSegments({ ...opts, table: withCopies, oofProbability: copiesOof });
  assert.equal(built.artifact.nCustomers, n);
  assert.equal(built.artifact.points.id.length, n);
  assert.deepEqual(
    Array.from(built.clusterOfRow.subarray(n)),
    [0, 200, 400].map((i) => built.clusterOfRow[i]),
  );
  assert.deepEqual(built.model.centres, model.centres);
});

test("above the points cap the page gets a seeded sample of the customers, which says so; the figures do not change", () => {
  const sampled = buildSegments({ ...opts, pointsCap: 100 });
  assert.equal(sampled.artifact.points.id.length, 100);
  assert.deepEqual(sampled.artifact.pointsSample, { of: table.nRows, seed: opts.seed });
  assert.deepEqual(sampled.artifact.clusters, artifact.clusters);
  assert.deepEqual(sampled.artifact.rfm, artifact.rfm);
  // Each sampled point carries the customer's own values, cluster and segment.
  const at = new Map(artifact.points.id.map((id, s) => [id, s]));
  sampled.artifact.points.id.forEach((id, q) => {
    const s = at.get(id)!;
    assert.equal(sampled.artifact.points.cluster[q], artifact.points.cluster[s]);
    assert.equal(sampled.artifact.points.monetary[q], artifact.points.monetary[s]);
    assert.equal(sampled.artifact.points.segment[q], artifact.points.segment[s]);
  });
  assert.equal(artifact.pointsSample, undefined);
  assert.deepEqual(buildSegments({ ...opts, pointsCap: 100 }).artifact, sampled.artifact);
});
