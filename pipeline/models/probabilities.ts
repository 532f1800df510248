// Every model's probabilities from its fits: out-of-fold ones on the training set, the final model's on the
// test set (and on its shuffled copies, for permutation importance). Most models' scores are probabilities
// already; the SVM's are decision values, Platt-scaled here; voting and stacking are built from their members.
import { take } from "../../src/lib/matrix.js";
import { predictLogistic } from "../../src/lib/models/logistic.js";
import { memberMatrix, softVote, stack } from "../../src/lib/models/predict.js";
import { plattProbability } from "../../src/lib/models/svm.js";
import type { ExportedModel, StackingModel, VotingModel } from "../../src/lib/models/types.js";
import { outOfFold, type Folds } from "./cross-validate.js";
import type { FitResult } from "./jobs.js";
import { trainLogistic } from "./logistic.js";
import { fitPlatt } from "./platt.js";
import { baseModel, type BaseModelDefinition, type EnsembleDefinition, type ModelDefinition } from "./registry.js";

export interface ModelProbabilities {
  /** Out-of-fold probabilities, by training-set position. */
  readonly oof: Float64Array;
  /** The final model's probabilities on the test set. */
  readonly test: Float64Array;
  /** The same under each permutation (base models only; ensembles combine their members'). */
  readonly permuted: readonly Float64Array[];
  /** The final model as exported. */
  readonly model: ExportedModel;
}

/**
 * A base model's probabilities from its raw out-of-fold scores and its final fit. Platt scaling comes from
 * out-of-fold decision values: for the final model all of them; for fold f those of the other folds (their
 * models saw fold f, a slight optimism in the CV log-loss and Brier score; ROC-AUC and PR-AUC do not change
 * under the monotone sigmoid).
 */
export function baseProbabilities(
  def: BaseModelDefinition,
  rawOof: Float64Array,
  final: FitResult,
  yTrain: Uint8Array,
  folds: Folds,
): ModelProbabilities {
  if (def.calibration !== "platt") {
    return { oof: rawOof, test: final.predictions[0], permuted: final.permuted, model: final.model! };
  }
  const oof = new Float64Array(rawOof.length);
  for (let f = 0; f < folds.k; f++) {
    const others = folds.others[f];
    const platt = fitPlatt(take(rawOof, others), take(yTrain, others));
    folds.positions[f].forEach((pos) => (oof[pos] = plattProbability(rawOof[pos], platt.a, platt.b)));
  }
  const platt = fitPlatt(rawOof, yTrain);
  const calibrate = (d: Float64Array) => d.map((v) => plattProbability(v, platt.a, platt.b));
  const model = final.model!;
  if (model.kind !== "svm") throw new Error(`${def.id}: Platt scaling is for SVMs, got ${model.kind}`);
  return {
    oof,
    test: calibrate(final.predictions[0]),
    permuted: final.permuted.map(calibrate),
    model: { ...model, platt },
  };
}

/**
 * Voting: the mean of the members' probabilities. Stacking: a logistic meta-model on the members' out-of-fold
 * probabilities; its out-of-fold probabilities from a meta-model fitted on the other folds' ones in each fold.
 */
export function ensembleProbabilities(
  def: EnsembleDefinition,
  members: ReadonlyMap<string, ModelProbabilities>,
  yTrain: Uint8Array,
  folds: Folds,
): Omit<ModelProbabilities, "permuted"> {
  const memberIds = def.members.slice();
  const of = (id: string) => {
    const m = members.get(id);
    if (!m) throw new Error(`${def.id}: member ${id} has no probabilities`);
    return m;
  };
  const memberOof = memberIds.map((id) => of(id).oof);
  const memberTest = memberIds.map((id) => of(id).test);
  const models = memberIds.map((id) => of(id).model);
  if (def.kind === "voting") {
    const model: VotingModel = { kind: "voting", memberIds, members: models };
    return { oof: softVote(memberOof), test: softVote(memberTest), model };
  }
  const oof = new Float64Array(yTrain.length);
  for (let f = 0; f < folds.k; f++) {
    const fit = folds.others[f];
    const meta = trainLogistic(
      memberMatrix(
        memberIds,
        memberOof.map((o) => take(o, fit)),
      ),
      take(yTrain, fit),
      { standardise: false },
    );
    const scored = predictLogistic(
      meta,
      memberMatrix(
        memberIds,
        memberOof.map((o) => take(o, folds.positions[f])),
      ),
    );
    folds.positions[f].forEach((pos, q) => (oof[pos] = scored[q]));
  }
  const meta = trainLogistic(memberMatrix(memberIds, memberOof), yTrain, { standardise: false });
  const model: StackingModel = { kind: "stacking", memberIds, members: models, meta };
  return { oof, test: stack(model, memberTest), model };
}

/** A base model's fits: one per fold (in fold order), and the final one. */
export interface BaseFits {
  readonly folds: readonly FitResult[];
  readonly final: FitResult;
}

/** Every model's probabilities: the base models' from their fits, then the ensembles' from their members. */
export function modelProbabilities(
  entries: readonly ModelDefinition[],
  fitsOf: (modelId: string) => BaseFits,
  yTrain: Uint8Array,
  folds: Folds,
): Map<string, ModelProbabilities> {
  const out = new Map<string, ModelProbabilities>();
  for (const def of entries) {
    if (def.kind !== "base") continue;
    const fits = fitsOf(def.id);
    const rawOof = outOfFold(
      fits.folds.map((r) => r.predictions[0]),
      folds,
      yTrain.length,
    );
    out.set(def.id, baseProbabilities(baseModel(def.id), rawOof, fits.final, yTrain, folds));
  }
  for (const def of entries) {
    if (def.kind !== "base") out.set(def.id, { ...ensembleProbabilities(def, out, yTrain, folds), permuted: [] });
  }
  return out;
}
