// Numbers, percentages, intervals and dates in each language: the same digits, each language's words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatters } from "../src/i18n/format.js";

test("counts and percentages keep their digits in both languages", () => {
  for (const lang of ["en", "ko"] as const) {
    const f = formatters(lang);
    assert.equal(f.count(5630), "5,630");
    assert.equal(f.percent(0.16838), "16.8%");
    assert.equal(f.number(-1561.27, 1), "−1,561.3");
  }
});

test("points, intervals, dates and missing values in each language's words", () => {
  const en = formatters("en");
  const ko = formatters("ko");
  assert.equal(en.points(0.207), "20.7 points");
  assert.equal(ko.points(0.207), "20.7%p");
  assert.equal(en.interval(0.1, 0.2), "0.10 to 0.20");
  assert.equal(ko.interval(0.1, 0.2), "0.10~0.20");
  assert.equal(en.dateTime("2026-12-02T01:08:33.000Z"), "2026-12-02 01:08 UTC");
  assert.equal(ko.dateTime("2026-12-02T01:08:33.000Z"), "2026년 12월 2일 01:08(UTC)");
  assert.equal(en.percent(NaN), "n/a");
  assert.equal(ko.percent(NaN), "없음");
});
