// CSV for people who open it in a spreadsheet: UTF-8 with a byte-order mark (Excel otherwise guesses the
// encoding), CRLF line ends, RFC 4180 quoting, and cells that a spreadsheet would run as a formula
// (starting with =, +, -, @, or a tab or carriage return) prefixed with an apostrophe so they stay text.
// Spreadsheets also run a formula behind leading spaces, and some (in East Asian locales) read the fullwidth
// forms ＝ ＋ － ＠ as the ASCII ones, so those count too.
// Numbers written by us are not neutralised: a negative number is data, not a formula.

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A text cell safe to open in a spreadsheet: a leading formula character gets an apostrophe before it. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: numbers as they are (blank for NaN), text neutralised and quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file as text, starting with the byte-order mark. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
