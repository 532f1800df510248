// Output folders that change all at once. A run writes its files into a staging folder beside the output
// folder and, once every file is written, puts the staging folder in its place: whoever reads the output
// (a person, a web server, the next job) finds the previous complete set or the new complete set, never a
// mixture, and a run that fails or is killed leaves the previous set as it was. Used by the pipeline
// command (its artifacts) and the site build (the site).
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** This process's staging folder for `dir`: beside it, so putting it in place is a rename on one disk. */
export function stagingFolderFor(dir: string, tag: string | number = process.pid): string {
  return join(dirname(dir), `.${basename(dir)}.staging-${tag}`);
}

/** Removes staging folders of `dir` left by runs that were killed (their process is gone). */
export function removeStaleStaging(dir: string, isAlive: (pid: number) => boolean): void {
  const prefix = `.${basename(dir)}.staging-`;
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
