// A fit job: learn the preprocessing on some rows, fit one model on them, score other rows. Every model fit of
// an evaluation is one of these, so they can run in worker threads (both cores of the build machine) or in
// this thread (tests) with the same code and the same result: a job reads nothing but its inputs.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { encode, fitEncoder } from "../../src/lib/data/encode.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import { selectRows, take, type FeatureMatrix } from "../../src/lib/matrix.js";
import { predictProbability } from "../../src/lib/models/predict.js";
import { svmDecision } from "../../src/lib/models/svm.js";
import type { ExportedModel } from "../../src/lib/models/types.js";
import { deriveSeed } from "../../src/lib/random.js";
import { permutedScorer, type Permutation } from "./importance.js";
import { baseModel } from "./registry.js";
import { stratifiedSample } from "./sample.js";

export interface FitJob {
  readonly modelId: string;
  /** Rows of the table the encoder and the model are fitted on. */
  readonly fitRows: Int32Array;
  /** Row sets to score, each returned as its own array. */
  readonly predictRows: readonly Int32Array[];
  readonly seed: number;
  /** Return the fitted model (final fits) or only its scores (CV folds). */
  readonly keepModel: boolean;
  /** Also score rows under these shuffles (permutation importance). */
  readonly permutations?: readonly Permutation[];
  /**
   * Fit the model on a seeded stratified sample of at most this many fit rows (registry maxFitRows); the
   * encoder still learns from all of them.
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

export async function runFitJob(table: ChurnTable, job: FitJob): Promise<FitResult> {
  const start = performance.now();
  const churn = table.churn;
  if (!churn) throw new Error("fit job: the table has no Churn column");
  const def = baseModel(job.modelId);
  const raw = def.calibration === "platt";
  const encoder = fitEncoder(table, job.fitRows);
  const X = encode(table, encoder, { impute: false });
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

/** Results in job order, whatever order the jobs finish in. Costlier jobs start first. */
export async function runJobs(
  table: ChurnTable,
  jobs: readonly FitJob[],
  options: RunJobsOptions = {},
): Promise<FitResult[]> {
  const workers = Math.min(options.workers ?? defaultWorkers(), jobs.length);
  const results = new Array<FitResult>(jobs.length);
  if (workers <= 1) {
    for (let k = 0; k < jobs.length; k++) results[k] = await runFitJob(table, jobs[k]);
    return results;
  }
  const cost = (job: FitJob) => baseModel(job.modelId).cost * (job.permutations?.length ? 2 : 1);
  const queue = jobs.map((_, k) => k).sort((a, b) => cost(jobs[b]) - cost(jobs[a]) || a - b);
  const boot = new URL("./fit-worker-boot.mjs", import.meta.url);
  const entry = new URL("./fit-worker.ts", import.meta.url).href;
  const pool = Array.from({ length: workers }, () => new Worker(boot, { workerData: { entry, table } }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let busy = false;
            const next = () => {
              const k = queue.shift();
              if (k === undefined) {
                busy = false;
                return resolve();
              }
              busy = true;
              worker.postMessage({ index: k, job: jobs[k] });
            };
            worker.on("message", (message: { index: number; result?: FitResult; error?: string }) => {
              if (message.error !== undefined)
                return reject(new Error(`fit job ${jobs[message.index].modelId}: ${message.error}`));
              if (message.result) results[message.index] = message.result;
              next();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (busy) reject(new Error(`fit worker stopped (exit code ${code})`));
            });
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
