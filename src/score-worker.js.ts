// Framework data loader: the scoring worker as one JavaScript file (Framework does not bundle workers).
// esbuild bundles src/worker/score-worker.ts with the project's own data, model and segment modules and
// read-excel-file's web-worker build, so the page loads its worker from the site itself, never a CDN.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("./worker/score-worker.ts", import.meta.url));
const result = await build({
  entryPoints: [entry],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  logLevel: "silent",
  legalComments: "none",
});
process.stdout.write(result.outputFiles[0].text);
