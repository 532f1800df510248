import { test } from "node:test";
import assert from "node:assert/strict";
import { clusterCustomers, clusterOfEveryRow, stableOrder } from "../pipeline/segments/cluster.js";
import type { KMeansFit } from "../pipeline/segments/kmeans.js";

// Thirty customers in three tight groups of standardised (R, F, M), ten each, at table rows 100 + 2s; the
// group around (4, 0, 0) churns most, the one around (0, 4, 0) least.
const centresOfGroups = [
  [4, 0, 0],
  [0, 0, 4],
  [0, 4, 0],
];
const churnOfGroup = [0.8, 0.3, 0];
const n = 30;
const points = new Float64Array(3 * n);
const rows = Int32Array.from({ length: n }, (_, s) => 100 + 2 * s);
const churn = new Uint8Array(200);
for (let s = 0; s < n; s++) {
  const g = s % 3;
  for (let j = 0; j < 3; j++) points[3 * s + j] = centresOfGroups[g][j] + ((s * (j + 1)) % 5) / 50;
  churn[rows[s]] = s / 3 < 10 * churnOfGroup[g] ? 1 : 0;
}
const options = { k: 3, seed: 1, restarts: 3, kMin: 2, kMax: 4 };

test("clusters recover the groups and are numbered by churn rate, lowest first", () => {
  const c = clusterCustomers(points, rows, churn, options);
  // Group 2 (no churn) becomes cluster 0, group 1 cluster 1, group 0 cluster 2.
  const expected = [2, 1, 0];
  for (let s = 0; s < n; s++) assert.equal(c.clusterOfPoint[s], expected[s % 3], `point ${s}`);
  c.members.forEach((members, id) => {
    assert.equal(members.length, 10);
    for (const row of members) assert.equal(c.clusterOfPoint[(row - 100) / 2], id);
  });
  c.centres.forEach((centre, id) => {
    const group = centresOfGroups[expected.indexOf(id)];
    centre.forEach((v, j) => assert.ok(Math.abs(v - group[j]) < 0.1, `cluster ${id} centre ${centre}`));
  });
  assert.deepEqual(
    c.kSelection.map((r) => r.k),
    [2, 3, 4],
  );
  assert.ok(c.silhouette > 0.9);
  assert.equal(c.inertia, c.kSelection[1].inertia);
  assert.deepEqual(clusterCustomers(points, rows, churn, options), c, "seeded");
});

test("the k range always includes the chosen k", () => {
  const c = clusterCustomers(points, rows, churn, { ...options, kMin: 2, kMax: 2 });
  assert.deepEqual(
    c.kSelection.map((r) => r.k),
    [2, 3],
  );
});

test("equal churn rates are ordered by centre, R first", () => {
  const fit = { k: 3, d: 3, centres: Float64Array.from([1, 0, 0, 0, 5, 0, 0, 2, 0]) } as unknown as KMeansFit;
  assert.deepEqual(stableOrder(fit, Float64Array.from([0.2, 0.2, 0.1])), [2, 1, 0]);
});

test("every row gets a cluster: clustered rows their k-means one, the others the nearest centre", () => {
  const centres = [
    [0, 0, 0],
    [10, 0, 0],
  ];
  // Row 0 sits exactly between the centres (a tie goes to the lower id) but was clustered into 1; row 2 is
  // nearer centre 1 and was not clustered.
  const all = Float64Array.from([5, 0, 0, 1, 0, 0, 8, 0, 0]);
  const out = clusterOfEveryRow(centres, all, Int32Array.from([0, 1]), Int32Array.from([1, 0]));
  assert.deepEqual(Array.from(out), [1, 0, 1]);
});

test("above the sample cap the k table comes from a stated sample and the clusters from every customer, the same here", () => {
  const whole = clusterCustomers(points, rows, churn, options);
  const sampled = clusterCustomers(points, rows, churn, { ...options, sampleCap: 12 });
  assert.equal(whole.kSelectionRows, null);
  assert.equal(sampled.kSelectionRows, 12);
  // Tight groups: the sample's best start converges on all customers to the same clusters.
  assert.deepEqual(sampled.clusterOfPoint, whole.clusterOfPoint);
  assert.deepEqual(sampled.members, whole.members);
  assert.ok(Math.abs(sampled.inertia - whole.inertia) < 1e-9);
  assert.deepEqual(
    sampled.kSelection.map((r) => r.k),
    [2, 3, 4],
  );
  assert.deepEqual(clusterCustomers(points, rows, churn, { ...options, sampleCap: 12 }), sampled);
});
