// What every src/data/*.json.ts loader does: make sure the pipeline ran for the current data, code and
// settings (cached by content key), then print one artifact to stdout, which Framework takes as the file.
import type { ArtifactName } from "./artifacts.js";
import { describeFailure } from "./failure.js";
import { ensurePipelineRun, readArtifact } from "./run-cached.js";
import { resolveSettings } from "./settings.js";

export async function emitArtifact(name: ArtifactName): Promise<void> {
  try {
    const runDir = await ensurePipelineRun(resolveSettings(), (line) => process.stderr.write(line + "\n"));
    process.stdout.write(readArtifact(runDir, name));
  } catch (error) {
    process.stderr.write(describeFailure(error) + "\n");
    process.exit(1);
  }
}
