// The schema: which column is the customer ID, which is the churn flag and which value of it means "left",
// and for every other column its kind (numeric or category), valid values and meaning. Every stage reads
// this one object (it travels on the table, see table.ts): validation, profiling, encoding, the statistics,
// segments, personas and the pages. It comes from a built-in preset when the file has the preset's columns
// (presets/), else from inference over the file (infer-schema.ts), with the user's settings on top.

export type ColumnKind = "id" | "target" | "numeric" | "category";

interface BaseColumn {
  readonly name: string;
  /** Plain-language meaning, used when the input has no data dictionary. */
  readonly description: string;
}

export interface IdColumn extends BaseColumn {
  readonly kind: "id";
  /** The file has no ID column: each row is named by its line number. */
  readonly synthetic?: boolean;
}

export interface TargetColumn extends BaseColumn {
  readonly kind: "target";
  /** The value that means the customer left, and the one that means they stayed, as written in the file. */
  readonly positive: string;
  readonly negative: string;
}

/**
 * How numbers are written. "plain": 1234.5; "thousands-comma": 1,234.5; "decimal-comma": 1.234,5 or 1234,5.
 * `affixes`: a currency sign before or a percent sign after the number is allowed and ignored.
 */
export interface NumberFormat {
  readonly style: "plain" | "thousands-comma" | "decimal-comma";
  readonly affixes: boolean;
}

export interface NumericColumn extends BaseColumn {
  readonly kind: "numeric";
  /** Smallest and largest valid value (inclusive), null when unbounded. Outside the range a value is an input error. */
  readonly min: number | null;
  readonly max: number | null;
  /** Whole numbers only (counts, scores, tiers). */
  readonly integer: boolean;
  /** Blank cells allowed (imputed later). */
  readonly nullable: boolean;
  readonly unit?: string;
  /** Absent means plain decimal notation. */
  readonly format?: NumberFormat;
  /** A blank here means something (no purchase last year): the encoder adds this 0/1 feature before filling it. */
  readonly missingFlag?: string;
}

export interface CategoryColumn extends BaseColumn {
  readonly kind: "category";
  /** Canonical values, in display order. */
  readonly values: readonly string[];
  /** Known variant spelling -> canonical value. */
  readonly variants: Readonly<Record<string, string>>;
  readonly nullable: boolean;
}

export type ColumnSpec = IdColumn | TargetColumn | NumericColumn | CategoryColumn;
export type FeatureColumn = NumericColumn | CategoryColumn;

export type RoleName = "recency" | "frequency" | "monetary";
export const ROLE_NAMES: readonly RoleName[] = ["recency", "frequency", "monetary"];

/**
 * A claim to test against churn. A numeric claim compares the column's mean between customers who churned
 * and who stayed; a claim with a `level` compares the churn rate of customers at that level with the rest.
 */
export interface ClaimSpec {
  readonly id: string;
  readonly name: string;
  readonly claim: string;
  readonly column: string;
  /** "higher": churners have more of it (or the level churns more); "lower": less. */
  readonly direction: "higher" | "lower";
  readonly level?: string;
  /** Wording: the quantity ("satisfaction score"), comparatives for more and less, digits and unit of a mean. */
  readonly noun?: string;
  readonly more?: string;
  readonly less?: string;
  readonly digits?: number;
  readonly unit?: string;
  /** Wording for a level claim: the customers at the level, the rest, and what the effect compares. */
  readonly who?: string;
  readonly others?: string;
  readonly comparison?: string;
}

/** How a schema decision was made, for the Data page and the CLI log. */
export interface SchemaDecision {
  readonly column: string;
  readonly decision: string;
  readonly why: string;
}

export interface Schema {
  /** The preset's id ("kaggle-ecommerce"), or null for a schema inferred from the file. */
  readonly preset: string | null;
  /** ID first, then the target, then the features in file (or preset) order. */
  readonly columns: readonly ColumnSpec[];
  /** Columns in the file the models do not use, with the reason (free text, constant, dropped, a leak, …). */
  readonly ignored: readonly { readonly name: string; readonly reason: string }[];
  /** Cell texts read as blank besides empty and whitespace-only cells (lower case). */
  readonly blankTokens: readonly string[];
  /** Columns that play the segments' recency, frequency and monetary roles. */
  readonly roles: Readonly<Partial<Record<RoleName, string>>>;
  /** The claims the Hypotheses page tests: the preset's, the config's, or null (strongest associations). */
  readonly hypotheses: readonly ClaimSpec[] | null;
  /** Columns the leak screen flagged that the config keeps in the models anyway. */
  readonly keepLeaks: readonly string[];
  readonly decisions: readonly SchemaDecision[];
  /** How the segments speak of each role's column (the preset's "cashback"), and a note on the monetary one. */
  readonly roleWords?: Readonly<Partial<Record<RoleName, RoleWords>>>;
  readonly monetaryNote?: string;
}

/** Words for a segment axis: its low, mid and high levels, less and more of it, and what it counts. */
export interface RoleWords {
  readonly low: string;
  readonly mid: string;
  readonly high: string;
  readonly less: string;
  readonly more: string;
  readonly counting: string;
}

export function idColumn(schema: Schema): IdColumn {
  const spec = schema.columns.find((c): c is IdColumn => c.kind === "id");
  if (!spec) throw new Error("schema has no ID column");
  return spec;
}

export function targetColumn(schema: Schema): TargetColumn {
  const spec = schema.columns.find((c): c is TargetColumn => c.kind === "target");
  if (!spec) throw new Error("schema has no target column");
  return spec;
}

export function featureColumns(schema: Schema): readonly FeatureColumn[] {
  return schema.columns.filter((c): c is FeatureColumn => c.kind === "numeric" || c.kind === "category");
}

export function findColumn(schema: Schema, name: string): ColumnSpec | undefined {
  return schema.columns.find((c) => c.name === name);
}

/** A schema with some feature columns moved to `ignored` (a leak, a column the config drops). */
export function withoutColumns(schema: Schema, drop: readonly { name: string; reason: string }[]): Schema {
  const names = new Set(drop.map((d) => d.name));
  return {
    ...schema,
    columns: schema.columns.filter((c) => !names.has(c.name) || c.kind === "id" || c.kind === "target"),
    ignored: [...schema.ignored, ...drop.filter((d) => schema.columns.some((c) => c.name === d.name))],
  };
}

// The Kaggle preset's names, for modules not yet reading the schema from the table.
export {
  KAGGLE_ECOMMERCE as PRESET_SCHEMA,
  KAGGLE_COLUMNS as SCHEMA,
  KAGGLE_FEATURES as FEATURE_COLUMNS,
  KAGGLE_ID as ID_COLUMN,
  KAGGLE_TARGET as TARGET_COLUMN,
  kaggleColumn as columnSpec,
} from "./presets/kaggle-ecommerce.js";
