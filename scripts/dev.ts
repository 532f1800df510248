// `npm run dev`: Framework's live preview, made safe against stale data. Framework re-runs a data loader
// only when the loader file itself is newer than its cached output, so this script also watches what the
// loaders depend on (the pipeline's code and the input file) and touches the loaders when any of it
// changes; the pipeline's own content-key cache then decides what really has to run again.
import { spawn } from "node:child_process";
import { readdirSync, utimesSync, watch } from "node:fs";
import { delimiter, join } from "node:path";
import { PROJECT_ROOT, resolveSettings } from "../pipeline/settings.js";
import { clearLoaderOutputs, lockFrameworkCache, PREVIEW_PURPOSE } from "./framework-cache.js";
import { writeTranslatedPages } from "./i18n-pages.js";
import { vendorNpm } from "./vendor-npm.js";

const log = (line: string) => process.stderr.write(line + "\n");
const settings = resolveSettings();
// Held until the preview stops: its loaders write Framework's cache, which a build would otherwise ship.
await lockFrameworkCache(PREVIEW_PURPOSE, log);
await vendorNpm(log);
clearLoaderOutputs();
// The translated pages are copies of src/*.md (scripts/i18n-pages.ts): write them now and on every edit.
const src = join(PROJECT_ROOT, "src");
const translate = (): void => {
  try {
    writeTranslatedPages(src);
  } catch (error) {
    log(`dev: ${error instanceof Error ? error.message : String(error)}`);
  }
};
translate();
watch(src, (_event, file) => {
  if (file?.endsWith(".md")) translate();
});
watch(join(src, "lib", "i18n"), () => translate());

const dataLoaders = join(PROJECT_ROOT, "src", "data");
let pending: NodeJS.Timeout | undefined;
function touchLoaders(reason: string): void {
  clearTimeout(pending);
  pending = setTimeout(() => {
    log(`dev: ${reason} changed; data loaders will re-run`);
    const now = new Date();
    for (const name of readdirSync(dataLoaders)) {
      if (name.endsWith(".json.ts")) utimesSync(join(dataLoaders, name), now, now);
    }
  }, 200);
}
for (const dir of ["pipeline", join("src", "lib")]) {
  watch(join(PROJECT_ROOT, dir), { recursive: true }, (_event, file) => touchLoaders(`${dir}/${file ?? ""}`));
}
watch(settings.dataPath, () => touchLoaders(settings.dataPath));

const preview = spawn(join(PROJECT_ROOT, "node_modules", ".bin", "observable"), ["preview", ...process.argv.slice(2)], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  // Framework runs .ts data loaders with `tsx` from PATH; put the project's own first, however we were started.
  env: {
    ...process.env,
    PATH: `${join(PROJECT_ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
  },
});
preview.on("exit", (code) => process.exit(code ?? 0));
// Ctrl-C reaches the preview too; exiting through process.exit releases the lock.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));
