// What the data stage hands to the rest of the pipeline: the cleaned table, what cleaning did, the duplicate
// marks, the data dictionary and where the data came from. Defined here (not in pipeline/) so browser code can
// build one from an upload and summarise it with the same functions.
import type { DuplicateReport } from "./duplicates.js";
import type { ChurnTable } from "./table.js";
import type { CleaningReport } from "./validate.js";

export interface InputSource {
  /** The file's name (no folders: it is shown in the report). */
  readonly file: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  readonly bytes: number;
  readonly format: "csv" | "xlsx" | "parquet";
  /** True for the project's generated demo data. */
  readonly demo: boolean;
}

export interface InputData {
  readonly table: ChurnTable;
  readonly cleaning: CleaningReport;
  readonly duplicates: DuplicateReport;
  /** Column descriptions from the workbook's data dictionary; null for CSV or a workbook without one. */
  readonly dictionary: Record<string, string> | null;
  readonly source: InputSource;
}
