// A Parquet file (what warehouses and dataframe libraries export) to a RawTable, so it is checked and cleaned
// by the same validation as a CSV or a workbook. hyparquet reads it (pure JavaScript, no dependencies, runs in
// Node and the browser); hyparquet-compressors adds the codecs besides Snappy (gzip, zstd, brotli, lz4).
// Cells become text as a CSV would hold them: numbers in the shortest form that reads back as the same double
// (so validation parses the file's own value), whole numbers of 64 bits as their digits, null as blank.
// Rows are numbered as records (row 1 is the first customer): a Parquet file has no lines.
import { parquetMetadata, parquetReadObjects, parquetSchema, type FileMetaData } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { InputError } from "./errors.js";
import type { RawTable } from "./raw.js";

export const PARQUET_MAGIC: readonly number[] = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

/** True when the bytes start as a Parquet file does. */
export function looksLikeParquet(bytes: Uint8Array): boolean {
  return PARQUET_MAGIC.every((b, i) => bytes[i] === b);
}

/** One cell as text, the way the CSV reader would have it. */
export function parquetCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  // NaN and infinities stay visible, so validation names them instead of reading a blank.
  if (typeof value === "number") return String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (value instanceof Uint8Array) return new TextDecoder("utf-8").decode(value);
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

function readMetadata(bytes: Uint8Array, file: string): FileMetaData {
  const end = bytes.length;
  const closed = PARQUET_MAGIC.every((b, i) => bytes[end - 4 + i] === b);
  if (end < 12 || !closed) throw InputError.fileProblem(file, "starts as a Parquet file but is cut short (no footer)");
  try {
    return parquetMetadata(bytes);
  } catch (error) {
    throw InputError.fileProblem(file, `could not be read as a Parquet file (${(error as Error).message})`);
  }
}

/** Reads a whole Parquet file into text cells under its column names. Throws InputError naming the file. */
export async function parquetToRawTable(bytes: Uint8Array, file: string): Promise<RawTable> {
  const metadata = readMetadata(bytes, file);
  const columns = parquetSchema(metadata).children;
  const nested = columns.filter((c) => c.children.length > 0).map((c) => c.element.name);
  if (nested.length > 0) {
    throw InputError.fileProblem(
      file,
      `has nested columns (${nested.join(", ")}: a struct, list or map); write one plain column per field`,
    );
  }
  const header = columns.map((c) => c.element.name.trim());
  const total = Number(metadata.num_rows);
  if (total === 0) throw InputError.fileProblem(file, `has columns (${header.join(", ")}) but no rows`);
  let records: Record<string, unknown>[];
  try {
    // hyparquet reads from an ArrayBuffer; copy the bytes into one of their own (they may be a Buffer's slice).
    const buffer = bytes.slice().buffer;
    records = await parquetReadObjects({ file: buffer, metadata, compressors });
  } catch (error) {
    throw InputError.fileProblem(file, `could not be read as a Parquet file (${(error as Error).message})`);
  }
  const names = columns.map((c) => c.element.name);
  const rows = records.map((record) => names.map((name) => parquetCellText(record[name])));
  return { file, header, rows, rowNumbers: Int32Array.from(rows, (_, i) => i + 1), rowsAreRecords: true };
}
