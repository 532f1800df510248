import { test } from "node:test";
import assert from "node:assert/strict";
import {
  baseProfile,
  clusterProfile,
  distinctiveFeatures,
  meanAt,
  meanPredicted,
} from "../pipeline/segments/profile.js";
import { KAGGLE_ECOMMERCE } from "../src/lib/data/presets/kaggle-ecommerce.js";
import type { CategoryColumn, NumericColumn } from "../src/lib/data/schema.js";
import type { ChurnTable } from "../src/lib/data/table.js";

// Eight customers: rows 0-3 a cluster of heavy app users who pay by card, rows 4-7 the rest.
const table: ChurnTable = {
  schema: KAGGLE_ECOMMERCE,
  nRows: 8,
  ids: ["1", "2", "3", "4", "5", "6", "7", "8"],
  churn: Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0]),
  numeric: {
    HourSpendOnApp: Float64Array.from([4, 4, 5, NaN, 1, 2, 1, 2]),
    Tenure: Float64Array.from([3, 3, 3, 3, 3, 3, 3, 3]),
  },
  category: { PaymentMode: ["Card", "Card", "Card", "Card", "UPI", "UPI", null, "UPI"] },
  extra: {},
  sourceRows: Int32Array.from({ length: 8 }, (_, i) => i + 2),
};
const columns = [
  { name: "HourSpendOnApp", kind: "numeric" },
  { name: "Tenure", kind: "numeric" },
  { name: "PaymentMode", kind: "category", values: ["Card", "UPI"] },
] as unknown as readonly (NumericColumn | CategoryColumn)[];
const all = Int32Array.from({ length: 8 }, (_, i) => i);
const raw = {
  recency: Float64Array.from([1, 2, 3, 4, 10, 11, 12, NaN]),
  frequency: Float64Array.from([5, 5, 6, 6, 1, 1, 2, 2]),
  monetary: Float64Array.from([200, 210, 220, 230, 100, 110, 120, 130]),
};

test("means leave blanks out; the base profile has its size, churn rate, mean and median", () => {
  assert.equal(meanAt(table.numeric.HourSpendOnApp, [0, 3, 4]), 2.5);
  assert.ok(Number.isNaN(meanAt(table.numeric.HourSpendOnApp, [3])));
  const base = baseProfile(raw, all, table.churn!);
  assert.equal(base.size, 8);
  assert.equal(base.churnRate, 3 / 8);
  assert.equal(base.median.recency, 4);
  assert.equal(base.mean.monetary, 165);
});

test("the mean prediction counts only customers who have one, and is null without a model", () => {
  const p = Float64Array.from([0.5, NaN, 0.7, 0, 0, 0, 0, 0]);
  assert.equal(meanPredicted(p, [0, 1, 2]), 0.6);
  assert.equal(meanPredicted(p, [1]), null);
  assert.equal(meanPredicted(null, [0, 1]), null);
});

test("distinctive features: standardised differences from the base, largest first; constant columns skipped", () => {
  const d = distinctiveFeatures(table, columns, all, [0, 1, 2, 3], 10);
  // Hours: 13/3 in the cluster against 19/7 in the base (population sd of the 7 known values, about 1.48):
  // about 1.09 sd. Card: all 4 in the cluster against 4 of 7 known in the base: (1 - 4/7) / sqrt(4/7 x 3/7),
  // about 0.87, and UPI as far the other way. Tenure is the same for everyone: no difference to show.
  assert.equal(d[0].feature, "HourSpendOnApp");
  assert.equal(d[0].clusterValue, 13 / 3);
  assert.deepEqual(d.map((f) => f.feature).sort(), ["HourSpendOnApp", "PaymentMode = Card", "PaymentMode = UPI"]);
  const card = d.find((f) => f.feature === "PaymentMode = Card")!;
  assert.equal(card.clusterValue, 1);
  assert.ok(Math.abs(card.standardisedDifference - (1 - 4 / 7) / Math.sqrt((4 / 7) * (3 / 7))) < 1e-12);
  assert.equal(distinctiveFeatures(table, columns, all, [0, 1, 2, 3], 1).length, 1);
});

test("a cluster's profile: churn with its interval, and 'high' churn only when the interval clears the base rate", () => {
  const levels = { recency: "low", frequency: "high", monetary: "high" } as const;
  const input = {
    id: 1,
    name: "Recent, frequent, high-cashback",
    base: all,
    baseChurnRate: 3 / 8,
    churn: table.churn!,
    oofProbability: null,
    raw,
    centre: { recency: 2.5, frequency: 5.5, monetary: 215 },
    levels,
    table,
    columns,
    nDistinctive: 2,
  };
  const p = clusterProfile({ ...input, members: [0, 1, 2, 3] });
  assert.deepEqual([p.id, p.size, p.share, p.churnRate, p.meanPredicted], [1, 4, 0.5, 0.75, null]);
  assert.ok(p.churnRateLow < 0.75 && p.churnRateHigh > 0.75);
  assert.equal(p.churnLevel, "mid");
  assert.equal(p.median.recency, 2.5);
  assert.equal(p.distinctive.length, 2);
  const many = Array.from({ length: 200 }, (_, i) => i % 3);
  const big = clusterProfile({ ...input, members: many, baseChurnRate: 0.2 });
  assert.equal(big.churnRate, 1);
  assert.equal(big.churnLevel, "high");
});
