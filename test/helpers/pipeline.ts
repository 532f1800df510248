// Runs the pipeline command as a user would (`npm run pipeline -- …` is `tsx pipeline/cli.ts …`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../pipeline/settings.js";

export interface CliRun {
  readonly status: number | null;
  readonly stderr: string;
  readonly outDir: string;
  readonly files: string[];
}

export function runPipelineCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  outDir = mkdtempSync(join(tmpdir(), "churn-pipeline-")),
): CliRun {
  const result = spawnSync(
    join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
    [join(PROJECT_ROOT, "pipeline", "cli.ts"), "--out", outDir, ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf-8",
      env: {
        ...process.env,
        CHURN_DATA: "",
        CHURN_BASELINE: "",
        CHURN_TARGET: "",
        CHURN_POSITIVE: "",
        CHURN_ID: "",
        CHURN_CONFIG: "",
        GEMINI_API_KEY: "",
        ...env,
      },
      timeout: 10 * 60 * 1000,
    },
  );
  return { status: result.status, stderr: result.stderr, outDir, files: readdirSync(outDir).sort() };
}

/** Any of the project's commands (a .ts file run with tsx, as npm run does), from the project root. */
export function runTsx(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf-8",
    env: { ...process.env, CHURN_DATA: "", GEMINI_API_KEY: "" },
    timeout: 10 * 60 * 1000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function readJson<T>(dir: string, name: string): T {
  return JSON.parse(readFileSync(join(dir, name), "utf-8")) as T;
}

export const SHARED = join(PROJECT_ROOT, "..", "shared");
