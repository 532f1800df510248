// A workbook's sheets (as read-excel-file returns them) to a RawTable and the data dictionary. The Kaggle
// workbook has two sheets ("Data Dict", "E Comm") whose names users rename, reorder or translate, so the data
// sheet is found by its columns and the dictionary by its header. The dictionary sheet as downloaded starts
// with an empty row and an empty column, names the sheet in a "Data" column and spells Description
// "Discerption"; we accept all of that. No file I/O here, so the browser can use it on an upload.
import { InputError } from "./errors.js";
import { hasKey, keyedRecord } from "./keyed-record.js";
import { checkRowCount } from "./limits.js";
import type { RawTable } from "./raw.js";
import { SCHEMA } from "./schema.js";
import { schemaColumnFor } from "./validate.js";

export interface SheetRows {
  readonly name: string;
  readonly rows: readonly (readonly unknown[])[];
}

export interface WorkbookContents {
  readonly raw: RawTable;
  /** Column name -> description from the dictionary sheet; null when the workbook has none. */
  readonly dictionary: Record<string, string> | null;
}

/** How far down a sheet a header row is looked for (titles and notes sometimes sit above it). */
const HEADER_SEARCH_ROWS = 20;
const VARIABLE_HEADER = /^(variables?|columns?|fields?|features?|names?|attributes?)$/i;
const DESCRIPTION_HEADER = /^(descriptions?|discerptions?|descr\.?|meaning|definitions?|explanation)$/i;
const SHEET_HEADER = /^(data|sheet|table)$/i;

/** A cell as text: numbers in JavaScript's shortest round-trip form, dates as ISO, blanks as "". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  return String(value);
}

interface HeaderHit {
  sheet: SheetRows;
  row: number;
  matches: number;
}

function findDataHeader(sheets: readonly SheetRows[]): HeaderHit | null {
  let best: HeaderHit | null = null;
  for (const sheet of sheets) {
    const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
    for (let r = 0; r < limit; r++) {
      const names = new Set<string>();
      for (const cell of sheet.rows[r]) {
        const spec = schemaColumnFor(cellText(cell));
        if (spec) names.add(spec.name);
      }
      if (names.size >= 2 && (!best || names.size > best.matches)) best = { sheet, row: r, matches: names.size };
    }
  }
  return best;
}

function readDictionary(sheets: readonly SheetRows[], dataSheet: string): Record<string, string> | null {
  for (const sheet of sheets) {
    if (sheet.name === dataSheet) continue;
    const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
    for (let r = 0; r < limit; r++) {
      const header = sheet.rows[r].map((c) => cellText(c).trim());
      const variable = header.findIndex((h) => VARIABLE_HEADER.test(h));
      const description = header.findIndex((h) => DESCRIPTION_HEADER.test(h));
      if (variable < 0 || description < 0) continue;
      const sheetColumn = header.findIndex((h) => SHEET_HEADER.test(h));
      const dictionary = keyedRecord<string>();
      for (const row of sheet.rows.slice(r + 1)) {
        const name = cellText(row[variable]).trim();
        const text = cellText(row[description]).trim().replace(/\s+/g, " ");
        if (name === "" || text === "") continue;
        // A dictionary covering several sheets: keep the entries for the data sheet (or unlabelled ones).
        if (sheetColumn >= 0) {
          const owner = cellText(row[sheetColumn]).trim();
          if (owner !== "" && owner.toLowerCase() !== dataSheet.trim().toLowerCase()) continue;
        }
        const key = schemaColumnFor(name)?.name ?? name;
        if (!hasKey(dictionary, key)) dictionary[key] = text;
      }
      if (Object.keys(dictionary).length > 0) return dictionary;
    }
  }
  return null;
}

/** Finds the data sheet by its columns and the dictionary by its header; throws InputError when there is no data sheet. */
export function workbookToRawTable(file: string, sheets: readonly SheetRows[]): WorkbookContents {
  const hit = findDataHeader(sheets);
  if (!hit) {
    const names = sheets.map((s) => JSON.stringify(s.name)).join(", ");
    const expected = SCHEMA.slice(0, 4).map((c) => c.name).join(", ");
    throw InputError.fileProblem(
      file,
      sheets.length === 0
        ? "is a workbook with no sheets"
        : `has no sheet with the expected columns (${expected}, …) in its first ${HEADER_SEARCH_ROWS} rows; its sheets: ${names}`,
    );
  }
  const { sheet, row: headerRow } = hit;
  checkRowCount(sheet.rows.length - headerRow - 1, file);
  const headerCells = sheet.rows[headerRow].map((c) => cellText(c).trim());
  const body: { cells: string[]; rowNumber: number }[] = [];
  let width = headerCells.length;
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r].map(cellText);
    if (cells.every((c) => c.trim() === "")) continue;
    body.push({ cells, rowNumber: r + 1 });
    width = Math.max(width, cells.length);
  }
  if (body.length === 0) {
    throw InputError.fileProblem(file, `has a header (sheet ${JSON.stringify(sheet.name)}, row ${headerRow + 1}) but no data rows`);
  }
  // Keep the columns that have a name or any data: sheets often start with empty columns.
  const keep: number[] = [];
  for (let j = 0; j < width; j++) {
    if ((headerCells[j] ?? "") !== "" || body.some((b) => (b.cells[j] ?? "").trim() !== "")) keep.push(j);
  }
  const raw: RawTable = {
    file,
    sheet: sheet.name,
    header: keep.map((j) => headerCells[j] ?? ""),
    rows: body.map((b) => keep.map((j) => b.cells[j] ?? "")),
    rowNumbers: Int32Array.from(body, (b) => b.rowNumber),
  };
  return { raw, dictionary: readDictionary(sheets, sheet.name) };
}
