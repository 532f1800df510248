// The "What changed" page's sentences (src/changes.md, src/components/changes-views.ts) and the overview's one
// line about it. The paragraphs are written from changes.json's numbers: English by src/lib/changes/prose.ts
// (what the README and the tests quote), every other language by its own functions of the same artifact.
import type { ChangesArtifact } from "../lib/changes/artifact.js";
import type { ColumnDrift } from "../lib/stats/drift.js";
import type { Formatters } from "./format.js";

export interface ChangesStrings {
  readonly intro: string;
  compared(c: ChangesArtifact, f: Formatters): string;
  drift(c: ChangesArtifact, f: Formatters): string;
  churn(c: ChangesArtifact, f: Formatters): string;
  backtest(c: ChangesArtifact, f: Formatters): string;
  segments(c: ChangesArtifact, f: Formatters): string;
  /** The overview's one line: what changed most. */
  whatChangedMost(c: ChangesArtifact, f: Formatters): string;
  /** "mean 15.2 → 27.1", "UPI 6.9% → 28.4%". */
  movement(d: ColumnDrift, f: Formatters): string;
  /** "PSI 0.43, major". */
  effect(d: ColumnDrift, f: Formatters): string;

  readonly driftTitle: string;
  readonly driftIntro: string;
  readonly backtestTitle: string;
  readonly movesTitle: string;
  readonly churnTitle: string;

  readonly driftHeaders: readonly [string, string, string, string, string, string, string];
  kind(kind: "numeric" | "category"): string;
  test(kind: "numeric" | "category"): string;
  wasserstein(w: string): string;
  yesNo(yes: boolean): string;
  /** The drift rule as the caption (the artifact's English rule, given in case it is not the one known). */
  driftRule(english: string): string;
  readonly allValues: string;
  build(build: "baseline" | "now" | "expected"): string;
  thenNowLabel(column: string, numeric: boolean): string;
  thenNowItem(bin: string, then: string, now: string): string;
  decilesAxis(column: string): string;
  readonly shareAxis: string;

  readonly backtestHeaders: readonly [string, string, string, string, string, string, string, string];
  backtestOld(threshold: string): string;
  backtestNew(threshold: string): string;
  readonly backtestOwn: string;
  calibrationCell(predicted: string, observed: string, ece: string): string;
  /** The backtest's method as the caption (the artifact's English text, given in case it is not the one known). */
  backtestMethod(english: string): string;
  readonly calibrationModels: readonly [string, string];
  readonly calibrationLabel: string;
  calibrationItem(model: string, predicted: string, observed: string, count: string): string;
  readonly predictedAxis: string;
  readonly observedAxis: string;

  readonly movesLabel: string;
  readonly movesNowAxis: string;
  readonly movesThenAxis: string;
  readonly customersLegend: string;
  readonly segmentHeaders: readonly [string, string, string, string, string, string];
  readonly noLabels: string;
  readonly noneLeft: string;
  matchedBy(english: string): string;

  readonly churnLabel: string;
  churnItem(build: string, rate: string, low: string, high: string): string;
  readonly churnAxis: string;

  /** Without a baseline: [bold lead, before the build command, between, after]. */
  readonly howTo: readonly [string, string, string, string];
}
