// Where a build writes the site. Framework writes straight into its output folder, and clears that folder
// first only when it is inside the checkout: a folder elsewhere keeps the previous build's files and the
// next build stops on a "file conflict", after the old site was half overwritten. So each build has
// Framework write a staging folder, put in place whole once complete (pipeline/output-folder.ts); a failed
// build only removes its staging folder and leaves the previous site as it was. This module says which
// output folders a build may replace.
import { existsSync, readdirSync, statSync } from "node:fs";

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
