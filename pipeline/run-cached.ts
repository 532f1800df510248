// Runs the pipeline at most once per content key and keeps its artifacts on disk under .cache/pipeline/.
// Framework runs each data loader in its own process, often several at once; they all land here, so a
// lock per key makes one of them do the work while the others wait for its result (lock.ts: a killed
// run's lock is taken over, and those waiting say for whom).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACT_NAMES, serialiseArtifact, type ArtifactName, type PipelineOutput } from "./artifacts.js";
import { contentKey } from "./content-key.js";
import { acquireLock } from "./lock.js";
import { refreshFailedPersonas } from "./personas/refresh-personas.js";
import { GEMINI_CACHE_DIR, runPipeline, type Log } from "./pipeline.js";
import { PROJECT_ROOT, type PipelineSettings } from "./settings.js";

export const CACHE_ROOT = join(PROJECT_ROOT, ".cache", "pipeline");
const KEEP_RUNS = 4;

export interface RunCachedOptions {
  /** Where runs are kept (tests use a folder of their own). */
  readonly cacheRoot?: string;
  /** The pipeline itself; tests pass a stand-in. */
  readonly run?: (settings: PipelineSettings, log: Log) => Promise<PipelineOutput>;
  /**
   * When the run is reused, ask Gemini again for the persona cards that fell back after a failure
   * (refresh-personas.ts). Once per build: the build script sets it, its data loaders do not.
   */
  readonly refreshPersonas?: boolean;
  /** Gemini's answer cache (tests use a folder of their own). */
  readonly geminiCacheDir?: string;
}

function pruneOldRuns(cacheRoot: string, keep: string): void {
  const runs = readdirSync(cacheRoot)
    .filter((name) => /^[0-9a-f]{32}$/.test(name) && name !== keep)
    .map((name) => ({ name, mtime: statSync(join(cacheRoot, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const run of runs.slice(KEEP_RUNS - 1)) rmSync(join(cacheRoot, run.name), { recursive: true, force: true });
}

/** The folder holding the artifacts of the run for these settings, running the pipeline if needed. */
export async function ensurePipelineRun(
  settings: PipelineSettings,
  log: Log,
  options: RunCachedOptions = {},
): Promise<string> {
  const cacheRoot = options.cacheRoot ?? CACHE_ROOT;
  const run = options.run ?? runPipeline;
  mkdirSync(cacheRoot, { recursive: true });
  const key = contentKey(settings);
  const runDir = join(cacheRoot, key);
  if (!options.refreshPersonas && existsSync(join(runDir, "complete"))) return runDir;
  const release = await acquireLock(`${runDir}.lock`, { purpose: `running the pipeline on ${settings.dataPath}`, log });
  const tempDir = `${runDir}.tmp-${process.pid}`;
  try {
    // Whoever held the lock before us may have finished the run.
    if (existsSync(join(runDir, "complete"))) {
      if (options.refreshPersonas) {
        await refreshFailedPersonas(runDir, settings, log, options.geminiCacheDir ?? GEMINI_CACHE_DIR);
      }
      return runDir;
    }
    log(`pipeline: running for ${settings.dataPath} (key ${key})`);
    const { artifacts } = await run(settings, log);
    rmSync(tempDir, { recursive: true, force: true });
    mkdirSync(tempDir, { recursive: true });
    for (const [name, value] of Object.entries(artifacts)) {
      writeFileSync(join(tempDir, `${name}.json`), serialiseArtifact(value));
    }
    writeFileSync(join(tempDir, "complete"), key + "\n");
    rmSync(runDir, { recursive: true, force: true });
    renameSync(tempDir, runDir);
    pruneOldRuns(cacheRoot, key);
    return runDir;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
    release();
  }
}

export function readArtifact(runDir: string, name: ArtifactName): string {
  if (!ARTIFACT_NAMES.includes(name)) throw new Error(`unknown artifact ${name}`);
  return readFileSync(join(runDir, `${name}.json`), "utf-8");
}

export function hasArtifact(runDir: string, name: ArtifactName): boolean {
  return existsSync(join(runDir, `${name}.json`));
}
