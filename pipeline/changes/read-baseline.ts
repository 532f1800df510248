// Reading a previous run's artifacts to compare this build with: its cleaned table, its summary, its model
// bundle, its segments (and its model figures when present). Read as they are, never recomputed, so the
// comparison is with what that report said.
//
// Two layouts are accepted:
//   - a pipeline output folder (`npm run pipeline -- --out DIR`): DIR/summary.json, DIR/cleaned.json, ...
//   - a published site: Framework 1.13 writes each data loader's output as _file/data/<name>.<hash>.json,
//     the hash being the first 8 hex digits of a SHA-256 of the content; DIR may be the site's root (it
//     has _file/data/) or that data folder itself.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fromCleanedArtifact, type CleanedArtifact } from "../../src/lib/data/cleaned.js";
import { InputError } from "../../src/lib/data/errors.js";
import type { Summary } from "../../src/lib/data/summary.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import type { ModelsArtifact } from "../../src/lib/models/artifact.js";
import { readModelBundle, type ModelBundle, type ModelBundleFile } from "../../src/lib/scoring/bundle.js";
import type { SegmentsArtifact } from "../../src/lib/segments/artifact.js";

export const BASELINE_REQUIRED = ["summary", "cleaned", "model", "segments"] as const;
export const BASELINE_OPTIONAL = ["models"] as const;
type BaselineName = (typeof BASELINE_REQUIRED)[number] | (typeof BASELINE_OPTIONAL)[number];

export type BaselineLayout = "pipeline output" | "published site";

export interface BaselineFiles {
  readonly dir: string;
  readonly layout: BaselineLayout;
  /** Absolute path of each artifact found. */
  readonly paths: Partial<Record<BaselineName, string>>;
}

export interface Baseline {
  readonly files: BaselineFiles;
  readonly summary: Summary;
  readonly table: ChurnTable;
  readonly duplicateOf: readonly number[];
  readonly bundle: ModelBundle;
  /**
   * model.json as the baseline wrote it (parsed, not read into a bundle): an unlabelled build ships it as its own
   * model.json, so its Score page and exports score with exactly the model that gave the expected churners.
   */
  readonly bundleFile: ModelBundleFile;
  readonly segments: SegmentsArtifact;
  /** null when the baseline has no models.json (an unlabelled build of its own). */
  readonly models: ModelsArtifact | null;
  /**
   * The baseline's cleaned.json is a sample of its customers (a large table, CLEANED_SAMPLE_CAP): its whole
   * counts; null when `table` holds every row.
   */
  readonly cleanedSample: CleanedArtifact["sample"] | null;
}

const HASHED = (name: string) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.json$`);

function hashedIn(dataDir: string, name: string): string | undefined {
  const matches = readdirSync(dataDir)
    .filter((file) => HASHED(name).test(file))
    .sort();
  if (matches.length > 1) {
    throw InputError.fileProblem(
      dataDir,
      `holds ${matches.length} copies of ${name} (${matches.join(", ")}): a site folder mixed from several builds; ` +
        `point --baseline at one build's output`,
    );
  }
  return matches.length === 1 ? join(dataDir, matches[0]) : undefined;
}

/** Where the baseline's artifacts are, in either layout. Throws an InputError naming what is missing. */
export function locateBaseline(dir: string): BaselineFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw InputError.fileProblem(dir, "is not a folder");
  const names = [...BASELINE_REQUIRED, ...BASELINE_OPTIONAL];
  let layout: BaselineLayout;
  const paths: Partial<Record<BaselineName, string>> = {};
  if (existsSync(join(dir, "cleaned.json"))) {
    layout = "pipeline output";
    for (const name of names) if (existsSync(join(dir, `${name}.json`))) paths[name] = join(dir, `${name}.json`);
  } else {
    const dataDir = existsSync(join(dir, "_file", "data")) ? join(dir, "_file", "data") : dir;
    layout = "published site";
    for (const name of names) {
      const found = hashedIn(dataDir, name);
      if (found) paths[name] = found;
    }
  }
  // A build on a file without a churn column trained nothing: its model is its own baseline's.
  if (paths.summary && (readJson(paths.summary) as { churners?: unknown } | null)?.churners === null) {
    throw InputError.fileProblem(
      dir,
      "is a build on a file without a churn column, scored with its own baseline's model: it has no labels or " +
        "model of its own to compare with; use a build on a labelled file as the baseline",
    );
  }
  const missing = BASELINE_REQUIRED.filter((name) => !paths[name]);
  if (missing.length > 0) {
    throw InputError.fileProblem(
      dir,
      `is not a previous run's output: ${missing.map((n) => `${n}.json`).join(", ")} not found ` +
        `(expected a pipeline --out folder with summary.json, cleaned.json, model.json and segments.json, ` +
        `or a built site with _file/data/<name>.<hash>.json)`,
    );
  }
  return { dir, layout, paths };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf-8"));
  } catch (error) {
    throw InputError.fileProblem(path, `is not valid JSON: ${(error as Error).message}`);
  }
}

function requireFields(path: string, value: unknown, fields: readonly string[]): void {
  const missing = fields.filter((f) => !value || typeof value !== "object" || !(f in value));
  if (missing.length > 0) {
    throw InputError.fileProblem(path, `lacks ${missing.join(", ")}: not an artifact of this report's pipeline`);
  }
}

export function readBaseline(dir: string): Baseline {
  const files = locateBaseline(dir);
  const path = (name: BaselineName) => files.paths[name]!;
  const summary = readJson(path("summary"));
  requireFields(path("summary"), summary, ["rows", "columns", "source"]);
  const cleaned = readJson(path("cleaned"));
  requireFields(path("cleaned"), cleaned, ["nRows", "ids", "numeric", "category", "duplicateOf"]);
  const segments = readJson(path("segments"));
  requireFields(path("segments"), segments, ["clusters", "points"]);
  let bundle: ModelBundle;
  const bundleFile = readJson(path("model")) as ModelBundleFile;
  try {
    bundle = readModelBundle(bundleFile);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw InputError.fileProblem(path("model"), (error as Error).message);
  }
  const models = files.paths.models ? (readJson(files.paths.models) as ModelsArtifact) : null;
  const cleanedArtifact = cleaned as CleanedArtifact;
  return {
    files,
    summary: summary as Summary,
    // A baseline from before schemas were inferred has none in its summary: it was read with the Kaggle preset.
    table: fromCleanedArtifact(cleanedArtifact, (summary as Partial<Summary>).schema),
    duplicateOf: cleanedArtifact.duplicateOf,
    bundle,
    bundleFile,
    segments: segments as SegmentsArtifact,
    models,
    cleanedSample: cleanedArtifact.sample ?? null,
  };
}

/** A hash of the baseline's artifact bytes, for the pipeline cache key: another baseline is another report. */
export function baselineHash(dir: string): string {
  const files = locateBaseline(dir);
  const hash = createHash("sha256");
  for (const name of [...BASELINE_REQUIRED, ...BASELINE_OPTIONAL]) {
    const p = files.paths[name];
    hash.update(`${name}:`);
    if (p) hash.update(readFileSync(p));
  }
  return hash.digest("hex");
}
