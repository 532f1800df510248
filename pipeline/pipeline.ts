// The whole build-time pipeline, from an input file to the report's artifacts. Each stage is a module of
// its own; this file only says in which order they run and what each hands to the next.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Exports, PipelineOutput } from "./artifacts.js";
import { makeExports } from "./exports/exports.js";
import { readInput } from "./input/read-input.js";
import { assembleModelBundle } from "./model-bundle.js";
import { evaluateModels } from "./models/evaluate.js";
import { toPersonasArtifact, writePersonas } from "./personas/gemini-build.js";
import { buildSegments } from "./segments/segments.js";
import { PROJECT_ROOT, type PipelineSettings } from "./settings.js";
import { stageTimer } from "./stage-timer.js";
import { toCleanedArtifact } from "../src/lib/data/cleaned.js";
import { InputError } from "../src/lib/data/errors.js";
import { distinctRows } from "../src/lib/data/split.js";
import { summaryArtifact } from "../src/lib/data/summary.js";
import { selectTableRows } from "../src/lib/data/table.js";
import { hypothesesArtifact, testHypotheses } from "../src/lib/stats/hypotheses.js";

export type Log = (line: string) => void;

export const GEMINI_CACHE_DIR = join(PROJECT_ROOT, ".cache", "gemini");

export interface RunOptions {
  /** Also make the exports (scores.csv): the command line wants them, the site build does not. */
  readonly exports?: boolean;
}

export async function runPipeline(
  settings: PipelineSettings,
  log: Log,
  options: RunOptions = {},
): Promise<PipelineOutput> {
  const timer = stageTimer(log, "pipeline");
  const input = await readInput(settings.dataPath, { demo: settings.demo, schemaSettings: settings.schema });
  const summary = summaryArtifact(input);
  const distinct = distinctRows(input.duplicates.duplicateOf);
  timer("read, validate and profile");

  // The hypotheses are tested on distinct customers: a customer copied under a second ID is one person.
  const hypotheses = hypothesesArtifact(testHypotheses(selectTableRows(input.table, distinct)));
  timer("hypothesis tests");

  const models = await evaluateModels({
    table: input.table,
    duplicateOf: input.duplicates.duplicateOf,
    testIds: settings.testIdsPath ? readTestIds(settings.testIdsPath) : null,
    seed: settings.seed,
    log,
  });
  timer("models");

  // Segments are read with every customer's out-of-sample risk, and scaled on the training rows only.
  const segments = buildSegments({
    table: input.table,
    rows: distinct,
    trainRows: models.split.train,
    oofProbability: models.oofProbability,
    k: settings.k,
    seed: settings.seed,
  });
  timer("segments");

  const personas = await writePersonas({
    profiles: segments.artifact.clusters,
    base: segments.artifact.base,
    env: {
      GEMINI_API_KEY: settings.gemini.apiKey ?? undefined,
      GEMINI_MODEL: settings.gemini.model,
      GEMINI_BASE_URL: settings.gemini.baseUrl ?? undefined,
    },
    cacheDir: GEMINI_CACHE_DIR,
    log,
  });
  timer("personas");

  const model = assembleModelBundle(models.deployed, segments.model);
  let exports: Exports = {};
  if (options.exports) {
    exports = makeExports(input, model);
    timer("exports");
  }

  return {
    artifacts: {
      summary,
      cleaned: toCleanedArtifact(input.table, input.duplicates.duplicateOf),
      hypotheses,
      models: models.modelsArtifact,
      model,
      segments: segments.artifact,
      personas: toPersonasArtifact(personas),
    },
    exports,
  };
}

/** The --test-ids file: a JSON array of customer IDs (numbers or strings). */
function readTestIds(path: string): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf-8"));
  } catch (error) {
    throw InputError.fileProblem(path, `not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === "string" || typeof id === "number")) {
    throw InputError.fileProblem(path, "expected a JSON array of customer IDs, like [50001, 50002]");
  }
  return parsed;
}
