// Exact copies of a customer's data under another ID. Kept in the table (they are in the file, and the
// report shows them), but marked, so that splits use distinct rows: a copy on each side of a train/test
// split would let a model score well by remembering rather than predicting.
import type { ChurnTable } from "./table.js";

export interface DuplicateReport {
  /** For each row, the index of the first row with the same data (ignoring the ID), or -1 for a first occurrence. */
  readonly duplicateOf: Int32Array;
  /** Rows that copy an earlier row. */
  readonly count: number;
  /** Distinct rows that have at least one copy. */
  readonly groups: number;
  /**
   * Further rows that copy an earlier row only once spellings are normalised ("Phone" = "Mobile Phone"). Not
   * counted as duplicates: the definition is "exact", as in the reference protocol (pandas' duplicated()).
   */
  readonly sameAfterNormalising: number;
}

type Spellings = Readonly<Record<string, readonly (string | null)[]>>;

function rowKeys(table: ChurnTable, categories: Spellings): (r: number) => string {
  const columns: ((r: number) => string)[] = [];
  if (table.churn) {
    const churn = table.churn;
    columns.push((r) => String(churn[r]));
  }
  for (const spec of table.schema.columns) {
    const num = table.numeric[spec.name];
    // NaN prints as "NaN", which no number prints as, so a blank only matches a blank.
    if (num) columns.push((r) => String(num[r]));
    const cat = categories[spec.name];
    if (cat) columns.push((r) => (cat[r] === null ? "\u0000" : (cat[r] as string)));
  }
  return (r) => columns.map((col) => col(r)).join("\u001f");
}

function firstOccurrences(n: number, key: (r: number) => string): { duplicateOf: Int32Array; count: number; groups: number } {
  const duplicateOf = new Int32Array(n).fill(-1);
  const first = new Map<string, number>();
  const hasCopies = new Set<number>();
  let count = 0;
  for (let r = 0; r < n; r++) {
    const k = key(r);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, r);
    else {
      duplicateOf[r] = seen;
      hasCopies.add(seen);
      count++;
    }
  }
  return { duplicateOf, count, groups: hasCopies.size };
}

/**
 * Compares the schema columns other than the ID; a blank equals a blank; numbers compare by value ("3" = "3.0").
 * Categories compare as written when `spellings` (from validation) is given, else as normalised. Extra columns
 * are left out: they never reach the models, and copies leak through a split whatever an unused column says.
 */
export function findDuplicates(table: ChurnTable, spellings?: Spellings): DuplicateReport {
  const exact = firstOccurrences(table.nRows, rowKeys(table, spellings ?? table.category));
  const loose = spellings ? firstOccurrences(table.nRows, rowKeys(table, table.category)).count : exact.count;
  return { ...exact, sameAfterNormalising: loose - exact.count };
}
