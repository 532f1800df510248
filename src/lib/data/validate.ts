// Raw text cells to the typed ChurnTable, checking everything the schema promises on the way: the columns
// are there (in any order), each cell is of the right kind and in range, the target is 0/1 with both classes.
// Every problem is collected before failing, so one run tells the user all that is wrong with the file.
// Browser-safe: the scoring page validates uploads with the same code (requireTarget: false).
import { IssueCollector, type InputIssue } from "./errors.js";
import { described, englishNote, noteDetailsOf, type IssueDetail, type NoteDetail } from "./issue-detail.js";
import { keyedRecord } from "./keyed-record.js";
import { CategoryNormaliser, type NormalisedValue } from "./normalise.js";
import { NUMBER_PATTERN, parseFormatted, parseNumber } from "./numbers.js";
import { KAGGLE_ECOMMERCE } from "./presets/kaggle-ecommerce.js";
import { rowNumberOf, type RawTable } from "./raw.js";
import { targetColumn, type ColumnSpec, type NumericColumn, type Schema, type TargetColumn } from "./schema.js";
import { selectTableRows, type ChurnTable } from "./table.js";

export interface CleaningReport {
  readonly rows: number;
  /** Column names as the file has them, in its order. */
  readonly header: readonly string[];
  /** The workbook sheet the data came from, if any. */
  readonly sheet: string | null;
  /** Columns not in the schema: carried along in table.extra, not used by the models. */
  readonly extraColumns: readonly string[];
  /** Schema columns found under another letter case or spacing. */
  readonly renamedColumns: readonly { readonly from: string; readonly to: string }[];
  /** Blank cells per schema column (every schema column present in the file, zero included). */
  readonly missing: Readonly<Record<string, number>>;
  /** Category spellings mapped to their canonical value, with counts. */
  readonly normalised: readonly NormalisedValue[];
  readonly hasTarget: boolean;
  /** Things the user should know that are not errors. */
  readonly notes: readonly string[];
  /** The same notes as data, in the same order, for pages in other languages. */
  readonly noteDetails: readonly NoteDetail[];
}

export interface ValidateOptions {
  /** The columns to check against (the trained schema for uploads); the Kaggle preset when absent. */
  readonly schema?: Schema;
  /** Training data needs Churn; scoring uploads do not. */
  readonly requireTarget: boolean;
  /** Fewest rows of each class accepted when the target is required (stratified splits and folds need some). */
  readonly minClassCount?: number;
  /**
   * Row-level mode (scoring uploads): a row with a bad cell is left out of the table and listed in
   * `skipped` with its problems, instead of failing the file. Problems with the file as a whole (missing
   * columns, a column twice) still throw, and so does a file in which every row is bad.
   */
  readonly skipInvalidRows?: boolean;
}

/** A data row left out in row-level mode, with everything wrong with it. */
export interface SkippedRow {
  /** Index of the row among the raw table's data rows. */
  readonly index: number;
  /** Its line (CSV) or sheet row (XLSX) number, as in messages. */
  readonly row: number;
  readonly issues: readonly InputIssue[];
}

export const MIN_CLASS_COUNT = 10;

export interface Validated {
  readonly table: ChurnTable;
  readonly cleaning: CleaningReport;
  /** Category cells as written (trimmed; null for blank), before normalisation: "exact duplicate" means as written. */
  readonly spellings: Readonly<Record<string, readonly (string | null)[]>>;
  /** Rows left out in row-level mode (skipInvalidRows), in file order; always empty otherwise. */
  readonly skipped: readonly SkippedRow[];
}

const MISSING_MARKERS = new Set(["na", "n/a", "nan", "null", "none", "-", "?", "missing"]);

export { parseNumber } from "./numbers.js";

export const looseName = (name: string) => name.toLowerCase().replace(/[\s_]+/g, "");

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

interface ColumnMap {
  /** Schema column name -> index in the header. */
  readonly schema: Map<string, number>;
  readonly extra: { name: string; index: number }[];
  readonly renamed: { from: string; to: string }[];
}

function mapColumns(raw: RawTable, against: Schema, requireTarget: boolean, issues: IssueCollector): ColumnMap {
  const expected = against.columns.filter((c) => !(c.kind === "id" && c.synthetic));
  const schema = new Map<string, number>();
  const extra: { name: string; index: number }[] = [];
  const renamed: { from: string; to: string }[] = [];
  const byLoose = new Map(expected.map((c) => [looseName(c.name), c.name]));
  const extraNames = new Set<string>();
  raw.header.forEach((name, index) => {
    const target = expected.some((c) => c.name === name) ? name : byLoose.get(looseName(name));
    if (target !== undefined && name !== "") {
      if (schema.has(target)) {
        issues.add({ column: target, value: name, ...described({ code: "repeatedColumn", position: schema.get(target)! + 1 }) });
        return;
      }
      schema.set(target, index);
      if (target !== name) renamed.push({ from: name, to: target });
      return;
    }
    // Unnamed or repeated extra columns (a spreadsheet's index column, say) still need distinct names.
    let label = name === "" ? `(column ${index + 1})` : name;
    if (extraNames.has(label)) label = `${label} (column ${index + 1})`;
    extraNames.add(label);
    extra.push({ name: label, index });
  });
  const absent: string[] = [];
  for (const spec of expected) {
    if (schema.has(spec.name)) continue;
    if (spec.kind === "target" && !requireTarget) continue;
    const near = extra.find((e) => editDistance(looseName(e.name), looseName(spec.name)) <= 2);
    if (near) {
      issues.add({ column: spec.name, ...described({ code: "nearlyNamed", near: near.name }) });
    } else absent.push(spec.name);
  }
  // One line for all of them: a wrong file lacks most columns, and a list of seventeen groups hides that.
  if (absent.length > 0) {
    issues.add(described({ code: "missingColumns", absent, has: raw.header }));
  }
  return { schema, extra, renamed };
}

function checkNumber(spec: NumericColumn, text: string): { value: number } | { detail: IssueDetail } {
  if (text === "") return spec.nullable ? { value: NaN } : { detail: { code: "blankNotAllowed" } };
  const value = parseFormatted(text, spec.format);
  if (Number.isNaN(value)) {
    if (MISSING_MARKERS.has(text.toLowerCase())) {
      return { detail: { code: "missingMarker", nullable: spec.nullable } };
    }
    if (/^[+-]?\d+,\d+$/.test(text)) return { detail: { code: "decimalComma" } };
    if (NUMBER_PATTERN.test(text)) {
      return { detail: { code: "tooExtreme", small: Number(text) === 0 } };
    }
    return { detail: { code: "notNumber" } };
  }
  if (spec.integer && !Number.isInteger(value)) return { detail: { code: "notWhole" } };
  if ((spec.min !== null && value < spec.min) || (spec.max !== null && value > spec.max)) {
    return { detail: { code: "outOfRange", min: spec.min, max: spec.max } };
  }
  return { value };
}

/** Checks a raw table against the schema and builds the typed table. Throws InputError listing every problem. */
export function validateRawTable(raw: RawTable, options: ValidateOptions): Validated {
  const { requireTarget } = options;
  const schema = options.schema ?? KAGGLE_ECOMMERCE;
  const minClassCount = options.minClassCount ?? MIN_CLASS_COUNT;
  const issues = new IssueCollector(raw.file, raw.sheet, raw.rowsAreRecords === true);
  const columns = mapColumns(raw, schema, requireTarget, issues);
  // Without the columns, cell checks would only repeat the same complaint on every row.
  issues.throwIfAny();
  const skipMode = options.skipInvalidRows === true;
  if (skipMode && requireTarget) throw new Error("validateRawTable: skipInvalidRows is for scoring uploads (requireTarget: false)");
  // Row-level mode: the problems of each bad row, by row index (also collected in `issues` for the
  // all-rows-bad error).
  const rowProblems = new Map<number, InputIssue[]>();
  const rowIssue = (r: number, issue: Omit<InputIssue, "file" | "row">) => {
    const row = rowNumberOf(raw, r);
    issues.add({ ...issue, row });
    if (!skipMode) return;
    let list = rowProblems.get(r);
    if (!list) rowProblems.set(r, (list = []));
    list.push({
      ...issue,
      row,
      file: raw.file,
      ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}),
      ...(raw.rowsAreRecords ? { record: true } : {}),
    });
  };

  const n = raw.rows.length;
  // Blank tokens ("NA", "-") read as empty cells; the preset has none, so there they are errors, as written.
  const blankTokens = new Set(schema.blankTokens);
  const cell = (r: number, index: number) => {
    const text = (raw.rows[r][index] ?? "").trim();
    return blankTokens.size > 0 && blankTokens.has(text.toLowerCase()) ? "" : text;
  };
  // Keyed by schema column names, which an inferred schema takes from the file ("__proto__", "toString").
  const missing = keyedRecord<number>();
  const numeric = keyedRecord<Float64Array>();
  const category = keyedRecord<(string | null)[]>();
  const spellings = keyedRecord<(string | null)[]>();
  const normalised: NormalisedValue[] = [];
  const notes: string[] = [...(raw.notes ?? [])];
  const noteDetails = noteDetailsOf(notes, raw.noteDetails);
  const note = (detail: NoteDetail) => {
    notes.push(englishNote(detail));
    noteDetails.push(detail);
  };
  let ids: string[] = [];
  let churn: Uint8Array | null = null;
  const target = targetColumn(schema);
  const classValue = targetReader(target);

  for (const spec of schema.columns) {
    if (spec.kind === "id" && spec.synthetic) {
      // No ID column: each customer is named by their line in the file.
      ids = Array.from({ length: n }, (_, r) => String(rowNumberOf(raw, r)));
      continue;
    }
    const index = columns.schema.get(spec.name);
    if (index === undefined) continue;
    let blanks = 0;
    switch (spec.kind) {
      case "id": {
        const firstLine = new Map<string, number>();
        ids = new Array<string>(n);
        for (let r = 0; r < n; r++) {
          const text = cell(r, index);
          ids[r] = text;
          if (text === "") {
            blanks++;
            rowIssue(r, { column: spec.name, value: text, ...described({ code: "blankId" }) });
            continue;
          }
          // A comma or line break in an ID is a sign of a broken file, and would break every CSV made from it.
          if (/[,\r\n]/.test(text)) {
            rowIssue(r, { column: spec.name, value: text, ...described({ code: "idSeparator" }) });
            continue;
          }
          const first = firstLine.get(text);
          if (first !== undefined) {
            rowIssue(r, { column: spec.name, value: text, ...described({ code: "repeatedId", line: first }) });
          } else firstLine.set(text, rowNumberOf(raw, r));
        }
        break;
      }
      case "target": {
        const values = new Uint8Array(n);
        let ok = true;
        for (let r = 0; r < n; r++) {
          const text = cell(r, index);
          const value = text === "" ? -1 : classValue(text);
          if (value === 0 || value === 1) {
            values[r] = value;
            continue;
          }
          ok = false;
          if (text === "") blanks++;
          if (text === "" && !requireTarget) continue;
          rowIssue(r, {
            column: spec.name,
            value: text,
            ...described(
              text === ""
                ? { code: "targetBlank", column: spec.name, negative: target.negative, positive: target.positive }
                : { code: "targetValue", negative: target.negative, positive: target.positive },
            ),
          });
        }
        // Row-level mode: bad values skip their rows, so the column stands if none is blank.
        if (ok || (skipMode && blanks === 0)) churn = values;
        else if (!requireTarget && blanks > 0) note({ code: "targetIgnored", column: spec.name, blanks });
        break;
      }
      case "numeric": {
        const values = new Float64Array(n);
        for (let r = 0; r < n; r++) {
          const text = cell(r, index);
          const checked = checkNumber(spec, text);
          if ("value" in checked) {
            values[r] = checked.value;
            if (text === "") blanks++;
          } else {
            rowIssue(r, { column: spec.name, value: text, ...described(checked.detail) });
          }
        }
        numeric[spec.name] = values;
        break;
      }
      case "category": {
        const normaliser = new CategoryNormaliser(spec);
        const values = new Array<string | null>(n);
        const written = new Array<string | null>(n);
        const allowed = [...spec.values, ...Object.keys(spec.variants)];
        for (let r = 0; r < n; r++) {
          const text = cell(r, index);
          written[r] = text === "" ? null : text;
          if (text === "") {
            values[r] = null;
            blanks++;
            if (!spec.nullable) rowIssue(r, { column: spec.name, value: text, ...described({ code: "blankNotAllowed" }) });
            continue;
          }
          const value = normaliser.normalise(text);
          values[r] = value;
          if (value === null) rowIssue(r, { column: spec.name, value: text, ...described({ code: "unknownLevel", allowed }) });
        }
        category[spec.name] = values;
        spellings[spec.name] = written;
        for (const mapped of normaliser.report()) normalised.push(mapped);
        break;
      }
    }
    missing[spec.name] = blanks;
  }

  if (requireTarget && churn) {
    let ones = 0;
    for (let r = 0; r < n; r++) ones += (churn as Uint8Array)[r];
    const zeros = n - ones;
    if (ones < minClassCount || zeros < minClassCount) {
      const problem =
        ones === 0 || zeros === 0
          ? `has only one class: all ${n} rows are ${ones === 0 ? target.negative : target.positive}; training needs churners (${target.positive}) and customers who stayed (${target.negative})`
          : `has too few of one class (${ones} churners, ${zeros} stayed); training needs at least ${minClassCount} of each`;
      issues.add({ column: target.name, problem });
    }
  }
  // Row-level mode: row problems are reported in `skipped`, unless every row is bad (nothing to score, and
  // the whole picture is the useful message).
  if (!skipMode || rowProblems.size === n) issues.throwIfAny();

  const extra = keyedRecord<string[]>();
  for (const { name, index } of columns.extra) extra[name] = raw.rows.map((row) => row[index] ?? "");
  if (columns.extra.length > 0) {
    note({ code: "extraColumns", names: columns.extra.map((e) => e.name) });
  }
  const sourceRows = new Int32Array(n);
  for (let r = 0; r < n; r++) sourceRows[r] = rowNumberOf(raw, r);

  const full: ChurnTable = { schema, nRows: n, ids, churn, numeric, category, extra, sourceRows };
  const skipped: SkippedRow[] = [...rowProblems.keys()]
    .sort((a, b) => a - b)
    .map((index) => ({ index, row: rowNumberOf(raw, index), issues: rowProblems.get(index) as InputIssue[] }));
  let table = full;
  let keptSpellings: Record<string, readonly (string | null)[]> = spellings;
  if (skipped.length > 0) {
    const bad = new Set(rowProblems.keys());
    const keep = Int32Array.from({ length: n }, (_, i) => i).filter((i) => !bad.has(i));
    table = selectTableRows(full, keep);
    const kept = keyedRecord<readonly (string | null)[]>();
    for (const [name, col] of Object.entries(spellings)) kept[name] = Array.from(keep, (i) => col[i]);
    keptSpellings = kept;
    // Blank counts describe the rows kept.
    for (const name of Object.keys(missing)) {
      if (schema.columns.some((c) => c.kind === "id" && c.name === name)) missing[name] = 0; // blank IDs are skipped rows
      const num = table.numeric[name];
      const cat = table.category[name];
      if (num) missing[name] = num.reduce((c, v) => c + (Number.isNaN(v) ? 1 : 0), 0);
      else if (cat) missing[name] = cat.reduce((c, v) => c + (v === null ? 1 : 0), 0);
    }
    note({ code: "rowsLeftOut", count: skipped.length });
  }
  const cleaning: CleaningReport = {
    rows: table.nRows,
    header: raw.header,
    sheet: raw.sheet ?? null,
    extraColumns: columns.extra.map((e) => e.name),
    renamedColumns: columns.renamed,
    // A plain object (the report is JSON), its keys own properties whatever they are called.
    missing: Object.fromEntries(Object.entries(missing)),
    normalised,
    hasTarget: churn !== null,
    notes,
    noteDetails,
  };
  return { table, cleaning, spellings: keptSpellings, skipped };
}

/** The schema column a header name maps to (exact, or ignoring case, spaces and underscores). */
export function schemaColumnFor(name: string, schema: Schema = KAGGLE_ECOMMERCE): ColumnSpec | undefined {
  const key = looseName(name.trim());
  const columns = schema.columns;
  return columns.find((c) => c.name === name.trim()) ?? columns.find((c) => looseName(c.name) === key);
}

/**
 * Reads a target cell: 1 for the positive value, 0 for the negative, -1 for anything else. Values compare
 * as numbers when both are numbers ("1.0" is 1), else as text ignoring case and spacing ("yes" is "Yes").
 */
export function targetReader(target: TargetColumn): (text: string) => number {
  const pos = parseNumber(target.positive);
  const neg = parseNumber(target.negative);
  if (!Number.isNaN(pos) && !Number.isNaN(neg)) {
    return (text) => {
      const v = parseNumber(text);
      return v === pos ? 1 : v === neg ? 0 : -1;
    };
  }
  const squash = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();
  const p = squash(target.positive);
  const q = squash(target.negative);
  return (text) => {
    const t = squash(text);
    return t === p ? 1 : t === q ? 0 : -1;
  };
}
