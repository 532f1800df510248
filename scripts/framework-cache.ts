// Framework reuses any loader output it finds in src/.observablehq/cache as it is, whatever changed since
// (it knows nothing of the data file or the pipeline's code behind a loader). Our loaders are cheap once the pipeline run is cached by content key, so every build and
// preview starts by dropping Framework's copies; only the vendored libraries (_npm) are kept.
// That cache is one per checkout, and a build on other data would ship whatever another build's loaders left
// in it (two builds at once mixed data sets, with exit 0). So a build holds a lock on it from clearing it to
// writing the site, and so does a preview for as long as it runs.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { acquireLock } from "../pipeline/lock.js";
import { PROJECT_ROOT } from "../pipeline/settings.js";

export const FRAMEWORK_CACHE = join(PROJECT_ROOT, "src", ".observablehq", "cache");
export const FRAMEWORK_LOCK = join(PROJECT_ROOT, ".cache", "framework.lock");
/** The lock purpose of `npm run dev`, which holds it until stopped: a build refuses rather than wait for it. */
export const PREVIEW_PURPOSE = "previewing the report (npm run dev)";

export function clearLoaderOutputs(): void {
  if (!existsSync(FRAMEWORK_CACHE)) return;
  for (const entry of readdirSync(FRAMEWORK_CACHE)) {
    if (entry !== "_npm") rmSync(join(FRAMEWORK_CACHE, entry), { recursive: true, force: true });
  }
}

/** Takes the checkout's Framework lock (waiting for another build, saying so); returns its release. */
export async function lockFrameworkCache(purpose: string, log: (line: string) => void): Promise<() => void> {
  mkdirSync(join(PROJECT_ROOT, ".cache"), { recursive: true });
  return acquireLock(FRAMEWORK_LOCK, {
    purpose,
    log,
    refuse: (owner) =>
      owner.purpose === PREVIEW_PURPOSE && purpose !== PREVIEW_PURPOSE
        ? `a preview (npm run dev, pid ${owner.pid}) is using this checkout's Framework cache: stop it, then build`
        : null,
  });
}
