// English: the sentences about a table of any schema (anytable-strings.ts).
import type { AnyTableStrings } from "./anytable-strings.js";

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

export const enAnyTable: AnyTableStrings = {
  schemaTitle: "How the columns were read",
  schemaIntro: (settings) =>
    "No built-in preset has this file's columns, so the pipeline read the schema from the cells themselves" +
    (settings
      ? ", with the settings on top"
      : " (no settings were given; `--target`, `--positive`, `--id` and a config file override any of it)") +
    ". Each decision, and why:",
  target: (column, positive, negative, why) =>
    `**Churn column:** ${column}; "${positive}" means the customer left and "${negative}" that they stayed (${why}).`,
  id: (column, why, synthetic) =>
    synthetic
      ? `**Customer ID:** none; each customer is named by their line in the file (${why}).`
      : `**Customer ID:** ${column} (${why}).`,
  decisionHeaders: ["column", "read as", "why"],
  decision: (text) => text,
  why: (text) => text,
  ignoredTitle: "Columns the models do not use",
  ignoredHeaders: ["column", "reason"],
  noIgnored: "Every column of the file is used.",
  noDescriptions:
    "The file has no data dictionary, so the columns carry no description beyond their kind; a config file can give " +
    "each one (`columns.NAME.description`).",
  leakTitle: "Possible leaks",
  leakIntro: (rows, threshold) =>
    `Every column was screened on the ${rows} training rows for a leak: a value recorded after the customer left ` +
    "(a cancellation reason, a retention-call score) gives churn away, so a model using it looks perfect and is " +
    `useless. A column that alone separates churners from stayers with a ROC-AUC of ${threshold} or more, or whose ` +
    "blanks line up with churn, is flagged:",
  leak: (p) => {
    const reasons: string[] = [];
    if (p.aucFlagged && p.auc) reasons.push(`alone it separates churners from stayers with ROC-AUC ${p.auc}`);
    if (p.blanks) {
      reasons.push(
        `its blanks line up with churn: ${p.blanks.n} of ${p.blanks.rows} training rows are blank and ` +
          `${p.blanks.churned} of them churned (ROC-AUC of "is blank" ${p.blanks.auc})`,
      );
    }
    return (
      `**${p.column}**: ${reasons.join("; ")}. ` +
      (p.kept
        ? "The config keeps it in the models anyway (`keepLeaks`)."
        : "It is left out of the models, the hypotheses and the segments.")
    );
  },
  noLeaks: (rows) => `No column looked like a leak when screened on the ${rows} training rows.`,
  blanks: (columns, cells) =>
    `${columns} columns have blank cells, ${cells} in all. Blanks are not errors: the models fill them with the ` +
    "median of the training rows only (so nothing about the test customers leaks into training). The tree models " +
    "route blanks themselves and see them as blanks.",

  edaIntro: (views) =>
    `How many customers leave, then one view for each of the ${views} columns that move churn most on their own, ` +
    "a ranking of every column by that same measure, and an explorer for any column. Every figure in the text is " +
    "computed in your browser from the cleaned data, so it stays true whatever data the report is built from.",
  viewsIntro: (views) =>
    `The ${views} columns whose values alone best separate customers who left from those who stayed, strongest ` +
    "first, by the churn signal |2 AUC − 1| (0: no separation, 1: perfect; the ranking below explains it and has " +
    "every column). Each view gives churn by the column's levels, values or ranges, with 95% intervals, and how its " +
    "values are spread in the two groups.",
  viewSignal: (strength, direction) =>
    // "most churn: Basic (26.3%)" would nest brackets inside the sentence's own.
    `Churn signal ${strength} (${direction.replace(/ \(([^()]*)\)$/, " at $1")}).`,
  noViews: "No column can be ranked on this data, so there is nothing to show here.",

  hypothesesTitle: (exploratory) =>
    exploratory ? "The columns most associated with churn, tested" : "Claims about churn, tested",
  hypothesesIntro: (count, exploratory) =>
    exploratory
      ? `No claims were configured for this table, so the page tests the ${count} columns most associated with churn ` +
        "(the smallest p-values of the fitting test), each stated as the claim the data suggest. Each is tested here " +
        "in your browser on the cleaned data, with the effect's size and its interval, and a verdict written from " +
        "the numbers."
      : `The ${count} claims set in the report's config are tested here in your browser on the cleaned data, each with ` +
        "the effect's size and its interval, and given a verdict written from the numbers. Where the data point the " +
        "other way from a claim, the verdict says so.",
  exploratoryWarning:
    "**Exploratory.** These claims were found by looking at this data and are tested on the same data, so their " +
    "p-values overstate the evidence: treat them as leads to test on new customers, not as findings. Setting " +
    "`hypotheses` in a config file tests claims fixed in advance instead.",
  claimed: (claim, direction, exploratory) =>
    exploratory ? `The data suggest: *${claim}* ${direction}` : `The config claims: *${claim}* ${direction}`,
  meanChart:
    "The chart shows the column's values for customers who stayed and for those who churned, each as a share of its " +
    "group, with the group's mean dashed.",
  rateChart: "The chart shows the churn rate of each group with its 95% interval and size.",
  testsCaption: (column) => `${column} and churn: the tests`,
  missingNote:
    "**Missing values.** Each test drops blank cells in its own column only, so a customer with a blank in one column " +
    "still counts in the other tests. Nothing is filled in: imputation would invent values exactly where the groups " +
    "are being compared. Each test states its n and how many blanks it left out.",
  testsNote:
    "**Tests.** For a number: Welch's t-test, which does not assume equal spread in the two groups, read first; " +
    "Student's t-test; Mann-Whitney U, which compares ranks and so does not lean on the values being evenly spaced; " +
    "and Cohen's d with its 95% interval. For a level of a category: the chi-square test of independence with " +
    "Yates's correction (the scipy default for a 2 × 2 table) and without it, Cramér's V, and the difference in churn " +
    "rate with its 95% interval. p-values are two-sided; the verdicts use the 5% level.",
  explorerIntro:
    "Pick a column and the fitting test runs on it: a column with two values or of categories gets the chi-square " +
    "test and Cramér's V, with the churn rate of each level; any other number gets Welch's and Student's t-tests, " +
    "Mann-Whitney U and Cohen's d, with the two groups' distributions. A number with a few whole values can be tested " +
    "either way: as a number, or as levels with each one's churn rate.",
  family: (count, alpha, bar, changed, exploratory) =>
    (exploratory
      ? `The ${count} associations above were chosen by looking at this data, so even held to ${alpha}/${count} = ` +
        `${bar} each (Bonferroni) their p-values overstate the evidence`
      : `The ${count} claims above were fixed in advance in the config, a family of ${count} tests: held to ` +
        `${alpha}/${count} = ${bar} each (Bonferroni)`) +
    (changed.length === 0
      ? exploratory
        ? "."
        : ", every verdict stays as it is."
      : `; the verdict on ${list(changed)} would become "no evidence either way".`),
  noClaims: "No column could be tested against churn on this data.",
  claimName: (h) => h.name,
  claimText: (h) => h.claim,
  // The pipeline writes the English verdict from the same numbers (src/lib/stats/hypotheses.ts).
  claimVerdict: (h) => h.verdict,
  levelMinusRest: (level) => `${level} − the others`,
  notLevel: (level) => `not ${level}`,

  guideEda:
    "[Exploration](./eda): how many customers leave, a view of each column that moves churn most, and an explorer for any column.",
  guideHypotheses: "[Hypotheses](./hypotheses): the claims about churn tested, with effect sizes and plain verdicts.",
  guideSegments: (k, columns) =>
    `[Segments and personas](./segments): ${k} groups by ${list(columns)}, who they are, and what to do.`,
  overviewHypotheses: (count, contradicted, exploratory) =>
    exploratory
      ? `No claims were configured, so the ${count} columns most associated with churn are tested, labelled ` +
        "exploratory (found and tested on the same data): see [Hypotheses](./hypotheses)."
      : `Of the ${count} configured claims, ${
          contradicted === 0
            ? "none is contradicted by the data"
            : `${contradicted} ${contradicted === 1 ? "points" : "point"} the other way on this data`
        }: see [Hypotheses](./hypotheses).`,
};
