// A pipeline run's folder as the commands that come after it read it (npm run score, npm run model-sql):
// model.json, the model as the Score page reads it; summary.json, the schema the model was trained with and
// the input file's own column names. Problems are InputErrors naming the file.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../src/lib/data/errors.js";
import { KAGGLE_ECOMMERCE } from "../src/lib/data/presets/kaggle-ecommerce.js";
import type { Schema } from "../src/lib/data/schema.js";
import type { Summary } from "../src/lib/data/summary.js";
import { readModelBundle, type ModelBundle } from "../src/lib/scoring/bundle.js";

export interface RunFolder {
  readonly bundle: ModelBundle;
  readonly schema: Schema;
  /** Columns the input file spells otherwise than the schema. */
  readonly renamedColumns: readonly { readonly from: string; readonly to: string }[];
}

/** A file's bytes, or an InputError saying what is missing (`what`: what the file is, for the message). */
export async function readFileBytes(path: string, what: string): Promise<Buffer> {
  try {
    if ((await stat(path)).isDirectory()) throw InputError.fileProblem(path, `is a folder, not ${what}`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw InputError.fileProblem(path, `not found: no such file (${what})`);
    throw InputError.fileProblem(path, `cannot be read: ${(error as Error).message}`);
  }
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  const text = (await readFileBytes(path, what)).toString("utf-8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw InputError.fileProblem(path, `is not valid JSON (${(error as Error).message})`);
  }
}

export async function readRunFolder(dir: string): Promise<RunFolder> {
  const what = "written by npm run pipeline -- --out DIR";
  const modelPath = join(dir, "model.json");
  const raw = await readJsonFile(modelPath, `the model, ${what}`);
  let bundle: ModelBundle;
  try {
    bundle = readModelBundle(raw);
  } catch (error) {
    throw InputError.fileProblem(modelPath, `is not a model bundle ${what} (${(error as Error).message})`);
  }
  const summary = (await readJsonFile(join(dir, "summary.json"), `the data summary, ${what}`)) as Partial<Summary>;
  const renamedColumns = (summary.columns ?? []).flatMap((c) =>
    c.nameInFile ? [{ from: c.nameInFile, to: c.name }] : [],
  );
  // Runs from before schemas were inferred were all on the built-in preset's columns.
  return { bundle, schema: summary.schema ?? KAGGLE_ECOMMERCE, renamedColumns };
}
