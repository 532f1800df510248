// What one pipeline run produces. The artifacts are JSON files the pages read, one Framework data loader each
// (src/data/<name>.json.ts). The exports are files for systems outside the report (a warehouse, a nightly
// job): `npm run pipeline` writes them beside the artifacts, the site build neither needs nor makes them.
// The README documents every field and column.
// "changes" is written only by a run given a baseline (--baseline, CHURN_BASELINE). The persona cards are one
// artifact per language: "personas" in English (the source language), "personas-<lang>" in each other.
export const ARTIFACT_NAMES = [
  "summary",
  "cleaned",
  "hypotheses",
  "models",
  "model",
  "segments",
  "personas",
  "personas-ko",
  "changes",
] as const;
export type ArtifactName = (typeof ARTIFACT_NAMES)[number];
export type Artifacts = Partial<Record<ArtifactName, unknown>>;

export const EXPORT_FILES = ["scores.csv", "model.sql"] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];
/** Each export's full text. */
export type Exports = Partial<Record<ExportFile, string>>;

export interface PipelineOutput {
  readonly artifacts: Artifacts;
  /** Empty unless the run was asked for them. */
  readonly exports: Exports;
}

/** Every file name a run may write into its output folder: what a failed run must not leave behind. */
export const OUTPUT_FILES: readonly string[] = [...ARTIFACT_NAMES.map((name) => `${name}.json`), ...EXPORT_FILES];

/** Stable serialisation: the same artifacts always give the same bytes. */
export function serialiseArtifact(value: unknown): string {
  return JSON.stringify(value) + "\n";
}
