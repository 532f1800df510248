// The "What changed" page in English: the paragraphs are src/lib/changes/prose.ts's sentences.
import {
  backtestSentence,
  churnSentence,
  driftSentence,
  effectText,
  movementText,
  segmentsSentence,
  whatChangedMost,
} from "../lib/changes/prose.js";
import type { ChangesStrings } from "./changes-strings.js";

export const enChanges: ChangesStrings = {
  intro:
    "Which columns moved since the baseline build, whether last build's model still holds on customers it has " +
    "never seen, and which customers moved between segments.",
  compared: (c, f) => {
    const b = c.baseline;
    return (
      `This build (${c.current.file}, ${f.count(c.current.customers)} distinct customers) is compared with the ` +
      `baseline in the folder ${b.folder} (${b.layout}: ${b.file}, ${f.count(b.customers)} distinct customers, ` +
      `deployed model ${b.model.name} at threshold ${b.model.threshold.toFixed(3)}).`
    );
  },
  drift: (c) => driftSentence(c),
  churn: (c) => churnSentence(c),
  backtest: (c) => backtestSentence(c),
  segments: (c) => segmentsSentence(c),
  whatChangedMost: (c) => whatChangedMost(c),
  movement: (d) => movementText(d),
  effect: (d) => effectText(d),

  driftTitle: "Drift, column by column",
  driftIntro:
    "Ranked by effect size: the population stability index (PSI), which does not grow with the number of " +
    "customers, so a large file does not flag every column. The table's caption states the rule.",
  backtestTitle: "Last build's model on these customers",
  movesTitle: "Segment moves",
  churnTitle: "Churn rate then and now",

  driftHeaders: ["column", "kind", "then → now", "test", "p", "effect", "drifted"],
  kind: (kind) => (kind === "numeric" ? "number" : "category"),
  test: (kind) => (kind === "numeric" ? "Kolmogorov-Smirnov" : "chi-square"),
  wasserstein: (w) => `; W ${w} sd`,
  yesNo: (yes) => (yes ? "yes" : "no"),
  driftRule: (english) => english,
  allValues: "all",
  build: (build) => (build === "baseline" ? "baseline" : build === "now" ? "this build" : "this build (expected)"),
  thenNowLabel: (column, numeric) =>
    `${column}: share of customers per ${numeric ? "range" : "level"}, baseline and this build`,
  thenNowItem: (bin, then, now) => `${bin}: ${then} then, ${now} now`,
  decilesAxis: (column) => `${column} (baseline's deciles)`,
  shareAxis: "share of customers",

  backtestHeaders: [
    "",
    "customers",
    "ROC-AUC",
    "PR-AUC",
    "Brier",
    "precision",
    "recall",
    "predicted vs observed churn",
  ],
  backtestOld: (threshold) => `Last build's model on this file's customers (threshold ${threshold})`,
  backtestNew: (threshold) => `New model on its held-out test set (threshold ${threshold})`,
  backtestOwn: "Last build's model on its own test set, as it reported",
  calibrationCell: (predicted, observed, ece) => `${predicted} vs ${observed} (ECE ${ece})`,
  backtestMethod: (english) => english,
  calibrationModels: ["last build's model, this file", "new model, its test set"],
  calibrationLabel: "Calibration: observed churn rate against mean predicted probability per bin",
  calibrationItem: (model, predicted, observed, count) =>
    `${model}: predicted ${predicted}, observed ${observed} (${count})`,
  predictedAxis: "mean predicted probability",
  observedAxis: "observed churn rate",

  movesLabel: "Customers by baseline segment (rows) and new segment (columns)",
  movesNowAxis: "segment in this build",
  movesThenAxis: "segment in the baseline",
  customersLegend: "customers",
  segmentHeaders: ["baseline segment", "matched segment now", "size then", "size now", "churn then", "churn now"],
  noLabels: "n/a (no labels)",
  noneLeft: "none left to match",
  matchedBy: (english) => `Segments matched by ${english}.`,

  churnLabel: "Churn rate, baseline and this build, with 95% intervals",
  churnItem: (build, rate, low, high) => `${build}: ${rate} (${low} to ${high})`,
  churnAxis: "churn rate",

  howTo: [
    "This build has no baseline. ",
    "Keep the output of this month's build (a pipeline --out folder, or the published site's dist/ folder), and next month build with ",
    " (or run ",
    ", which writes OUT/changes.json). This page will then show which columns drifted, how last month's model does on the new customers, and who moved between segments.",
  ],
};
