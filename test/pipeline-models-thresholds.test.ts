import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseThresholds } from "../pipeline/models/thresholds.js";
import { chooseThreshold, DEFAULT_COSTS } from "../src/lib/threshold.js";

// Ten customers by descending score; churners at ranks 1, 2, 4, 7 (as in test/threshold.test.ts).
const y = Uint8Array.from([1, 1, 0, 1, 0, 0, 1, 0, 0, 0]);
const p = Float64Array.from([0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]);

test("one threshold per policy, with the out-of-fold figures at it", () => {
  const { thresholds, chosen } = chooseThresholds(y, p, DEFAULT_COSTS, 0.75);
  assert.deepEqual(chosen, { "best-f1": 0.7, "target-recall": 0.7, "min-cost": 0.4 });
  assert.deepEqual(thresholds["best-f1"], {
    threshold: 0.7,
    oof: { precision: 0.75, recall: 0.75, f1: 0.75, flaggedShare: 0.4, costPerCustomer: 1.1 },
  });
  // Flagging down to 0.4 misses no churner and makes 3 needless offers: cost 3 over 10 customers.
  assert.equal(thresholds["min-cost"].oof.costPerCustomer, 0.3);
  assert.equal(thresholds["min-cost"].oof.recall, 1);
});

test("figures are rounded to 6 decimals, and a threshold that flags nobody is written as null", () => {
  const { thresholds } = chooseThresholds(y, p, DEFAULT_COSTS, 0.75);
  // Target recall: precision 4/7 at 0.4 when the target is all churners.
  const all = chooseThresholds(y, p, DEFAULT_COSTS, 1).thresholds["target-recall"];
  assert.equal(all.oof.precision, 0.571429);
  assert.equal(thresholds["target-recall"].threshold, 0.7);
  // An offer dearer than any loss, and the riskiest customer stays: contact nobody.
  const costs = { missedChurner: 1, needlessOffer: 5 };
  const nobody = chooseThresholds(Uint8Array.from([0, 1]), Float64Array.from([0.9, 0.1]), costs, 0.8);
  assert.equal(nobody.chosen["min-cost"], Infinity);
  assert.equal(nobody.thresholds["min-cost"].threshold, null);
  assert.equal(
    chooseThreshold({ y: [0, 1], p: [0.9, 0.1] }, { kind: "min-cost", costs }).threshold,
    nobody.chosen["min-cost"],
  );
});
