// The data stage's cleaning and checks as SQL expressions over one row, so a warehouse row gets what the
// Score page would make of the same cells (src/lib/data/validate.ts and normalise.ts):
// - text is trimmed, and a blank (or a blank token such as "n/a", where the schema has them) is NULL;
// - a category spelling maps to its canonical value: exact spellings and known variants first, then the same
//   ignoring letter case and runs of spaces;
// - a row the Score page would leave out gets the first of its problems as text instead of a score.
// Two things SQL cannot do the same way, and the README says so: a run of spaces inside a value is folded only
// up to 16 spaces long (and tabs not at all), and a repeated ID marks every row that has it (a table has no
// line order that would tell which row came first).
import type { CategoryColumn, NumericColumn } from "../../src/lib/data/schema.js";
import { numberLiteral, quoteText, type SqlDialect } from "./sql-dialect.js";

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, " ");

/** Exact and loose spellings of one category column, built as CategoryNormaliser builds its lookups. */
export function categorySpellings(spec: CategoryColumn): { exact: Map<string, string>; loose: Map<string, string> } {
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const value of spec.values) {
    exact.set(value, value);
    loose.set(squash(value), value);
  }
  for (const [variant, canonical] of Object.entries(spec.variants)) {
    exact.set(variant, canonical);
    if (!loose.has(squash(variant))) loose.set(squash(variant), canonical);
  }
  return { exact, loose };
}

/** The trimmed text of a cell, NULL when blank or a blank token (tokens compared in lower case). */
export function textCellSql(dialect: SqlDialect, column: string, blankTokens: readonly string[]): string {
  const trimmed = `TRIM(${column})`;
  const tokens = ["", ...blankTokens.map((t) => t.toLowerCase())];
  const list = [...new Set(tokens)].map((t) => quoteText(dialect, t)).join(", ");
  return `CASE WHEN LOWER(${trimmed}) IN (${list}) THEN NULL ELSE ${trimmed} END`;
}

/** Folds runs of up to 16 spaces into one and lowers the case, as the loose lookup does. */
function squashSql(text: string): string {
  let out = text;
  for (let i = 0; i < 4; i++) out = `REPLACE(${out}, '  ', ' ')`;
  return `LOWER(${out})`;
}

/** The canonical value of a trimmed, non-blank cell (`text`), NULL when the spelling is unknown or the cell blank. */
export function canonicalCategorySql(dialect: SqlDialect, spec: CategoryColumn, text: string): string {
  const { exact, loose } = categorySpellings(spec);
  const q = (t: string) => quoteText(dialect, t);
  const exactArms = [...exact].map(([from, to]) => `WHEN ${q(from)} THEN ${q(to)}`).join(" ");
  const looseArms = [...loose].map(([from, to]) => `WHEN ${q(from)} THEN ${q(to)}`).join(" ");
  return `CASE ${text} ${exactArms} ELSE CASE ${squashSql(text)} ${looseArms} END END`;
}

/** Problem conditions of a numeric column, each with the validator's wording. `x`: the column's value. */
export function numericProblems(spec: NumericColumn, x: string): { when: string; problem: string }[] {
  const out: { when: string; problem: string }[] = [];
  if (!spec.nullable) out.push({ when: `${x} IS NULL`, problem: "is blank; this column may not have blanks" });
  if (spec.integer) out.push({ when: `${x} <> FLOOR(${x})`, problem: "is not a whole number" });
  const { min, max } = spec;
  const below = min === null ? null : `${x} < ${numberLiteral(min)}`;
  const above = max === null ? null : `${x} > ${numberLiteral(max)}`;
  const when = [below, above].filter((c) => c !== null).join(" OR ");
  if (when) out.push({ when, problem: `is out of range (${min ?? "any"} to ${max ?? "any"})` });
  return out;
}

/** Problem conditions of a category column: `text` the cleaned cell, `value` its canonical value. */
export function categoryProblems(
  spec: CategoryColumn,
  text: string,
  value: string,
): { when: string; problem: string }[] {
  const out: { when: string; problem: string }[] = [];
  if (!spec.nullable) out.push({ when: `${text} IS NULL`, problem: "is blank; this column may not have blanks" });
  out.push({ when: `${text} IS NOT NULL AND ${value} IS NULL`, problem: "is not a known value" });
  return out;
}
