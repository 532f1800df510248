// Stratified k-fold cross-validation on the training set: the folds, one fit job per fold (preprocessing is
// refitted inside each fold, see jobs.ts), the out-of-fold probabilities put back together, and the
// cross-validated figures the models are compared and selected on.
import { stratifiedKFold } from "../../src/lib/data/split.js";
import { take } from "../../src/lib/matrix.js";
import { averagePrecision } from "../../src/lib/metrics/pr.js";
import { brier, logLoss } from "../../src/lib/metrics/probability.js";
import { rocAuc } from "../../src/lib/metrics/roc.js";
import type { CvFigures } from "../../src/lib/models/artifact.js";
import { deriveSeed } from "../../src/lib/random.js";
import { choosePolicies, figuresAt, POLICY_KINDS, type Costs, type PolicyKind } from "../../src/lib/threshold.js";
import { meanSdFigure } from "./figures.js";
import type { FitJob } from "./jobs.js";

export interface Folds {
  readonly k: number;
  /** Positions in the training set (not table rows) of each fold, ascending. */
  readonly positions: readonly Int32Array[];
  /** Positions of every other fold: what fold f's model is fitted on. */
  readonly others: readonly Int32Array[];
}

/** k stratified folds of the training labels, seeded from the evaluation's seed. */
export function makeFolds(yTrain: Uint8Array, k: number, seed: number): Folds {
  const foldOf = stratifiedKFold(yTrain, k, deriveSeed(seed, "cv"));
  const positions: number[][] = Array.from({ length: k }, () => []);
  const others: number[][] = Array.from({ length: k }, () => []);
  foldOf.forEach((fold, pos) => {
    for (let f = 0; f < k; f++) (f === fold ? positions : others)[f].push(pos);
  });
  return { k, positions: positions.map((p) => Int32Array.from(p)), others: others.map((o) => Int32Array.from(o)) };
}

/** One job per fold: fit on the other folds' rows, score the fold's. */
export function foldJobs(modelId: string, train: Int32Array, folds: Folds, seed: number): FitJob[] {
  return folds.positions.map((positions, f) => ({
    modelId,
    fitRows: take(train, folds.others[f]),
    predictRows: [take(train, positions)],
    seed: deriveSeed(seed, `${modelId}:fold-${f}`),
    keepModel: false,
  }));
}

/** Each fold's predictions put back at their training-set positions. */
export function outOfFold(foldPredictions: readonly Float64Array[], folds: Folds, n: number): Float64Array {
  const out = new Float64Array(n);
  foldPredictions.forEach((p, f) => folds.positions[f].forEach((pos, q) => (out[pos] = p[q])));
  return out;
}

/**
 * Per-fold figures of out-of-fold probabilities, mean and sd over the folds. Figures at a threshold: each fold
 * at the threshold each policy chooses on the other folds' out-of-fold probabilities.
 */
export function cvFigures(y: Uint8Array, p: Float64Array, folds: Folds, costs: Costs, targetRecall: number): CvFigures {
  const per = {
    rocAuc: [] as number[],
    averagePrecision: [] as number[],
    logLoss: [] as number[],
    brier: [] as number[],
  };
  const at = Object.fromEntries(
    POLICY_KINDS.map((kind) => [kind, { precision: [] as number[], recall: [] as number[], f1: [] as number[] }]),
  ) as Record<PolicyKind, { precision: number[]; recall: number[]; f1: number[] }>;
  folds.positions.forEach((positions, f) => {
    const yf = take(y, positions);
    const pf = take(p, positions);
    per.rocAuc.push(rocAuc(yf, pf));
    per.averagePrecision.push(averagePrecision(yf, pf));
    per.logLoss.push(logLoss(yf, pf));
    per.brier.push(brier(yf, pf));
    const others = folds.others[f];
    for (const { kind, choice } of choosePolicies({ y: take(y, others), p: take(p, others) }, costs, targetRecall)) {
      const fig = figuresAt(yf, pf, choice.threshold);
      at[kind].precision.push(fig.precision);
      at[kind].recall.push(fig.recall);
      at[kind].f1.push(fig.f1);
    }
  });
  return {
    rocAuc: meanSdFigure(per.rocAuc),
    averagePrecision: meanSdFigure(per.averagePrecision),
    logLoss: meanSdFigure(per.logLoss),
    brier: meanSdFigure(per.brier),
    atThreshold: Object.fromEntries(
      POLICY_KINDS.map((kind) => [
        kind,
        {
          precision: meanSdFigure(at[kind].precision),
          recall: meanSdFigure(at[kind].recall),
          f1: meanSdFigure(at[kind].f1),
        },
      ]),
    ) as CvFigures["atThreshold"],
  };
}
