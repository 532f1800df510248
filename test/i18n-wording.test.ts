import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { wording } from "../src/i18n/wording-strings.js";
import { formatReasons, type Reason } from "../src/lib/scoring/score.js";

const reasons: Reason[] = [
  { column: "Complain", value: "1", contribution: 0.8 },
  { column: "Tenure", value: null, contribution: 0.4 },
];

describe("a missing cell in a reason", () => {
  it("reads as before in English (npm run score's file, the English page)", () => {
    assert.equal(formatReasons(reasons), "Complain = 1; Tenure = blank");
    assert.equal(formatReasons(reasons, wording("en").blankValue), "Complain = 1; Tenure = blank");
  });
  it("reads in Korean on /ko/ pages", () => {
    assert.equal(formatReasons(reasons, wording("ko").blankValue), "Complain = 1; Tenure = 빈칸");
  });
});

describe("a threshold policy in a sentence", () => {
  it("keeps its code on the English Score page", () => {
    assert.equal(wording("en").policyName("best-f1"), "best-f1");
    assert.equal(wording("en").policyName("min-cost"), "min-cost");
  });
  it("is named in Korean as the Korean Models page names it", () => {
    assert.equal(wording("ko").policyName("best-f1"), "최고 F1");
    assert.equal(wording("ko").policyName("target-recall"), "목표 재현율");
    assert.equal(wording("ko").policyName("min-cost"), "최저 기대 비용");
    assert.equal(wording("ko").policyName("custom"), "custom");
  });
  it("reads in the Korean threshold sentence without English", async () => {
    const { koScore } = await import("../src/i18n/ko-score.js");
    const sentence = koScore.thresholdIntro("0.023", wording("ko").policyName("best-f1"));
    assert.ok(sentence.includes("최고 F1 정책"), sentence);
    assert.ok(!/best-f1/.test(sentence));
  });
});
