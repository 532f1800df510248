import { test } from "node:test";
import assert from "node:assert/strict";
import {
  chooseThreshold,
  choosePolicies,
  confusionAt,
  decisionAt,
  DEFAULT_COSTS,
  expectedCostPerCustomer,
  figuresAt,
  POLICY_KINDS,
  predictions,
  thresholdPolicies,
} from "../src/lib/threshold.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} != ${b}`);

// Ten customers by descending score; churners at ranks 1, 2, 4, 7.
const y = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0];
const p = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];

test("best F1: the cut with the highest F1, ties to the higher threshold", () => {
  // Top 2: F1 = 4/6; top 4: 6/8 = .75; top 7: 8/11 = .727. Best: 0.7.
  const c = chooseThreshold({ y, p }, { kind: "best-f1" });
  assert.equal(c.threshold, 0.7);
  assert.equal(c.f1, 0.75);
  assert.deepEqual([c.tp, c.fp, c.fn, c.tn], [3, 1, 1, 5]);
  // Equal F1 at two cuts (top 1: 2/3; top 4: 2 x 2 / (4 + 2) = 2/3): the higher threshold wins.
  const tie = chooseThreshold({ y: [1, 0, 0, 1, 0], p: [0.9, 0.8, 0.7, 0.6, 0.1] }, { kind: "best-f1" });
  assert.equal(tie.threshold, 0.9);
});

test("target recall: highest precision that keeps recall at or above the target", () => {
  // Recall >= .75 needs 3 churners: top 4 (precision .75) is the first; top 7 reaches 1.0 at precision 4/7.
  const c = chooseThreshold({ y, p }, { kind: "target-recall", recall: 0.75 });
  assert.equal(c.threshold, 0.7);
  assert.equal(c.precision, 0.75);
  const all = chooseThreshold({ y, p }, { kind: "target-recall", recall: 1 });
  assert.equal(all.threshold, 0.4);
  assert.equal(all.recall, 1);
  // Recall 0.5 is reached at the top 2 with precision 1.
  assert.equal(chooseThreshold({ y, p }, { kind: "target-recall", recall: 0.5 }).threshold, 0.9);
});

test("minimum expected cost: cheap offers flag more, dear offers flag nobody", () => {
  // Miss 10, offer 1: flagging down to the last churner (top 7: 3 needless offers) costs 3; top 4: 10 + 1 = 11.
  const cheap = chooseThreshold({ y, p }, { kind: "min-cost", costs: { missedChurner: 10, needlessOffer: 1 } });
  assert.equal(cheap.threshold, 0.4);
  assert.equal(cheap.costPerCustomer, 3 / 10);
  // An offer dearer than a loss: only the top two (both churners, no wasted offer) are worth contacting.
  const dear = chooseThreshold({ y, p }, { kind: "min-cost", costs: { missedChurner: 1, needlessOffer: 5 } });
  assert.equal(dear.threshold, 0.9);
  assert.equal(dear.costPerCustomer, 2 / 10);
  // ... and when the riskiest customer stays, contacting nobody (threshold Infinity) is cheapest.
  const nobody = chooseThreshold(
    { y: [0, 1], p: [0.9, 0.1] },
    { kind: "min-cost", costs: { missedChurner: 1, needlessOffer: 5 } },
  );
  assert.equal(nobody.threshold, Infinity);
  assert.equal(nobody.costPerCustomer, 1 / 2);
  // Equal costs: minimise errors: top 2 (2 misses), top 4 (1 miss + 1 offer): tie at 2 errors -> higher threshold.
  const even = chooseThreshold({ y, p }, { kind: "min-cost", costs: { missedChurner: 1, needlessOffer: 1 } });
  assert.equal(even.threshold, 0.9);
});

test("tied scores are one candidate: a threshold takes the whole group or none of it", () => {
  const c = chooseThreshold({ y: [1, 0, 1, 0], p: [0.5, 0.5, 0.5, 0.1] }, { kind: "best-f1" });
  assert.equal(c.threshold, 0.5);
  assert.deepEqual([c.tp, c.fp], [2, 1]);
});

test("confusion and figures at a threshold (at or above flags)", () => {
  const y = [1, 1, 0, 0, 1];
  const p = [0.9, 0.5, 0.5, 0.1, 0.2];
  assert.deepEqual(confusionAt(y, p, 0.5), { tp: 2, fp: 1, tn: 1, fn: 1 });
  const f = figuresAt(y, p, 0.5);
  close(f.precision, 2 / 3);
  close(f.recall, 2 / 3);
  close(f.f1, 2 / 3);
  close(f.accuracy, 3 / 5);
  close(f.flaggedShare, 3 / 5);
  const none = figuresAt(y, p, Infinity);
  assert.equal(none.precision, 0);
  assert.equal(none.recall, 0);
});

test("every policy at once: the same thresholds as one at a time, in POLICY_KINDS order", () => {
  const costs = { missedChurner: 10, needlessOffer: 1 };
  const choices = choosePolicies({ y, p }, costs, 0.75);
  assert.deepEqual(
    choices.map((c) => c.kind),
    POLICY_KINDS,
  );
  assert.deepEqual(
    choices.map((c) => c.choice.threshold),
    // best F1 0.7, recall >= .75 at the highest precision 0.7, cheapest 0.4 (worked out above).
    [0.7, 0.7, 0.4],
  );
  thresholdPolicies(costs, 0.75).forEach((policy, k) =>
    assert.equal(chooseThreshold({ y, p }, policy, costs).threshold, choices[k].choice.threshold),
  );
  // Each choice is priced at the costs given, whatever its policy.
  assert.equal(choices[0].choice.costPerCustomer, (1 * 10 + 1 * 1) / 10);
});

test("the slider's decision: figures at the threshold, costs of it and of the two extremes, intervals around them", () => {
  const data = predictions({ y, p });
  const d = decisionAt(data, 0.7, DEFAULT_COSTS, { reps: 200, seed: 3 });
  assert.deepEqual([d.figures.tp, d.figures.fp, d.figures.fn, d.figures.tn], [3, 1, 1, 5]);
  // One churner missed (10) and one needless offer (1); nobody: 4 churners missed; everyone: 6 offers.
  assert.equal(d.totalCost, 11);
  assert.equal(d.costNobody, 40);
  assert.equal(d.costEveryone, 6);
  assert.equal(d.n, 10);
  assert.equal(d.cost.estimate, expectedCostPerCustomer(d.figures, DEFAULT_COSTS));
  for (const iv of [d.precision, d.recall, d.f1, d.flaggedShare, d.cost]) {
    assert.ok(iv.lo <= iv.estimate && iv.estimate <= iv.hi, `${iv.lo} <= ${iv.estimate} <= ${iv.hi}`);
  }
  // Churners and stayers are resampled separately: the flagged share can move, the churner count cannot.
  assert.ok(d.flaggedShare.hi > d.flaggedShare.lo);
});
