import { test } from "node:test";
import assert from "node:assert/strict";
import { stratifiedKFold } from "../src/lib/data/split.js";
import { take } from "../src/lib/matrix.js";
import { deriveSeed } from "../src/lib/random.js";
import { evaluateModels, type EvaluateOptions } from "../pipeline/models/evaluate.js";
import { PROBABILITY_SOURCE } from "../pipeline/models/split.js";
import { chooseThreshold, figuresAt, POLICY_KINDS } from "../src/lib/threshold.js";
import { demoFixture } from "./fixtures/models.js";

// Small and quick: 600 demo customers (with copies) and the cheaper models; one test runs them all.
const fixture = demoFixture(600, 5);
const base: EvaluateOptions = {
  ...fixture,
  seed: 3,
  models: ["logistic", "knn", "gbdt-leafwise"],
  bootstrapReps: 50,
  permutationRepeats: 1,
  workers: 1,
};

test("no test customer, nor a copy of one, is in the training set; copies are in neither", async () => {
  const r = await evaluateModels(base);
  const group = (i: number) => (fixture.duplicateOf[i] === -1 ? i : fixture.duplicateOf[i]);
  const testGroups = new Set(Array.from(r.split.test, group));
  assert.ok(Array.from(r.split.train).every((i) => !testGroups.has(group(i))));
  assert.ok([...r.split.train, ...r.split.test].every((i) => fixture.duplicateOf[i] === -1));
  const distinct = fixture.duplicateOf.filter((v) => v === -1).length;
  assert.equal(r.split.train.length + r.split.test.length, distinct);
  assert.equal(r.modelsArtifact.protocol.duplicatesRemoved, fixture.table.nRows - distinct);
});

test("cross-validation folds are disjoint, cover the training set, and keep the churn rate", async () => {
  const r = await evaluateModels({ ...base, models: ["logistic"] });
  const y = take(fixture.table.churn!, r.split.train);
  const folds = stratifiedKFold(y, 5, deriveSeed(3, "cv"));
  const sizes = [0, 0, 0, 0, 0];
  const churners = [0, 0, 0, 0, 0];
  folds.forEach((f, pos) => {
    sizes[f]++;
    churners[f] += y[pos];
  });
  assert.equal(
    sizes.reduce((s, v) => s + v, 0),
    y.length,
  );
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1);
  assert.ok(Math.max(...churners) - Math.min(...churners) <= 1);
  // The artifact's per-fold figures are one per fold.
  assert.equal(r.modelsArtifact.models[0].cv.rocAuc.folds.length, 5);
});

test("two runs of every model give byte-identical artifacts, in this thread or on worker threads", async () => {
  const all = { ...base, models: undefined };
  const a = await evaluateModels(all);
  const b = await evaluateModels({ ...all, workers: 2 });
  assert.deepEqual(
    a.modelsArtifact.models.map((m) => m.id),
    ["logistic", "knn", "svm", "gbdt-depthwise", "gbdt-leafwise", "forest", "voting", "stacking"],
  );
  assert.equal(JSON.stringify(a.modelsArtifact), JSON.stringify(b.modelsArtifact));
  assert.equal(JSON.stringify(a.deployed), JSON.stringify(b.deployed));
  assert.deepEqual(a.oofProbability, b.oofProbability);
});

test("every customer gets an out-of-sample probability; a copy gets its original's", async () => {
  const r = await evaluateModels(base);
  assert.ok(r.oofProbability.every((p) => p >= 0 && p <= 1));
  fixture.duplicateOf.forEach((orig, i) => {
    if (orig >= 0) {
      assert.equal(r.oofProbability[i], r.oofProbability[orig]);
      assert.equal(r.probabilitySource[i], PROBABILITY_SOURCE.copy);
    }
  });
  r.split.test.forEach((i) => assert.equal(r.probabilitySource[i], PROBABILITY_SOURCE.test));
});

test("the selected model has the best mean CV PR-AUC among the boosted models, and the deployed model carries its OOF thresholds", async () => {
  const r = await evaluateModels(base);
  // Only a boosted ensemble is deployed (exact per-customer reasons, fast browser scoring); with none
  // evaluated, the best of all.
  const trees = r.modelsArtifact.models.filter((m) => m.family === "boosting");
  const candidates = trees.length > 0 ? trees : r.modelsArtifact.models;
  const best = Math.max(...candidates.map((m) => m.cv.averagePrecision.mean));
  assert.equal(r.deployed.model.kind, trees.length > 0 ? "tree-ensemble" : r.deployed.model.kind);
  const selected = r.modelsArtifact.models.find((m) => m.id === r.modelsArtifact.selected.id)!;
  assert.equal(selected.cv.averagePrecision.mean, best);
  assert.equal(r.deployed.modelId, selected.id);
  assert.equal(r.deployed.threshold.value, selected.thresholds["best-f1"].threshold);
  assert.equal(r.deployed.encoder.fittedOn, r.split.train.length);
});

test("a test-IDs list gives exactly that test set", async () => {
  const first = await evaluateModels({ ...base, models: ["logistic"] });
  const ids = Array.from(first.split.test, (i) => fixture.table.ids[i]);
  const again = await evaluateModels({ ...base, models: ["logistic"], seed: 99, testIds: ids });
  assert.deepEqual(again.split.test, first.split.test);
  assert.equal(again.modelsArtifact.protocol.testSet, "ids");
});

test("the original protocol keeps copies on both sides and is labelled as such", async () => {
  const r = await evaluateModels(base);
  const o = r.modelsArtifact.originalProtocol!;
  assert.equal(o.rows, fixture.table.nRows);
  assert.ok(o.testRowsWithCopyInTrain > 0);
  assert.deepEqual(
    o.models.map((m) => m.id),
    ["logistic", "knn", "gbdt-leafwise"],
  );
});

test("the selected model's test and out-of-fold predictions reproduce its figures at every policy's threshold", async () => {
  const r = await evaluateModels(base);
  const a = r.modelsArtifact;
  const sel = a.models.find((m) => m.id === a.selected.id)!;
  const { test: t, oof } = a.selectedPredictions;
  assert.deepEqual(t.y, Array.from(take(fixture.table.churn!, r.split.test)));
  assert.deepEqual(oof.y, Array.from(take(fixture.table.churn!, r.split.train)));
  assert.equal(t.p.length, r.split.test.length);
  assert.equal(oof.p.length, r.split.train.length);
  for (const p of [...t.p, ...oof.p]) {
    assert.ok(p >= 0 && p <= 1);
    assert.equal(Math.round(p * 1e6) / 1e6, p, "rounded to 6 decimals");
  }
  for (const kind of POLICY_KINDS) {
    const threshold = sel.thresholds[kind].threshold ?? Infinity;
    const f = figuresAt(t.y, t.p, threshold);
    const c = sel.test.atThreshold[kind].confusion;
    assert.deepEqual(
      { tp: f.tp, fp: f.fp, tn: f.tn, fn: f.fn },
      c,
      `${kind}: test confusion from the exported predictions`,
    );
    const choice = chooseThreshold(
      oof,
      kind === "best-f1"
        ? { kind }
        : kind === "target-recall"
          ? { kind, recall: a.protocol.targetRecall }
          : { kind, costs: a.protocol.costs },
      a.protocol.costs,
    );
    assert.equal(
      Number.isFinite(choice.threshold) ? choice.threshold : null,
      sel.thresholds[kind].threshold,
      `${kind}: threshold re-chosen on the exported OOF predictions`,
    );
  }
});

test("above the caps: knn fitted on a stated sample and scored on every row, importance and page predictions on samples", async () => {
  const r = await evaluateModels({
    ...base,
    fitSampleCap: 150,
    importanceRows: 60,
    pagePredictions: 80,
  });
  const art = r.modelsArtifact;
  const knn = art.models.find((m) => m.id === "knn")!;
  assert.deepEqual(knn.fitSample, { rows: 150, of: art.protocol.trainRows, cap: 150 });
  assert.equal(art.models.find((m) => m.id === "logistic")!.fitSample, undefined);
  assert.ok(art.protocol.notes.some((n) => n.includes("k-nearest neighbours: fitted on a seeded stratified sample")));
  assert.ok(
    art.protocol.notes.some((n) =>
      n.includes("Permutation importance is computed on a seeded stratified sample of 60"),
    ),
  );
  // Scored on all: every training row has its out-of-fold probability and the bootstrap sees every test row.
  assert.equal(art.selectedPredictions.test.y.length, 80);
  assert.deepEqual(art.selectedPredictions.test.sample, { of: art.protocol.testRows });
  assert.deepEqual(art.selectedPredictions.oof.sample, { of: art.protocol.trainRows });
  const whole = await evaluateModels(base);
  assert.equal(whole.modelsArtifact.models.find((m) => m.id === "knn")!.fitSample, undefined);
  assert.equal(whole.modelsArtifact.selectedPredictions.test.sample, undefined);
  assert.notDeepEqual(knn.test.rocAuc, whole.modelsArtifact.models.find((m) => m.id === "knn")!.test.rocAuc);
  // The models without a cap, and the test set's figures other than importance, are the same as unsampled.
  const gbdt = (a: typeof art) => a.models.find((m) => m.id === "gbdt-leafwise")!;
  assert.deepEqual(gbdt(art).test.rocAuc, gbdt(whole.modelsArtifact).test.rocAuc);
  assert.deepEqual(gbdt(art).cv, gbdt(whole.modelsArtifact).cv);
  assert.equal(r.oofProbability.length, fixture.table.nRows);
});
