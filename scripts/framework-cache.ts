// Framework reuses any loader output it finds in src/.observablehq/cache as it is, whatever changed since
// (DESIGN.md). Our loaders are cheap once the pipeline run is cached by content key, so every build and
// preview starts by dropping Framework's copies; only the vendored libraries (_npm) are kept.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../pipeline/settings.js";

export const FRAMEWORK_CACHE = join(PROJECT_ROOT, "src", ".observablehq", "cache");

export function clearLoaderOutputs(): void {
  if (!existsSync(FRAMEWORK_CACHE)) return;
  for (const entry of readdirSync(FRAMEWORK_CACHE)) {
    if (entry !== "_npm") rmSync(join(FRAMEWORK_CACHE, entry), { recursive: true, force: true });
  }
}
