import assert from "node:assert/strict";
import { test } from "node:test";
import {
  breakEvenPChurn,
  clusterPriorities,
  customerValue,
  DEFAULT_OFFER_ASSUMPTIONS,
  offerExpectedValue,
  riskValueQuadrant,
} from "../src/lib/segments/value.js";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);

test("offer expected value is p(churn) x value x p(save) - cost", () => {
  close(offerExpectedValue({ pChurn: 0.5, value: 200, pSave: 0.3, offerCost: 20 }), 10);
  close(offerExpectedValue({ pChurn: 0.1, value: 200, pSave: 0.3, offerCost: 20 }), -14);
  close(offerExpectedValue({ pChurn: 0, value: 1000, pSave: 1, offerCost: 5 }), -5);
  close(offerExpectedValue({ pChurn: 1, value: 100, pSave: 0.25, offerCost: 0 }), 25);
});

test("break-even probability makes the expected value zero", () => {
  const p = breakEvenPChurn(200, 0.3, 20);
  close(p, 1 / 3);
  close(offerExpectedValue({ pChurn: p, value: 200, pSave: 0.3, offerCost: 20 }), 0);
  assert.equal(breakEvenPChurn(0, 0.3, 20), Infinity);
});

test("cluster EV per customer equals the mean of the customers' own EVs", () => {
  // Two customers: p 0.8 with cashback 100, p 0.1 with cashback 300.
  const customers = [
    { p: 0.8, cashback: 100 },
    { p: 0.1, cashback: 300 },
  ];
  const a = { valuePerCashback: 2, pSave: 0.5, offerCost: 10 };
  const perCustomer = customers.map((c) =>
    offerExpectedValue({ pChurn: c.p, value: customerValue(c.cashback, a), pSave: a.pSave, offerCost: a.offerCost }),
  );
  const meanRiskCashback = (0.8 * 100 + 0.1 * 300) / 2; // 55
  const [row] = clusterPriorities(
    [{ id: 0, name: "x", size: 2, meanPChurn: 0.45, meanCashback: 200, meanRiskCashback }],
    a,
  );
  close(row.evPerCustomer, (perCustomer[0] + perCustomer[1]) / 2); // 55 x 2 x 0.5 - 10 = 45
  close(row.evPerCustomer, 45);
  close(row.evTotal, 90);
  assert.equal(row.worthOffering, true);
});

test("clusters rank by total expected value, ties by id", () => {
  const rows = clusterPriorities(
    [
      { id: 0, name: "a", size: 100, meanPChurn: 0.05, meanCashback: 200, meanRiskCashback: 10 },
      { id: 1, name: "b", size: 10, meanPChurn: 0.5, meanCashback: 200, meanRiskCashback: 100 },
      { id: 2, name: "c", size: 50, meanPChurn: 0.2, meanCashback: 200, meanRiskCashback: 40 },
      { id: 3, name: "d", size: 10, meanPChurn: 0.5, meanCashback: 200, meanRiskCashback: 100 },
    ],
    { valuePerCashback: 1, pSave: 0.5, offerCost: 10 },
  );
  // EV per customer: a 5 - 10 = -5 (total -500), b 40 (400), c 10 (500), d 40 (400).
  assert.deepEqual(
    rows.map((r) => r.evTotal),
    [-500, 400, 500, 400],
  );
  assert.deepEqual(
    rows.map((r) => r.rank),
    [4, 2, 1, 3],
  );
  assert.deepEqual(
    rows.map((r) => r.worthOffering),
    [false, true, true, true],
  );
});

test("defaults are plain settings and the quadrant treats the cut as high", () => {
  assert.deepEqual(DEFAULT_OFFER_ASSUMPTIONS, { valuePerCashback: 10, pSave: 0.3, offerCost: 50 });
  assert.equal(riskValueQuadrant(0.5, 100, 0.5, 100), "High risk, high value");
  assert.equal(riskValueQuadrant(0.49, 100, 0.5, 100), "Low risk, high value");
  assert.equal(riskValueQuadrant(0.6, 99, 0.5, 100), "High risk, low value");
  assert.equal(riskValueQuadrant(0.1, 1, 0.5, 100), "Low risk, low value");
});
