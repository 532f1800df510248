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
