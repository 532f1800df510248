// The sentences about a table of any schema (src/i18n/*-anytable.ts): the Korean table rewrites every
// decision and reason the schema inference writes on the other-schema test tables (none is left in
// English), keeps a sentence it does not know as written, and words the preset-free claims from their fields.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import { inferSchema } from "../src/lib/data/infer-schema.js";
import { enAnyTable } from "../src/i18n/en-anytable.js";
import { formatters } from "../src/i18n/format.js";
import { koAnyTable } from "../src/i18n/ko-anytable.js";
import type { HypothesisResult } from "../src/lib/stats/hypotheses.js";
import { otherTables } from "./fixtures/other-tables.js";

const raw = (text: string, file: string) => parseCsv(new TextEncoder().encode(text), file);
const LATIN_WORDS = /\b(?:the|a|is|are|every|with|named|reads|values?|cells?|blank|text|number)\b/;

describe("the Korean schema decisions", () => {
  for (const table of otherTables(120)) {
    it(`rewrites every decision and reason on the ${table.name} table`, () => {
      const schema = inferSchema(raw(table.csv, `${table.name}.csv`));
      for (const d of schema.decisions) {
        assert.doesNotMatch(koAnyTable.decision(d.decision), LATIN_WORDS, d.decision);
        assert.doesNotMatch(koAnyTable.why(d.why), LATIN_WORDS, d.why);
        assert.match(koAnyTable.why(d.why), /[\uac00-\ud7a3]/, d.why);
      }
      for (const i of schema.ignored) assert.match(koAnyTable.why(i.reason), /[\uac00-\ud7a3]/, i.reason);
    });
  }

  it("keeps what it does not know as written, and English as the pipeline wrote it", () => {
    assert.equal(koAnyTable.why("something new"), "something new");
    assert.equal(enAnyTable.why("every non-blank cell is a number"), "every non-blank cell is a number");
    assert.equal(
      koAnyTable.why("every non-blank cell is a number, written decimal-comma with currency or percent signs"),
      "비어 있지 않은 셀이 모두 숫자입니다(소수점 쉼표 표기, 통화·퍼센트 기호 포함)",
    );
    assert.equal(koAnyTable.decision('"예" means left, "아니오" stayed'), '"예"는 이탈, "아니오"는 잔류');
  });
});

describe("claims that are not the preset's, in Korean", () => {
  const f = formatters("ko");
  const base = {
    exploratory: true as const,
    test: "Welch's t-test",
    df: 590.1,
    p: 7e-22,
    logP: -48.7,
    pText: "7.0 × 10⁻²²",
    comparison: "",
    otherTests: [],
    missingPolicy: "",
    alpha: 0.05,
    direction: "supports" as const,
    verdict: "Exploratory: …",
  };
  const mean: HypothesisResult = {
    ...base,
    id: "exploratory-1",
    name: "support_calls and churn (exploratory)",
    claim: "Customers with higher support_calls churn more (suggested by this data).",
    columns: ["support_calls", "Exited"],
    statisticName: "t",
    statistic: -10.01,
    effect: { name: "Cohen's d (stayed − churned)", value: -0.82, low: -0.99, high: -0.65, level: 0.95 },
    groups: [
      { kind: "mean", label: "stayed", n: 313, mean: 1.77, sd: 1.5 },
      { kind: "mean", label: "churned", n: 287, mean: 3.02, sd: 1.6 },
    ],
  };
  const level: HypothesisResult = {
    ...base,
    id: "exploratory-2",
    name: "plan and churn (exploratory)",
    claim: "Customers with plan Basic churn more (suggested by this data).",
    columns: ["plan", "Exited"],
    statisticName: "χ²",
    statistic: 12.3,
    df: 1,
    effect: { name: "Difference in churn rate", value: 0.12, low: 0.05, high: 0.19, level: 0.95 },
    groups: [
      {
        kind: "rate",
        label: "not Basic",
        churned: 180,
        n: 406,
        x: 180,
        rate: 0.443,
        low: 0.395,
        high: 0.492,
        level: 0.95,
      },
      { kind: "rate", label: "Basic", churned: 107, n: 194, x: 107, rate: 0.552, low: 0.481, high: 0.62, level: 0.95 },
    ],
  };

  it("names and states them from their columns, levels and direction", () => {
    assert.equal(koAnyTable.claimName(mean), "이탈과 support_calls(탐색적)");
    assert.equal(koAnyTable.claimText(mean), "support_calls 값이 클수록 더 많이 이탈한다(이 데이터에서 드러난 경향).");
    assert.equal(koAnyTable.claimText(level), "plan 값이 Basic인 고객이 더 많이 이탈한다(이 데이터에서 드러난 경향).");
    // A claim in the config's own words is shown as written.
    assert.equal(
      koAnyTable.claimText({ ...mean, exploratory: undefined, claim: "상담이 잦으면 떠난다." }),
      "상담이 잦으면 떠난다.",
    );
  });

  it("writes the verdict from the numbers, saying it is exploratory", () => {
    const v = koAnyTable.claimVerdict(mean, f);
    assert.match(v, /^탐색적 결과입니다\./);
    assert.match(v, /이탈 고객\(3\.02, n = 287\)의 평균 support_calls 값이 잔류 고객\(1\.77, n = 313\)보다 높았습니다/);
    const r = koAnyTable.claimVerdict({ ...level, direction: "no evidence" }, f);
    assert.match(r, /plan 값이 Basic인 고객의 이탈률은 55\.2%/);
    assert.match(r, /어느 쪽으로도 근거가 없습니다/);
  });
});
