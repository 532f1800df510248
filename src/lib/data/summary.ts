// summary.json: what the data is and everything the data stage did to it, for the Overview and Data pages
// and for a user checking a new file with the CLI. Plain JSON (no typed arrays, no NaN).
import type { NoteDetail } from "./issue-detail.js";
import type { InputData, InputSource } from "./input.js";
import type { LeakScreen } from "./leak-screen.js";
import type { NormalisedValue } from "./normalise.js";
import { profileTable, type ColumnProfile } from "./profile.js";
import type { ColumnKind, Schema } from "./schema.js";

export interface ColumnSummary {
  readonly name: string;
  readonly kind: ColumnKind | "extra";
  readonly description: string | null;
  /** Where the description comes from: the file's data dictionary, else the project's schema. */
  readonly descriptionSource: "dictionary" | "schema" | null;
  readonly unit: string | null;
  /** Valid range for numeric columns, canonical values for categories. */
  readonly range: readonly [number, number] | null;
  readonly values: readonly string[] | null;
  readonly nullable: boolean;
  /** The column's name in the file when it differs in case or spacing. */
  readonly nameInFile: string | null;
}

export interface DuplicateExample {
  /** Line (or sheet row) of the copy and of the row it copies. */
  readonly row: number;
  readonly id: string;
  readonly copiesRow: number;
  readonly copiesId: string;
}

export interface Summary {
  readonly rows: number;
  /** Rows left once copies are removed: what the splits use. */
  readonly distinctRows: number;
  readonly duplicateRows: number;
  /** Share of Churn = 1 over all rows; null without a target. */
  readonly churnRate: number | null;
  readonly churners: number | null;
  /** Churn rate over distinct rows. */
  readonly distinctChurnRate: number | null;
  readonly columns: readonly ColumnSummary[];
  /** Blank cells per schema column. */
  readonly missing: Readonly<Record<string, number>>;
  readonly normalised: readonly NormalisedValue[];
  readonly source: InputSource & { readonly sheet: string | null };
  readonly profile: readonly ColumnProfile[];
  readonly extraColumns: readonly string[];
  readonly duplicates: {
    readonly count: number;
    readonly groups: number;
    /** Rows that would also be copies if spellings were normalised first (not removed: see duplicates.ts). */
    readonly sameAfterNormalising: number;
    readonly examples: readonly DuplicateExample[];
  };
  readonly dictionarySource: "file" | "schema";
  readonly notes: readonly string[];
  /**
   * The same notes as data, index for index, so that a page in another language can word them; absent when
   * there are no notes (so a file without notes keeps the artifact it always had).
   */
  readonly noteDetails?: readonly NoteDetail[];
  /** The schema the file was read with (a preset or inferred) and how each part of it was decided. */
  readonly schema: Schema;
  /** Columns that alone give churn away on the training rows (added by the models stage). */
  readonly leakScreen?: LeakScreen;
}

const DUPLICATE_EXAMPLES = 10;

/** summary.json of the input as read: columns, blanks, spelling fixes, duplicates, source. */
export function summaryArtifact(input: InputData): Summary {
  const { table, cleaning, duplicates, dictionary, source } = input;
  const renamed = new Map(cleaning.renamedColumns.map((r) => [r.to, r.from]));
  const columns: ColumnSummary[] = [];
  for (const spec of table.schema.columns) {
    if (spec.kind === "target" && !cleaning.hasTarget) continue;
    const fromFile = dictionary?.[spec.name];
    const description = fromFile ?? spec.description;
    columns.push({
      name: spec.name,
      kind: spec.kind,
      description: description === "" ? null : description,
      descriptionSource: fromFile !== undefined ? "dictionary" : description === "" ? null : "schema",
      unit: spec.kind === "numeric" ? (spec.unit ?? null) : null,
      range: spec.kind === "numeric" && spec.min !== null && spec.max !== null ? [spec.min, spec.max] : null,
      values: spec.kind === "category" ? spec.values : spec.kind === "target" ? [spec.negative, spec.positive] : null,
      nullable: spec.kind === "numeric" || spec.kind === "category" ? spec.nullable : false,
      nameInFile: renamed.get(spec.name) ?? null,
    });
  }
  for (const name of cleaning.extraColumns) {
    const fromFile = dictionary?.[name];
    columns.push({
      name, kind: "extra", description: fromFile ?? null, descriptionSource: fromFile !== undefined ? "dictionary" : null,
      unit: null, range: null, values: null, nullable: true, nameInFile: null,
    });
  }

  let churners: number | null = null;
  let distinctChurners = 0;
  let distinct = 0;
  if (table.churn) {
    churners = 0;
    for (let i = 0; i < table.nRows; i++) {
      churners += table.churn[i];
      if (duplicates.duplicateOf[i] === -1) distinctChurners += table.churn[i];
    }
  }
  for (let i = 0; i < table.nRows; i++) if (duplicates.duplicateOf[i] === -1) distinct++;

  const examples: DuplicateExample[] = [];
  for (let i = 0; i < table.nRows && examples.length < DUPLICATE_EXAMPLES; i++) {
    const of = duplicates.duplicateOf[i];
    if (of >= 0) examples.push({ row: table.sourceRows[i], id: table.ids[i], copiesRow: table.sourceRows[of], copiesId: table.ids[of] });
  }

  return {
    rows: table.nRows,
    distinctRows: distinct,
    duplicateRows: duplicates.count,
    churnRate: churners === null || table.nRows === 0 ? null : churners / table.nRows,
    churners,
    distinctChurnRate: churners === null || distinct === 0 ? null : distinctChurners / distinct,
    columns,
    missing: cleaning.missing,
    normalised: cleaning.normalised,
    source: { ...source, sheet: cleaning.sheet },
    profile: profileTable(table),
    extraColumns: cleaning.extraColumns,
    duplicates: { count: duplicates.count, groups: duplicates.groups, sameAfterNormalising: duplicates.sameAfterNormalising, examples },
    dictionarySource: dictionary ? "file" : "schema",
    notes: cleaning.notes,
    ...(cleaning.notes.length > 0 ? { noteDetails: cleaning.noteDetails } : {}),
    schema: table.schema,
  };
}
