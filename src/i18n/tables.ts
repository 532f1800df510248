// The string table of every language. Adding a language is adding its table (a copy of en.ts translated)
// and its code to LANGUAGES in lang.ts; tsc and the build's check say which strings it still lacks.
import { en } from "./en.js";
import { ko } from "./ko.js";
import { formatters, type Formatters } from "./format.js";
import type { Lang } from "./lang.js";
import type { Strings } from "./strings.js";

export const TABLES: Record<Lang, Strings> = { en, ko };

export function strings(lang: Lang): Strings {
  return TABLES[lang];
}

/** A page's strings and formatters in one: `const { s, f } = pageText(lang)`. */
export function pageText(lang: Lang): { s: Strings; f: Formatters; lang: Lang } {
  return { s: TABLES[lang], f: formatters(lang), lang };
}
