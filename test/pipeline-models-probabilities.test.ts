import { test } from "node:test";
import assert from "node:assert/strict";
import { makeFolds } from "../pipeline/models/cross-validate.js";
import type { FitResult } from "../pipeline/models/jobs.js";
import {
  baseProbabilities,
  ensembleProbabilities,
  modelProbabilities,
  type ModelProbabilities,
} from "../pipeline/models/probabilities.js";
import { baseModel, modelById, type EnsembleDefinition } from "../pipeline/models/registry.js";
import { plattProbability } from "../src/lib/models/svm.js";
import type { LogisticModel, SvmModel } from "../src/lib/models/types.js";

const yTrain = Uint8Array.from([1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
const folds = makeFolds(yTrain, 3, 2);
const scaler = { fill: [0], mean: [0], scale: [1] };
const logistic: LogisticModel = { kind: "logistic", featureNames: ["x"], scaler, coefficients: [1], intercept: 0 };
const svm: SvmModel = {
  kind: "svm",
  featureNames: ["x"],
  scaler,
  kernel: "rbf",
  gamma: 1,
  supportVectors: [0],
  coefficients: [1],
  rho: 0,
  platt: { a: -1, b: 0 },
};
const fit = (model: LogisticModel | SvmModel, test: number[], permuted: number[][] = []): FitResult => ({
  predictions: [Float64Array.from(test)],
  permuted: permuted.map((p) => Float64Array.from(p)),
  model,
  fittedRows: test.length,
  seconds: 0,
});

test("a model whose scores are probabilities passes them through", () => {
  const rawOof = Float64Array.from(yTrain, (y) => (y ? 0.7 : 0.2));
  const r = baseProbabilities(baseModel("logistic"), rawOof, fit(logistic, [0.3, 0.6], [[0.4, 0.5]]), yTrain, folds);
  assert.equal(r.oof, rawOof);
  assert.deepEqual(Array.from(r.test), [0.3, 0.6]);
  assert.deepEqual(Array.from(r.permuted[0]), [0.4, 0.5]);
  assert.equal(r.model, logistic);
});

test("the SVM's decision values are Platt-scaled: each fold by the other folds' fit, the final model by all", () => {
  // Churners' decision values 1 to 2, stayers' -2 to 0 (overlapping nothing, but not all alike).
  const rawOof = Float64Array.from(yTrain, (y, i) => (y ? 1 + (i % 3) / 2 : -2 + (i % 4) / 2));
  const r = baseProbabilities(baseModel("svm"), rawOof, fit(svm, [1.5, -1], [[0, 0]]), yTrain, folds);
  if (r.model.kind !== "svm") throw new Error("expected an SVM");
  const { a, b } = r.model.platt;
  // Churn rises with the decision value: a < 0 in p = 1 / (1 + exp(a f + b)).
  assert.ok(a < 0);
  assert.deepEqual(Array.from(r.test), [plattProbability(1.5, a, b), plattProbability(-1, a, b)]);
  assert.deepEqual(Array.from(r.permuted[0]), [plattProbability(0, a, b), plattProbability(0, a, b)]);
  for (let pos = 0; pos < yTrain.length; pos++) assert.ok(r.oof[pos] > 0 && r.oof[pos] < 1);
  // Out-of-fold: not the final scaling (each fold's comes from the other folds' decision values).
  assert.ok(Array.from(r.oof).some((p, pos) => p !== plattProbability(rawOof[pos], a, b)));
  assert.throws(
    () => baseProbabilities(baseModel("svm"), rawOof, fit(logistic, [0]), yTrain, folds),
    /Platt scaling is for SVMs/,
  );
});

function member(oof: number[], test: number[]): ModelProbabilities {
  return { oof: Float64Array.from(oof), test: Float64Array.from(test), permuted: [], model: logistic };
}
const oofA = yTrain.reduce<number[]>((out, y, i) => [...out, y ? 0.6 + i / 100 : 0.3 + i / 100], []);
const oofB = yTrain.reduce<number[]>((out, y, i) => [...out, y ? 0.9 - i / 100 : 0.2 - i / 100], []);
const members = new Map([
  ["logistic", member(oofA, [0.2, 0.8])],
  ["knn", member(oofB, [0.4, 0.6])],
]);

test("voting: the mean of its members' probabilities", () => {
  const def: EnsembleDefinition = { ...(modelById("voting") as EnsembleDefinition), members: ["logistic", "knn"] };
  const r = ensembleProbabilities(def, members, yTrain, folds);
  assert.deepEqual(Array.from(r.test), [(0.2 + 0.4) / 2, (0.8 + 0.6) / 2]);
  r.oof.forEach((p, pos) => assert.equal(p, (oofA[pos] + oofB[pos]) / 2));
  assert.equal(r.model.kind, "voting");
});

test("stacking: a fold's out-of-fold probability never saw that fold's labels", () => {
  const def: EnsembleDefinition = { ...(modelById("stacking") as EnsembleDefinition), members: ["logistic", "knn"] };
  const r = ensembleProbabilities(def, members, yTrain, folds);
  assert.equal(r.model.kind, "stacking");
  assert.equal(r.test.length, 2);
  // Flip fold 0's labels: fold 0's out-of-fold probabilities stay; the other folds' meta-models change.
  const flipped = Uint8Array.from(yTrain, (y, pos) => (folds.positions[0].includes(pos) ? 1 - y : y));
  const again = ensembleProbabilities(def, members, flipped, folds);
  for (const pos of folds.positions[0]) assert.equal(again.oof[pos], r.oof[pos]);
  assert.ok(Array.from(folds.positions[1]).some((pos) => again.oof[pos] !== r.oof[pos]));
  assert.throws(
    () => ensembleProbabilities({ ...def, members: ["logistic", "forest"] }, members, yTrain, folds),
    /forest/,
  );
});

test("every model's probabilities: base models from their fold and final fits, then the ensembles", () => {
  // Each fold's fit scores its fold's positions / 100; the final fits score the two test customers.
  const foldFits = folds.positions.map((positions) =>
    fit(
      logistic,
      Array.from(positions, (pos) => pos / 100),
    ),
  );
  const finals = new Map([
    ["logistic", fit(logistic, [0.2, 0.8])],
    ["knn", fit(logistic, [0.4, 0.6])],
  ]);
  const voting: EnsembleDefinition = { ...(modelById("voting") as EnsembleDefinition), members: ["logistic", "knn"] };
  const all = modelProbabilities(
    [modelById("logistic"), modelById("knn"), voting],
    (id) => ({ folds: foldFits, final: finals.get(id)! }),
    yTrain,
    folds,
  );
  assert.deepEqual([...all.keys()], ["logistic", "knn", "voting"]);
  assert.deepEqual(
    Array.from(all.get("logistic")!.oof),
    Array.from(yTrain, (_, pos) => pos / 100),
  );
  assert.deepEqual(Array.from(all.get("voting")!.test), [(0.2 + 0.4) / 2, (0.8 + 0.6) / 2]);
  assert.deepEqual(all.get("voting")!.permuted, []);
});
