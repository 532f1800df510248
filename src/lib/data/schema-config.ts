// The user's schema settings: --target/--positive/--id on the command line (or CHURN_* variables) and a
// JSON config file for the rest. This module checks the config's shape and names what is wrong with it
// (setting and file); whether its columns exist is checked against the data (infer-schema.ts).
import { InputError } from "./errors.js";
import { ROLE_NAMES, type RoleName } from "./schema.js";

export type ConfiguredKind = "numeric" | "category" | "ignore";

export interface ColumnConfig {
  readonly kind?: ConfiguredKind;
  readonly description?: string;
}

export interface HypothesisConfig {
  readonly column: string;
  /** "higher": churners have more of it (or, with `level`, that level churns more); "lower": less. */
  readonly direction: "higher" | "lower";
  readonly level?: string;
  readonly claim?: string;
  readonly name?: string;
}

export interface SchemaConfig {
  readonly target?: string;
  readonly positive?: string;
  readonly id?: string;
  /** Cell texts that mean blank, replacing the default list. */
  readonly blank?: readonly string[];
  readonly columns?: Readonly<Record<string, ColumnConfig>>;
  readonly drop?: readonly string[];
  /** Column -> { spelling: canonical value }. */
  readonly merge?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly hypotheses?: readonly HypothesisConfig[];
  readonly roles?: Readonly<Partial<Record<RoleName, string>>>;
  /** Columns the leak screen may flag that stay in the models. */
  readonly keepLeaks?: readonly string[];
}

/** What overrides the inference, with where each setting came from for messages. */
export interface SchemaSettings {
  readonly target?: string;
  readonly positive?: string;
  readonly id?: string;
  /** Where target/positive/id came from ("--target", "CHURN_TARGET", the config file). */
  readonly sources?: Readonly<Partial<Record<"target" | "positive" | "id", string>>>;
  readonly config?: SchemaConfig;
  /** The config file's name, for messages. */
  readonly configFile?: string;
}

const KEYS = ["target", "positive", "id", "blank", "columns", "drop", "merge", "hypotheses", "roles", "keepLeaks"];
const KINDS: readonly ConfiguredKind[] = ["numeric", "category", "ignore"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Parses and shape-checks a config file's text. Throws InputError naming the file and the setting. */
export function parseSchemaConfig(text: string, file: string): SchemaConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw InputError.fileProblem(file, `is not valid JSON: ${(error as Error).message}`);
  }
  const fail = (setting: string, problem: string): never => {
    throw InputError.fileProblem(file, `setting "${setting}" ${problem}`);
  };
  if (!isObject(parsed)) return fail("(top level)", "must be a JSON object like {\"target\": \"Churn\"}");
  for (const key of Object.keys(parsed)) {
    if (!KEYS.includes(key)) fail(key, `is not a known setting (known: ${KEYS.join(", ")})`);
  }
  for (const key of ["target", "positive", "id"] as const) {
    if (parsed[key] !== undefined && (typeof parsed[key] !== "string" || parsed[key] === "")) {
      fail(key, "must be a column name or value as text");
    }
  }
  for (const key of ["blank", "drop", "keepLeaks"] as const) {
    if (parsed[key] !== undefined && !isStringArray(parsed[key])) fail(key, "must be a list of texts");
  }
  if (parsed.columns !== undefined) {
    if (!isObject(parsed.columns)) fail("columns", "must be an object: column name -> {kind, description}");
    for (const [name, value] of Object.entries(parsed.columns as Record<string, unknown>)) {
      if (!isObject(value)) fail(`columns.${name}`, "must be an object like {\"kind\": \"category\"}");
      const column = value as Record<string, unknown>;
      for (const k of Object.keys(column)) {
        if (k !== "kind" && k !== "description") fail(`columns.${name}.${k}`, "is not a known setting (kind, description)");
      }
      if (column.kind !== undefined && !KINDS.includes(column.kind as ConfiguredKind)) {
        fail(`columns.${name}.kind`, `must be one of ${KINDS.join(", ")}; got ${JSON.stringify(column.kind)}`);
      }
      if (column.description !== undefined && typeof column.description !== "string") {
        fail(`columns.${name}.description`, "must be text");
      }
    }
  }
  if (parsed.merge !== undefined) {
    if (!isObject(parsed.merge)) fail("merge", "must be an object: column -> {spelling: value}");
    for (const [name, value] of Object.entries(parsed.merge as Record<string, unknown>)) {
      if (!isObject(value) || !Object.values(value).every((v) => typeof v === "string")) {
        fail(`merge.${name}`, "must be an object of spelling -> value, like {\"Prem\": \"Premium\"}");
      }
    }
  }
  if (parsed.roles !== undefined) {
    if (!isObject(parsed.roles)) fail("roles", `must be an object with ${ROLE_NAMES.join(", ")}`);
    for (const [role, value] of Object.entries(parsed.roles as Record<string, unknown>)) {
      if (!ROLE_NAMES.includes(role as RoleName)) fail(`roles.${role}`, `is not a role (${ROLE_NAMES.join(", ")})`);
      if (typeof value !== "string") fail(`roles.${role}`, "must be a column name");
    }
  }
  if (parsed.hypotheses !== undefined) {
    if (!Array.isArray(parsed.hypotheses)) fail("hypotheses", "must be a list of {column, direction, claim}");
    (parsed.hypotheses as unknown[]).forEach((h, i) => {
      const where = `hypotheses[${i}]`;
      if (!isObject(h)) return fail(where, "must be an object like {\"column\": \"Visits\", \"direction\": \"lower\"}");
      if (typeof h.column !== "string") fail(`${where}.column`, "must be a column name");
      if (h.direction !== "higher" && h.direction !== "lower") fail(`${where}.direction`, 'must be "higher" or "lower"');
      for (const k of ["level", "claim", "name"]) {
        if (h[k] !== undefined && typeof h[k] !== "string") fail(`${where}.${k}`, "must be text");
      }
    });
  }
  return parsed as SchemaConfig;
}
