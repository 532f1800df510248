// What is wrong with an input, as data: a code and the facts the sentence needs (a line, a count, the allowed
// values). The English sentence is written here, once, for messages in a terminal (npm run pipeline, npm run
// score) and the English pages; the pages in another language write their own from the same facts
// (src/i18n/*-score.ts), so a Korean reader is told the same file, column, row and value. The file, column,
// row and value themselves stay on the issue (errors.ts); a detail holds only what the sentence adds.
import { formatBytes } from "./limits.js";

export type Delimiter = ";" | "\t" | "|";

export type IssueDetail =
  // The file as a whole
  | { readonly code: "emptyFile" }
  | { readonly code: "emptyText" }
  | { readonly code: "oldXls" }
  | { readonly code: "parquetNotRead" }
  | { readonly code: "utf16" }
  | { readonly code: "zipNotCsv" }
  | { readonly code: "nulByte"; readonly offset: number }
  | { readonly code: "nulCharacters" }
  | { readonly code: "notUtf8"; readonly line: number }
  | { readonly code: "quoteNeverClosed"; readonly line: number }
  | { readonly code: "quoteSpansLines"; readonly closeLine: number }
  | { readonly code: "otherDelimiter"; readonly delimiter: Delimiter; readonly header: string }
  | { readonly code: "headerOnly"; readonly line: number }
  | { readonly code: "fileTooLarge"; readonly bytes: number; readonly max: number }
  | { readonly code: "tooManyRows"; readonly limit: number }
  | { readonly code: "workbookUnreadable"; readonly reason: string }
  | { readonly code: "zipBroken"; readonly why: ZipDamage }
  | {
      readonly code: "workbookTooLarge";
      readonly total: number;
      readonly largest: string;
      readonly largestSize: number;
      readonly max: number;
    }
  | { readonly code: "noSuchSheet"; readonly sheet: string; readonly source: string; readonly sheets: readonly string[] }
  | { readonly code: "sheetWithoutHeader"; readonly sheet: string; readonly source: string; readonly rows: number }
  | { readonly code: "noSheets" }
  | {
      readonly code: "noHeaderSheet";
      readonly expected: readonly string[];
      readonly rows: number;
      readonly sheets: readonly string[];
    }
  | { readonly code: "sheetHeaderOnly"; readonly sheet: string; readonly row: number }
  // A row: the issue's row and value say where
  | { readonly code: "fieldCount"; readonly fields: number; readonly header: number }
  // Columns
  | { readonly code: "repeatedColumn"; readonly position: number }
  | { readonly code: "nearlyNamed"; readonly near: string }
  | { readonly code: "missingColumns"; readonly absent: readonly string[]; readonly has: readonly string[] }
  // A cell: the issue's column, row and value say where
  | { readonly code: "blankNotAllowed" }
  | { readonly code: "missingMarker"; readonly nullable: boolean }
  | { readonly code: "decimalComma" }
  | { readonly code: "tooExtreme"; readonly small: boolean }
  | { readonly code: "notNumber" }
  | { readonly code: "notWhole" }
  | { readonly code: "outOfRange"; readonly min: number | null; readonly max: number | null }
  | { readonly code: "blankId" }
  | { readonly code: "idSeparator" }
  | { readonly code: "repeatedId"; readonly line: number }
  | { readonly code: "targetBlank"; readonly column: string; readonly negative: string; readonly positive: string }
  | { readonly code: "targetValue"; readonly negative: string; readonly positive: string }
  | { readonly code: "unknownLevel"; readonly allowed: readonly string[] };

/** How a zip archive is damaged (the entry's name where one is). */
export type ZipDamage =
  | { readonly kind: "noEnd" }
  | { readonly kind: "zip64" }
  | { readonly kind: "directory" }
  | { readonly kind: "entry"; readonly entry: string }
  | { readonly kind: "entryCut"; readonly entry: string };

const DELIMITER_NAMES: Record<Delimiter, string> = { ";": "semicolons", "\t": "tabs", "|": "vertical bars" };

function zipDamage(why: ZipDamage): string {
  switch (why.kind) {
    case "noEnd":
      return "no end of central directory: the file is cut short or not a zip";
    case "zip64":
      return "a damaged zip64 directory";
    case "directory":
      return "a damaged central directory";
    case "entry":
      return `a damaged entry ${JSON.stringify(why.entry)}`;
    case "entryCut":
      return `entry ${JSON.stringify(why.entry)} is cut short`;
  }
}

const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

/** The English sentence of a problem, phrased to follow the file's name or the value ("is not a number"). */
export function englishProblem(d: IssueDetail): string {
  switch (d.code) {
    case "emptyFile":
      return "is empty (0 bytes): expected a header line and data rows";
    case "emptyText":
      return "is empty: expected a header line and data rows";
    case "oldXls":
      return "is an old-style Excel .xls workbook; save it as .xlsx or as CSV UTF-8";
    case "parquetNotRead":
      return "is a Parquet file; this page reads CSV and XLSX (npm run score reads Parquet)";
    case "utf16":
      return "is UTF-16 text; save it as CSV UTF-8 (comma delimited)";
    case "zipNotCsv":
      return "is a zip archive (an .xlsx workbook?), not CSV text";
    case "nulByte":
      return `is a binary file, not CSV text (a NUL byte at offset ${d.offset})`;
    case "nulCharacters":
      return "is a binary file, not CSV text (it contains NUL characters)";
    case "notUtf8":
      return `is not valid UTF-8 text (first bad byte on line ${d.line}); it may be binary, or saved in another encoding such as Windows-1252: save it as CSV UTF-8`;
    case "quoteNeverClosed":
      return `has a quoted field opened on line ${d.line} that is never closed`;
    case "quoteSpansLines":
      return `a quote (") opens a value that runs on to line ${d.closeLine}: a value may not span lines (a stray quote?)`;
    case "otherDelimiter":
      return `is separated by ${DELIMITER_NAMES[d.delimiter]}, not commas (the header is one column: ${JSON.stringify(d.header)}); save it as comma-separated CSV`;
    case "headerOnly":
      return `has a header (line ${d.line}) but no data rows`;
    case "fileTooLarge":
      return `is ${formatBytes(d.bytes)}; the largest file accepted is ${formatBytes(d.max)} (README: Limits)`;
    case "tooManyRows":
      return `has more than ${d.limit.toLocaleString("en-US")} data rows, the most accepted (README: Limits)`;
    case "workbookUnreadable":
      return `is a zip archive but could not be read as an .xlsx workbook (${d.reason})`;
    case "zipBroken":
      return `is a zip archive but could not be read as an .xlsx workbook (${zipDamage(d.why)})`;
    case "workbookTooLarge":
      return (
        `unpacks to ${formatBytes(d.total)} (${d.largest} alone ${formatBytes(d.largestSize)}); the largest workbook ` +
        `accepted unpacks to ${formatBytes(d.max)}: save the data sheet as CSV (README: Limits)`
      );
    case "noSuchSheet":
      return `has no sheet named "${d.sheet}" (from ${d.source}); its sheets: ${quoted(d.sheets)}`;
    case "sheetWithoutHeader":
      return `sheet "${d.sheet}" (from ${d.source}) has no header row of column names in its first ${d.rows} rows`;
    case "noSheets":
      return "is a workbook with no sheets";
    case "noHeaderSheet":
      return `has no sheet with a header row of column names (such as ${d.expected.join(", ")}, …) in its first ${d.rows} rows; its sheets: ${quoted(d.sheets)}`;
    case "sheetHeaderOnly":
      return `has a header (sheet ${JSON.stringify(d.sheet)}, row ${d.row}) but no data rows`;
    case "fieldCount":
      return `has ${d.fields} field${d.fields === 1 ? "" : "s"}; the header has ${d.header}`;
    case "repeatedColumn":
      return `repeats column ${d.position}: each column may appear once`;
    case "nearlyNamed":
      return `is missing (the file has ${JSON.stringify(d.near)}: if that is this column, rename it)`;
    case "missingColumns": {
      const absent = d.absent.length === 1 ? "a required column" : `${d.absent.length} required columns`;
      const has = d.has.length > 8 ? `${d.has.slice(0, 8).join(", ")}, …` : d.has.join(", ");
      return `lacks ${absent}: ${d.absent.join(", ")} (its columns: ${has})`;
    }
    case "blankNotAllowed":
      return "is blank; this column may not have blanks";
    case "missingMarker":
      return d.nullable
        ? "is not a number (leave missing values blank)"
        : "is not a number (and this column may not have blanks)";
    case "decimalComma":
      return "is not a number (decimal comma? use a point)";
    case "tooExtreme":
      return `is too ${d.small ? "small" : "large"} to hold as a number (it would read as ${d.small ? "0" : "infinity"})`;
    case "notNumber":
      return "is not a number";
    case "notWhole":
      return "is not a whole number";
    case "outOfRange":
      return `is out of range (${d.min ?? "any"} to ${d.max ?? "any"})`;
    case "blankId":
      return "is blank; every customer needs an ID";
    case "idSeparator":
      return "has a comma or a line break in it; an ID may not";
    case "repeatedId":
      return `repeats the ID on line ${d.line}`;
    case "targetBlank":
      return `is blank; ${d.column} must be ${d.negative} or ${d.positive}`;
    case "targetValue":
      return `must be ${d.negative} or ${d.positive}`;
    case "unknownLevel":
      return `is not a known value (expected one of ${quoted(d.allowed)})`;
  }
}

/** An issue's problem as its English sentence and its detail, to spread into an issue. */
export function described(detail: IssueDetail): { problem: string; detail: IssueDetail } {
  return { problem: englishProblem(detail), detail };
}

/**
 * What a reader or the checks noticed that is not an error, as data ("sheet "E Comm" read because …"). A note
 * with no code of its own is carried as its text.
 */
export type NoteDetail =
  | { readonly code: "text"; readonly text: string }
  /** Formula cells of the data sheet with no computed value in the file, read as blanks (cell references). */
  | { readonly code: "formulaCells"; readonly sheet: string; readonly cells: readonly string[] }
  /** Merged ranges of the data sheet: only the first cell holds the value (range references). */
  | { readonly code: "mergedRanges"; readonly sheet: string; readonly ranges: readonly string[] }
  | { readonly code: "targetIgnored"; readonly column: string; readonly blanks: number }
  | { readonly code: "extraColumns"; readonly names: readonly string[] }
  | { readonly code: "rowsLeftOut"; readonly count: number }
  | { readonly code: "sheetNamed"; readonly sheet: string; readonly source: string }
  | {
      readonly code: "sheetChosen";
      readonly sheet: string;
      readonly rows: number;
      /** Why this sheet: it names the most expected columns, has a churn column, has the most rows, comes first. */
      readonly why: "columns" | "churn" | "rows" | "first";
      readonly others: readonly { readonly sheet: string; readonly rows: number }[];
    };

const rowsText = (n: number) => `${n.toLocaleString("en-US")} row${n === 1 ? "" : "s"}`;

const SHEET_REASONS: Record<Extract<NoteDetail, { code: "sheetChosen" }>["why"], string> = {
  columns: "it names the most of the expected columns",
  churn: "it has a churn column",
  rows: "it has the most rows",
  first: "it comes first of sheets alike",
};

/** The first `most` references, and how many more. */
function listed(items: readonly string[], most = 10): string {
  return items.length <= most ? items.join(", ") : `${items.slice(0, most).join(", ")} and ${items.length - most} more`;
}

export function englishNote(d: NoteDetail): string {
  switch (d.code) {
    case "text":
      return d.text;
    case "formulaCells": {
      const n = d.cells.length;
      return (
        `sheet "${d.sheet}": ${n} formula cell${n === 1 ? " has" : "s have"} no computed value in the file ` +
        `(an error, or a workbook not saved by a spreadsheet application) and ${n === 1 ? "is" : "are"} read as blank: ${listed(d.cells)}`
      );
    }
    case "mergedRanges": {
      const n = d.ranges.length;
      return (
        `sheet "${d.sheet}": ${n} merged range${n === 1 ? "" : "s"} (${listed(d.ranges)}): only the first cell of each ` +
        `holds its value, the others are read as blank`
      );
    }
    case "targetIgnored":
      return `${d.column} has ${d.blanks} blank cells, so it is ignored`;
    case "extraColumns":
      return `extra column${d.names.length === 1 ? "" : "s"} carried along, not used: ${d.names.join(", ")}`;
    case "rowsLeftOut":
      return `${d.count} row${d.count === 1 ? "" : "s"} left out for bad values`;
    case "sheetNamed":
      return `sheet "${d.sheet}" read, as ${d.source} says`;
    case "sheetChosen": {
      const also = d.others.map((o) => `"${o.sheet}" (${rowsText(o.rows)})`).join(", ");
      return (
        `sheet "${d.sheet}" (${rowsText(d.rows)}) read because ${SHEET_REASONS[d.why]}; ` +
        `also in the workbook: ${also}; --sheet NAME (or CHURN_SHEET) reads another`
      );
    }
  }
}

/** Notes as data beside their text, in the same order: the ones without a detail become text notes. */
export function noteDetailsOf(notes: readonly string[], details: readonly NoteDetail[] | undefined): NoteDetail[] {
  return notes.map((text, i) => details?.[i] ?? { code: "text", text });
}
