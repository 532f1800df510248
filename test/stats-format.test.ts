// Prose formatting: a p-value is never "0", tiny ones keep their exponent, numbers do not depend on locale.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  formatCount,
  formatDf,
  formatInterval,
  formatNumber,
  formatP,
  formatPercent,
  formatPoints,
  pClause,
} from "../src/lib/stats/format.js";

describe("formatP", () => {
  it("writes ordinary p-values with two significant digits (three around 0.05)", () => {
    assert.equal(formatP(0.34), "0.34");
    assert.equal(formatP(0.0012), "0.0012");
    assert.equal(formatP(0.0496), "0.0496");
    assert.equal(formatP(0.05), "0.05");
    assert.equal(formatP(1), "1");
    assert.equal(formatP(NaN), "n/a");
  });
  it("writes tiny ones in scientific notation, never 0", () => {
    assert.equal(formatP(2.6644609654641377e-78), "2.7 × 10⁻⁷⁸");
    assert.equal(formatP(2.6644609654641377e-78, { style: "ascii" }), "2.7e-78");
    assert.equal(formatP(9.96e-10), "1.0 × 10⁻⁹");
    assert.equal(formatP(5e-324), "4.9 × 10⁻³²⁴");
    assert.equal(formatP(0), "< 10⁻³⁰⁰");
    assert.equal(formatP(0, { style: "ascii" }), "< 1e-300");
    // Beyond a double's range the log keeps the answer.
    assert.equal(formatP(0, { logP: -1000 }), "5.1 × 10⁻⁴³⁵");
    assert.equal(pClause(0), "p < 10⁻³⁰⁰");
    assert.equal(pClause(0.03), "p = 0.03");
    for (const p of [0, 1e-320, 1e-100, 1e-5, 0.0004]) assert.notEqual(formatP(p).replace(/\s/g, ""), "0");
  });
});

describe("numbers", () => {
  it("groups thousands, uses a true minus and no negative zero", () => {
    assert.equal(formatNumber(-1561.27, 1), "−1,561.3");
    assert.equal(formatNumber(1234567.891), "1,234,567.89");
    assert.equal(formatNumber(-0.001), "0.00");
    assert.equal(formatCount(5630), "5,630");
    assert.equal(formatPercent(0.16838365896980462), "16.8%");
    assert.equal(formatPoints(0.2074), "20.7 points");
    assert.equal(formatDf(1382.2258), "1,382.2");
    assert.equal(formatDf(5628), "5,628");
    assert.equal(formatInterval(-0.353, -0.213), "−0.35 to −0.21");
  });
});
