// `npm run build`: the report on CHURN_DATA (or the embedded demo data) into dist/.
// The pipeline runs first, outside Framework, so bad input stops the build with the pipeline's own message
// and a non-zero exit, and no report from older data is left in dist/ to be published by mistake.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { describeFailure } from "../pipeline/failure.js";
import { ensurePipelineRun } from "../pipeline/run-cached.js";
import { PROJECT_ROOT, resolveSettings } from "../pipeline/settings.js";
import { clearLoaderOutputs } from "./framework-cache.js";
import { setDocumentLanguage } from "./html-lang.js";
import { vendorNpm } from "./vendor-npm.js";

const log = (line: string) => process.stderr.write(line + "\n");
const dist = process.env.CHURN_DIST ? resolve(process.env.CHURN_DIST) : join(PROJECT_ROOT, "dist");

try {
  const settings = resolveSettings();
  log(`churn-report: building on ${settings.demo ? "the embedded demo data" : settings.dataPath}`);
  await ensurePipelineRun(settings, log);
} catch (error) {
  rmSync(dist, { recursive: true, force: true });
  log(describeFailure(error));
  log("build stopped: nothing was written to dist/");
  process.exit(1);
}

await vendorNpm(log);
clearLoaderOutputs();
const framework = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
const result = spawnSync(framework, ["build"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  // Framework runs .ts data loaders with `tsx` from PATH; put the project's own first, however we were started.
  env: {
    ...process.env,
    PATH: `${join(PROJECT_ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
  },
});
if (result.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  log("build failed: dist/ removed");
  process.exit(result.status ?? 1);
}
setDocumentLanguage(dist, "en");
