// The largest input the readers accept, each with a clear error instead of a crash deep inside: a string
// too long for the JavaScript engine, a workbook that inflates to gigabytes, an out-of-memory. The figures
// leave room for a million customers (a CSV of about 100 MB); the README's "Limits" section lists them.
import { InputError } from "./errors.js";
import { described } from "./issue-detail.js";

const MiB = 1024 * 1024;

/**
 * A file's size on disk. A CSV is decoded into one string, and V8 strings hold at most 2^29 - 24
 * characters (about 512 MiB of ASCII); 500 MiB stays under that with room for the byte-order mark.
 */
export const MAX_FILE_BYTES = 500 * MiB;

/**
 * A workbook's parts once unpacked (the sheets are XML, often 10 to 50 times their zipped size). The
 * workbook reader holds a sheet as one string and then every cell as an object: 140 MB of sheet XML
 * (200,000 customers) took 24 s and 860 MB. Larger tables read faster and leaner as CSV.
 */
export const MAX_WORKBOOK_INFLATED_BYTES = 256 * MiB;

/** Data rows in one file: far more than a workbook can hold (1,048,576), and than 500 MiB of CSV has room for. */
export const MAX_ROWS = 5_000_000;

export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(bytes >= 100 * MiB ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} bytes`;
}

/** Refuses a file larger than MAX_FILE_BYTES, before it is read. */
export function checkFileSize(bytes: number, file: string): void {
  if (bytes > MAX_FILE_BYTES) {
    throw InputError.fileProblem(file, described({ code: "fileTooLarge", bytes, max: MAX_FILE_BYTES }));
  }
}

/** Refuses a table with more than `limit` (MAX_ROWS) data rows. */
export function checkRowCount(rows: number, file: string, limit = MAX_ROWS): void {
  if (rows > limit) {
    throw InputError.fileProblem(file, described({ code: "tooManyRows", limit }));
  }
}
