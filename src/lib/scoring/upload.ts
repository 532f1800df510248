// An uploaded file of customers to a checked ChurnTable, with the build's validation in row-level mode: a
// problem with the file as a whole rejects it (empty, binary, an old .xls, missing columns, every row bad);
// a bad value in a row leaves that row out and says so. No I/O here: the worker passes the bytes and a
// workbook reader (read-excel-file's web-worker build), the Node tests pass the Node one; a Parquet reader
// (src/lib/data/parquet.ts) where the caller reads Parquet (npm run score; the page does not yet).
import type { RawTable } from "../data/raw.js";
import type { Schema } from "../data/schema.js";
import { parseCsv } from "../data/csv.js";
import { InputError, type IssueGroup } from "../data/errors.js";
import { checkFileSize } from "../data/limits.js";
import { described } from "../data/issue-detail.js";
import type { ChurnTable } from "../data/table.js";
import { validateRawTable, type CleaningReport, type SkippedRow } from "../data/validate.js";
import { workbookToRawTable, type SheetRows } from "../data/xlsx-sheets.js";
import { checkDeclaredSize, readZipDirectory } from "../data/zip-directory.js";

export type SheetReader = (bytes: Uint8Array) => Promise<SheetRows[]>;
export type ParquetReader = (bytes: Uint8Array, file: string) => Promise<RawTable>;

export interface ParsedUpload {
  readonly format: "csv" | "xlsx" | "parquet";
  /** The rows kept (the skipped ones left out). */
  readonly table: ChurnTable;
  readonly cleaning: CleaningReport;
  /** Rows in the file, kept or not. */
  readonly rowsInFile: number;
  readonly skipped: readonly SkippedRow[];
  /** The skipped rows' problems grouped by column and problem, a few examples each, with counts. */
  readonly skippedGroups: readonly IssueGroup[];
}

/** A rejected file, as plain data (an InputError does not survive postMessage as itself). */
export interface UploadRejection {
  readonly message: string;
  readonly file: string;
  readonly total: number;
  readonly groups: readonly IssueGroup[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Reads and checks an upload. Throws InputError when the file is rejected. */
export interface UploadOptions {
  /** Reads Parquet files; without it a Parquet file is refused with a message that says so. */
  readonly readParquet?: ParquetReader;
  /** The schema the model was trained with (default: the built-in preset, as on the Score page). */
  readonly schema?: Schema;
}

export async function readUpload(
  bytes: Uint8Array,
  file: string,
  readSheets: SheetReader,
  options: UploadOptions = {},
): Promise<ParsedUpload> {
  const { readParquet, schema } = options;
  if (bytes.length === 0) throw InputError.fileProblem(file, described({ code: "emptyFile" }));
  if (startsWith(bytes, OLE_MAGIC)) throw InputError.fileProblem(file, described({ code: "oldXls" }));
  checkFileSize(bytes.length, file);
  const format = startsWith(bytes, ZIP_MAGIC) ? "xlsx" : startsWith(bytes, PARQUET_MAGIC) ? "parquet" : "csv";
  let raw: RawTable;
  if (format === "parquet") {
    if (!readParquet) {
      throw InputError.fileProblem(file, described({ code: "parquetNotRead" }));
    }
    raw = await readParquet(bytes, file);
  } else if (format === "xlsx") {
    checkDeclaredSize(readZipDirectory(bytes, file), file);
    let sheets: SheetRows[];
    try {
      sheets = await readSheets(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw InputError.fileProblem(file, described({ code: "workbookUnreadable", reason }));
    }
    raw = workbookToRawTable(file, sheets, schema ? { schema } : {}).raw;
  } else {
    raw = parseCsv(bytes, file);
  }
  const { table, cleaning, skipped } = validateRawTable(raw, { schema, requireTarget: false, skipInvalidRows: true });
  const skippedGroups =
    skipped.length > 0
      ? InputError.fromIssues(
          file,
          skipped.flatMap((s) => s.issues),
        ).groups
      : [];
  return { format, table, cleaning, rowsInFile: raw.rows.length, skipped, skippedGroups };
}

/** Any failure as a rejection to show: an InputError's structure, or the message of anything else. */
export function toRejection(error: unknown, file: string): UploadRejection {
  if (error instanceof InputError)
    return { message: error.message, file: error.file, total: error.total, groups: error.groups };
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `${file}: could not be read (${message})`,
    file,
    total: 1,
    groups: [{ problem: message, count: 1, examples: [{ file, problem: message }] }],
  };
}
