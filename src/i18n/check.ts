// The completeness check behind "the build fails if a string is missing": every key of the source table
// exists in each other table with the same kind (text, sentence function or section), and no text is empty.
// tsc already refuses a table that misses a key of the interface; this also catches the headings (typed as
// records) and tables assembled outside tsc's sight.
import { SOURCE_LANGUAGE, LANGUAGES, type Lang } from "./lang.js";
import { TABLES } from "./tables.js";

function kind(value: unknown): string {
  if (typeof value === "function") return "sentence";
  if (typeof value === "string") return "text";
  if (value !== null && typeof value === "object") return "section";
  return typeof value;
}

/** Paths ("index.guide.models") where `table` lacks or differs from `reference`, with what is wrong. */
export function missingStrings(reference: unknown, table: unknown, path = ""): string[] {
  const problems: string[] = [];
  const want = kind(reference);
  const got = kind(table);
  if (want !== got) return [`${path || "(table)"}: ${got === "undefined" ? "missing" : `a ${got}, not a ${want}`}`];
  if (want === "text" && (table as string).trim() === "") problems.push(`${path}: empty`);
  if (want === "section") {
    const ref = reference as Record<string, unknown>;
    const tab = table as Record<string, unknown>;
    for (const key of Object.keys(ref))
      problems.push(...missingStrings(ref[key], tab[key], path ? `${path}.${key}` : key));
    for (const key of Object.keys(tab)) {
      if (!(key in ref)) problems.push(`${path ? `${path}.${key}` : key}: not in the ${SOURCE_LANGUAGE} table`);
    }
  }
  return problems;
}

/** Every language's problems against the source language, by language. */
export function checkTables(): Partial<Record<Lang, string[]>> {
  const found: Partial<Record<Lang, string[]>> = {};
  for (const lang of LANGUAGES) {
    if (lang === SOURCE_LANGUAGE) continue;
    const problems = missingStrings(TABLES[SOURCE_LANGUAGE], TABLES[lang]);
    if (problems.length) found[lang] = problems;
  }
  return found;
}
