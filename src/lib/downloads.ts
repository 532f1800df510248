// Names and contents of the report's downloads, from what a page shows. File names come from a chart's or a
// table's title: its letters and digits in any script (a Korean title keeps its Hangul), everything else folded
// into single hyphens, so the name is safe on every file system and still says what the file holds. A table's
// CSV is its cells as shown, in the same spreadsheet-safe form as the Score page's files (csv-export.ts).
import { csvCell } from "./scoring/csv-export.js";

const MAX_STEM = 80;

/**
 * A title as a file name's stem: its letters and digits in any script, the rest folded into single hyphens,
 * at most MAX_STEM characters; "" when the title has no letter or digit.
 */
export function fileStem(title: string): string {
  const stem = title
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return [...stem].slice(0, MAX_STEM).join("").replace(/-+$/, "");
}

/** "Churn rate by city tier" + "svg" -> "churn-rate-by-city-tier.svg"; an empty title falls back to `fallback`. */
export function downloadName(title: string, extension: string, fallback = "download"): string {
  return `${fileStem(title) || fallback}.${extension}`;
}

/** The PNG's name at a device pixel ratio: ratios above 1 say so as "@2x", as image sets name them. */
export function pngName(title: string, scale: number, fallback = "chart"): string {
  const name = downloadName(title, "png", fallback);
  return scale > 1 ? name.replace(/\.png$/, `@${scale}x.png`) : name;
}

/** A cell as read from the page: runs of white space (line breaks inside a cell) as one space. */
export function cellText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// A plain number as a page writes it ("-0.123", "42", "1e-5"): data, written as shown and never neutralised.
// Anything else (with a thousands separator, a % sign or words) is text, quoted and neutralised as needed.
const PLAIN_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function tableCell(text: string): string {
  return PLAIN_NUMBER.test(text) ? text : csvCell(text);
}

/** A table's CSV: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, formula-like text neutralised. */
export function tableCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(tableCell).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
