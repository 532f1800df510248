// How the statistics read a ChurnTable: one column at a time, blanks dropped for that column only (so
// a blank in one column never removes a customer from another column's test), groups split by churn.

import { findColumn } from "../data/schema.js";
import type { ChurnTable } from "../data/table.js";
import { formatCount } from "./format.js";

export function requireChurn(table: ChurnTable): Uint8Array {
  if (!table.churn)
    throw new Error("these statistics compare churned and retained customers: the table has no Churn column");
  return table.churn;
}

export interface NumericSplit {
  /** Non-blank values of customers who stayed (Churn = 0). */
  readonly stayed: Float64Array;
  /** Non-blank values of customers who churned (Churn = 1). */
  readonly churned: Float64Array;
  /** Rows with a blank in this column. */
  readonly missing: number;
  readonly nRows: number;
}

export function isNumericColumn(table: ChurnTable, column: string): boolean {
  return Object.prototype.hasOwnProperty.call(table.numeric, column);
}

export function isCategoryColumn(table: ChurnTable, column: string): boolean {
  return Object.prototype.hasOwnProperty.call(table.category, column);
}

export function splitByChurn(table: ChurnTable, column: string): NumericSplit {
  const churn = requireChurn(table);
  const values = table.numeric[column];
  if (!values) throw new Error(`no numeric column ${column}`);
  let nChurned = 0;
  let nStayed = 0;
  for (let i = 0; i < table.nRows; i++) {
    if (Number.isNaN(values[i])) continue;
    if (churn[i]) nChurned++;
    else nStayed++;
  }
  const stayed = new Float64Array(nStayed);
  const churned = new Float64Array(nChurned);
  let s = 0;
  let c = 0;
  for (let i = 0; i < table.nRows; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (churn[i]) churned[c++] = v;
    else stayed[s++] = v;
  }
  return { stayed, churned, missing: table.nRows - nStayed - nChurned, nRows: table.nRows };
}

/** The levels of a column as text: a category's canonical values first, then any others seen, in order of appearance. */
export interface LevelCoding {
  readonly levels: readonly string[];
  /** Level index per row; -1 for a blank. */
  readonly index: Int32Array;
  readonly missing: number;
}

export function codeLevels(table: ChurnTable, column: string): LevelCoding {
  const index = new Int32Array(table.nRows).fill(-1);
  const levels: string[] = [];
  const position = new Map<string, number>();
  const add = (level: string): number => {
    let k = position.get(level);
    if (k === undefined) {
      k = levels.length;
      levels.push(level);
      position.set(level, k);
    }
    return k;
  };
  let missing = 0;
  if (isCategoryColumn(table, column)) {
    const spec = findColumn(table.schema, column);
    if (spec?.kind === "category") for (const v of spec.values) add(v);
    const values = table.category[column];
    for (let i = 0; i < table.nRows; i++) {
      const v = values[i];
      if (v === null) missing++;
      else index[i] = add(v);
    }
  } else if (isNumericColumn(table, column)) {
    // Numeric levels in numeric order, so 0/1 flags read "0, 1" and tiers "1, 2, 3".
    const values = table.numeric[column];
    const distinct = [...new Set(Array.from(values).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    for (const v of distinct) add(String(v));
    for (let i = 0; i < table.nRows; i++) {
      if (Number.isNaN(values[i])) missing++;
      else index[i] = position.get(String(values[i])) as number;
    }
  } else {
    throw new Error(`no column ${column}`);
  }
  return { levels, index, missing };
}

/** Counts of stayed and churned customers per level: rows are levels, columns [stayed, churned]. */
export function levelCounts(coding: LevelCoding, churn: Uint8Array): number[][] {
  const counts = coding.levels.map(() => [0, 0]);
  for (let i = 0; i < coding.index.length; i++) {
    const k = coding.index[i];
    if (k >= 0) counts[k][churn[i] ? 1 : 0]++;
  }
  return counts;
}

/** The missing-value policy as one sentence, with the counts. */
export function missingPolicy(column: string, nRows: number, missing: number): string {
  return missing === 0
    ? `${column} has no blank values: n = ${formatCount(nRows)}.`
    : `Blank values dropped for this column only: n = ${formatCount(nRows - missing)} of ${formatCount(nRows)} ` +
        `(${formatCount(missing)} blank ${column} value${missing === 1 ? "" : "s"} left out).`;
}
