// What a pipeline run depends on besides code: the input file and the knobs a team may turn. Read from the
// environment (Framework loaders) or the command line (pipeline/cli.ts), in one place.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSchemaConfig, type SchemaSettings } from "../src/lib/data/schema-config.js";
import { GEMINI_DEFAULT_MODEL } from "../src/lib/personas/gemini-live.js";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DEMO_DATA_PATH = join(PROJECT_ROOT, "data", "demo-churn.csv");

export interface PipelineSettings {
  /** Absolute path of the input file (CSV or XLSX). */
  readonly dataPath: string;
  /** True when dataPath is the embedded synthetic demo data. */
  readonly demo: boolean;
  /** Optional JSON array of customer IDs to use as the test set. */
  readonly testIdsPath: string | null;
  readonly seed: number;
  /** Number of customer segments. */
  readonly k: number;
  /** What overrides the schema inference: target, positive value, ID column, the config file's settings. */
  readonly schema: SchemaSettings;
  /** A previous run's artifacts (a pipeline output folder or a published site) to compare with; null: none. */
  readonly baselineDir: string | null;
  /** The workbook sheet to read (--sheet, CHURN_SHEET) and which of the two named it; null: chosen by contents. */
  readonly sheet?: { readonly name: string; readonly source: string } | null;
  readonly gemini: {
    readonly apiKey: string | null;
    readonly model: string;
    readonly baseUrl: string | null;
  };
}

export const DEFAULT_SEED = 42;
export const DEFAULT_K = 6;

export class SettingsError extends Error {}

function parseInteger(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(`${name} must be a whole number from ${min} to ${max}; got "${text}"`);
  }
  return value;
}

export interface SettingsInput {
  data?: string;
  testIds?: string;
  seed?: string;
  k?: string;
  target?: string;
  positive?: string;
  id?: string;
  config?: string;
  baseline?: string;
  sheet?: string;
}

/** Settings from explicit options first, then CHURN_* / GEMINI_* environment variables, then defaults. */
export function resolveSettings(options: SettingsInput = {}, env: NodeJS.ProcessEnv = process.env): PipelineSettings {
  const dataOption = options.data ?? (env.CHURN_DATA || undefined);
  const dataPath = dataOption ? resolve(dataOption) : DEMO_DATA_PATH;
  if (!existsSync(dataPath)) {
    throw new SettingsError(
      dataOption
        ? `input file not found: ${dataPath} (from ${options.data ? "--data" : "CHURN_DATA"})`
        : `demo data missing: ${dataPath}; run npm run demo-data`,
    );
  }
  const testIdsOption = options.testIds ?? (env.CHURN_TEST_IDS || undefined);
  const testIdsPath = testIdsOption ? resolve(testIdsOption) : null;
  if (testIdsPath && !existsSync(testIdsPath)) throw new SettingsError(`test-ids file not found: ${testIdsPath}`);
  const baselineOption = options.baseline ?? (env.CHURN_BASELINE || undefined);
  const baselineDir = baselineOption ? resolve(baselineOption) : null;
  if (baselineDir && !existsSync(baselineDir)) {
    throw new SettingsError(
      `baseline folder not found: ${baselineDir} (from ${options.baseline ? "--baseline" : "CHURN_BASELINE"})`,
    );
  }
  const sheetName = options.sheet || env.CHURN_SHEET || undefined;
  const sheet = sheetName ? { name: sheetName, source: options.sheet ? "--sheet" : "CHURN_SHEET" } : null;
  const seedText = options.seed ?? env.CHURN_SEED;
  const schema = schemaSettings(options, env);
  const kText = options.k ?? env.CHURN_K;
  return {
    dataPath,
    demo: dataPath === DEMO_DATA_PATH,
    testIdsPath,
    seed: seedText ? parseInteger("seed", seedText, 0, 2 ** 31 - 1) : DEFAULT_SEED,
    k: kText ? parseInteger("k", kText, 2, 12) : DEFAULT_K,
    schema,
    baselineDir,
    sheet,
    gemini: {
      apiKey: env.GEMINI_API_KEY || null,
      model: env.GEMINI_MODEL || GEMINI_DEFAULT_MODEL,
      baseUrl: env.GEMINI_BASE_URL || null,
    },
  };
}

/** --target/--positive/--id/--config, else CHURN_TARGET/CHURN_POSITIVE/CHURN_ID/CHURN_CONFIG; the config file read here. */
function schemaSettings(options: SettingsInput, env: NodeJS.ProcessEnv): SchemaSettings {
  const sources: Partial<Record<"target" | "positive" | "id", string>> = {};
  const pick = (key: "target" | "positive" | "id", flag: string, variable: string): string | undefined => {
    const fromFlag = options[key];
    if (fromFlag !== undefined && fromFlag !== "") {
      sources[key] = flag;
      return fromFlag;
    }
    const fromEnv = env[variable];
    if (fromEnv) {
      sources[key] = variable;
      return fromEnv;
    }
    return undefined;
  };
  const target = pick("target", "--target", "CHURN_TARGET");
  const positive = pick("positive", "--positive", "CHURN_POSITIVE");
  const id = pick("id", "--id", "CHURN_ID");
  const configOption = options.config ?? (env.CHURN_CONFIG || undefined);
  let config: SchemaSettings["config"];
  let configFile: string | undefined;
  if (configOption) {
    const path = resolve(configOption);
    if (!existsSync(path)) {
      throw new SettingsError(`config file not found: ${path} (from ${options.config ? "--config" : "CHURN_CONFIG"})`);
    }
    configFile = path;
    config = parseSchemaConfig(readFileSync(path, "utf-8"), path);
    for (const key of ["target", "positive", "id"] as const)
      if (config[key] !== undefined && !sources[key]) sources[key] = path;
  }
  return {
    ...(target !== undefined ? { target } : {}),
    ...(positive !== undefined ? { positive } : {}),
    ...(id !== undefined ? { id } : {}),
    sources,
    ...(config ? { config, configFile } : {}),
  };
}
