import { test } from "node:test";
import assert from "node:assert/strict";
import { EXACTLY_EXPLAINABLE, EXPLAINABLE_BOOSTING, selectModel, type DeployRule } from "../pipeline/models/select.js";
import type { ModelEntry } from "../src/lib/models/artifact.js";
import type { ExportedModel } from "../src/lib/models/types.js";

/** Only what the selection reads: the id, the name and the mean CV figures. */
function entry(id: string, averagePrecision: number, rocAuc: number): ModelEntry {
  const figure = (mean: number) => ({ mean, sd: 0, folds: [mean] });
  return {
    id,
    name: `model ${id}`,
    cv: { averagePrecision: figure(averagePrecision), rocAuc: figure(rocAuc) },
  } as unknown as ModelEntry;
}
const tree = (kind: "gbdt" | "forest"): ExportedModel =>
  ({ kind: "tree-ensemble", model: { kind } }) as unknown as ExportedModel;
const logistic = { kind: "logistic" } as unknown as ExportedModel;

const entries = [entry("logistic", 0.7, 0.9), entry("forest", 0.95, 0.97), entry("gbdt", 0.9, 0.99)];
const models = new Map([
  ["logistic", logistic],
  ["forest", tree("forest")],
  ["gbdt", tree("gbdt")],
]);
const order = ["logistic", "forest", "gbdt"];

test("ranked on mean CV PR-AUC; the deployed model is the best the rule allows, and the reason says who led", () => {
  const s = selectModel(entries, models, EXPLAINABLE_BOOSTING, order);
  assert.deepEqual(
    s.ranked.map((m) => m.id),
    ["forest", "gbdt", "logistic"],
  );
  assert.equal(s.best.id, "gbdt");
  assert.match(
    s.reason,
    /^Highest mean cross-validated PR-AUC \(average precision\) among the gradient-boosted models/,
  );
  assert.match(s.reason, /; model forest ranks first overall \(CV PR-AUC 0\.950 against 0\.900\) but is not deployed/);
  assert.match(s.reason, /The test set plays no part in the choice\.$/);
});

test("the rule is the seam: any model it allows can be deployed; when it allows none, the best of all", () => {
  const anything: DeployRule = { allows: () => true, among: "all models", because: "Any model will do" };
  const s = selectModel(entries, models, anything, order);
  assert.equal(s.best.id, "forest");
  assert.match(s.reason, /among all models; .* Any model will do\. The test set/);
  const none: DeployRule = { ...anything, allows: () => false };
  assert.equal(selectModel(entries, models, none, order).best.id, "forest");
  assert.throws(() => selectModel([], models, anything, order), /no models/);
});

test("ties: mean CV ROC-AUC, then the given order", () => {
  const tied = [entry("b", 0.9, 0.95), entry("a", 0.9, 0.95), entry("c", 0.9, 0.96)];
  const all: DeployRule = { allows: () => true, among: "all", because: "-" };
  const s = selectModel(tied, new Map(tied.map((m) => [m.id, logistic])), all, ["a", "b", "c"]);
  assert.deepEqual(
    s.ranked.map((m) => m.id),
    ["c", "a", "b"],
  );
});

test("the default rule deploys the best exactly explainable model: a tree ensemble or logistic regression", () => {
  const knn = { kind: "knn" } as unknown as ExportedModel;
  const withKnn = [...entries, entry("knn", 0.99, 0.99)];
  const all = new Map([...models, ["knn", knn]]);
  const s = selectModel(withKnn, all, EXACTLY_EXPLAINABLE, [...order, "knn"]);
  assert.equal(s.best.id, "forest");
  assert.match(s.reason, /among the models whose scores can be explained exactly/);
  assert.match(s.reason, /model knn ranks first overall/);
  // A table where the linear model wins deploys it.
  const linearWins = [entry("logistic", 0.807, 0.9), entry("gbdt", 0.729, 0.88)];
  const l = selectModel(linearWins, models, EXACTLY_EXPLAINABLE, order, 0.25);
  assert.equal(l.best.id, "logistic");
  assert.match(l.reason, /Churners are one customer in four /);
  assert.doesNotMatch(l.reason, /ranks first overall/);
});
