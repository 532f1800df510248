// Where a build writes the site. Framework writes straight into its output folder, and clears that folder
// first only when it is inside the checkout: a folder elsewhere keeps the previous build's files and the
// next build stops on a "file conflict", after the old site was half overwritten. So each build writes a
// staging folder beside the output and, once Framework has finished, swaps it in whole; a failed build only
// removes its staging folder and leaves the previous site as it was.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export class OutputFolderError extends Error {}

/** Framework puts its runtime here in every build: a folder that has it holds a previous build. */
const BUILD_MARK = "_observablehq";

/**
 * Refuses an output folder that is neither absent, empty, nor a previous build: the swap replaces the folder
 * whole, and a mistyped CHURN_DIST must not take someone's files with it.
 */
export function checkOutputFolder(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new OutputFolderError(`${dir} is a file, not a folder for the site`);
  const entries = readdirSync(dir);
  if (entries.length === 0 || entries.includes(BUILD_MARK)) return;
  const shown = entries.slice(0, 5).join(", ") + (entries.length > 5 ? ", …" : "");
  throw new OutputFolderError(
    `${dir} is not empty and holds no previous build of the report (it has ${shown}); ` +
      `choose a new or empty folder, or remove this one`,
  );
}

/** The staging folder of this process's build of `dir`: beside it, so the swap is a rename on one disk. */
export function stagingFolderFor(dir: string, tag: string | number = process.pid): string {
  return join(dirname(dir), `.${basename(dir)}.building-${tag}`);
}

/** Removes staging folders of `dir` left by builds that were killed (their process is gone). */
export function removeStaleStaging(dir: string, isAlive: (pid: number) => boolean): void {
  const prefix = `.${basename(dir)}.building-`;
  if (!existsSync(dirname(dir))) return;
  for (const name of readdirSync(dirname(dir))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      rmSync(join(dirname(dir), name), { recursive: true, force: true });
    }
  }
}

/** Moves the finished `staging` folder to `dir`, replacing what was there. */
export function replaceFolder(staging: string, dir: string): void {
  if (!existsSync(dir)) {
    renameSync(staging, dir);
    return;
  }
  const previous = join(dirname(dir), `.${basename(dir)}.previous-${process.pid}`);
  rmSync(previous, { recursive: true, force: true });
  try {
    renameSync(dir, previous);
  } catch {
    // The folder itself cannot move (a mount point, a folder a server holds on some systems): replace its
    // contents instead, which is not atomic but leaves the same files.
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
    for (const name of readdirSync(staging)) renameSync(join(staging, name), join(dir, name));
    rmSync(staging, { recursive: true, force: true });
    return;
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    renameSync(previous, dir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
