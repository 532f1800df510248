// What every src/data/*.json.ts loader does: make sure the pipeline ran for the current data, code and
// settings (cached by content key), then print one artifact to stdout, which Framework takes as the file.
import { serialiseArtifact, type ArtifactName } from "./artifacts.js";
import { describeFailure } from "./failure.js";
import { ensurePipelineRun, hasArtifact, readArtifact } from "./run-cached.js";
import { resolveSettings } from "./settings.js";
import { WITHOUT_LABELS } from "../src/lib/data/without-labels.js";

/**
 * `whenAbsent`: what to print when the run did not make this artifact (changes.json exists only for a build
 * given a baseline; its page then says how to make one). A run on a file without a churn column (scored with
 * the baseline's model) makes no models, segments, hypotheses or personas: for those it prints WITHOUT_LABELS,
 * so that the build completes and the pages that need them say why they have nothing to show.
 */
export async function emitArtifact(name: ArtifactName, whenAbsent?: unknown): Promise<void> {
  try {
    const runDir = await ensurePipelineRun(resolveSettings(), (line) => process.stderr.write(line + "\n"));
    if (hasArtifact(runDir, name)) process.stdout.write(readArtifact(runDir, name));
    else if (whenAbsent !== undefined) process.stdout.write(serialiseArtifact(whenAbsent));
    else if (withoutLabels(runDir)) process.stdout.write(serialiseArtifact(WITHOUT_LABELS));
    else process.stdout.write(readArtifact(runDir, name));
  } catch (error) {
    process.stderr.write(describeFailure(error) + "\n");
    process.exit(1);
  }
}

/** The run was on a file without a churn column: its summary counts no churners. */
function withoutLabels(runDir: string): boolean {
  return (JSON.parse(readArtifact(runDir, "summary")) as { churners: number | null }).churners === null;
}
