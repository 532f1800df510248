// The pipeline command's output folder (--out DIR). Its files are written into a staging folder, which
// replaces DIR only when every file is there (output-folder.ts): a run killed while writing used to leave
// a partial set, having already deleted the previous complete one. Since DIR is replaced whole, it may hold
// only a previous run's files; anything else in it is the user's, and the run refuses to start.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT_FILES } from "./artifacts.js";
import { processIsAlive } from "./lock.js";
import { removeStaleStaging, replaceFolder, stagingFolderFor } from "./output-folder.js";

export class RunFolderError extends Error {}

/** Refuses an output folder holding anything but a previous run's files (which the new run replaces). */
export function checkRunFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new RunFolderError(`--out ${dir} is a file, not a folder`);
  const foreign = readdirSync(dir).filter((name) => !OUTPUT_FILES.includes(name));
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? ", …" : "");
  throw new RunFolderError(
    `--out ${dir} holds files that are not this pipeline's (${shown}), and the run replaces the folder whole: ` +
      `choose a new or empty folder`,
  );
}

export type WriteFile = (path: string, text: string) => void;

/** Writes the files into a staging folder and puts it in place of `dir`. */
export function writeRunFolder(
  dir: string,
  files: readonly (readonly [name: string, text: string])[],
  write: WriteFile = writeFileSync,
): void {
  removeStaleStaging(dir, processIsAlive);
  const staging = stagingFolderFor(dir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (const [name, text] of files) write(join(staging, name), text);
    replaceFolder(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** After a failed run: the outputs of an earlier run go, so that none is taken for this run's. */
export function removeRunOutputs(dir: string): void {
  for (const file of OUTPUT_FILES) rmSync(join(dir, file), { force: true });
}
