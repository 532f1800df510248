import { test } from "node:test";
import assert from "node:assert/strict";
import { KAGGLE_ECOMMERCE } from "../src/lib/data/presets/kaggle-ecommerce.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { holdOut, PROBABILITY_SOURCE, rowProbabilities } from "../pipeline/models/split.js";

// Twelve customers, four of whom churned; rows 9, 10 and 11 copy rows 0, 4 and 5 under new IDs.
const churn = Uint8Array.from([1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
const duplicateOf = Int32Array.from([-1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 4, 5]);
const table: ChurnTable = {
  schema: KAGGLE_ECOMMERCE,
  nRows: 12,
  ids: Array.from({ length: 12 }, (_, i) => String(100 + i)),
  churn,
  numeric: {},
  category: {},
  extra: {},
  sourceRows: Int32Array.from({ length: 12 }, (_, i) => i + 2),
};

test("a seeded hold-out: distinct customers only, split in both, each class keeping its share", () => {
  const s = holdOut(table, churn, duplicateOf, { testFraction: 0.25, seed: 5 });
  assert.equal(s.testSet, "seeded");
  assert.deepEqual(s.excluded, []);
  // Nine distinct customers: ceil(9 x 0.25) = 3 test, 6 training; 3 of the 9 churned, so 1 of the 3 test customers.
  assert.equal(s.test.length, 3);
  assert.equal(s.train.length, 6);
  assert.deepEqual(
    [...s.train, ...s.test].sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8],
  );
  assert.equal(
    Array.from(s.test).reduce((n, i) => n + churn[i], 0),
    1,
  );
  assert.deepEqual(s, holdOut(table, churn, duplicateOf, { testFraction: 0.25, seed: 5 }), "same seed, same split");
});

test("a hold-out by customer IDs: exactly those; an ID of a copy is left out and listed", () => {
  const s = holdOut(table, churn, duplicateOf, { testIds: [101, "103", "109"], testFraction: 0.2, seed: 5 });
  assert.equal(s.testSet, "ids");
  assert.deepEqual(Array.from(s.test), [1, 3]);
  assert.deepEqual(Array.from(s.train), [0, 2, 4, 5, 6, 7, 8]);
  assert.deepEqual(s.excluded, ["109"]);
  assert.throws(() => holdOut(table, churn, duplicateOf, { testIds: [999], testFraction: 0.2, seed: 5 }), /999/);
});

test("every row's out-of-sample probability: out-of-fold in training, the final model's in test, a copy its original's", () => {
  const split = { train: Int32Array.from([0, 1, 2, 3, 6, 7]), test: Int32Array.from([4, 5, 8]) };
  const oof = Float64Array.from([0.9, 0.1, 0.2, 0.8, 0.7, 0.3]);
  const testP = Float64Array.from([0.4, 0.05, 0.6]);
  const r = rowProbabilities(split, duplicateOf, oof, testP);
  assert.deepEqual(Array.from(r.probability), [0.9, 0.1, 0.2, 0.8, 0.4, 0.05, 0.7, 0.3, 0.6, 0.9, 0.4, 0.05]);
  const { outOfFold: o, test: t, copy: c } = PROBABILITY_SOURCE;
  assert.deepEqual(Array.from(r.source), [o, o, o, o, t, t, o, o, t, c, c, c]);
});
