// Numbers as files write them. Validation reads plain decimal notation strictly (Number() alone would accept
// "", " ", "0x1A", "Infinity" and "1e"); an inferred schema may also name a column's own style: thousands
// separated by commas (1,234.5), a decimal comma (1.234,5), a currency sign before or a percent sign after.
import type { NumberFormat } from "./schema.js";

export const NUMBER_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d*)?$/;
const AFFIXES = /^([+-]?)\s*[$€£¥₩]?\s*([^%$€£¥₩\s][^%]*?)\s*%?$/u;

/**
 * Parses a trimmed, non-blank cell as a finite number; NaN when it is not one. What a cell may be: an
 * optional sign, digits with or without a decimal point, and an optional exponent, the forms spreadsheets
 * and pandas write ("-1.5", "+3", ".5", "5.", "0003" is 3, "1.2E-05"). A number a double cannot hold is
 * refused rather than read as Infinity or, worse, as 0 ("1e-400"). README: Limits.
 */
export function parseNumber(text: string): number {
  if (!NUMBER_PATTERN.test(text)) return NaN;
  const value = Number(text);
  if (!Number.isFinite(value) || (value === 0 && underflows(text))) return NaN;
  return value;
}

/** A non-zero mantissa that Number() rounds to 0. */
const underflows = (text: string) => /[1-9]/.test(text.split(/[eE]/)[0]);

function stripAffixes(text: string): string {
  const match = AFFIXES.exec(text);
  return match ? match[1] + match[2] : text;
}

/** Parses a trimmed, non-blank cell in the given style; NaN when it is not a number in that style. */
export function parseFormatted(text: string, format: NumberFormat | undefined): number {
  if (!format) return parseNumber(text);
  const body = format.affixes ? stripAffixes(text) : text;
  switch (format.style) {
    case "plain":
      return parseNumber(body);
    case "thousands-comma":
      return NUMBER_PATTERN.test(body) || THOUSANDS_COMMA.test(body) ? parseNumber(body.replace(/,/g, "")) : NaN;
    case "decimal-comma":
      return DECIMAL_COMMA.test(body) ? parseNumber(body.replace(/\./g, "").replace(",", ".")) : NaN;
  }
}

/**
 * The one style that reads every given cell as a number, preferring plain notation, or null when none does.
 * A comma followed by other than three digits can only be a decimal comma; "1,234" alone reads as thousands.
 */
export function detectNumberFormat(cells: readonly string[]): NumberFormat | null {
  if (cells.length === 0) return null;
  for (const affixes of [false, true]) {
    const bodies = affixes ? cells.map(stripAffixes) : cells;
    if (bodies.every((c) => NUMBER_PATTERN.test(c))) return { style: "plain", affixes };
    if (bodies.every((c) => NUMBER_PATTERN.test(c) || THOUSANDS_COMMA.test(c))) return { style: "thousands-comma", affixes };
    if (bodies.every((c) => DECIMAL_COMMA.test(c))) return { style: "decimal-comma", affixes };
  }
  return null;
}
