// The artifacts one pipeline run produces, by name. Each is one JSON file in the pipeline's output folder
// and one Framework data loader (src/data/<name>.json.ts). The README documents their fields.
export const ARTIFACT_NAMES = ["summary", "cleaned", "hypotheses", "models", "model", "segments", "personas"] as const;
export type ArtifactName = (typeof ARTIFACT_NAMES)[number];
export type Artifacts = Partial<Record<ArtifactName, unknown>>;

/** Stable serialisation: the same artifacts always give the same bytes. */
export function serialiseArtifact(value: unknown): string {
  return JSON.stringify(value) + "\n";
}
