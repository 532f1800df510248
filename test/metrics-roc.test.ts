import { test } from "node:test";
import assert from "node:assert/strict";
import { rocAuc, rocCurve } from "../src/lib/metrics/roc.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

test("ROC-AUC without ties counts ordered pairs (scikit-learn's example: 0.75)", () => {
  close(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
});

test("ROC-AUC counts a tied churner-stayer pair as one half (Mann-Whitney)", () => {
  // pairs (churner, stayer): (0.5,0.5) 1/2, (0.5,0.2) 1, (0.9,0.5) 1, (0.9,0.2) 1 -> 3.5 / 4
  close(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9]), 0.875);
  // Every score tied: no information, exactly one half.
  close(rocAuc([0, 1, 1, 0, 1], [0.3, 0.3, 0.3, 0.3, 0.3]), 0.5);
  // Order of rows does not matter.
  close(rocAuc([1, 0, 1, 0], [0.9, 0.2, 0.5, 0.5]), 0.875);
});

test("ROC-AUC equals the brute-force pair count on random data with many ties", () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const y = Array.from({ length: 300 }, () => (rnd() < 0.3 ? 1 : 0));
  const p = y.map(() => Math.round(rnd() * 10) / 10);
  let s = 0;
  let pairs = 0;
  for (let i = 0; i < y.length; i++)
    for (let j = 0; j < y.length; j++) {
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        s += p[i] > p[j] ? 1 : p[i] === p[j] ? 0.5 : 0;
      }
    }
  close(rocAuc(y, p), s / pairs);
});

test("ROC-AUC is NaN with one class", () => {
  assert.ok(Number.isNaN(rocAuc([1, 1], [0.2, 0.3])));
});

test("ROC curve: one point per distinct score from (0,0), collinear points dropped", () => {
  const full = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { dropIntermediate: false });
  assert.deepEqual(full.fpr, [0, 0, 0.5, 0.5, 1]);
  assert.deepEqual(full.tpr, [0, 0.5, 0.5, 1, 1]);
  assert.deepEqual(full.threshold, [Infinity, 0.8, 0.4, 0.35, 0.1]);
  // Three stayers in a row lie on one horizontal segment: only its ends are kept.
  const thin = rocCurve([1, 0, 0, 0], [0.9, 0.5, 0.4, 0.3]);
  assert.deepEqual(thin.fpr, [0, 0, 1]);
  assert.deepEqual(thin.tpr, [0, 1, 1]);
});

test("NaN scores are refused, not ranked", () => {
  assert.throws(() => rocAuc([0, 1], [0.1, NaN]), /NaN/);
});
