// The Score page in English. Problems and notes are the sentences the checks themselves write (the same as
// npm run score prints), from src/lib/data/issue-detail.ts.
import { englishNote, englishProblem } from "../lib/data/issue-detail.js";
import type { ScoreStrings } from "./score-strings.js";

const s = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

export const enScore: ScoreStrings = {
  intro: (model) =>
    "Upload a file of customers with the same columns as the report's data (CSV or XLSX; the Churn column may be " +
    "there or not) and each customer gets a churn probability, a decision at the report's threshold, a segment and " +
    `the reasons for the score. This uses the very model (${model}), preprocessing and segments that produced the ` +
    "report's numbers.",
  privacyTitle: "Your file stays in your browser.",
  privacy:
    "It is read, checked and scored on this page by a script served with the report. Nothing is uploaded anywhere: " +
    "there is no server to send it to.",
  sample: (ownFile) => [
    "No file at hand? Try ",
    `: ${ownFile ? "up to 200 customers of the report's own file, as written there" : "200 synthetic customers from the demo data"}, without the churn column.`,
  ],
  fileInputLabel: "Customers file (CSV or XLSX)",
  scored: (p) =>
    `${p.file}: ${p.customers} customers scored (${p.format}, ${p.rows} rows in the file) in ${p.seconds} s.`,
  note: (text) => `Note: ${text}`,
  thresholdIntro: (value, policy) =>
    `The report's threshold is **${value}** (chosen by the ${policy} policy on out-of-fold predictions, never on the ` +
    "test set). Customers scored at or above it are flagged as high risk. Move it to flag more or fewer customers.",
  thresholdLabel: "Threshold",
  uploadFirst: "Upload a file above to see its customers here.",
  evaluation: (p) => [
    "This file has a Churn column, so here is how the model did on it.",
    `ROC-AUC ${p.auc}; at threshold ${p.threshold}: precision ${p.precision}, recall ${p.recall}, accuracy ` +
      `${p.accuracy} (${p.tp} churners caught, ${p.fn} missed, ${p.fp} flagged who stayed). If these customers ` +
      "were in the training data, these figures are optimistic: the honest ones are on the Models page.",
  ],
  searchPlaceholder: "Search customers…",
  searchLabel: "Search",
  searchResults: (count, countText) => `${countText} ${s(count, "result")}`,
  segmentLabel: "Segment",
  allSegments: "all segments",
  highRiskOnly: "High risk only",
  columns: {
    probability: "churn probability",
    highRisk: "high risk",
    raisesRisk: "raises risk",
    lowersRisk: "lowers risk",
    segment: "segment",
    customers: "customers",
    shareHighRisk: "share high risk",
    meanProbability: "mean probability",
  },
  yesNo: (yes) => (yes ? "yes" : "no"),
  pickCustomer: (id) => `pick customer ${id}`,
  pickOne: "pick one customer",
  showing: (shown, total) =>
    `Showing ${shown} of ${total} customers. Click a column header to sort; pick a customer to explain them in ` +
    "the what-if form below.",
  reasonsHowTitle: "How the reasons are computed",
  reasonsHow: (p) =>
    p.kind === "linear"
      ? "Reasons: the columns that raise or lower the customer's risk most, by the logistic regression's own terms: " +
        "each feature's coefficient times the customer's standardised value (blanks filled with the training " +
        "median), summed over each column's encoded features. They add up exactly to the customer's log-odds minus " +
        "the intercept, the log-odds of the average training customer, and cost a few microseconds a customer. " +
        "Moving the threshold does not change them; uploading another file replaces them."
      : p.kind === "treeshap"
        ? "Reasons: the columns that raise or lower the customer's risk most, by exact TreeSHAP values" +
          `${p.member ? ` of the ${p.member} member of the selected model` : ""}, summed over each column's encoded ` +
          "features (a category's one-hot columns, and the no-purchase-last-year flag with its column). Exact values " +
          `walk every path of all ${p.trees} trees for each customer, a few milliseconds a customer against a few ` +
          "microseconds for the score, so they follow the scores instead of holding them up, on two threads where " +
          "the device has a second core: highest probability first (so the high-risk customers at any threshold get " +
          "theirs first), filling in as they come. Moving the threshold does not restart them; uploading another " +
          "file stops them."
        : "Reasons: this model has no exact explainer, so no reasons are given.",
  highRiskInSegment: (segment, count, countText) => `${segment}: ${countText} high-risk ${s(count, "customer")}`,
  downloadAll: (count) => `All scored customers (${count})`,
  downloadHighRisk: (count) => `High risk (${count})`,
  downloadSegment: (segment, count) => `${segment} (${count})`,
  downloadNow: (count) => [
    "Cannot wait? ",
    `All scored customers now, without reasons (${count})`,
    " has the probabilities, decisions and segments but no reason columns at all (none rather than some).",
  ],
  downloadsNote:
    "Every file in the row of buttons has each customer's reasons (raises_risk, lowers_risk): clicked while the " +
    "reasons are still being computed, a button shows how far they are and the file downloads as soon as the last " +
    "one is in. CSV in UTF-8 with a byte-order mark, so spreadsheets read accents correctly. Text cells that start " +
    "with =, +, - or @ get an apostrophe in front, so a spreadsheet shows them instead of running them as formulas. " +
    "The high-risk file follows the threshold above.",
  downloadsLater: "Downloads appear once a file is scored.",
  whatIfIntro: (uploaded) =>
    `Start from ${uploaded ? "the customer picked in the table (or typical values when none is picked)" : "typical values (the training medians; the first listed value for categories)"}, ` +
    "change any field, and see the risk and its reasons move.",
  startCustomer: (id) => `customer ${id}`,
  startTypical: "typical values",
  blankAllowed: "blank allowed",
  whatIfResult: (p) => [
    `Starting from ${p.start}: churn probability `,
    `, ${p.high ? "high risk" : "not high risk"} at threshold ${p.threshold}; segment `,
    "",
    ".",
  ],
  formProblemLead: "The form has a value the model cannot take: ",
  reasonsNote: (units) =>
    "Reasons are Shapley values: each column's share of the difference between this customer's score and the " +
    `average training customer's, in the model's ${units} units. They describe the model, not cause and effect: ` +
    "changing a value on the form shows what the model would say, not what the customer would do.",

  rejectedTitle: "File rejected: nothing was scored. ",
  rejected: (file, total, totalText) =>
    `${file} has ${total === 1 ? "a problem" : `${totalText} problems`} that stop it being read as customers with ` +
    "the report's columns:",
  skippedTitle: (skipped, rows) => `${skipped} of ${rows} rows skipped. `,
  skipped:
    "They have values the model cannot take, so they were not scored and are not in the tables or downloads " +
    "below. Fix them in the file and upload it again:",
  groupHead: (column) => (column !== undefined ? `Column ${column}` : "The file"),
  groupCount: (count, countText) => `${countText} ${s(count, "row")}`,
  place: (place, row) => `${place === "sheetRow" ? "sheet row" : place === "record" ? "row" : "line"} ${row}`,
  more: (rest) => `… and ${rest} more like this`,
  valueJoin: " ",
  problem: (detail) => englishProblem(detail),
  uncoded: (english) => english,
  noteText: (detail) => englishNote(detail),
  stage: (stage) => stage,
  stageCount: (done, total) => `${done} of ${total} customers`,
  raiseMost: "Raise the risk most",
  lowerMost: "Lower the risk most",
  none: "none",
  units: (units) => `Contributions in ${units}, relative to the average customer the model saw in training.`,
  computing: "computing…",
  reasonsRunning: (p) =>
    `Computing reasons… ${p.done} of ${p.total} customers${
      p.high === null
        ? ""
        : p.high.all
          ? `; all ${p.high.flagged} high-risk customers have theirs`
          : `; high-risk customers first (${p.high.done} of ${p.high.flagged} so far)`
    }. The scores, segments and downloads are ready; reasons fill in as they come.`,
  reasonsDone: (p) =>
    `Reasons computed for all ${p.total} customers in ${p.seconds} s (exact TreeSHAP, ${p.rate} customers a second).`,
  reasonsFailed: (message) =>
    `Reasons could not be computed: ${message}. The scores and segments above are unaffected.`,
  waiting: (label, done, total) => `${label}: waiting for reasons, ${done} of ${total}…`,
};
