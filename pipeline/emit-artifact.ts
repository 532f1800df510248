// What every src/data/*.json.ts loader does: make sure the pipeline ran for the current data, code and
// settings (cached by content key), then print one artifact to stdout, which Framework takes as the file.
import { serialiseArtifact, type ArtifactName } from "./artifacts.js";
import { describeFailure } from "./failure.js";
import { ensurePipelineRun, hasArtifact, readArtifact } from "./run-cached.js";
import { resolveSettings } from "./settings.js";

/**
 * `whenAbsent`: what to print when the run did not make this artifact (changes.json exists only for a build
 * given a baseline; its page then says how to make one).
 */
export async function emitArtifact(name: ArtifactName, whenAbsent?: unknown): Promise<void> {
  try {
    const runDir = await ensurePipelineRun(resolveSettings(), (line) => process.stderr.write(line + "\n"));
    const absent = whenAbsent !== undefined && !hasArtifact(runDir, name);
    process.stdout.write(absent ? serialiseArtifact(whenAbsent) : readArtifact(runDir, name));
  } catch (error) {
    process.stderr.write(describeFailure(error) + "\n");
    process.exit(1);
  }
}
