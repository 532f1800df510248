// Scored customers as rows for the page's table and for the CSV downloads: the customer's columns as
// cleaned, then the probability, the decision at the reader's threshold, the segment and the reasons.
import { featureColumns, idColumn, targetColumn } from "../data/schema.js";
import { keyedRecord } from "../data/keyed-record.js";
import type { ChurnTable } from "../data/table.js";
import { toCsv, type CsvCell } from "./csv-export.js";

export interface ScoredColumns {
  readonly table: ChurnTable;
  readonly probability: Float64Array;
  readonly cluster: Int32Array;
  readonly reasonsUp: readonly string[];
  readonly reasonsDown: readonly string[];
}

export type ScoredRow = Record<string, string | number | null>;

/** Row fields and download columns the scores and the schema's columns take. */
const taken = (table: ChurnTable): ReadonlySet<string> =>
  new Set([
    "index",
    "line",
    idColumn(table.schema).name,
    "probability",
    "highRisk",
    "segment",
    "raisesRisk",
    "lowersRisk",
    "churn_probability",
    "high_risk",
    "raises_risk",
    "lowers_risk",
    targetColumn(table.schema).name,
    ...featureColumns(table.schema).map((c) => c.name),
  ]);

/**
 * The row field (and download column) of each uploaded extra column: its own name, or "NAME (uploaded)" when
 * the scores use that name. An uploaded column called "segment" or "probability" would otherwise be
 * overwritten by ours, in the rows and in the download, without a word.
 */
export function extraFields(table: ChurnTable): Map<string, string> {
  const fields = new Map<string, string>();
  const used = new Set(taken(table));
  for (const name of Object.keys(table.extra)) {
    let field = name;
    for (let k = 1; used.has(field); k++) field = k === 1 ? `${name} (uploaded)` : `${name} (uploaded ${k})`;
    used.add(field);
    fields.set(name, field);
  }
  return fields;
}

/** One object per customer; `index` is the row's position in the scored table. */
export function scoredRows(s: ScoredColumns, segmentNames: readonly string[], threshold: number): ScoredRow[] {
  const { table } = s;
  // The columns of the schema the table was checked against: the trained one on the Score page.
  const id = idColumn(table.schema).name;
  const target = targetColumn(table.schema).name;
  const features = featureColumns(table.schema);
  const out: ScoredRow[] = new Array(table.nRows);
  const extras = [...extraFields(table)].map(([name, field]) => [field, table.extra[name]] as const);
  for (let i = 0; i < table.nRows; i++) {
    // No prototype: a column of the file named "__proto__" or "toString" is a column like any other.
    const row: ScoredRow = Object.assign(keyedRecord<string | number | null>(), {
      index: i,
      line: table.sourceRows[i],
      [id]: table.ids[i],
      probability: s.probability[i],
      highRisk: s.probability[i] >= threshold ? "yes" : "no",
      segment: segmentNames[s.cluster[i]] ?? `cluster ${s.cluster[i]}`,
      raisesRisk: s.reasonsUp[i],
      lowersRisk: s.reasonsDown[i],
    });
    if (table.churn) row[target] = table.churn[i];
    for (const spec of features) {
      if (spec.kind === "numeric") {
        const v = table.numeric[spec.name][i];
        row[spec.name] = Number.isNaN(v) ? null : v;
      } else row[spec.name] = table.category[spec.name][i];
    }
    for (const [field, col] of extras) row[field] = col[i];
    out[i] = row;
  }
  return out;
}

/**
 * Sets every row's highRisk flag for another threshold, in place. The page builds the rows once per upload
 * and flags them again when the threshold moves: rebuilding 100,000 row objects took about a second a step.
 */
export function flagRows(rows: ScoredRow[], threshold: number): ScoredRow[] {
  for (const row of rows) row.highRisk = (row.probability as number) >= threshold ? "yes" : "no";
  return rows;
}

/** The download's own column names (the customer's columns keep theirs). */
export type DownloadColumn = "churn_probability" | "high_risk" | "segment" | "raises_risk" | "lowers_risk";

/** How a language heads the download's own columns and says the high-risk flag. */
export interface DownloadWords {
  readonly headers: Readonly<Record<DownloadColumn, string>>;
  readonly yes: string;
  readonly no: string;
}

/** The English download, as it has always been: snake_case headers a program can read, "yes" and "no". */
export const ENGLISH_DOWNLOAD_WORDS: DownloadWords = {
  headers: {
    churn_probability: "churn_probability",
    high_risk: "high_risk",
    segment: "segment",
    raises_risk: "raises_risk",
    lowers_risk: "lowers_risk",
  },
  yes: "yes",
  no: "no",
};

export interface DownloadOptions {
  /** Include the raises_risk / lowers_risk columns (default true); false for a file made before they are all computed. */
  readonly reasons?: boolean;
  /** The page language's headers and yes/no (English by default). */
  readonly words?: DownloadWords;
}

/** The download's own columns, after the ID. */
function ownColumns(options: DownloadOptions): DownloadColumn[] {
  return [
    "churn_probability",
    "high_risk",
    "segment",
    ...(options.reasons === false ? [] : (["raises_risk", "lowers_risk"] as const)),
  ];
}

/** The download's columns: ID, the scores, then the customer's columns as uploaded (cleaned). */
function downloadColumns(table: ChurnTable, options: DownloadOptions = {}): string[] {
  return [
    idColumn(table.schema).name,
    ...ownColumns(options),
    ...(table.churn ? [targetColumn(table.schema).name] : []),
    ...featureColumns(table.schema).map((c) => c.name),
    ...extraFields(table).values(),
  ];
}

const FIELD = new Map([
  ["churn_probability", "probability"],
  ["high_risk", "highRisk"],
  ["raises_risk", "raisesRisk"],
  ["lowers_risk", "lowersRisk"],
]);

/** The rows as a spreadsheet-safe CSV (BOM, CRLF, formula cells neutralised). */
export function rowsToCsv(table: ChurnTable, rows: readonly ScoredRow[], options: DownloadOptions = {}): string {
  const columns = downloadColumns(table, options);
  const words = options.words ?? ENGLISH_DOWNLOAD_WORDS;
  // By position: the ID, then our own columns (headed in the page's language), then the customer's as named.
  const own = ownColumns(options);
  const header = [columns[0]!, ...own.map((c) => words.headers[c]), ...columns.slice(1 + own.length)];
  const FLAG = 1 + own.indexOf("high_risk");
  const said = (value: string | number | null): CsvCell =>
    value === "yes" ? words.yes : value === "no" ? words.no : value;
  return toCsv(
    header,
    rows.map((row): CsvCell[] =>
      columns.map((c, k) => (k === FLAG ? said(row.highRisk ?? null) : (row[FIELD.get(c) ?? c] ?? null))),
    ),
  );
}
