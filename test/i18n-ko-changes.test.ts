// The Korean What changed paragraphs for a file without churn labels: the note on what the expectation rests
// on is written from the artifact's own figures (calibration, drifted columns), as the English sentence is.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ChangesArtifact } from "../src/lib/changes/artifact.js";
import { churnSentence } from "../src/lib/changes/prose.js";
import { expectedCount } from "../src/lib/stats/expected-count.js";
import { formatters } from "../src/i18n/format.js";
import { koChanges } from "../src/i18n/ko-changes.js";
import { changesArtifact } from "./fixtures/changes.js";

const NOTE =
  "expected from the baseline model's probabilities, which were calibrated on the baseline's customers: " +
  "if the customers drifted, the probabilities may no longer be calibrated";

function unlabelled(calibrated: boolean, drifted: boolean): ChangesArtifact {
  const a = changesArtifact();
  const probabilities = Array.from({ length: 200 }, (_, i) => (i % 10) / 20);
  return {
    ...a,
    current: { ...a.current, labelled: false },
    drift: { ...a.drift, columns: a.drift.columns.map((d) => ({ ...d, drifted: drifted && d.drifted })) },
    churnRate: {
      then: a.churnRate.then,
      now: null,
      difference: null,
      expected: {
        ...expectedCount(probabilities),
        note: NOTE,
        flagged: 40,
        baselineTest: calibrated ? { customers: 412, meanPredicted: 0.183, observedRate: 0.206, ece: 0.02 } : null,
        driftedInModel: null,
      },
    },
    backtest: null,
  };
}

describe("Korean expected-churn note", () => {
  const f = formatters("ko");
  it("says the baseline's calibration and how many shared columns drifted, from the artifact", () => {
    const text = koChanges.churn(unlabelled(true, true), f);
    assert.ok(text.includes(`검증 고객 ${f.count(412)}명에게는 이탈률 ${f.percent(0.183)}를 예측했고`), text);
    assert.ok(text.includes(`실제로는 ${f.percent(0.206)}가 이탈했습니다`), text);
    assert.ok(text.includes("공통인 열 3개 중 2개가 기준 빌드 이후 달라졌으므로"), text);
    assert.ok(text.includes(`${f.percent(0.95, 0)} 구간`), text);
    assert.doesNotMatch(text, /[A-Za-z]{4,}/);
  });
  it("follows the figures: no calibration figures, no drifted column", () => {
    const text = koChanges.churn(unlabelled(false, false), f);
    assert.doesNotMatch(text, /검증 고객/);
    assert.ok(text.includes("공통인 열 3개 중 기준 빌드 이후 달라진 열은 없지만"), text);
  });
  it("leaves the English sentence as it was", () => {
    assert.ok(churnSentence(unlabelled(true, true)).endsWith(`in the baseline; ${NOTE}.`));
  });
});
