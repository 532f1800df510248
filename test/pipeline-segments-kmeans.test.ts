import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assignNearest,
  chooseK,
  fitKMeans,
  silhouetteSample,
  silhouetteScore,
  silhouetteScores,
} from "../pipeline/segments/kmeans.js";
import { mulberry32, randomNormal } from "../src/lib/random.js";

function blobs(n: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const centres = [
    [0, 0, 0],
    [5, 5, 0],
    [0, 5, 5],
    [5, 0, 5],
  ];
  const out = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const c = centres[i % centres.length];
    for (let j = 0; j < 3; j++) out[i * 3 + j] = c[j] + randomNormal(random);
  }
  return out;
}

test("k-means is deterministic: same data and seed give the same labels, centres and inertia", () => {
  const points = blobs(400, 1);
  const a = fitKMeans(points, 3, 4, { seed: 11, restarts: 5 });
  const b = fitKMeans(points, 3, 4, { seed: 11, restarts: 5 });
  assert.deepEqual(a.labels, b.labels);
  assert.deepEqual(a.centres, b.centres);
  assert.equal(a.inertia, b.inertia);
  assert.equal(a.restart, b.restart);
});

test("k-means finds well-separated blobs whatever the seed, with canonical label order", () => {
  const points = blobs(400, 2);
  const a = fitKMeans(points, 3, 4, { seed: 1, restarts: 4 });
  const b = fitKMeans(points, 3, 4, { seed: 99, restarts: 4 });
  assert.deepEqual(a.labels, b.labels);
  assert.deepEqual(Array.from(a.sizes), [100, 100, 100, 100]);
});

test("the fit is a fixed point: every point sits at its nearest centre, centres are their clusters' means", () => {
  const points = blobs(300, 3);
  const fit = fitKMeans(points, 3, 5, { seed: 5, restarts: 3 });
  const { labels, inertia } = assignNearest(points, 3, fit.centres, 5);
  assert.deepEqual(labels, fit.labels);
  assert.ok(Math.abs(inertia - fit.inertia) < 1e-9 * fit.inertia);
  for (let c = 0; c < 5; c++) {
    for (let j = 0; j < 3; j++) {
      let s = 0;
      let m = 0;
      for (let i = 0; i < 300; i++)
        if (fit.labels[i] === c) {
          s += points[i * 3 + j];
          m++;
        }
      assert.ok(Math.abs(s / m - fit.centres[c * 3 + j]) < 1e-9);
    }
  }
});

test("more restarts never give a higher inertia", () => {
  const points = blobs(300, 4);
  const one = fitKMeans(points, 3, 7, { seed: 3, restarts: 1 });
  const many = fitKMeans(points, 3, 7, { seed: 3, restarts: 8 });
  assert.ok(many.inertia <= one.inertia);
});

test("silhouette matches a hand computation", () => {
  // 1-D points 0, 1, 10, 11 in two clusters. Point 0: a = 1, b = (10 + 11) / 2 = 10.5, s = 9.5 / 10.5;
  // point 1: a = 1, b = 9.5, s = 8.5 / 9.5; the other two mirror these.
  const points = Float64Array.from([0, 1, 10, 11]);
  const s = silhouetteScore(points, 1, Int32Array.from([0, 0, 1, 1]), 2);
  assert.ok(Math.abs(s - (9.5 / 10.5 + 8.5 / 9.5) / 2) < 1e-12);
  // Point 0 alone scores 0. In {1, 10, 11}: point 1 has a = (9 + 10) / 2 = 9.5, b = 1; point 10 has a = 5,
  // b = 10; point 11 has a = 5.5, b = 11.
  const s2 = silhouetteScore(points, 1, Int32Array.from([0, 1, 1, 1]), 2);
  const expected = (0 + (1 - 9.5) / 9.5 + (10 - 5) / 10 + (11 - 5.5) / 11) / 4;
  assert.ok(Math.abs(s2 - expected) < 1e-12);
  assert.ok(Number.isNaN(silhouetteScore(points, 1, Int32Array.from([0, 0, 0, 0]), 2)));
});

test("chooseK reports k = 2..10 and prefers the true k by silhouette on clear blobs", () => {
  const points = blobs(400, 5);
  const { rows, fits } = chooseK(points, 3, { seed: 1, restarts: 3 });
  assert.deepEqual(
    rows.map((r) => r.k),
    [2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
  assert.equal(fits.size, 9);
  const best = rows.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  assert.equal(best.k, 4);
  for (let i = 1; i < rows.length; i++)
    assert.ok(rows[i].inertia <= rows[i - 1].inertia * 1.0001, `inertia at k=${rows[i].k}`);
});

test("the silhouette sample is everything below the cap and a sorted seeded subset above it", () => {
  assert.deepEqual(Array.from(silhouetteSample(5, 10, 1)), [0, 1, 2, 3, 4]);
  const s = silhouetteSample(100, 10, 1);
  assert.equal(s.length, 10);
  assert.deepEqual(s, silhouetteSample(100, 10, 1));
  for (let i = 1; i < s.length; i++) assert.ok(s[i] > s[i - 1]);
});

// The silhouette of one labelling as it was computed before the k range shared its distances: the reference.
function silhouetteOne(points: Float64Array, d: number, labels: Int32Array, k: number): number {
  const n = labels.length;
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  if (counts.filter((c) => c > 0).length < 2) return NaN;
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (points[i * d + t] - points[j * d + t]) ** 2;
      const dist = Math.sqrt(s);
      sums[i * k + labels[j]] += dist;
      sums[j * k + labels[i]] += dist;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const li = labels[i];
    if (counts[li] <= 1) continue;
    const a = sums[i * k + li] / (counts[li] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== li && counts[c] > 0) b = Math.min(b, sums[i * k + c] / counts[c]);
    const denom = Math.max(a, b);
    total += denom > 0 ? (b - a) / denom : 0;
  }
  return total / n;
}

test("silhouetteScores gives each labelling's silhouette bit for bit, from distances computed once", () => {
  const random = mulberry32(9);
  const n = 300;
  const points = Float64Array.from({ length: n * 3 }, () => random());
  const labellings = [2, 3, 5, 7].map((k) => ({
    k,
    labels: Int32Array.from({ length: n }, (_, i) => (i % 11 === 0 ? 0 : Math.floor(random() * k))),
  }));
  labellings.push({ k: 4, labels: new Int32Array(n) });
  const scores = silhouetteScores(points, 3, labellings);
  labellings.forEach(({ labels, k }, q) => {
    assert.ok(Object.is(scores[q], silhouetteOne(points, 3, labels, k)), `k ${k}`);
    assert.ok(Object.is(silhouetteScore(points, 3, labels, k), scores[q]));
  });
  assert.ok(Number.isNaN(scores[4]));
});
