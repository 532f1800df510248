// A workbook's sheets (as read-excel-file returns them) to a RawTable and the data dictionary. The Kaggle
// workbook has two sheets ("Data Dict", "E Comm") whose names users rename, reorder or translate, so the data
// sheet is found by its columns (or named with --sheet) and the dictionary by its header; when several
// sheets look like data, the note on the table says which was read and why. The dictionary sheet as downloaded starts
// with an empty row and an empty column, names the sheet in a "Data" column and spells Description
// "Discerption"; we accept all of that. No file I/O here, so the browser can use it on an upload.
import { InputError } from "./errors.js";
import { described, englishNote, type NoteDetail } from "./issue-detail.js";
import { hasKey, keyedRecord } from "./keyed-record.js";
import { checkRowCount } from "./limits.js";
import type { RawTable } from "./raw.js";
import { looksLikeChurnName } from "./infer-schema.js";
import { KAGGLE_ECOMMERCE as SCHEMA_PRESET } from "./presets/kaggle-ecommerce.js";
import type { Schema } from "./schema.js";
import { schemaColumnFor } from "./validate.js";

export interface SheetRows {
  readonly name: string;
  readonly rows: readonly (readonly unknown[])[];
}

export interface WorkbookContents {
  readonly raw: RawTable;
  /** Column name -> description from the dictionary sheet; null when the workbook has none. */
  readonly dictionary: Record<string, string> | null;
  /** The header's row number in the sheet (1 for the first row). */
  readonly headerRowNumber: number;
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

/** Where a sheet's header is, and what makes it look like the customer table. */
interface Candidate {
  readonly sheet: SheetRows;
  /** Index of the header row in sheet.rows. */
  readonly row: number;
  /** Header cells that name a column of the schema (the trained one, else the Kaggle preset). */
  readonly schemaMatches: number;
  /** The header has a column named like a churn flag. */
  readonly churnColumn: boolean;
  /** Non-blank rows under the header. */
  readonly dataRows: number;
}

export interface SheetChoiceOptions {
  /** The sheet to read, by name (--sheet, CHURN_SHEET); chosen from the sheets' contents otherwise. */
  readonly sheet?: string;
  /** Where `sheet` came from, for messages. */
  readonly sheetSource?: string;
  /** The columns to look for (a trained model's schema for uploads); the Kaggle preset otherwise. */
  readonly schema?: Schema;
}

const isBlankRow = (row: readonly unknown[]) => row.every((c) => cellText(c).trim() === "");
const isNumberCell = (c: unknown) => typeof c === "number" || /^[+-]?\d+(?:\.\d+)?$/.test(cellText(c).trim());

/** A data dictionary's header: a column of names beside a column of descriptions. */
function isDictionaryHeader(cells: readonly string[]): boolean {
  return cells.some((h) => VARIABLE_HEADER.test(h)) && cells.some((h) => DESCRIPTION_HEADER.test(h));
}

/**
 * The header of a sheet: the row among the first HEADER_SEARCH_ROWS naming the most schema columns, or, when
 * none names two, the first row of two or more names (text, not numbers) with a row under it.
 */
function candidateOf(sheet: SheetRows, schema: Schema | undefined): Candidate | null {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  let best: { row: number; matches: number } | null = null;
  let firstNamed = -1;
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r].map((c) => cellText(c).trim());
    if (isDictionaryHeader(cells)) return null;
    const names = new Set<string>();
    for (const cell of cells) {
      const spec = schemaColumnFor(cell, schema);
      if (spec) names.add(spec.name);
    }
    if (names.size >= 2 && (!best || names.size > best.matches)) best = { row: r, matches: names.size };
    const filled = sheet.rows[r].filter((c) => cellText(c).trim() !== "");
    if (firstNamed < 0 && filled.length >= 2 && !filled.some(isNumberCell) && r + 1 < sheet.rows.length) {
      firstNamed = r;
    }
  }
  const row = best ? best.row : firstNamed;
  if (row < 0) return null;
  let dataRows = 0;
  for (let r = row + 1; r < sheet.rows.length; r++) if (!isBlankRow(sheet.rows[r])) dataRows++;
  if (dataRows === 0 && !best) return null;
  const churnColumn = sheet.rows[row].some((c) => looksLikeChurnName(cellText(c).trim()));
  return { sheet, row, schemaMatches: best?.matches ?? 0, churnColumn, dataRows };
}

/**
 * The sheet that holds the customers, and why it was chosen. Ranked by the schema columns it names, then by
 * whether it has a churn column, then by its rows: a sample sheet of 100 rows does not win over the full
 * table because it comes first. Any other sheet that looked like data is named, so nothing is passed over
 * silently.
 */
function chooseDataSheet(
  file: string,
  sheets: readonly SheetRows[],
  options: SheetChoiceOptions,
): { hit: Candidate; note: NoteDetail | null } {
  const names = sheets.map((s) => s.name);
  if (options.sheet !== undefined) {
    const wanted = options.sheet.trim();
    const sheet =
      sheets.find((s) => s.name === options.sheet) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted.toLowerCase());
    if (!sheet) {
      throw InputError.fileProblem(
        file,
        described({ code: "noSuchSheet", sheet: options.sheet, source: options.sheetSource ?? "--sheet", sheets: names }),
      );
    }
    const hit = candidateOf(sheet, options.schema);
    if (!hit) {
      throw InputError.fileProblem(
        file,
        described({
          code: "sheetWithoutHeader",
          sheet: sheet.name,
          source: options.sheetSource ?? "--sheet",
          rows: HEADER_SEARCH_ROWS,
        }),
      );
    }
    return { hit, note: { code: "sheetNamed", sheet: sheet.name, source: options.sheetSource ?? "--sheet" } };
  }
  const candidates = sheets.map((s) => candidateOf(s, options.schema)).filter((c): c is Candidate => c !== null);
  if (candidates.length === 0) {
    const expected = (options.schema ?? SCHEMA_PRESET).columns.slice(0, 4).map((c) => c.name);
    throw InputError.fileProblem(
      file,
      described(
        sheets.length === 0
          ? { code: "noSheets" }
          : { code: "noHeaderSheet", expected, rows: HEADER_SEARCH_ROWS, sheets: names },
      ),
    );
  }
  const ranked = [...candidates].sort(
    (a, b) =>
      b.schemaMatches - a.schemaMatches ||
      Number(b.churnColumn) - Number(a.churnColumn) ||
      b.dataRows - a.dataRows ||
      sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet),
  );
  const hit = ranked[0];
  const others = ranked.slice(1).filter((c) => c.dataRows > 0);
  if (others.length === 0) return { hit, note: null };
  const runnerUp = others[0];
  const why =
    hit.schemaMatches !== runnerUp.schemaMatches
      ? "columns"
      : hit.churnColumn !== runnerUp.churnColumn
        ? "churn"
        : hit.dataRows !== runnerUp.dataRows
          ? "rows"
          : "first";
  return {
    hit,
    note: {
      code: "sheetChosen",
      sheet: hit.sheet.name,
      rows: hit.dataRows,
      why,
      others: others.map((c) => ({ sheet: c.sheet.name, rows: c.dataRows })),
    },
  };
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

/** Finds the data sheet by its contents (or by name) and the dictionary by its header; throws InputError when there is no data sheet. */
export function workbookToRawTable(
  file: string,
  sheets: readonly SheetRows[],
  options: SheetChoiceOptions = {},
): WorkbookContents {
  const { hit, note } = chooseDataSheet(file, sheets, options);
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
    throw InputError.fileProblem(file, described({ code: "sheetHeaderOnly", sheet: sheet.name, row: headerRow + 1 }));
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
    ...(note ? { notes: [englishNote(note)], noteDetails: [note] } : {}),
  };
  return { raw, dictionary: readDictionary(sheets, sheet.name), headerRowNumber: headerRow + 1 };
}
