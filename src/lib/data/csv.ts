// Comma-separated text to a RawTable (RFC 4180: quoted fields, doubled quotes, newlines inside quotes), with
// the checks that turn a confusing failure later into a clear one now: empty file, header only, another
// delimiter, binary or non-UTF-8 bytes. Runs in the browser too, so input may be text or bytes.
import { InputError, IssueCollector } from "./errors.js";
import { described, type Delimiter } from "./issue-detail.js";
import { checkFileSize, checkRowCount, MAX_ROWS } from "./limits.js";
import type { RawTable } from "./raw.js";

export type { RawTable } from "./raw.js";

const OTHER_DELIMITERS: readonly Delimiter[] = [";", "\t", "|"];

/** UTF-8 bytes to text, refusing what is not text: NUL bytes, UTF-16, invalid UTF-8. */
export function decodeText(bytes: Uint8Array, file: string): string {
  checkFileSize(bytes.length, file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw InputError.fileProblem(file, described({ code: "utf16" }));
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw InputError.fileProblem(file, described({ code: "zipNotCsv" }));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw InputError.fileProblem(file, described({ code: "nulByte", offset: nul }));
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    // Find where, so the user can look: decode leniently and locate the first replacement character.
    const text = new TextDecoder("utf-8").decode(bytes);
    const at = text.indexOf("\uFFFD");
    const line = at < 0 ? 1 : countLines(text, at);
    throw InputError.fileProblem(file, described({ code: "notUtf8", line }));
  }
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface ParsedRecords {
  records: string[][];
  /** Line on which each record starts (1-based). */
  lines: number[];
}

/**
 * A quoted value may not run onto another line. RFC 4180 allows it, but no column of a customer table holds
 * several lines, and what it means in practice is a stray quote at the start of a field: the parser then
 * joins the lines up to the next quote into one value, and customers vanish into it without an error.
 */
function spanningValue(text: string, at: number, file: string, openLine: number): InputError {
  const close = text.indexOf('"', at);
  if (close < 0) return InputError.fileProblem(file, described({ code: "quoteNeverClosed", line: openLine }));
  let closeLine = openLine;
  for (let i = at; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) closeLine++;
  }
  return InputError.fromIssues(file, [
    {
      file,
      row: openLine,
      ...described({ code: "quoteSpansLines", closeLine }),
    },
  ]);
}

/** Splits text into records of fields. Quotes follow RFC 4180 within a line; a stray quote inside an unquoted field is kept as text. */
export function parseRecords(text: string, file: string, delimiter = ",", maxRows = MAX_ROWS): ParsedRecords {
  const records: string[][] = [];
  const lines: number[] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let quotedRecord = false;
    for (;;) {
      let field = "";
      if (text.charCodeAt(i) === 34 /* " */) {
        quotedRecord = true;
        const openLine = line;
        i++;
        for (;;) {
          if (i >= n) throw InputError.fileProblem(file, described({ code: "quoteNeverClosed", line: openLine }));
          const c = text.charCodeAt(i);
          if (c === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === 10 || c === 13) throw spanningValue(text, i, file, openLine);
          field += text[i];
          i++;
        }
        // Anything between the closing quote and the delimiter is kept rather than lost.
        const start = i;
        while (i < n && text.charCodeAt(i) !== delim && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        field += text.slice(start, i);
      } else {
        const start = i;
        while (i < n && text.charCodeAt(i) !== delim && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        field = text.slice(start, i);
      }
      fields.push(field);
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      // End of record: CRLF, LF or a lone CR.
      if (i < n && text.charCodeAt(i) === 13) i++;
      if (i < n && text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    // A blank line (trailing newline, gaps) is not a record.
    if (fields.length === 1 && fields[0] === "" && !quotedRecord) continue;
    // Stop before memory runs out: the header and MAX_ROWS data rows, no more.
    if (records.length > maxRows) checkRowCount(records.length, file, maxRows);
    records.push(fields);
    lines.push(startLine);
  }
  return { records, lines };
}

/** Parses a comma-separated file (text or UTF-8 bytes) into a header and text rows. Throws InputError. */
export function parseCsv(input: string | Uint8Array, file: string): RawTable {
  let text = typeof input === "string" ? input : decodeText(input, file);
  if (typeof input === "string" && text.includes("\u0000")) {
    throw InputError.fileProblem(file, described({ code: "nulCharacters" }));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw InputError.fileProblem(file, described({ code: "emptyText" }));

  const { records, lines } = parseRecords(text, file);
  const header = records[0].map((h) => h.trim());
  if (header.length === 1) {
    const found = OTHER_DELIMITERS.find((d) => header[0].includes(d));
    if (found) {
      throw InputError.fileProblem(
        file,
        described({ code: "otherDelimiter", delimiter: found, header: truncate(header[0]) }),
      );
    }
  }
  if (records.length === 1) throw InputError.fileProblem(file, described({ code: "headerOnly", line: lines[0] }));

  const issues = new IssueCollector(file);
  const rows: string[][] = [];
  const rowNumbers = new Int32Array(records.length - 1);
  for (let r = 1; r < records.length; r++) {
    const fields = records[r];
    if (fields.length !== header.length) {
      issues.add({
        row: lines[r],
        value: truncate(fields.join(",")),
        ...described({ code: "fieldCount", fields: fields.length, header: header.length }),
      });
    }
    rowNumbers[r - 1] = lines[r];
    rows.push(fields);
  }
  issues.throwIfAny();
  return { file, header, rows, rowNumbers };
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
