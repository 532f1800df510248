// One entry point for scoring any exported model: the pipeline, the tests and the scoring page all call
// predictProbability, so the numbers in the report are the numbers a reader's upload gets.
import type { FeatureMatrix } from "../matrix.js";
import { predictProba as predictTrees } from "../trees/predict.js";
import { predictKnn } from "./knn.js";
import { predictLogistic } from "./logistic.js";
import { predictSvm } from "./svm.js";
import type { ExportedModel, StackingModel } from "./types.js";

/** Churn probability per row of X (the encoder's output, blanks as NaN). */
export function predictProbability(model: ExportedModel, X: FeatureMatrix): Float64Array {
  switch (model.kind) {
    case "logistic":
      return predictLogistic(model, X);
    case "knn":
      return predictKnn(model, X);
    case "svm":
      return predictSvm(model, X);
    case "tree-ensemble":
      return predictTrees(model.model, X);
    case "voting":
      return softVote(model.members.map((m) => predictProbability(m, X)));
    case "stacking":
      return stack(
        model,
        model.members.map((m) => predictProbability(m, X)),
      );
  }
}

/** Mean of the members' probabilities. */
export function softVote(memberProbabilities: readonly Float64Array[]): Float64Array {
  const n = memberProbabilities[0]?.length ?? 0;
  const out = new Float64Array(n);
  for (const p of memberProbabilities) for (let i = 0; i < n; i++) out[i] += p[i];
  for (let i = 0; i < n; i++) out[i] /= memberProbabilities.length;
  return out;
}

/** The members' probabilities as the meta-model's feature matrix (one column per member). */
export function memberMatrix(
  memberIds: readonly string[],
  memberProbabilities: readonly Float64Array[],
): FeatureMatrix {
  const n = memberProbabilities[0]?.length ?? 0;
  const m = memberProbabilities.length;
  const values = new Float64Array(n * m);
  memberProbabilities.forEach((p, j) => {
    for (let i = 0; i < n; i++) values[i * m + j] = p[i];
  });
  return { nRows: n, nCols: m, values, featureNames: memberIds.slice() };
}

export function stack(model: StackingModel, memberProbabilities: readonly Float64Array[]): Float64Array {
  return predictLogistic(model.meta, memberMatrix(model.memberIds, memberProbabilities));
}
