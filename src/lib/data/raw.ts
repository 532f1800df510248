// A table as read from a file, before any checking: text cells under a header. CSV and XLSX readers both
// produce it, so validation has one input shape and one set of messages.
import type { NoteDetail } from "./issue-detail.js";

export interface RawTable {
  /** The file's name as the user knows it, for messages. */
  readonly file: string;
  /** Column names as written, trimmed. */
  readonly header: readonly string[];
  /** Data rows, one text cell per header column ("" for a blank). */
  readonly rows: readonly (readonly string[])[];
  /** For each row, its line (CSV) or sheet row (XLSX) number, header = 1 for a CSV; absent means row i is line i + 2. */
  readonly rowNumbers?: Int32Array;
  /** The sheet the rows came from, for workbooks. */
  readonly sheet?: string;
  /** True when rowNumbers count records from 1 rather than lines (Parquet). */
  readonly rowsAreRecords?: boolean;
  /** What the reader noticed and the user should know (which sheet was read and why, formula and merged cells). */
  readonly notes?: readonly string[];
  /** The same notes as data (issue-detail.ts), for pages in other languages; by index, where known. */
  readonly noteDetails?: readonly NoteDetail[];
}

/** The line number used in messages for data row i. */
export function rowNumberOf(raw: RawTable, i: number): number {
  return raw.rowNumbers ? raw.rowNumbers[i] : i + 2;
}
