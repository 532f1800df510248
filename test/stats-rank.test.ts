import { test } from "node:test";
import assert from "node:assert/strict";
import { rankWithTies, spearman } from "../src/lib/stats/rank.js";

test("ranks ties by their average", () => {
  const { ranks, tieTerm } = rankWithTies([3, 1, 3, 2, 3]);
  assert.deepEqual(Array.from(ranks), [4, 1, 4, 2, 4]);
  assert.equal(tieTerm, 24);
});

test("Spearman: 1 for any rising sequence, -1 for a falling one, 0 against a constant", () => {
  assert.equal(spearman([1, 2, 3, 4], [0.1, 0.5, 0.7, 10]), 1);
  assert.equal(spearman([1, 2, 3, 4], [9, 4, 1, 0]), -1);
  assert.equal(spearman([1, 2, 3], [5, 5, 5]), 0);
  assert.equal(spearman([], []), 0);
  assert.throws(() => spearman([1, 2], [1]), /2 and 1/);
});

test("Spearman with ties: Pearson's correlation of the average ranks", () => {
  // Ranks of [0, 1, 2, 3] are 1..4 (mean 2.5); of [1, 3, 2, 2]: 1, 4, 2.5, 2.5.
  // Deviations -1.5, -0.5, 0.5, 1.5 and -1.5, 1.5, 0, 0: sum of products 2.25 - 0.75 = 1.5;
  // sums of squares 5 and 4.5: 1.5 / sqrt(22.5).
  const r = spearman([0, 1, 2, 3], [1, 3, 2, 2]);
  assert.ok(Math.abs(r - 1.5 / Math.sqrt(22.5)) < 1e-15);
});
