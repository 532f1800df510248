// Runs the pipeline at most once per content key and keeps its artifacts on disk under .cache/pipeline/.
// Framework runs each data loader in its own process, often several at once; they all land here, so a
// directory lock makes one of them do the work while the others wait for its result.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACT_NAMES, serialiseArtifact, type ArtifactName } from "./artifacts.js";
import { contentKey } from "./content-key.js";
import { runPipeline, type Log } from "./pipeline.js";
import { PROJECT_ROOT, type PipelineSettings } from "./settings.js";

export const CACHE_ROOT = join(PROJECT_ROOT, ".cache", "pipeline");
const KEEP_RUNS = 4;
const LOCK_STALE_MS = 20 * 60 * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tryLock(lockDir: string): boolean {
  try {
    mkdirSync(lockDir);
    writeFileSync(join(lockDir, "pid"), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // A lock left by a killed process would block every later build: take it over once it is old.
    if (Date.now() - statSync(lockDir).mtimeMs > LOCK_STALE_MS) {
      rmSync(lockDir, { recursive: true, force: true });
      return tryLock(lockDir);
    }
    return false;
  }
}

function pruneOldRuns(keep: string): void {
  const runs = readdirSync(CACHE_ROOT)
    .filter((name) => /^[0-9a-f]{32}$/.test(name) && name !== keep)
    .map((name) => ({ name, mtime: statSync(join(CACHE_ROOT, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const run of runs.slice(KEEP_RUNS - 1)) rmSync(join(CACHE_ROOT, run.name), { recursive: true, force: true });
}

/** The folder holding the artifacts of the run for these settings, running the pipeline if needed. */
export async function ensurePipelineRun(settings: PipelineSettings, log: Log): Promise<string> {
  mkdirSync(CACHE_ROOT, { recursive: true });
  const key = contentKey(settings);
  const runDir = join(CACHE_ROOT, key);
  const lockDir = `${runDir}.lock`;
  for (;;) {
    if (existsSync(join(runDir, "complete"))) return runDir;
    if (tryLock(lockDir)) break;
    await sleep(250);
  }
  const tempDir = `${runDir}.tmp-${process.pid}`;
  try {
    if (existsSync(join(runDir, "complete"))) return runDir;
    log(`pipeline: running for ${settings.dataPath} (key ${key})`);
    const { artifacts } = await runPipeline(settings, log);
    rmSync(tempDir, { recursive: true, force: true });
    mkdirSync(tempDir, { recursive: true });
    for (const [name, value] of Object.entries(artifacts)) {
      writeFileSync(join(tempDir, `${name}.json`), serialiseArtifact(value));
    }
    writeFileSync(join(tempDir, "complete"), key + "\n");
    rmSync(runDir, { recursive: true, force: true });
    renameSync(tempDir, runDir);
    pruneOldRuns(key);
    return runDir;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export function readArtifact(runDir: string, name: ArtifactName): string {
  if (!ARTIFACT_NAMES.includes(name)) throw new Error(`unknown artifact ${name}`);
  return readFileSync(join(runDir, `${name}.json`), "utf-8");
}
