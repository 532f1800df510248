// `npm run build`: the report on CHURN_DATA (or the embedded demo data) into dist/ (or CHURN_DIST).
// The pipeline runs first, outside Framework, so bad input stops the build with the pipeline's own message
// and a non-zero exit. Framework then writes the site into a staging folder, which replaces the output folder
// only once it is complete: a build that fails, or is killed, leaves the previous site as it was. Builds in
// one checkout share Framework's cache, so they take turns (framework-cache.ts), and say whom they wait for.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { describeFailure } from "../pipeline/failure.js";
import { LockRefused, processIsAlive } from "../pipeline/lock.js";
import { removeStaleStaging, replaceFolder, stagingFolderFor } from "../pipeline/output-folder.js";
import { ensurePipelineRun } from "../pipeline/run-cached.js";
import { PROJECT_ROOT, resolveSettings } from "../pipeline/settings.js";
import { addContentSecurityPolicy, geminiConnectOrigins, type PolicyOptions } from "./content-security-policy.js";
import { clearLoaderOutputs, lockFrameworkCache } from "./framework-cache.js";
import { setDocumentLanguage } from "./html-lang.js";
import { repairSidebars } from "./html-sidebar.js";
import { TranslationError, writeTranslatedPages } from "./i18n-pages.js";
import { LANGUAGES, SOURCE_LANGUAGE } from "../src/i18n/lang.js";
import { TABLES } from "../src/i18n/tables.js";
import { checkOutputFolder, OutputFolderError } from "./site-output.js";
import { vendorNpm } from "./vendor-npm.js";

const log = (line: string) => process.stderr.write(line + "\n");
const dist = process.env.CHURN_DIST ? resolve(process.env.CHURN_DIST) : join(PROJECT_ROOT, "dist");
const staging = stagingFolderFor(dist);
const leftAsItWas = `${dist} was left as it was`;
let policy: PolicyOptions = { connectOrigins: [] };

try {
  checkOutputFolder(dist);
  await lockFrameworkCache(`building the site into ${dist}`, log);
  const settings = resolveSettings();
  policy = { connectOrigins: geminiConnectOrigins() };
  log(`churn-report: building on ${settings.demo ? "the embedded demo data" : settings.dataPath}`);
  // Before the pipeline: a missing string fails in a second, not after the models have trained.
  writeTranslatedPages(join(PROJECT_ROOT, "src"));
  // A file without a churn column (with CHURN_BASELINE) is scored with the baseline's model: the run has no
  // models, segments or hypotheses, and the pages that need them say so (src/components/no-labels.ts).
  await ensurePipelineRun(settings, log, { refreshPersonas: true });
} catch (error) {
  log(
    error instanceof LockRefused || error instanceof OutputFolderError || error instanceof TranslationError
      ? `error: ${error.message}`
      : describeFailure(error),
  );
  log(`build stopped: ${leftAsItWas}`);
  process.exit(1);
}

await vendorNpm(log);
clearLoaderOutputs();
removeStaleStaging(dist, processIsAlive);
rmSync(staging, { recursive: true, force: true });
const framework = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
const result = spawnSync(framework, ["build"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  // Framework runs .ts data loaders with `tsx` from PATH; put the project's own first, however we were started.
  env: {
    ...process.env,
    CHURN_DIST: staging,
    PATH: `${join(PROJECT_ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
  },
});
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  log(`build failed: ${leftAsItWas}`);
  process.exit(result.status ?? 1);
}
// Each language's folder first: the stamp skips pages that already have one.
for (const lang of LANGUAGES) {
  if (lang !== SOURCE_LANGUAGE && existsSync(join(staging, lang))) setDocumentLanguage(join(staging, lang), lang);
}
setDocumentLanguage(staging, SOURCE_LANGUAGE);
for (const lang of LANGUAGES) {
  if (lang !== SOURCE_LANGUAGE && existsSync(join(staging, lang))) {
    repairSidebars(join(staging, lang), TABLES[lang].common.toggleSidebar);
  }
}
repairSidebars(staging, TABLES[SOURCE_LANGUAGE].common.toggleSidebar);
// Last: the policy hashes the inline scripts as they are finally written.
addContentSecurityPolicy(staging, policy);
replaceFolder(staging, dist);
log(`churn-report: the site is in ${dist}`);
