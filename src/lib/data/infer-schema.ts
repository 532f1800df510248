// Which schema a file is read with, and why. A file with every column of a built-in preset gets the preset
// (its ranges, spellings and hypotheses); any other file gets a schema inferred from its cells: the churn
// column and its "left" value, the ID column, each other column's kind, the blank tokens and number formats.
// Settings (--target, --positive, --id, the config file) override the inference; a setting that names a
// column the file lacks, or that does not fit it, is an error naming the setting, the column and the file.
// Browser-safe and pure: the same function reads the file at build time and could read an upload.
import { InputError } from "./errors.js";
import { detectNumberFormat, parseFormatted } from "./numbers.js";
import { KAGGLE_ECOMMERCE } from "./presets/kaggle-ecommerce.js";
import type { RawTable } from "./raw.js";
import type { ConfiguredKind, SchemaConfig, SchemaSettings } from "./schema-config.js";
import {
  ROLE_NAMES,
  type CategoryColumn,
  type ClaimSpec,
  type ColumnSpec,
  type FeatureColumn,
  type IdColumn,
  type NumberFormat,
  type Schema,
  type SchemaDecision,
  type TargetColumn,
} from "./schema.js";
import { looseName, targetReader } from "./validate.js";

export const PRESETS: readonly Schema[] = [KAGGLE_ECOMMERCE];

/** Read as blank in an inferred schema (besides empty cells); a config's `blank` list replaces it. */
export const DEFAULT_BLANK_TOKENS = ["na", "n/a", "#n/a", "nan", "null", "-", "?", "missing"];
/** More distinct values than this and a text column is free text, not a category. */
export const MAX_CATEGORY_LEVELS = 30;

const TARGET_NAMES = new Set([
  "churn", "churned", "churnflag", "churnstatus", "churnlabel", "ischurn", "ischurned", "haschurned",
  "exited", "exit", "attrition", "attrited", "attritionflag", "left", "hasleft", "cancelled", "canceled",
  "이탈", "이탈여부", "해지", "해지여부",
]);
const TARGET_WORDS = /churn|attrit|exited|이탈|해지/i;
const POSITIVE_VALUES = new Set([
  "1", "yes", "y", "true", "t", "churned", "churn", "exited", "left", "attrited", "attrited customer",
  "cancelled", "canceled", "lost", "예", "네", "이탈", "해지", "o",
]);
const NEGATIVE_VALUES = new Set([
  "0", "no", "n", "false", "f", "stayed", "retained", "active", "existing", "existing customer", "current",
  "아니오", "아니요", "유지", "x",
]);
const ID_NAMES = new Set([
  "id", "customerid", "custid", "clientid", "userid", "accountid", "memberid", "customerno", "customernumber",
  "customercode", "customerkey", "고객번호", "고객id", "회원번호", "회원id", "고객코드",
]);
const ID_LIKE_NAME = /(?:^|[\s_-])id$|[a-z]I[Dd]$|번호$|(?:^|[\s_-])(?:no|number|code|key)$/;
const DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+Z?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}[/.]\d{1,2}[/.]\d{1,2})$/;

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

interface RawColumn {
  readonly name: string;
  /** Non-blank trimmed cells. */
  readonly cells: readonly string[];
  readonly blanks: number;
}

/** Header names as validation will see them (unnamed and repeated columns get distinct labels). */
/** A column name that says churn: one of the usual names, or a name with churn, attrition, exited in it. */
export function looksLikeChurnName(name: string): boolean {
  return TARGET_NAMES.has(looseName(name)) || TARGET_WORDS.test(name);
}

function columnNames(raw: RawTable): string[] {
  const seen = new Set<string>();
  return raw.header.map((name, index) => {
    let label = name === "" ? `(column ${index + 1})` : name;
    if (seen.has(label)) label = `${label} (column ${index + 1})`;
    seen.add(label);
    return label;
  });
}

/** The preset whose every column the file has (by name, ignoring case and spacing), if any. */
export function matchPreset(raw: RawTable): Schema | null {
  const names = new Set(raw.header.map((h) => looseName(h.trim())));
  return PRESETS.find((p) => p.columns.every((c) => names.has(looseName(c.name)))) ?? null;
}

/** The schema to read `raw` with: a preset, or inferred; settings applied. Throws InputError on a bad setting. */
export function inferSchema(raw: RawTable, settings: SchemaSettings = {}): Schema {
  const config: SchemaConfig = settings.config ?? {};
  const target = settings.target ?? config.target;
  const id = settings.id ?? config.id;
  const positive = settings.positive ?? config.positive;
  const preset = matchPreset(raw);
  const fits = (name: string | undefined, kind: "id" | "target") =>
    name === undefined || preset?.columns.some((c) => c.kind === kind && looseName(c.name) === looseName(name));
  const presetPositive = preset?.columns.find((c): c is TargetColumn => c.kind === "target")?.positive;
  const configKinds = Object.values(config.columns ?? {}).some((c) => c.kind !== undefined && c.kind !== "ignore");
  if (preset && fits(target, "target") && fits(id, "id") && (positive === undefined || positive === presetPositive) && !configKinds && !config.blank) {
    const note: SchemaDecision = {
      column: "(all)",
      decision: `preset ${preset.preset}`,
      why: "the file has every column of this built-in preset",
    };
    return applyConfig({ ...preset, decisions: [note] }, raw, settings);
  }
  return applyConfig(inferFromCells(raw, { ...settings, target, id, positive }), raw, settings);
}

function readColumns(raw: RawTable, blankTokens: ReadonlySet<string>): RawColumn[] {
  return columnNames(raw).map((name, j) => {
    const cells: string[] = [];
    let blanks = 0;
    for (const row of raw.rows) {
      const text = (row[j] ?? "").trim();
      if (text === "" || blankTokens.has(text.toLowerCase())) blanks++;
      else cells.push(text);
    }
    return { name, cells, blanks };
  });
}

function settingError(raw: RawTable, settings: SchemaSettings, setting: string, problem: string): InputError {
  const from = settings.sources?.[setting as "target" | "positive" | "id"] ?? settings.configFile ?? "settings";
  const has = raw.header.length > 12 ? `${raw.header.slice(0, 12).join(", ")}, …` : raw.header.join(", ");
  return InputError.fileProblem(raw.file, `${setting} (from ${from}) ${problem} (its columns: ${has})`);
}

function findNamed(columns: readonly RawColumn[], name: string): RawColumn | undefined {
  return columns.find((c) => c.name === name) ?? columns.find((c) => looseName(c.name) === looseName(name));
}

/** Distinct values by spelling-insensitive key: the most common spelling stands for each, most common first. */
function levelsOf(cells: readonly string[]): { value: string; count: number }[] {
  const byKey = new Map<string, Map<string, number>>();
  for (const cell of cells) {
    const key = squash(cell);
    let spellings = byKey.get(key);
    if (!spellings) byKey.set(key, (spellings = new Map()));
    spellings.set(cell, (spellings.get(cell) ?? 0) + 1);
  }
  const levels = [...byKey.values()].map((spellings) => {
    const sorted = [...spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { value: sorted[0][0], count: sorted.reduce((s, [, c]) => s + c, 0) };
  });
  return levels.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

function chooseTarget(raw: RawTable, columns: readonly RawColumn[], settings: SchemaSettings): { column: RawColumn; why: string } {
  if (settings.target !== undefined) {
    const column = findNamed(columns, settings.target);
    if (!column) throw settingError(raw, settings, "target", `names column "${settings.target}", which the file lacks`);
    return { column, why: `set by ${settings.sources?.target ?? settings.configFile ?? "the settings"}` };
  }
  const twoValued = columns.filter((c) => levelsOf(c.cells).length === 2);
  const exact = twoValued.filter((c) => TARGET_NAMES.has(looseName(c.name)));
  const worded = twoValued.filter((c) => TARGET_WORDS.test(c.name));
  const pick = exact.length === 1 ? exact[0] : exact.length === 0 && worded.length === 1 ? worded[0] : null;
  if (pick) {
    return {
      column: pick,
      why: exact.length === 1 ? "named like a churn flag and has two values" : "the only two-valued column whose name says churn",
    };
  }
  const candidates = exact.length > 1 ? exact : worded;
  throw InputError.fileProblem(
    raw.file,
    candidates.length > 1
      ? `has several columns that could be the churn flag (${candidates.map((c) => c.name).join(", ")}): name one with --target COL (or CHURN_TARGET)`
      : `has no column that is clearly the churn flag (a two-valued column named like churn, exited, attrition or left): name it with --target COL (or CHURN_TARGET); its columns: ${raw.header.join(", ")}`,
  );
}

function choosePositive(raw: RawTable, column: RawColumn, settings: SchemaSettings): { target: TargetColumn; why: string } {
  const levels = levelsOf(column.cells);
  if (levels.length !== 2) {
    const shown = levels.slice(0, 6).map((l) => JSON.stringify(l.value)).join(", ");
    throw settingError(raw, settings, "target", `column "${column.name}" must have two values (left / stayed); it has ${levels.length}: ${shown}`);
  }
  const [a, b] = levels.map((l) => l.value);
  const make = (positive: string, negative: string): TargetColumn => ({
    name: column.name,
    kind: "target",
    positive,
    negative,
    description: `Churn flag: ${positive} if the customer left, ${negative} if they stayed`,
  });
  if (settings.positive !== undefined) {
    const p = squash(settings.positive);
    if (squash(a) === p) return { target: make(a, b), why: `set by ${settings.sources?.positive ?? settings.configFile ?? "the settings"}` };
    if (squash(b) === p) return { target: make(b, a), why: `set by ${settings.sources?.positive ?? settings.configFile ?? "the settings"}` };
    throw settingError(raw, settings, "positive", `is "${settings.positive}", but "${column.name}" has only ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  }
  const isPos = (v: string) => POSITIVE_VALUES.has(squash(v)) || (/^[+-]?\d/.test(v) && Number(v) === 1);
  const isNeg = (v: string) => NEGATIVE_VALUES.has(squash(v)) || (/^[+-]?\d/.test(v) && Number(v) === 0);
  if (isPos(a) !== isPos(b)) return isPos(a) ? { target: make(a, b), why: `"${a}" reads as left` } : { target: make(b, a), why: `"${b}" reads as left` };
  if (isNeg(a) !== isNeg(b)) return isNeg(a) ? { target: make(b, a), why: `"${a}" reads as stayed` } : { target: make(a, b), why: `"${b}" reads as stayed` };
  throw InputError.fileProblem(
    raw.file,
    `cannot tell which value of "${column.name}" means the customer left (${JSON.stringify(a)} or ${JSON.stringify(b)}): set it with --positive VALUE (or CHURN_POSITIVE)`,
  );
}

function chooseId(raw: RawTable, columns: readonly RawColumn[], settings: SchemaSettings, taken: string): { spec: IdColumn; why: string } {
  if (settings.id !== undefined) {
    const column = findNamed(columns, settings.id);
    if (!column) throw settingError(raw, settings, "id", `names column "${settings.id}", which the file lacks`);
    if (column.name === taken) throw settingError(raw, settings, "id", `names "${column.name}", which is the churn column`);
    return { spec: { name: column.name, kind: "id", description: "Customer ID" }, why: `set by ${settings.sources?.id ?? settings.configFile ?? "the settings"}` };
  }
  const rest = columns.filter((c) => c.name !== taken);
  const unique = (c: RawColumn) => c.blanks === 0 && new Set(c.cells).size === c.cells.length && c.cells.length > 0;
  const strong = rest.find((c) => ID_NAMES.has(looseName(c.name)));
  // A column named as the customer ID is the ID even with repeats: validation then says which rows repeat.
  if (strong) return { spec: { name: strong.name, kind: "id", description: "Customer ID" }, why: "named like a customer ID" };
  const weak = rest.find((c) => ID_LIKE_NAME.test(c.name) && unique(c));
  if (weak) return { spec: { name: weak.name, kind: "id", description: "Customer ID" }, why: "ID-like name, a different value on every row" };
  const first = rest[0];
  if (first && unique(first) && first === columns[0] && first.cells.every((c) => /\d/.test(c) && !/\s/.test(c))) {
    return { spec: { name: first.name, kind: "id", description: "Customer ID" }, why: "the first column, a different code on every row" };
  }
  return {
    spec: { name: "row", kind: "id", synthetic: true, description: "Line number in the file (the file has no ID column)" },
    why: "no column is a customer ID (unique, ID-like), so customers are named by their line in the file",
  };
}

type Classified = { spec: FeatureColumn; why: string } | { ignore: string };

function classify(column: RawColumn, kind: ConfiguredKind | undefined, nRows: number, description: string): Classified {
  const { name, cells } = column;
  const levels = levelsOf(cells);
  const format: NumberFormat | null = kind === "category" ? null : detectNumberFormat(cells);
  if (kind === "numeric" && !format) {
    return { ignore: `configured numeric, but not every cell is a number (e.g. ${JSON.stringify(cells.find((c) => Number.isNaN(parseFormatted(c, { style: "plain", affixes: true }))))})` };
  }
  if (kind !== "numeric" && kind !== "category") {
    if (cells.length === 0) return { ignore: "every cell is blank" };
    if (levels.length === 1) return { ignore: `constant: every non-blank cell is ${JSON.stringify(levels[0].value)}` };
  }
  if (format) {
    const values = cells.map((c) => parseFormatted(c, format));
    const integer = values.every(Number.isInteger);
    if (kind === undefined && integer && ID_LIKE_NAME.test(name) && new Set(values).size === values.length) {
      return { ignore: "ID-like: an ID-like name and a different whole number on every row" };
    }
    const styleNote = format.style === "plain" ? "" : `, written ${format.style}`;
    const affixNote = format.affixes ? " with currency or percent signs" : "";
    return {
      spec: {
        name,
        kind: "numeric",
        min: null,
        max: null,
        integer,
        nullable: true,
        description,
        ...(format.style !== "plain" || format.affixes ? { format } : {}),
      },
      why: kind === "numeric" ? "configured numeric" : `every non-blank cell is a number${styleNote}${affixNote}`,
    };
  }
  if (kind === undefined && cells.every((c) => DATE.test(c))) {
    return { ignore: "dates: not used as a feature (turn them into a number, such as days since, to use them)" };
  }
  const asCategory = kind === "category" || (levels.length <= MAX_CATEGORY_LEVELS && levels.length <= Math.max(2, cells.length / 2));
  if (!asCategory) {
    if (levels.length === cells.length && cells.length === nRows) return { ignore: "ID-like: a different value on every row" };
    return { ignore: `free text: ${levels.length} distinct values (a category needs at most ${MAX_CATEGORY_LEVELS})` };
  }
  const spec: CategoryColumn = { name, kind: "category", values: levels.map((l) => l.value), variants: {}, nullable: true, description };
  return { spec, why: kind === "category" ? "configured category" : `text with ${levels.length} distinct values` };
}

function inferFromCells(raw: RawTable, settings: SchemaSettings): Schema {
  const config = settings.config ?? {};
  const blankTokens = (config.blank ?? DEFAULT_BLANK_TOKENS).map((t) => t.trim().toLowerCase()).filter((t) => t !== "");
  const columns = readColumns(raw, new Set(blankTokens));
  const decisions: SchemaDecision[] = [];
  const matched = matchPreset(raw);
  if (matched) {
    decisions.push({ column: "(all)", decision: "inferred", why: `the file has the columns of preset ${matched.preset}, but the settings change its target, ID or kinds` });
  }
  const { column: targetRaw, why: targetWhy } = chooseTarget(raw, columns, settings);
  const { target, why: positiveWhy } = choosePositive(raw, targetRaw, settings);
  decisions.push({ column: target.name, decision: "target", why: targetWhy });
  decisions.push({ column: target.name, decision: `"${target.positive}" means left, "${target.negative}" stayed`, why: positiveWhy });
  const { spec: id, why: idWhy } = chooseId(raw, columns, settings, target.name);
  decisions.push({ column: id.name, decision: "ID", why: idWhy });

  const configured = config.columns ?? {};
  const drop = new Set(config.drop ?? []);
  const features: FeatureColumn[] = [];
  const ignored: { name: string; reason: string }[] = [];
  for (const column of columns) {
    if (column.name === target.name || column.name === id.name) continue;
    const entry = Object.entries(configured).find(([n]) => looseName(n) === looseName(column.name))?.[1];
    if (drop.has(column.name) || entry?.kind === "ignore") {
      ignored.push({ name: column.name, reason: `dropped by ${settings.configFile ?? "the config"}` });
      continue;
    }
    const result = classify(column, entry?.kind, raw.rows.length, entry?.description ?? "");
    if ("ignore" in result) {
      ignored.push({ name: column.name, reason: result.ignore });
      decisions.push({ column: column.name, decision: "ignored", why: result.ignore });
    } else {
      features.push(result.spec);
      decisions.push({ column: column.name, decision: result.spec.kind, why: result.why });
    }
  }
  const seenTokens = blankTokens.filter((t) => raw.rows.some((row) => row.some((c) => c.trim().toLowerCase() === t)));
  decisions.push({
    column: "(all)",
    decision: "blanks",
    why: `empty and whitespace-only cells${seenTokens.length > 0 ? ` and ${seenTokens.map((t) => JSON.stringify(t)).join(", ")}` : ""} read as blank`,
  });
  return {
    preset: null,
    columns: [{ ...id, description: configured[id.name]?.description ?? id.description }, target, ...features],
    ignored,
    blankTokens,
    roles: {},
    hypotheses: null,
    keepLeaks: [],
    decisions,
  };
}

/** The config's descriptions, drops, merges, hypotheses, roles and kept leaks, checked against the file. */
function applyConfig(schema: Schema, raw: RawTable, settings: SchemaSettings): Schema {
  const config = settings.config;
  if (!config) return schema;
  const file = settings.configFile ?? "the config";
  const header = columnNames(raw);
  const fail = (setting: string, problem: string) =>
    InputError.fileProblem(file, `setting "${setting}" ${problem} (data file ${raw.file}; its columns: ${header.join(", ")})`);
  const known = (setting: string, name: string): string => {
    const hit = header.find((h) => h === name) ?? header.find((h) => looseName(h) === looseName(name));
    if (!hit) throw fail(setting, `names column "${name}", which the data file lacks`);
    const spec = schema.columns.find((c) => looseName(c.name) === looseName(hit));
    return spec?.name ?? hit;
  };
  for (const name of Object.keys(config.columns ?? {})) known(`columns.${name}`, name);
  for (const name of config.drop ?? []) known("drop", name);
  const specOf = (name: string) => schema.columns.find((c) => c.name === name);

  let columns: ColumnSpec[] = [...schema.columns];
  const ignored = [...schema.ignored];
  for (const [name, entry] of Object.entries(config.columns ?? {})) {
    const column = known(`columns.${name}`, name);
    if (entry.description !== undefined) {
      columns = columns.map((c) => (c.name === column ? { ...c, description: entry.description as string } : c));
    }
  }
  const dropped = new Set<string>();
  for (const name of [...(config.drop ?? []), ...Object.entries(config.columns ?? {}).filter(([, e]) => e.kind === "ignore").map(([n]) => n)]) {
    const column = known("drop", name);
    const spec = specOf(column);
    if (spec && (spec.kind === "id" || spec.kind === "target")) throw fail("drop", `drops "${column}", which is the ${spec.kind === "id" ? "ID" : "churn"} column`);
    if (spec && !dropped.has(column)) ignored.push({ name: column, reason: `dropped by ${file}` });
    dropped.add(column);
  }
  columns = columns.filter((c) => !dropped.has(c.name));
  for (const [name, spellings] of Object.entries(config.merge ?? {})) {
    const column = known(`merge.${name}`, name);
    const spec = columns.find((c) => c.name === column);
    if (!spec || spec.kind !== "category") throw fail(`merge.${name}`, `names "${column}", which is not a category column`);
    const variants: Record<string, string> = { ...spec.variants };
    const canonical = new Set(spec.values);
    for (const [from, to] of Object.entries(spellings)) {
      if (!canonical.has(to) && !Object.keys(spellings).includes(to)) {
        throw fail(`merge.${name}.${from}`, `maps to "${to}", which is not a value of "${column}" (its values: ${spec.values.join(", ")})`);
      }
      variants[from] = to;
    }
    const merged: CategoryColumn = { ...spec, values: spec.values.filter((v) => !(v in spellings)), variants };
    columns = columns.map((c) => (c.name === column ? merged : c));
  }
  const numericColumn = (setting: string, name: string): string => {
    const column = known(setting, name);
    const spec = columns.find((c) => c.name === column);
    if (!spec) throw fail(setting, `names "${column}", which the models do not use (${ignored.find((i) => i.name === column)?.reason ?? "not a feature"})`);
    return column;
  };
  const roles: Partial<Record<(typeof ROLE_NAMES)[number], string>> = { ...schema.roles };
  for (const [role, name] of Object.entries(config.roles ?? {})) {
    const column = numericColumn(`roles.${role}`, name as string);
    const spec = columns.find((c) => c.name === column);
    if (spec?.kind !== "numeric") throw fail(`roles.${role}`, `names "${column}", which is ${spec?.kind === "category" ? "text (a category)" : `the ${spec?.kind} column`}; ${role} needs a numeric column`);
    roles[role as (typeof ROLE_NAMES)[number]] = column;
  }
  let hypotheses: readonly ClaimSpec[] | null = schema.hypotheses;
  if (config.hypotheses) {
    hypotheses = config.hypotheses.map((h, i): ClaimSpec => {
      const column = numericColumn(`hypotheses[${i}].column`, h.column);
      const spec = columns.find((c) => c.name === column) as FeatureColumn;
      if (spec.kind === "category" && h.level === undefined) {
        throw fail(`hypotheses[${i}]`, `tests "${column}", a category: say which "level" churns ${h.direction === "higher" ? "more" : "less"} (its values: ${spec.values.join(", ")})`);
      }
      if (h.level !== undefined && spec.kind === "category" && !spec.values.includes(h.level)) {
        throw fail(`hypotheses[${i}].level`, `is "${h.level}", not a value of "${column}" (its values: ${spec.values.join(", ")})`);
      }
      const claim = h.claim ?? (h.level !== undefined
        ? `Customers with ${column} ${h.level} churn ${h.direction === "higher" ? "more" : "less"}.`
        : `Customers with ${h.direction} ${column} churn more.`);
      return {
        id: `claim-${i + 1}`,
        name: h.name ?? `${column} and churn`,
        claim,
        column,
        direction: h.direction,
        ...(h.level !== undefined ? { level: h.level, who: `customers with ${column} ${h.level}`, others: "the others" } : {}),
      };
    });
  }
  const keepLeaks = (config.keepLeaks ?? []).map((name) => known("keepLeaks", name));
  return { ...schema, columns, ignored, roles, hypotheses, keepLeaks };
}

/** How the target reads a cell (re-exported for the leak screen and the pages). */
export { targetReader };
