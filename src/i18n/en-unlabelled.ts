// English sentences of a build without churn labels (unlabelled-strings.ts).
import type { LabelledPage, UnlabelledStrings } from "./unlabelled-strings.js";

const WHAT: Record<LabelledPage, string> = {
  eda: "This page compares the customers who churned with those who stayed",
  hypotheses: "This page tests claims about who churns against who did",
  models: "This page ranks the models trained on the build's data",
  segments: "This page groups this build's customers by what they buy and how often they churn",
};

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
};

export const enUnlabelled: UnlabelledStrings = {
  noteTitle: "No churn labels in this build. ",
  pageNeedsLabels: (page, b) =>
    `${WHAT[page]}, and this build's file, ${b.file}, has no churn column: nothing was trained on it and there are ` +
    `no churners to compare. Its customers were scored with the baseline's model (${b.model}): how many of them ` +
    `it expects to churn, what drifted since the baseline and how customers moved between the baseline's ` +
    `segments are on [What changed](./changes). This page for the baseline's own customers is in the baseline's ` +
    `report (built from ${b.baselineFile}, folder ${b.baselineFolder}); add a churn column to this file to get it ` +
    `for these customers.`,
  dataFile: (p) =>
    `The report was built from **${p.file}** (${p.format}${p.sheet ? `, sheet "${p.sheet}"` : ""}, ${p.bytes} bytes, ` +
    `SHA-256 \`${p.sha256}\`): ${p.rows} rows, with no churn column, so no one is counted as churned; the ` +
    `baseline's model scored them (see [What changed](./changes)). Column descriptions come from ` +
    `${p.fromFile ? "the workbook's own data dictionary" : "the project's schema (the file has no data dictionary)"}.`,
  lead: (b, p) =>
    `**This file has no churn column**, so no model was trained on it. The baseline's model (${b.model}, trained on ` +
    `${b.baselineFile}) scored its ${p.customers} distinct customers and expects **${p.expected} churners** ` +
    `(${p.rate}; 95% interval ${p.low} to ${p.high}), against a churn rate of ${p.thenRate} in the baseline.`,
  drifted: (drifted, shared, columns) =>
    `${drifted} of ${shared} shared columns drifted since the baseline: ${columns}. The model's probabilities were ` +
    "calibrated on the baseline's customers, so where these customers differ from them the expectation may be off.",
  noDrift: (shared) =>
    `None of the ${shared} shared columns drifted since the baseline (PSI at least 0.1 with p below 0.05), so the ` +
    "baseline's customers, on whom the model was calibrated, look like these.",
  driftedColumn: (column, psi) => `${column} (PSI ${psi})`,
  leansOn: (items) => `Of the drifted columns, the model leans on ${items}.`,
  rankItem: (column, rank, of) => `${column} (${ordinal(rank)} of ${of} by permutation importance)`,
  ownCalibration: (p) =>
    `On its own ${p.customers} held-out customers the model predicted ${p.predicted} churn where ${p.observed} ` +
    `churned (expected calibration error ${p.ece}).`,
  caveat:
    "The interval covers the chance in which customers churn, given the model's probabilities; it does not cover " +
    "an error in the probabilities themselves. Once this month's churn is known, rebuild with it to check.",
  expectedLabel: "Expected churners",
  expectedDetail: (low, high, customers) => `95% interval ${low} to ${high}, of ${customers} customers`,
  baselineLabel: "Churn in the baseline",
  baselineDetail: (churners, customers, file) => `${churners} of ${customers} customers in ${file}`,
  driftLabel: "Columns that drifted",
  driftValue: (drifted, shared) => `${drifted} of ${shared}`,
  driftDetail: "shared columns, by PSI and a test; the drift table is on What changed",
  flaggedLabel: "Flagged at the threshold",
  flaggedDetail: (threshold, model) => `customers at or above ${threshold}, the baseline's threshold for ${model}`,
  guideHeading: "How to read this build",
  guide: {
    data: "[Data and cleaning](./data): what was in the file and everything done to it.",
    changes:
      "[What changed](./changes): the expected churners and how they are estimated, the drift column by column, and segment moves.",
    score: "[Score customers](./score): score customers in your browser with the baseline's model.",
    others:
      "Exploration, Hypotheses, Models and Segments compare churners with the others: in this build they say so and point to the baseline's report.",
  },
  provenanceHeading: "Provenance",
  provenance: (p) =>
    `Built ${p.builtAt} from ${p.file} (${p.rows} rows, SHA-256 ${p.sha256}) against the baseline in the folder ` +
    `${p.baselineFolder} (${p.baselineFile}, SHA-256 ${p.baselineSha256}).`,
  method: (p) =>
    `How the expected count is made: each of the ${p.customers} customers churns or not with the probability the ` +
    "baseline's model gives them, independently of the others, so the number of churners is a sum of Bernoulli " +
    `draws (a Poisson-binomial count) with mean Σp = ${p.expected} and standard deviation √Σp(1 − p) = ${p.sd}. ` +
    (p.exact
      ? `The ${p.level} interval, ${p.low} to ${p.high}, is that distribution's own central ${p.level}, computed exactly. `
      : `The ${p.level} interval, ${p.low} to ${p.high}, is the normal approximation, mean ± 1.96 sd (too many customers to sum the distribution exactly). `) +
    "It holds only as far as the probabilities are calibrated on these customers.",
  scoreModel: (b) =>
    `No model was trained on this build's file (it has no churn column): the model here is the baseline's, ${b.model}, ` +
    `trained on ${b.baselineFile} (folder ${b.baselineFolder}), the one that gave the expected churners on ` +
    "[What changed](./changes).",
};
