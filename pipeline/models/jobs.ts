// A fit job: fit one model on some rows of the encoded table, score other rows. Every model fit of an
// evaluation is one of these, so they can run in worker threads (both cores of the build machine) or in this
// thread (tests) with the same code and the same result: a job reads nothing but its inputs.
//
// The table is encoded once for all jobs (encodeForFits): without imputation the encoding depends on the
// schema alone, never on which rows it was fitted on (the category lists come from the schema, and the
// medians are only used to fill blanks), so refitting it per job gave the same matrix 41 times. What each fold
// does refit is the models' own preprocessing (the imputing models' medians and scaling, fitted in train()).
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { encode, type EncoderSpec } from "../../src/lib/data/encode.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import { selectRows, take, type FeatureMatrix } from "../../src/lib/matrix.js";
import { predictProbability } from "../../src/lib/models/predict.js";
import { svmDecision } from "../../src/lib/models/svm.js";
import type { ExportedModel } from "../../src/lib/models/types.js";
import { deriveSeed } from "../../src/lib/random.js";
import { permutedScorer, type Permutation } from "./importance.js";
import { baseModel, type BaseModelDefinition } from "./registry.js";
import { stratifiedSample } from "./sample.js";

/** What every job reads: the encoded table (blanks kept as NaN) and the labels. */
export interface FitData {
  readonly X: FeatureMatrix;
  readonly churn: Uint8Array;
}

/**
 * The table as the fit jobs read it (any encoder fitted on the table: only its features matter here), in
 * shared memory so that the worker threads read it without a copy each.
 */
export function encodeForFits(table: ChurnTable, encoder: EncoderSpec): FitData {
  const churn = table.churn;
  if (!churn) throw new Error("fit job: the table has no Churn column");
  const encoded = encode(table, encoder, { impute: false });
  const values = new Float64Array(new SharedArrayBuffer(encoded.values.byteLength));
  values.set(encoded.values);
  const labels = new Uint8Array(new SharedArrayBuffer(churn.byteLength));
  labels.set(churn);
  return { X: { ...encoded, values }, churn: labels };
}

export interface FitJob {
  readonly modelId: string;
  /** Rows of the table the model is fitted on. */
  readonly fitRows: Int32Array;
  /** Row sets to score, each returned as its own array. */
  readonly predictRows: readonly Int32Array[];
  readonly seed: number;
  /** Return the fitted model (final fits) or only its scores (CV folds). */
  readonly keepModel: boolean;
  /** Also score rows under these shuffles (permutation importance). */
  readonly permutations?: readonly Permutation[];
  /**
   * Fit the model on a seeded stratified sample of at most this many fit rows (registry maxFitRows).
   */
  readonly maxFitRows?: number;
  /** The rows the shuffles permute; default: the first predict set. */
  readonly permuteRows?: Int32Array;
}

export interface FitResult {
  /**
   * The model's raw scores: probabilities, except for models calibrated later (registry `calibration`),
   * whose scores are decision values.
   */
  readonly predictions: Float64Array[];
  /** Scores of the first predict set under each permutation, in order. */
  readonly permuted: Float64Array[];
  readonly model: ExportedModel | null;
  /** Rows the model was fitted on: fewer than fitRows when its definition caps them (maxFitRows). */
  readonly fittedRows: number;
  /** Wall time of the fit and scoring; for the log only, never for an artifact. */
  readonly seconds: number;
}

/** Probability, or the decision value for a model whose calibration the evaluation fits. */
export function rawScore(model: ExportedModel, X: FeatureMatrix, calibrated: boolean): Float64Array {
  if (calibrated && model.kind === "svm") return svmDecision(model, X);
  return predictProbability(model, X);
}

export async function runFitJob(data: FitData, job: FitJob): Promise<FitResult> {
  const start = performance.now();
  const { X, churn } = data;
  const def = baseModel(job.modelId);
  const raw = def.calibration === "platt";
  const fitRows =
    job.maxFitRows === undefined
      ? job.fitRows
      : stratifiedSample(churn, job.fitRows, job.maxFitRows, deriveSeed(job.seed, "fit-sample"));
  const model = await def.train(selectRows(X, fitRows), take(churn, fitRows), job.seed);
  const predictions = job.predictRows.map((rows) => rawScore(model, selectRows(X, rows), raw));
  let permuted: Float64Array[] = [];
  if (job.permutations && job.permutations.length > 0) {
    const scorer = permutedScorer(model, selectRows(X, job.permuteRows ?? job.predictRows[0]), raw);
    permuted = job.permutations.map((p) => scorer(p.columns, p.perm));
  }
  return {
    predictions,
    permuted,
    model: job.keepModel ? model : null,
    fittedRows: fitRows.length,
    seconds: (performance.now() - start) / 1000,
  };
}

export interface RunJobsOptions {
  /** Worker threads; 1 runs every job in this thread. Default: the machine's cores, at most 4. */
  readonly workers?: number;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * A job's expected cost (registry.ts says in what), only to start the longest jobs first: longest-first keeps
 * every core busy to the end. It grows with the rows fitted, scored and shuffled, so the order suits a table
 * of any size; a fixed guess per model let a long job start last on a large table.
 */
export function jobCost(job: FitJob, def: BaseModelDefinition = baseModel(job.modelId)): number {
  const fitted = Math.min(job.fitRows.length, job.maxFitRows ?? Infinity, def.maxTreeSample ?? Infinity) / 4000;
  const compared = def.comparesRows ? fitted : 1;
  const scored = job.predictRows.reduce((sum, rows) => sum + rows.length, 0) / 1000;
  const shuffled = ((job.permutations?.length ?? 0) * (job.permuteRows ?? job.predictRows[0]).length) / 1000;
  return def.cost * fitted ** (def.costGrowth ?? 1) + (def.scoreCost * scored + def.shuffleCost * shuffled) * compared;
}

/** Results in job order, whatever order the jobs finish in. Costlier jobs start first. */
export async function runJobs(
  data: FitData,
  jobs: readonly FitJob[],
  options: RunJobsOptions = {},
): Promise<FitResult[]> {
  const workers = Math.min(options.workers ?? defaultWorkers(), jobs.length);
  const results = new Array<FitResult>(jobs.length);
  if (workers <= 1) {
    for (let k = 0; k < jobs.length; k++) results[k] = await runFitJob(data, jobs[k]);
    return results;
  }
  const costs = jobs.map((job) => jobCost(job));
  const order = Int32Array.from(jobs.map((_, k) => k).sort((a, b) => costs[b] - costs[a] || a - b));
  // The workers take the next job themselves (an atomic counter in shared memory) rather than being handed
  // one by this thread: this thread may be busy with other stages (the segments' clustering) meanwhile.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const boot = new URL("./fit-worker-boot.mjs", import.meta.url);
  const entry = new URL("./fit-worker.ts", import.meta.url).href;
  const pool = Array.from(
    { length: workers },
    () => new Worker(boot, { workerData: { entry, data, jobs, order, next } }),
  );
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let done = false;
            worker.on("message", (message: { index?: number; result?: FitResult; error?: string; done?: true }) => {
              if (message.error !== undefined)
                return reject(new Error(`fit job ${jobs[message.index ?? 0].modelId}: ${message.error}`));
              if (message.result && message.index !== undefined) results[message.index] = message.result;
              if (message.done) {
                done = true;
                resolve();
              }
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (!done) reject(new Error(`fit worker stopped (exit code ${code})`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
