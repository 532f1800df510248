// The data stage's only side effects: read the file, hash it, and pick the reader by content (a zip archive
// is a workbook, whatever the file is called); everything after that is pure src/lib/data code that the
// browser shares. Every failure a user can cause ends as an InputError naming the file.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import readXlsxFile from "read-excel-file/node";
import { parseCsv } from "../../src/lib/data/csv.js";
import { looksLikeParquet, parquetToRawTable } from "../../src/lib/data/parquet.js";
import { findDuplicates } from "../../src/lib/data/duplicates.js";
import { InputError } from "../../src/lib/data/errors.js";
import { englishNote, noteDetailsOf } from "../../src/lib/data/issue-detail.js";
import type { InputData } from "../../src/lib/data/input.js";
import { inferSchema } from "../../src/lib/data/infer-schema.js";
import { checkFileSize } from "../../src/lib/data/limits.js";
import type { RawTable } from "../../src/lib/data/raw.js";
import type { SchemaSettings } from "../../src/lib/data/schema-config.js";
import type { Schema } from "../../src/lib/data/schema.js";
import { validateRawTable } from "../../src/lib/data/validate.js";
import { workbookToRawTable, type SheetChoiceOptions } from "../../src/lib/data/xlsx-sheets.js";
import { workbookCellNotes } from "./workbook-cells.js";
import { checkDeclaredSize, readZipDirectory } from "../../src/lib/data/zip-directory.js";
import { checkInflatedSizes } from "./workbook-inflated-size.js";

export type { InputData, InputSource } from "../../src/lib/data/input.js";

export interface ReadInputOptions {
  /** The file is the project's generated demo data (recorded as provenance). */
  readonly demo?: boolean;
  /** Training needs the Churn column (default); scoring does not. */
  readonly requireTarget?: boolean;
  readonly minClassCount?: number;
  /** Training: the settings the schema is inferred with (--target, --config, …). */
  readonly schemaSettings?: SchemaSettings;
  /** Read with this schema (a trained model's) instead of inferring one. */
  readonly schema?: Schema;
  /** A workbook's sheet to read (--sheet, CHURN_SHEET), and where that came from; found by its contents otherwise. */
  readonly sheet?: string;
  readonly sheetSource?: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

async function readBytes(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw InputError.fileProblem(path, "is a folder, not a data file");
    checkFileSize(info.size, path);
    return await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw InputError.fileProblem(path, "not found: no such file");
    if (code === "EACCES" || code === "EPERM") throw InputError.fileProblem(path, "cannot be read: permission denied");
    throw InputError.fileProblem(path, `cannot be read: ${(error as Error).message}`);
  }
}

/**
 * Reads the sheets of a workbook with read-excel-file, turning its failures into InputErrors; the table carries
 * notes on which sheet was read and on the cells read as blanks that were not (formulas, merged ranges).
 */
export async function readWorkbook(
  bytes: Buffer,
  file: string,
  choice: SheetChoiceOptions = {},
): Promise<{ raw: RawTable; dictionary: Record<string, string> | null }> {
  const entries = readZipDirectory(bytes, file);
  checkDeclaredSize(entries, file);
  checkInflatedSizes(bytes, entries, file);
  let sheets;
  try {
    sheets = await readXlsxFile(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw InputError.fileProblem(file, `is a zip archive but could not be read as an .xlsx workbook (${reason})`);
  }
  const { raw, dictionary, headerRowNumber } = workbookToRawTable(
    file,
    sheets.map((s) => ({ name: s.sheet, rows: s.data })),
    choice,
  );
  const cellNotes = raw.sheet ? workbookCellNotes(bytes, entries, raw.sheet, headerRowNumber) : [];
  if (cellNotes.length === 0) return { raw, dictionary };
  // The notes in words for the English messages and the summary, and as data, index for index, for other languages.
  const notes = [...(raw.notes ?? []), ...cellNotes.map(englishNote)];
  const noteDetails = [...noteDetailsOf(raw.notes ?? [], raw.noteDetails), ...cellNotes];
  return { raw: { ...raw, notes, noteDetails }, dictionary };
}

/** Reads, checks and cleans one input file (CSV, XLSX or Parquet). Throws InputError for anything wrong with the file. */
export async function readInput(path: string, options: ReadInputOptions = {}): Promise<InputData> {
  const bytes = await readBytes(path);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (bytes.length === 0)
    throw InputError.fileProblem(path, "is empty (0 bytes): expected a header line and data rows");
  if (startsWith(bytes, OLE_MAGIC)) {
    throw InputError.fileProblem(path, "is an old-style Excel .xls workbook; save it as .xlsx or as CSV UTF-8");
  }
  const format = startsWith(bytes, ZIP_MAGIC) ? "xlsx" : looksLikeParquet(bytes) ? "parquet" : "csv";
  const { raw, dictionary } =
    format === "xlsx"
      ? await readWorkbook(bytes, path, {
          sheet: options.sheet,
          sheetSource: options.sheetSource,
          schema: options.schema,
        })
      : format === "parquet"
        ? { raw: await parquetToRawTable(bytes, path), dictionary: null }
        : { raw: parseCsv(bytes, path), dictionary: null };
  const requireTarget = options.requireTarget ?? true;
  // Training files get their schema from the file and the settings; a file to score is read with the
  // trained one (the Kaggle preset unless given).
  const schema = options.schema ?? (requireTarget ? inferSchema(raw, options.schemaSettings) : undefined);
  const { table, cleaning, spellings } = validateRawTable(raw, {
    schema,
    requireTarget,
    minClassCount: options.minClassCount,
  });
  return {
    table,
    cleaning,
    duplicates: findDuplicates(table, spellings),
    dictionary,
    source: { file: basename(path), sha256, bytes: bytes.length, format, demo: options.demo ?? false },
  };
}
