// The whole build-time pipeline, from an input file to the report's artifacts. Each stage is a module of
// its own; this file only says in which order they run and what each hands to the next.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Exports, PipelineOutput } from "./artifacts.js";
import { makeExports } from "./exports/exports.js";
import { buildChanges } from "./changes/changes.js";
import type { ChangesArtifact } from "../src/lib/changes/artifact.js";
import { readBaseline, type Baseline } from "./changes/read-baseline.js";
import { readInput, type InputData } from "./input/read-input.js";
import { assembleModelBundle } from "./model-bundle.js";
import { evaluateModels } from "./models/evaluate.js";
import { geminiEnv, toPersonasArtifact, writePersonas } from "./personas/gemini-build.js";
import type { CardLang } from "../src/lib/personas/prompt.js";
import { clusterSegments, type ClusteredSegments } from "./segments/segments.js";
import { segmentRoles } from "../src/lib/segments/axes.js";
import { PROJECT_ROOT, type PipelineSettings } from "./settings.js";
import { stageTimer } from "./stage-timer.js";
import { toCleanedArtifact } from "../src/lib/data/cleaned.js";
import { InputError } from "../src/lib/data/errors.js";
import { targetColumn } from "../src/lib/data/schema.js";
import { distinctRows } from "../src/lib/data/split.js";
import { summaryArtifact } from "../src/lib/data/summary.js";
import { selectTableRows } from "../src/lib/data/table.js";
import { hypothesesArtifact, testHypotheses } from "../src/lib/stats/hypotheses.js";

/** The workbook sheet a run was told to read, as readInput takes it. */
function sheetOf(settings: PipelineSettings): { sheet?: string; sheetSource?: string } {
  return settings.sheet ? { sheet: settings.sheet.name, sheetSource: settings.sheet.source } : {};
}

export type Log = (line: string) => void;

export const GEMINI_CACHE_DIR = join(PROJECT_ROOT, ".cache", "gemini");

export interface RunOptions {
  /** Also make the exports (scores.csv, model.sql): the command line wants them, the site build does not. */
  readonly exports?: boolean;
}

export async function runPipeline(
  settings: PipelineSettings,
  log: Log,
  options: RunOptions = {},
): Promise<PipelineOutput> {
  const timer = stageTimer(log, "pipeline");
  // The baseline is read first: a wrong folder should fail before minutes of training.
  const baseline = settings.baselineDir ? readBaseline(settings.baselineDir) : null;
  const input = await readBuildInput(settings, baseline);
  const summary = summaryArtifact(input);
  const distinct = distinctRows(input.duplicates.duplicateOf);
  timer("read, validate and profile");

  if (baseline && !input.table.churn) {
    // An unlabelled file with a baseline: nothing to train on, the baseline's model scores it.
    const changes = buildChanges({
      baseline,
      summary,
      table: input.table,
      duplicateOf: input.duplicates.duplicateOf,
      seed: settings.seed,
      trained: null,
    });
    timer("changes since the baseline (unlabelled: scored with the baseline's model)");
    // The baseline's model.json is this build's model: the one that gave the expected churners, so the Score
    // page, npm run score and the exports score with it; and the segments it assigns are the baseline's, whose
    // segments.json the Score page names them from. Nothing is trained (no models, hypotheses or personas).
    const model = baseline.bundleFile;
    let exports: Exports = {};
    if (options.exports) {
      exports = makeExports(input, model, log);
      timer("exports (the baseline's model)");
    }
    return {
      artifacts: {
        summary,
        cleaned: toCleanedArtifact(input.table, input.duplicates.duplicateOf, { seed: settings.seed }),
        model,
        segments: baseline.segments,
        changes,
      },
      exports,
    };
  }

  // The segments' clustering reads no model: it runs on this thread while the worker threads fit the models,
  // and only its profiles wait for the selected model's out-of-sample risk.
  const alongside: { clustered?: ClusteredSegments } = {};
  const models = await evaluateModels({
    table: input.table,
    duplicateOf: input.duplicates.duplicateOf,
    testIds: settings.testIdsPath ? readTestIds(settings.testIdsPath) : null,
    ...(settings.testIdsPath ? { testIdsFile: settings.testIdsPath } : {}),
    seed: settings.seed,
    log,
    whileFitting: ({ table, split }) => {
      const start = performance.now();
      alongside.clustered = clusterSegments({
        table,
        roles: segmentRoles(table, split.train),
        rows: distinct,
        trainRows: split.train,
        k: settings.k,
        seed: settings.seed,
      });
      log(`pipeline: segment clustering (alongside the fits) in ${((performance.now() - start) / 1000).toFixed(2)} s`);
    },
  });
  timer("models");

  // The hypotheses are tested on distinct customers: a customer copied under a second ID is one person.
  // Columns the leak screen left out are not tested either.
  const hypotheses = hypothesesArtifact(testHypotheses(selectTableRows(models.table, distinct)));
  timer("hypothesis tests");

  // Segments are read with every customer's out-of-sample risk, and scaled on the training rows only.
  if (!alongside.clustered) throw new Error("the segments were not clustered");
  const segments = alongside.clustered.finish(models.oofProbability);
  timer("segments");

  const personasIn = (lang: CardLang) =>
    writePersonas({
      profiles: segments.artifact.clusters,
      base: segments.artifact.base,
      axes: segments.artifact.columns,
      lang,
      env: geminiEnv(settings),
      cacheDir: GEMINI_CACHE_DIR,
      log,
    });
  // One after the other, as each writePersonas asks its clusters: a burst is what earns a 429.
  const personas = await personasIn("en");
  const personasKo = await personasIn("ko");
  timer("personas");

  const model = assembleModelBundle(models.deployed, segments.model);
  let changes: ChangesArtifact | undefined;
  if (baseline) {
    changes = buildChanges({
      baseline,
      summary,
      table: input.table,
      duplicateOf: input.duplicates.duplicateOf,
      seed: settings.seed,
      trained: { models: models.modelsArtifact, segmentModel: segments.model, segments: segments.artifact },
    });
    timer("changes since the baseline");
  }
  let exports: Exports = {};
  if (options.exports) {
    exports = makeExports(input, model, log);
    timer("exports");
  }

  return {
    artifacts: {
      summary: { ...summary, leakScreen: models.leakScreen },
      cleaned: toCleanedArtifact(input.table, input.duplicates.duplicateOf, { seed: settings.seed }),
      hypotheses,
      models: models.modelsArtifact,
      model,
      segments: segments.artifact,
      personas: toPersonasArtifact(personas),
      "personas-ko": toPersonasArtifact(personasKo),
      ...(changes ? { changes } : {}),
    },
    exports,
  };
}

/**
 * The input file, read for training as without a baseline. With a baseline, a file that cannot be read for
 * training because it has no churn column is read with the baseline's schema instead, to be scored with the
 * baseline's model; any other problem is the training read's error, as without a baseline.
 */
async function readBuildInput(settings: PipelineSettings, baseline: Baseline | null): Promise<InputData> {
  const training = () =>
    readInput(settings.dataPath, { demo: settings.demo, schemaSettings: settings.schema, ...sheetOf(settings) });
  if (!baseline) return training();
  try {
    return await training();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const schema = baseline.table.schema;
    let probe: InputData;
    try {
      probe = await readInput(settings.dataPath, {
        demo: settings.demo,
        requireTarget: false,
        schema,
        ...sheetOf(settings),
      });
    } catch {
      throw error;
    }
    const hasTarget = probe.table.churn !== null || Object.hasOwn(probe.cleaning.missing, targetColumn(schema).name);
    if (hasTarget) throw error;
    return probe;
  }
}

/** The --test-ids file: a JSON array of customer IDs (numbers or strings, such as "A-0042-XK"). */
function readTestIds(path: string): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf-8"));
  } catch (error) {
    throw InputError.fileProblem(path, `not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === "string" || typeof id === "number")) {
    throw InputError.fileProblem(path, 'expected a JSON array of customer IDs, like [50001, 50002] or ["A-0042-XK"]');
  }
  return parsed;
}
