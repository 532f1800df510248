// The Models page in English (keys as in models-strings.ts). The artifact's own English passes through as is.
import type { PageNames } from "./strings.js";
import type { ModelsStrings } from "./models-strings.js";

export const enModelsPage: PageNames = {
  title: "Models",
  headings: {
    main: "Which model, and how sure are we?",
    protocol: "How the models were tested",
    models: "The models",
    leaderboard: "The leaderboard",
    selected: "The model the report uses",
    test: "On the test set",
    threshold: "Choosing a threshold",
    tryOwn: "Try your own",
    drivers: "What drives the predictions",
    original: "Why the original's figures were too good",
  },
};

const ORDINALS = ["", "first", "second", "third"];
const listItems = (items: readonly string[]): string => items.join("; ");

export const enModels: ModelsStrings = {
  notAvailable: "n/a",
  flagNobody: "flag nobody",
  range: (lo, hi) => `${lo}–${hi}`,
  withInterval: (estimate, range) => `${estimate} (${range})`,
  ordinal: (n) => ORDINALS[n] ?? `${n}th`,

  intro:
    "Eight models were trained to tell churners from stayers. This page ranks them on figures that a new customer " +
    "would see too, shows where each one is good and where it is not, lets you choose how many customers to contact, " +
    "and says which model the report uses and why. Every number below is read from the pipeline's output when the " +
    "page opens.",
  testing: (p) =>
    `The file has ${p.rows} rows. ${p.duplicates} of them are exact copies of another customer and were removed ` +
    `first, so no customer can sit on both sides of the split. Of the ${p.distinct} distinct customers, ` +
    `${p.testRows} (${p.testChurners} churners) were held out as the test set ` +
    `${p.byIds ? "named by the test-IDs file" : `(stratified, seed ${p.seed})`} and scored once, at the very end. ` +
    `Everything else, including choosing a model and choosing a threshold, used the ${p.trainRows} training ` +
    `customers (${p.trainChurners} churners) and ${p.folds}-fold cross-validation on them: each fold is predicted ` +
    "by models that never saw it, which gives every training customer an *out-of-fold* probability.",
  protocolSummary: "The protocol in detail",
  modelsIntro:
    "Each row is named for what the model is, not for the software that fits it, as the original project's table " +
    "was. Which of the original's rows each one stands for, how it is fitted and with which settings is in the note " +
    "under the table.",
  modelsHeaders: ["model", "family"],
  buildSummary: "Which of the original's rows each model stands for, and how it is fitted",
  buildIntro:
    "The original project's table used library names (XGBoost, LightGBM, HistGradientBoosting); this report fits " +
    "its own tree engine in the two growth policies those libraries use, so a row here says which of the " +
    "original's rows it stands for, and where it differs.",
  buildHeaders: ["model", "stands for the original's row", "implementation", "settings"],
  settingNone: "none",
  fitSample: (rows, of) =>
    `fitted on a seeded stratified sample of ${rows} of the ${of} training rows (its cost grows faster than the rows), scored on all`,

  leaderboard: (p) => {
    const st = p.stacking;
    const stacking = !st
      ? ""
      : st.first
        ? `On the test set stacking scores ${st.test}, 95% interval ${st.lo} to ${st.hi}.`
        : `Stacking ranks ${enModels.ordinal(st.rank)} of ${st.of} with ${st.cv}, and scores ${st.test} on the test ` +
          `set, 95% interval ${st.lo} to ${st.hi}.`;
    return (
      `Ranked by mean cross-validated PR-AUC, **${p.leader}** comes first (${p.leaderCv} over ${p.folds} folds) and ` +
      `**${p.last}** last (${p.lastCv}). ${stacking}${stacking ? " " : ""}PR-AUC is the headline because churners ` +
      `are ${p.churnShare} of customers and a retention team works from the top of the risk list down: PR-AUC ` +
      "measures that region, while ROC-AUC is lifted by the many stayers who are easy to rank. The ± figures are " +
      "the spread over folds; the test figures carry 95% bootstrap intervals. Where two models' intervals overlap " +
      "widely, the test set cannot tell them apart."
    );
  },
  leaderboardCaption:
    "Click a column header to sort. CV: mean over the folds of the training set, ± its sd. Test: estimate over its 95% bootstrap interval.",
  leaderboardHeaders: {
    model: "model",
    cvPr: "CV PR-AUC",
    cvRoc: "CV ROC-AUC",
    cvF1: "CV F1 (best-F1 threshold)",
    cvBrier: "CV Brier",
    testPr: "test PR-AUC",
    testRoc: "test ROC-AUC",
    testF1: "test F1 at the OOF threshold",
  },
  usedByReport: (name) => `${name} (used by the report)`,
  stackingNoteTitle: "Stacking's cross-validated figures are slightly optimistic. ",
  stackingNote:
    "Its meta-model is fitted on the members' out-of-fold probabilities, and in each fold those came from members " +
    "that had seen the fold being scored. Its test figures are exact: compare its two columns above rather than its " +
    "CV rank alone.",

  whyNotLeader: (p) =>
    p.leaderFirst
      ? "It also ranks first overall."
      : `It ranks ${enModels.ordinal(p.rank)} overall: ${p.leader} ranks first, ${p.diff} higher in mean CV PR-AUC ` +
        `(${p.leaderCv} against ${p.selectedCv}), a gap ${p.gapSmaller ? "smaller than" : "larger than"} the ` +
        "spread between folds. " +
        (p.members
          ? `But ${p.leader} blends ${p.members.length} models (${p.members.join(", ")}): its scores cannot be ` +
            "traced back to a customer's columns exactly, and scoring a file would need every member in the browser."
          : `But ${p.leader}'s scores cannot be traced back to a customer's columns exactly, which only the tree ` +
            "ensembles and logistic regression allow.") +
        ` On the test set the two score ${p.leaderTest} and ${p.selectedTest}.`,
  chosen: (p) =>
    `The report scores customers with **${p.name}**. Among the models whose scores can be explained exactly, ` +
    `customer by customer (the tree ensembles and logistic regression), it has the highest mean cross-validated ` +
    `PR-AUC, ${p.cvPr} (ROC-AUC ${p.cvRoc}); on the test set, which played no part in the choice, its PR-AUC is ` +
    `${p.testPr} and its ROC-AUC ${p.testRoc}. ${p.whyNotLeader} An exactly explainable model is what the scoring ` +
    "page needs: exact reasons for every customer's score, and large files scored in seconds in your browser. " +
    `Its default threshold, ${p.threshold}, is the ${p.policy} threshold chosen on out-of-fold predictions; at it ` +
    `the test set gives precision ${p.precision} and recall ${p.recall}.`,
  reasonsSummary: "How the reasons are computed",
  reasonsNote:
    "A tree ensemble's reasons come from TreeSHAP, which splits each customer's score exactly among the columns by " +
    "walking the trees; logistic regression's are its own terms, each coefficient times the customer's standardised " +
    "value, summed per column, in log-odds from the intercept. KNN, the SVM and the two blends have no exact " +
    "per-customer reasons, so the deploy rule leaves them on the leaderboard only. The Score page runs the deployed " +
    "model (model.json) in a second thread of your browser; no file is uploaded anywhere.",

  testIntro: (testRows) =>
    `How well each model ranks and how well its probabilities can be trusted, on the ${testRows} held-out customers.`,
  testHeaders: ["model", "ROC-AUC", "PR-AUC", "Brier", "log-loss", "F1 at 0.5"],
  testCaption: (testRows, churners, reps) =>
    `Test set (${testRows} customers, ${churners} churners): estimate (95% bootstrap interval, ${reps} stratified resamples).`,
  curvesLabel: "models in the curves",
  curvesIntro: (selected) =>
    "The ROC curve shows how many churners a model catches for each share of stayers it flags by mistake; the " +
    `precision-recall curve shows how many of those it flags really churn. The thick line is ${selected}. The ` +
    "curves are point estimates; their areas, with intervals, are in the table above.",
  calibrationIntro: (p) =>
    "A model is calibrated when, among customers given a 30% risk, about 30% churn. Points above the diagonal are " +
    `customers who churn more often than predicted. For ${p.name} the widest gap among bins of ten or more ` +
    `customers is ${
      p.worst
        ? `between ${p.worst.lo} and ${p.worst.hi}: ${p.worst.predicted} predicted against ${p.worst.observed} observed (${p.worst.count} customers)`
        : "not measurable"
    }; its Brier score is ${p.brier}. Its bins carry 95% intervals; dot size is the number of customers in a bin.`,
  calibrationLabel: "calibration of",
  gainsIntro: (p) =>
    "Cumulative gains answer the retention team's question directly: contacting the riskiest 10% of customers by " +
    `${p.name}'s scores reaches ${p.gain10} of all churners (a lift of ${p.lift10} over contacting at random), and ` +
    `the riskiest 20% reach ${p.gain20}.`,

  thresholdIntro:
    "A model gives a probability; a retention team needs a list. A customer is flagged when the probability is at " +
    "or above a threshold, and the report chooses it on the **out-of-fold predictions of the training set only**, " +
    "under three policies:",
  policyItems: (p) => [
    "**best F1**: the threshold with the highest F1, the balance of precision and recall;",
    `**target recall**: the highest precision among thresholds that still catch at least ${p.targetRecall} of churners;`,
    `**lowest expected cost**: a missed churner costs ${p.missed} and a needless offer ${p.offer} (relative units, not money), and the threshold minimises the total.`,
  ],
  thresholdApplied: "Each threshold was then applied once to the test set:",
  policyLabels: { "best-f1": "best F1", "target-recall": "target recall", "min-cost": "lowest expected cost" },
  policyRule: (kind, p) =>
    kind === "best-f1"
      ? "the highest F1"
      : kind === "target-recall"
        ? `the highest precision that keeps recall at or above ${p.targetRecall}`
        : `the lowest expected cost, a missed churner costing ${p.missed} and a needless offer ${p.offer}`,
  policyHeaders: [
    "policy",
    "chooses",
    "threshold",
    "OOF precision / recall",
    "test precision",
    "test recall",
    "test F1",
    "test confusion",
  ],
  policyCaption: (model, trainRows) =>
    `${model}: thresholds chosen on the ${trainRows} out-of-fold predictions of the training set, then applied once to the test set.`,
  confusionCells: (p) => ({ main: `TP ${p.tp}, FP ${p.fp}`, sub: `FN ${p.fn}, TN ${p.tn}` }),
  policyButton: (p) => `${p.policy}: ${p.threshold} (OOF recall ${p.recall}, precision ${p.precision})`,

  sliderNoteTitle: "Moving the slider explores the test set. ",
  sliderNote: (testRows, sample) =>
    `The figures below recompute on the ${testRows} test customers as you move it, so a threshold picked here by ` +
    "looking at them is tuned on the test set, the original project's mistake. The report's own thresholds were " +
    "chosen on out-of-fold predictions; the buttons re-choose them there, under the costs and target recall you set." +
    (sample
      ? ` With this many customers the page is sent a seeded sample, stratified by churn, of ${sample.test} test ` +
        `customers and ${sample.oof} out-of-fold predictions: the figures below are computed on those samples, the ` +
        "rest of the page on all customers."
      : ""),
  missedLabel: "cost of a missed churner",
  offerLabel: "cost of a needless offer",
  targetLabel: "target recall",
  thresholdLabel: "threshold",
  decision: (p) =>
    `At a threshold of ${p.threshold}, ${p.flagged} of the ${p.n} test customers are flagged, catching ${p.caught} ` +
    `of ${p.churners} churners (recall ${p.recall}) with ${p.needless} offers to customers who would have stayed ` +
    `(precision ${p.precision}). At your costs that is ${p.total} in all, against ${p.nobody} for contacting nobody.`,
  confusionCaption: (n, threshold) => `Test set, ${n} customers, threshold ${threshold}`,
  confusionFlagged: "flagged (offer sent)",
  confusionNotFlagged: "not flagged",
  confusionChurned: "churned",
  confusionStayed: "stayed",
  figuresCaption:
    "At this threshold, test set; 95% intervals from stratified bootstrap resamples computed in your browser",
  figureLabels: {
    precision: "precision",
    recall: "recall",
    f1: "F1",
    flagged: "customers flagged",
    cost: "expected cost",
  },
  precisionFigure: (interval, flagged, churned) => `${interval}: of the ${flagged} flagged, ${churned} churned`,
  recallFigure: (interval, caught, churners) => `${interval}: ${caught} of ${churners} churners caught`,
  flaggedFigure: (flagged, interval) => `${flagged} (${interval})`,
  costFigure: (p) =>
    `${p.perCustomer} per customer (${p.range}); ${p.total} on the test set, against ${p.nobody} contacting nobody ` +
    `and ${p.everyone} contacting everyone (missed churner ${p.missed}, needless offer ${p.offer})`,

  importanceIntro: (p) =>
    "Permutation importance shuffles one input column across the test customers and measures how much the test " +
    "ROC-AUC drops: a column the model leans on costs a lot when scrambled. For " +
    `${p.name} the largest drops are ${p.top.map((r) => `${r.column} (${r.mean} ± ${r.sd})`).join(", ")}. The ` +
    `grid shows the same measure for every model; the columns are in ${p.name}'s order. Importance is not cause: ` +
    "a column can matter because it stands in for another.",
  modelLabel: "model",
  notTree: (name) => `${name} is not a tree model: it has no split gains. Its permutation importance is on the left.`,
  gainNote:
    "For the tree models, gain importance is each feature's share of the total improvement its splits bring during " +
    "training: it is measured on the training data and favours features with many distinct values, so read it " +
    "beside the permutation importance, not instead of it.",

  originalNoteTitle: "The original project's protocol, reproduced for contrast. ",
  originalNote: (p) =>
    "The original reported accuracy 0.994 and recall 1.0 at a threshold of 0.1375. It kept all " +
    `${p.rows} rows, copies included, and read the threshold off the test set. Under that protocol ${p.copies} of ` +
    `its ${p.testRows} test rows have an exact copy in the training set: the model has already seen the answer.`,
  originalNotRun: "The original protocol was not run for this build.",
  original: (p) =>
    `The same models, run both ways. For ${p.name} (it stands for the original's ` +
    `${p.behindClaim ? "HistGradientBoosting, the row behind that claim" : "rows named in the table above"}), the ` +
    `original's protocol gives accuracy ${p.accuracy}, recall ${p.recall} and F1 ${p.f1} at a test-tuned threshold ` +
    `of ${p.threshold}. Removing the copies alone brings F1 to ${p.copiesRemovedF1}; choosing the threshold on ` +
    `out-of-fold predictions as well, as this report does, gives ${p.honestF1} (accuracy ${p.honestAccuracy}, ` +
    `recall ${p.honestRecall}). The last figure is the one a new customer would see.`,
  originalHeaders: ["model", "protocol", "threshold", "accuracy", "precision", "recall", "F1", "ROC-AUC", "PR-AUC"],
  protocols: {
    original: "original: copies on both sides, threshold tuned on test",
    distinctTestTuned: "distinct customers, threshold still tuned on test",
    report: "this report: distinct customers, threshold from out-of-fold",
  },
  originalCaption: (p) =>
    `Original protocol: ${p.rows} rows, ${p.trainRows} train / ${p.testRows} test, ${p.copies} test rows with a copy in training.`,

  metricLabels: {
    averagePrecision: "PR-AUC (average precision)",
    rocAuc: "ROC-AUC",
    brier: "Brier score",
    logLoss: "log-loss",
  },
  lowerIsBetter: "(lower is better)",
  series: {
    cv: "cross-validated: mean ± 1 sd over folds",
    test: "test: estimate and 95% bootstrap interval",
  },
  scoreTitle: (metric) => `${metric} by model, cross-validated and on the test set`,
  scoreItem: (p) => `${p.name}: CV ${p.cv} ± ${p.sd}, test ${p.test} (${p.lo} to ${p.hi})`,
  axis: (label) => `${label} →`,
  axisUp: (label) => `↑ ${label}`,

  rocTitle: "ROC curves on the test set, one per model",
  rocDescription: (items) =>
    "True positive rate (recall) against false positive rate as the threshold falls, test set. " +
    listItems(items.map((m) => `${m.name}: ROC-AUC ${m.auc} (${m.lo} to ${m.hi})`)) +
    ". The dashed diagonal is a random ranking.",
  rocX: "false positive rate (stayers flagged) →",
  rocY: "↑ true positive rate (churners caught)",
  prTitle: "Precision-recall curves on the test set, one per model",
  prDescription: (items, base) =>
    "Precision against recall as the threshold falls, test set. " +
    listItems(items.map((m) => `${m.name}: PR-AUC ${m.auc} (${m.lo} to ${m.hi})`)) +
    `. The dashed line is the churn rate of the test set (${base}), what flagging at random gives.`,
  prX: "recall (share of churners caught) →",
  prY: "↑ precision (share of flagged who churn)",
  calibrationTitle: (name) =>
    `Calibration of ${name} on the test set: predicted probability against observed churn rate`,
  calibrationDescription: (bins) =>
    "Customers binned by predicted probability (ten bins of width 0.1); each bin's mean prediction across, its " +
    "observed churn rate up with a 95% Wilson interval, the dashed diagonal is perfect calibration. " +
    bins.map((b) => `${b.predicted} predicted, ${b.observed} observed (${b.count})`).join(", "),
  calibrationX: "mean predicted probability →",
  calibrationY: "↑ observed churn rate",
  customers: "customers",
  gainsTitle: "Cumulative gains on the test set, one curve per model",
  gainsDescription: (items) =>
    "Share of all churners reached when contacting the riskiest share of customers, test set. " +
    listItems(items.map((m) => `${m.name}: top 10% reach ${m.top10}, top 20% reach ${m.top20}`)) +
    ". The dashed diagonal is contacting at random.",
  gainsX: "share of customers contacted, riskiest first →",
  gainsY: "↑ share of churners reached",
  liftTitle: "Lift on the test set, one curve per model",
  liftDescription: (items) =>
    "Churn rate among the contacted over the test set's churn rate, by share contacted. " +
    listItems(items.map((m) => `${m.name}: lift ${m.lift} in the top ${m.share}`)) +
    ". A lift of 1 is contacting at random.",
  liftY: "↑ lift (times the base rate)",
  thresholdFigures: { precision: "precision", recall: "recall", F1: "F1" },
  thresholdTitle: "Precision, recall and F1 on the test set against the threshold",
  thresholdDescription: (threshold, policies) =>
    "As the threshold rises fewer customers are flagged: precision tends to rise and recall falls. The solid " +
    `vertical line is the threshold set on the slider (${threshold}); the dotted ones are the thresholds the ` +
    `policies chose on out-of-fold predictions: ${policies.map((p) => `${p.label} ${p.threshold}`).join(", ")}.`,
  thresholdX: "threshold (flag customers with a probability at or above it) →",
  thresholdY: "↑ figure on the test set",
  gridTitle: "Permutation importance on the test set, every model and input column",
  gridDescription: (items) =>
    "Drop in test ROC-AUC when one input column is shuffled (mean over repeats); darker is more important; columns " +
    "ordered by the selected model's importance. " +
    listItems(items.map((m) => `${m.name}: ${m.top.map((r) => `${r.column} ${r.mean}`).join(", ")}`)),
  gridDrop: "ROC-AUC drop",
  gridSd: "sd",
  permutationTitle: (name) => `Permutation importance for ${name}`,
  permutationDescription: (items) =>
    `Drop in test ROC-AUC when each column is shuffled, mean ± sd over repeats: ${listItems(items.map((r) => `${r.column} ${r.mean} ± ${r.sd}`))}.`,
  permutationX: "drop in test ROC-AUC when shuffled →",
  gainTitle: (name) => `Gain importance for ${name}`,
  gainDescription: (items) =>
    `Share of the total split gain, top ${items.length} features: ${listItems(items.map((r) => `${r.feature} ${r.share}`))}.`,
  gainX: "share of total split gain →",
  originalFigures: { f1: "F1", recall: "recall", accuracy: "accuracy", precision: "precision" },
  originalTitle: (figure) => `Test ${figure} under the original's protocol and under this report's, per model`,
  originalDescription: (items) =>
    listItems(items.map((m) => `${m.name}: original ${m.original}, this report ${m.report}`)) + ".",
  originalX: (figure) => `${figure} on the test set →`,

  modelName: (_id, english) => english,
  family: (english) => english,
  standsFor: (_id, english) => english,
  implementation: (_id, english) => english,
  settingValue: (english) => english,
  protocolNote: (english) => english,
};
