// The cache key of a pipeline run: a hash of everything its output depends on. Data bytes, settings and the
// source of every module the pipeline can run (pipeline/, src/lib/, the lockfile). Hashing the code, not
// trusting mtimes, is what makes a stale report impossible: edit any pipeline module and the key changes.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { baselineHash } from "./changes/read-baseline.js";
import { PROJECT_ROOT, type PipelineSettings } from "./settings.js";

const CODE_ROOTS = ["pipeline", "src/lib", "package-lock.json"];

function listFiles(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name.startsWith(".") ? [] : listFiles(join(path, name))));
}

export function codeFiles(root: string = PROJECT_ROOT): string[] {
  return CODE_ROOTS.flatMap((entry) => listFiles(join(root, entry))).filter((file) => /\.(ts|json)$/.test(file));
}

export function contentKey(settings: PipelineSettings, root: string = PROJECT_ROOT): string {
  const hash = createHash("sha256");
  const part = (label: string, bytes: string | Buffer) => {
    hash.update(label);
    hash.update(String(bytes.length));
    hash.update(":");
    hash.update(bytes);
  };
  part("data", readFileSync(settings.dataPath));
  // The file's name is shown as provenance, so the same bytes under another name are another report.
  part("data-name", basename(settings.dataPath));
  part("test-ids", settings.testIdsPath ? readFileSync(settings.testIdsPath) : "");
  // The Gemini key itself never enters a key or a file; whether one was given changes the personas.
  part(
    "settings",
    JSON.stringify({
      seed: settings.seed,
      k: settings.k,
      schema: settings.schema.config ?? null,
      target: settings.schema.target ?? null,
      positive: settings.schema.positive ?? null,
      id: settings.schema.id ?? null,
      demo: settings.demo,
      gemini: settings.gemini.apiKey !== null,
      model: settings.gemini.model,
      baseUrl: settings.gemini.baseUrl,
      // Only a run given a sheet names one, so every other run keeps the key it had.
      ...(settings.sheet ? { sheet: settings.sheet.name } : {}),
    }),
  );
  // Only a run with a baseline hashes one, so a run without keeps the key it always had.
  if (settings.baselineDir) part("baseline", baselineHash(settings.baselineDir));
  for (const file of codeFiles(root)) part(relative(root, file), readFileSync(file));
  return hash.digest("hex").slice(0, 32);
}
