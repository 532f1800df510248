// The "What changed" sentences from a changes.json built by hand with the stats functions: they must say
// the numbers that are there, and the right verdict for overlapping and separate intervals.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  backtestSentence,
  churnSentence,
  driftSentence,
  segmentsSentence,
  whatChangedMost,
} from "../src/lib/changes/prose.js";
import { changesArtifact as artifact } from "./fixtures/changes.js";

describe("changes prose", () => {
  it("drift names the drifted columns with their movement and PSI, and the new columns", () => {
    const text = driftSentence(artifact([0.8, 0.78, 0.82]));
    assert.match(text, /^2 of 3 shared columns drifted: Tenure \(mean 10\.0 → 22\.0; PSI [\d.]+, major\)/);
    assert.match(text, /Payment \(Debit 60\.0% → 30\.0%; PSI/);
    assert.match(text, /1 new \(Region\)/);
    assert.doesNotMatch(text, /CityTier/);
  });
  it("churn: 17.0% -> 25.0% is a change the interval does not put down to chance", () => {
    const text = churnSentence(artifact([0.8, 0.78, 0.82]));
    assert.match(text, /17\.0% .* 25\.0% .*\+8\.0 points/);
    assert.match(text, /does not put down to chance/);
  });
  it("backtest verdict follows the intervals", () => {
    assert.match(backtestSentence(artifact([0.8, 0.78, 0.82])), /do not overlap: retraining was worth it/);
    assert.match(backtestSentence(artifact([0.94, 0.92, 0.96])), /intervals overlap/);
    assert.match(backtestSentence(artifact([0.8, 0.78, 0.82])), /catches 75% of churners \(precision 50%\)/);
  });
  it("segments and the overview's one line", () => {
    assert.match(segmentsSentence(artifact([0.8, 0.78, 0.82])), /^900 customers are in both builds; 810 \(90%\)/);
    assert.match(
      whatChangedMost(artifact([0.8, 0.78, 0.82])),
      /^Since may\.csv: Tenure moved most \(mean 10\.0 → 22\.0; PSI .*\); last build's model scores ROC-AUC 0\.800 .*churn 17\.0% → 25\.0%\.$/,
    );
  });
});
