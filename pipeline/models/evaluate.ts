// Honest evaluation of every model, and the artifacts the models page and the scoring page read. Each stage
// is a module of its own; this file says in which order they run and what each hands to the next.
//
//   1. split.ts: exact copies of another row are removed, then a stratified, seeded test set is held out (or
//      the one a --test-ids file names). The test set is scored once, by models fitted on the whole training set.
//   2. cross-validate.ts: stratified k-fold cross-validation on the training set; preprocessing is refitted
//      inside each fold. probabilities.ts puts every model's out-of-fold and test probabilities together.
//   3. thresholds.ts: thresholds are chosen on the out-of-fold predictions only, under three policies.
//   4. test-figures.ts: the test set's figures with bootstrap intervals, curves, the confusion matrix at each
//      policy's threshold, permutation importance (importance.ts) and gain for tree models.
//   5. original-protocol.ts: the original project's protocol, for contrast: all rows (copies on both sides of
//      the split) and the threshold read off the test set.
//   6. select.ts: the model with the best mean cross-validated PR-AUC among those the deploy rule allows; the
//      test set has no say.
//
// Every fit is a job (jobs.ts) so the fits run on all cores; results are put together in a fixed order, so
// the same seed gives byte-identical artifacts however the jobs were scheduled.
import { fitEncoder, type EncoderSpec } from "../../src/lib/data/encode.js";
import { idColumn } from "../../src/lib/data/schema.js";
import { excludeLeaks, screenLeaks, type LeakScreen } from "../../src/lib/data/leak-screen.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import { take } from "../../src/lib/matrix.js";
import type { ModelEntry, ModelsArtifact, PredictionSet } from "../../src/lib/models/artifact.js";
import { deriveSeed } from "../../src/lib/random.js";
import {
  DEFAULT_COSTS,
  DEFAULT_TARGET_RECALL,
  POLICY_KINDS,
  type Costs,
  type PolicyKind,
} from "../../src/lib/threshold.js";
import type { DeployedModel } from "../model-bundle.js";
import { cvFigures, foldJobs, makeFolds } from "./cross-validate.js";
import { round6 } from "./figures.js";
import { makePermutations, permutationImportance, type ColumnGroup } from "./importance.js";
import { defaultWorkers, encodeForFits, runJobs, type FitJob } from "./jobs.js";
import { originalJobs, originalModelIds, originalProtocol, originalSplit } from "./original-protocol.js";
import { modelProbabilities } from "./probabilities.js";
import { baseModel, MODELS, modelById, type BaseModelDefinition, type ModelDefinition } from "./registry.js";
import { stratifiedPositions } from "./sample.js";
import { EXACTLY_EXPLAINABLE, selectModel, type DeployRule } from "./select.js";
import { holdOut, rowProbabilities } from "./split.js";
import { testFigures } from "./test-figures.js";
import { chooseThresholds } from "./thresholds.js";

export interface EvaluateOptions {
  readonly table: ChurnTable;
  /** From findDuplicates: for each row, the first row it copies, or -1. */
  readonly duplicateOf: Int32Array;
  /** Customer IDs of the test set (the --test-ids file); otherwise a stratified, seeded 20%. */
  readonly testIds?: readonly (string | number)[] | null;
  /** The file the test IDs came from, for errors. */
  readonly testIdsFile?: string;
  readonly seed: number;
  readonly folds?: number;
  readonly testFraction?: number;
  readonly costs?: Costs;
  readonly targetRecall?: number;
  /** Model ids to evaluate (registry order is kept; ensembles bring their members). Default: all. */
  readonly models?: readonly string[];
  readonly bootstrapReps?: number;
  readonly permutationRepeats?: number;
  /** Permutation importance on a seeded stratified sample of at most this many test rows. */
  readonly importanceRows?: number;
  /** Most customers of each of selectedPredictions' sets (PAGE_PREDICTIONS_CAP); tests lower it. */
  readonly pagePredictions?: number;
  /** Overrides the registry's fit-sample cap (maxFitRows) of the models that have one (tests). */
  readonly fitSampleCap?: number;
  /** Base model ids to run under the original's protocol too; true: all base models; false: none. */
  readonly originalProtocol?: boolean | readonly string[];
  /** Which models may be deployed. Default: the tree ensembles and logistic regression, which the Score page explains exactly. */
  readonly deployRule?: DeployRule;
  readonly workers?: number;
  /** Progress and timings (stderr in the pipeline). */
  readonly log?: (line: string) => void;
  /**
   * Run on this thread while the fits run in the worker threads: work that needs the split and the table the
   * models see, but no model (the pipeline's segment clustering), so it costs no time of its own.
   */
  readonly whileFitting?: (prepared: PreparedTable) => void;
}

/** What the evaluation has settled before any model is fitted. */
export interface PreparedTable {
  readonly split: { readonly train: Int32Array; readonly test: Int32Array };
  /** The table the models see (columns the leak screen flagged left out). */
  readonly table: ChurnTable;
}

export interface EvaluateResult {
  readonly modelsArtifact: ModelsArtifact;
  /** The selected model as model.json needs it (pipeline/model-bundle.ts adds the segments). */
  readonly deployed: DeployedModel;
  /**
   * Selected model's probability for every row of the table, always out of sample: training rows get their
   * out-of-fold probability, test rows the final model's, and a copy its original's (copies are in neither
   * set, and their original never trained a model that scored it).
   */
  readonly oofProbability: Float64Array;
  /** PROBABILITY_SOURCE (split.ts) per row. */
  readonly probabilitySource: Uint8Array;
  readonly split: { readonly train: Int32Array; readonly test: Int32Array };
  /** The leak screen on the training rows, and the table the models saw (flagged columns left out). */
  readonly leakScreen: LeakScreen;
  readonly table: ChurnTable;
}

const DEFAULT_POLICY: PolicyKind = "best-f1";
/** Above the real data's test set (1,015 customers), which is used whole. */
export const IMPORTANCE_SAMPLE_CAP = 2_000;
/** Customers of each selectedPredictions set the Models page is sent (and bootstraps on each slider move). */
export const PAGE_PREDICTIONS_CAP = 20_000;

/** Which models run and are reported: the requested ones and their ensembles' members, in registry order. */
function planModels(requested: readonly string[] | undefined): { entries: ModelDefinition[]; baseIds: string[] } {
  const wanted = new Set(requested ?? MODELS.map((m) => m.id));
  for (const id of [...wanted]) {
    const def = modelById(id);
    if (def.kind !== "base") for (const member of def.members) wanted.add(member);
  }
  const entries = MODELS.filter((m) => wanted.has(m.id));
  return { entries, baseIds: entries.filter((m) => m.kind === "base").map((m) => m.id) };
}

/** The encoder's features grouped by input column: permutation importance shuffles a column's features together. */
function columnGroups(features: readonly { readonly column: string }[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  features.forEach((feature, j) => {
    const group = groups.find((g) => g.column === feature.column);
    if (group) group.features.push(j);
    else groups.push({ column: feature.column, features: [j] });
  });
  return groups;
}

export async function evaluateModels(options: EvaluateOptions): Promise<EvaluateResult> {
  const log = options.log ?? (() => {});
  const { table: input, duplicateOf, seed } = options;
  const k = options.folds ?? 5;
  const costs = options.costs ?? DEFAULT_COSTS;
  const targetRecall = options.targetRecall ?? DEFAULT_TARGET_RECALL;
  const reps = options.bootstrapReps ?? 1000;
  const importanceCap = options.importanceRows ?? IMPORTANCE_SAMPLE_CAP;
  const predictionsCap = options.pagePredictions ?? PAGE_PREDICTIONS_CAP;
  const repeats = options.permutationRepeats ?? 5;
  const testFraction = options.testFraction ?? 0.2;
  const workers = options.workers ?? defaultWorkers();
  const y = input.churn;
  if (!y) throw new Error("evaluateModels: the table has no Churn column");
  if (duplicateOf.length !== input.nRows)
    throw new Error(`evaluateModels: duplicateOf has ${duplicateOf.length} entries for ${input.nRows} rows`);
  const clock = stopwatch(log);

  // 1. Split distinct rows; folds of the training set.
  const split = holdOut(input, y, duplicateOf, {
    testIds: options.testIds,
    testIdsFile: options.testIdsFile,
    testFraction,
    seed,
  });
  const { train, test } = split;
  // A column that alone gives churn away is screened on the training rows and left out from here on.
  const leakScreen = screenLeaks(input, train);
  const table = excludeLeaks(input, leakScreen);
  for (const leak of leakScreen.leaks) {
    log(`models: ${leak.column}: ${leak.evidence}${leak.kept ? " (kept by the config)" : "; left out"}`);
  }
  const yTrain = take(y, train);
  const yTest = take(y, test);
  if (yTest.every((v) => v === yTest[0])) throw new Error("evaluateModels: the test set holds only one class");
  const folds = makeFolds(yTrain, k, seed);

  const { entries, baseIds } = planModels(options.models);
  const originalIds = originalModelIds(baseIds, options.originalProtocol);
  const original = originalIds.length > 0 ? originalSplit(y, testFraction, seed) : null;

  // Permutation importance is computed where the final models are fitted (the workers); see importance.ts.
  const finalEncoder = fitEncoder(table, train);
  const groups = columnGroups(finalEncoder.features);
  // Above the cap, on a sample of the test rows: each shuffle rescores them all, and the distance models keep a
  // test-by-training matrix of distances (importance.ts).
  const importanceAt = stratifiedPositions(yTest, importanceCap, deriveSeed(seed, "permutation-sample"));
  const importanceSampled = importanceAt.length < test.length;
  const importanceRows = importanceSampled ? take(test, importanceAt) : undefined;
  const permutations = makePermutations(groups, repeats, importanceAt.length, deriveSeed(seed, "permutation"));
  const fitCap = (id: string) => {
    const cap = baseModel(id).maxFitRows;
    return cap === undefined ? undefined : (options.fitSampleCap ?? cap);
  };

  // 2. Every fit, as jobs: per base model its folds and its final fit, then the original protocol's fits.
  const jobs: FitJob[] = [];
  const cvJob = new Map<string, number[]>();
  const finalJob = new Map<string, number>();
  const originalJob = new Map<string, number>();
  const add = (job: FitJob) => {
    const maxFitRows = fitCap(job.modelId);
    return jobs.push(maxFitRows === undefined ? job : { ...job, maxFitRows }) - 1;
  };
  for (const id of baseIds) {
    cvJob.set(id, foldJobs(id, train, folds, seed).map(add));
    finalJob.set(
      id,
      add({
        modelId: id,
        fitRows: train,
        predictRows: [test],
        seed: deriveSeed(seed, `${id}:final`),
        keepModel: true,
        permutations,
        ...(importanceRows ? { permuteRows: importanceRows } : {}),
      }),
    );
  }
  if (original) originalJobs(originalIds, original, seed).forEach((job) => originalJob.set(job.modelId, add(job)));
  log(
    `models: ${jobs.length} fits (${baseIds.length} models x ${k} folds + final${original ? `, ${originalIds.length} under the original protocol` : ""}) on ${workers} worker${workers === 1 ? "" : "s"}`,
  );
  const fitting = runJobs(encodeForFits(table, finalEncoder), jobs, { workers });
  if (options.whileFitting) {
    try {
      options.whileFitting({ split: { train, test }, table });
    } catch (error) {
      // Let the pool finish (or fail) and shut down before reporting the error.
      await fitting.catch(() => {});
      throw error;
    }
    clock("work alongside the fits");
  }
  const results = await fitting;
  for (const id of baseIds) {
    const cvSeconds = cvJob.get(id)!.reduce((s, j) => s + results[j].seconds, 0);
    const originalSeconds = originalJob.has(id) ? results[originalJob.get(id)!].seconds : 0;
    log(
      `models: ${id}: ${k}-fold CV ${cvSeconds.toFixed(2)} s, final fit ${results[finalJob.get(id)!].seconds.toFixed(2)} s${originalJob.has(id) ? `, original protocol ${originalSeconds.toFixed(2)} s` : ""}`,
    );
  }
  clock("fits");

  // Out-of-fold and test probabilities; ensembles from their members.
  const probabilities = modelProbabilities(
    entries,
    (id) => ({ folds: cvJob.get(id)!.map((j) => results[j]), final: results[finalJob.get(id)!] }),
    yTrain,
    folds,
  );
  const ensembles = new Map(
    entries.filter((d) => d.kind !== "base").map((d) => [d.id, probabilities.get(d.id)!.model] as const),
  );
  const oof = (id: string) => probabilities.get(id)!.oof;
  const testP = (id: string) => probabilities.get(id)!.test;
  const finals = new Map(entries.map((d) => [d.id, probabilities.get(d.id)!.model] as const));

  // 3 and 4. Thresholds on out-of-fold predictions; the test set's figures at them.
  const importanceBaseline = (id: string) => (importanceSampled ? take(testP(id), importanceAt) : testP(id));
  const importance = permutationImportance({
    y: importanceSampled ? take(yTest, importanceAt) : yTest,
    groups,
    repeats,
    baseline: new Map(baseIds.map((id) => [id, importanceBaseline(id)] as const)),
    permuted: new Map(baseIds.map((id) => [id, probabilities.get(id)!.permuted] as const)),
    ensembles,
  });
  clock(`permutation importance (${groups.length} columns x ${repeats} repeats)`);

  const modelEntries: ModelEntry[] = entries.map((def) => {
    const { thresholds, chosen } = chooseThresholds(yTrain, oof(def.id), costs, targetRecall);
    const final = def.kind === "base" ? results[finalJob.get(def.id)!] : null;
    const cap = def.kind === "base" ? fitCap(def.id) : undefined;
    const sampled = final !== null && cap !== undefined && final.fittedRows < train.length;
    return {
      id: def.id,
      name: def.name,
      family: def.family,
      standsFor: def.standsFor,
      implementation: def.implementation,
      settings: def.settings,
      needsImputation: def.needsImputation,
      members: def.kind === "base" ? null : def.members.slice(),
      cv: cvFigures(yTrain, oof(def.id), folds, costs, targetRecall),
      thresholds,
      test: testFigures({
        y: yTest,
        p: testP(def.id),
        thresholds: chosen,
        costs,
        reps,
        seed: deriveSeed(seed, "bootstrap"),
        model: finals.get(def.id)!,
        permutation: importance.get(def.id)!,
      }),
      ...(sampled ? { fitSample: { rows: final.fittedRows, of: train.length, cap } } : {}),
    };
  });
  const sampledModels = modelEntries.filter((m) => m.fitSample);
  clock(`test figures (${reps} bootstrap resamples per model)`);

  // 5. The original's protocol.
  const voting = entries.find((d) => d.kind === "voting");
  const originalFigures = original
    ? originalProtocol({
        labels: y,
        duplicateOf,
        split: original,
        probabilities: new Map(originalIds.map((id) => [id, results[originalJob.get(id)!].predictions[0]] as const)),
        voting: voting && voting.kind === "voting" ? voting : undefined,
        entries: modelEntries,
        honestTest: new Map(modelEntries.map((m) => [m.id, testP(m.id)] as const)),
        yTest,
      })
    : null;

  // 6. Selection on cross-validation only.
  const { best, reason: selection } = selectModel(
    modelEntries,
    finals,
    options.deployRule ?? EXACTLY_EXPLAINABLE,
    MODELS.map((m) => m.id),
    yTrain.reduce((s, v) => s + v, 0) / yTrain.length,
  );

  const duplicates = duplicateOf.reduce((s, v) => s + (v === -1 ? 0 : 1), 0);
  const modelsArtifact: ModelsArtifact = {
    format: 1,
    seed,
    protocol: {
      rows: table.nRows,
      duplicatesRemoved: duplicates,
      trainRows: train.length,
      testRows: test.length,
      trainChurners: yTrain.reduce((s, v) => s + v, 0),
      testChurners: yTest.reduce((s, v) => s + v, 0),
      testSet: split.testSet,
      testIdsExcluded: split.excluded.slice(),
      folds: k,
      costs,
      targetRecall,
      bootstrapReps: reps,
      permutationRepeats: repeats,
      selection,
      notes: [
        `Exact copies of another row (ignoring ${idColumn(table.schema).synthetic ? "the line number" : idColumn(table.schema).name}) are removed before splitting, so no test customer has a copy in training.`,
        `Preprocessing (median imputation, ${flagsText(finalEncoder)}one-hot categories; scaling for the models that need it) is fitted on training rows only, and refitted inside each of the ${k} folds.`,
        "Thresholds are chosen on out-of-fold predictions of the training set; the test set is scored once, at those thresholds.",
        `Cross-validated F1, precision and recall: each fold at the threshold chosen on the other folds' out-of-fold predictions.`,
        `Test intervals: ${reps} bootstrap resamples, churners and stayers resampled separately (stratified), 95% percentile intervals; the same resamples for every model.`,
        "SVM probabilities: Platt scaling fitted on out-of-fold decision values (deterministic, unlike libsvm's own): the final model's on all of them; in each fold, on the other folds' (a slight optimism in the SVM's CV log-loss and Brier score only).",
        "Stacking's cross-validated figures reuse the members' out-of-fold probabilities: in each fold the meta-model is fitted on the other folds' ones, which came from members that had seen the scored fold, a slight optimism. Its test figures are exact: members refitted on the whole training set, the meta-model fitted on their out-of-fold probabilities.",
        "Permutation importance: each input column shuffled across the test rows (a category's one-hot features together), drop in test ROC-AUC, mean and sd over the repeats.",
        ...(importanceSampled
          ? [
              `Permutation importance is computed on a seeded stratified sample of ${importanceAt.length.toLocaleString("en-US")} of the ${test.length.toLocaleString("en-US")} test rows (every other test figure uses all of them).`,
            ]
          : []),
        ...entries
          .filter((d) => d.kind === "base" && d.maxTreeSample !== undefined && d.maxTreeSample < train.length)
          .map(
            (d) =>
              `${d.name}: each tree grown on a bootstrap draw of ${(d as BaseModelDefinition).maxTreeSample!.toLocaleString("en-US")} rows (scikit-learn's max_samples) rather than as many as the ${train.length.toLocaleString("en-US")} training rows, so a full-depth tree's cost and size stay bounded.`,
          ),
        ...(sampledModels.length > 0
          ? [
              `${sampledModels.map((m) => m.name).join(" and ")}: fitted on a seeded stratified sample of at most ${sampledModels[0].fitSample!.cap.toLocaleString("en-US")} training rows (the final fit on ${sampledModels[0].fitSample!.rows.toLocaleString("en-US")} of ${train.length.toLocaleString("en-US")}; each fold's fit on as many of its rows), since their cost grows faster than the rows; their preprocessing is fitted on all training rows, and they are scored on every out-of-fold and test row.`,
            ]
          : []),
      ],
    },
    models: modelEntries,
    selected: { id: best.id, policy: DEFAULT_POLICY, reason: selection },
    selectedPredictions: {
      test: predictionSet(yTest, testP(best.id), predictionsCap, deriveSeed(seed, "page-predictions:test")),
      oof: predictionSet(yTrain, oof(best.id), predictionsCap, deriveSeed(seed, "page-predictions:oof")),
    },
    originalProtocol: originalFigures,
  };

  const deployed: DeployedModel = {
    modelId: best.id,
    modelName: best.name,
    encoder: finalEncoder,
    model: finals.get(best.id)!,
    threshold: { policy: DEFAULT_POLICY, value: best.thresholds[DEFAULT_POLICY].threshold },
    thresholds: Object.fromEntries(POLICY_KINDS.map((kind) => [kind, best.thresholds[kind].threshold])) as Record<
      PolicyKind,
      number | null
    >,
    costs,
    trainedOn: { rows: train.length, churners: modelsArtifact.protocol.trainChurners },
  };

  const rows = rowProbabilities(split, duplicateOf, oof(best.id), testP(best.id));
  clock("artifacts");
  return {
    modelsArtifact,
    deployed,
    oofProbability: rows.probability,
    probabilitySource: rows.source,
    split: { train, test },
    leakScreen,
    table,
  };
}

/**
 * Labels and probabilities for the page's threshold slider, probabilities rounded to 6 decimals; above `cap`
 * customers, a seeded stratified sample of them, which says so.
 */
function predictionSet(y: Uint8Array, p: Float64Array, cap: number, seed: number): PredictionSet {
  if (y.length <= cap) return { y: Array.from(y), p: Array.from(p, round6) };
  const at = stratifiedPositions(y, cap, seed);
  return { y: Array.from(take(y, at)), p: Array.from(take(p, at), round6), sample: { of: y.length } };
}

function stopwatch(log: (line: string) => void): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    log(`models: ${stage} in ${((now - last) / 1000).toFixed(2)} s`);
    last = now;
  };
}

/** "the NoLastYearPurchase flag, ": the 0/1 features the schema makes of meaningful blanks, if any. */
function flagsText(encoder: EncoderSpec): string {
  const flags = encoder.features.filter((f) => f.kind === "missing-flag").map((f) => f.name);
  return flags.length === 0 ? "" : `the ${flags.join(" and ")} flag${flags.length > 1 ? "s" : ""}, `;
}
