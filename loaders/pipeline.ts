// The whole build-time pipeline, from an input file to the report's artifacts. Each stage is a module of
// its own; this file only says in which order they run and what each hands to the next.
import { join } from "node:path";
import type { Artifacts } from "./artifacts.js";
import { readInput } from "./input/read-input.js";
import { toPersonasArtifact, writePersonas } from "./personas/gemini-build.js";
import { buildSegments } from "./segments/segments.js";
import { PROJECT_ROOT, type PipelineSettings } from "./settings.js";
import { toCleanedArtifact } from "../src/lib/data/cleaned.js";
import { distinctRows } from "../src/lib/data/split.js";
import { summarise } from "../src/lib/data/summary.js";
import { selectTableRows } from "../src/lib/data/table.js";
import { hypothesesArtifact, testHypotheses } from "../src/lib/stats/hypotheses.js";

export type Log = (line: string) => void;

export const GEMINI_CACHE_DIR = join(PROJECT_ROOT, ".cache", "gemini");

export async function runPipeline(settings: PipelineSettings, log: Log): Promise<Artifacts> {
  const timer = stageTimer(log);
  const input = await readInput(settings.dataPath, { demo: settings.demo });
  const summary = summarise(input);
  const distinct = distinctRows(input.duplicates.duplicateOf);
  timer("read, validate and profile");

  // The hypotheses are tested on distinct customers: a customer copied under a second ID is one person.
  const hypotheses = hypothesesArtifact(testHypotheses(selectTableRows(input.table, distinct)));
  timer("hypothesis tests");

  const segments = buildSegments({ table: input.table, rows: distinct, oofProbability: null, k: settings.k, seed: settings.seed });
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

  return {
    summary,
    cleaned: toCleanedArtifact(input.table, input.duplicates.duplicateOf),
    hypotheses,
    segments: segments.artifact,
    personas: toPersonasArtifact(personas),
  };
}

function stageTimer(log: Log): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    log(`pipeline: ${stage} in ${((now - last) / 1000).toFixed(2)} s`);
    last = now;
  };
}
