// Which model the report deploys: the best mean cross-validated PR-AUC among the models a deploy rule allows;
// the test set has no say. The rule is the seam: this report deploys only models whose every score the Score
// page explains exactly in the reader's browser: tree ensembles (TreeSHAP) and logistic regression (its terms).
import type { ModelEntry } from "../../src/lib/models/artifact.js";
import type { ExportedModel } from "../../src/lib/models/types.js";

export interface DeployRule {
  /** Whether a fitted model may be deployed. */
  readonly allows: (model: ExportedModel) => boolean;
  /** The models it allows, as the selection's reason names them. */
  readonly among: string;
  /** Why only those: the sentence the reason gives. */
  readonly because: string;
}

/**
 * Only a gradient-boosted ensemble gives exact per-customer reasons (TreeSHAP) at a usable speed and downloads
 * in a few megabytes: a forest of fully grown trees is ten times larger and its TreeSHAP ten times slower.
 * The others keep their place on the leaderboard.
 */
export const EXPLAINABLE_BOOSTING: DeployRule = {
  allows: (model) => model.kind === "tree-ensemble" && model.model.kind === "gbdt",
  among: "the gradient-boosted models",
  because:
    "Gradient boosting only, because the deployed model must explain each customer's score exactly (TreeSHAP) and score large files " +
    "in the reader's browser: a forest of fully grown trees is about ten times larger and slower to explain",
};

/**
 * The models whose scores can be explained customer by customer exactly: a tree ensemble by TreeSHAP, a
 * logistic regression by its own terms (coefficient x standardised value), so that a table where a linear
 * model wins deploys a linear model. KNN, the SVM and the blends have no exact per-customer reasons.
 */
export const EXACTLY_EXPLAINABLE: DeployRule = {
  allows: (model) => model.kind === "tree-ensemble" || model.kind === "logistic",
  among: "the models whose scores can be explained exactly (tree ensembles and logistic regression)",
  because:
    "Only those, because the deployed model must explain each customer's score exactly in the reader's browser: a tree " +
    "ensemble by TreeSHAP, logistic regression by its coefficient times each standardised value; KNN, the SVM and the " +
    "blends have no exact reasons",
};

export interface Selection {
  /** The deployed model: the first of `ranked` the rule allows, or the first of all when it allows none. */
  readonly best: ModelEntry;
  /** Every model, best first: mean CV PR-AUC, then mean CV ROC-AUC, then the given order. */
  readonly ranked: readonly ModelEntry[];
  /** Why `best`, in words (models.json's selection). */
  readonly reason: string;
}

/**
 * Ranks the models on cross-validation only and picks the deployed one. `order` breaks exact ties (the
 * registry's order); `models` are the fitted models by id, for the rule.
 */
export function selectModel(
  entries: readonly ModelEntry[],
  models: ReadonlyMap<string, ExportedModel>,
  rule: DeployRule,
  order: readonly string[],
  /** The training rows' churn rate, for the reason's "one customer in N" (default one in six, the Kaggle data's). */
  churnRate = 1 / 6,
): Selection {
  if (entries.length === 0) throw new Error("selectModel: no models to select from");
  const byCv = (a: ModelEntry, b: ModelEntry) =>
    b.cv.averagePrecision.mean - a.cv.averagePrecision.mean ||
    b.cv.rocAuc.mean - a.cv.rocAuc.mean ||
    order.indexOf(a.id) - order.indexOf(b.id);
  const ranked = entries.slice().sort(byCv);
  const deployable = ranked.filter((m) => {
    const model = models.get(m.id);
    return model !== undefined && rule.allows(model);
  });
  const best = deployable[0] ?? ranked[0];
  const leader = ranked[0];
  const reason =
    `Highest mean cross-validated PR-AUC (average precision) among ${rule.among}; ties by ROC-AUC. Churners are ${oneIn(churnRate)} ` +
    "and a retention team works down the top of the risk list: PR-AUC measures exactly that region, while ROC-AUC is dominated by the many easy " +
    `stayers. ${rule.because}` +
    (leader.id !== best.id
      ? `; ${leader.name} ranks first overall (CV PR-AUC ${leader.cv.averagePrecision.mean.toFixed(3)} against ${best.cv.averagePrecision.mean.toFixed(3)}) but is not deployed for those reasons.`
      : ".") +
    " The test set plays no part in the choice.";
  return { best, ranked, reason };
}

/** 0.168 -> "one customer in six"; past ten, the number in figures. */
function oneIn(rate: number): string {
  const words = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
  const n = rate > 0 ? Math.max(1, Math.round(1 / rate)) : Infinity;
  if (!Number.isFinite(n)) return "absent from the training rows";
  if (n === 1) return "most customers";
  return `one customer in ${n <= 10 ? words[n] : String(n)}`;
}
