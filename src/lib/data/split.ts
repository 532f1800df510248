// Which rows train and which test, and the cross-validation folds. Splits take candidate rows (the distinct
// ones: copies removed, see duplicates.ts) and keep each class's share on both sides, so a 17% churn rate
// stays 17% in train, test and every fold. Seeded, so a report can be reproduced exactly.
import { InputError } from "./errors.js";
import { deriveSeed, mulberry32, shuffleInPlace } from "../random.js";

export interface Split {
  /** Row indices, ascending. */
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** Rows that are first occurrences (duplicateOf[i] === -1), ascending. */
export function distinctRows(duplicateOf: ArrayLike<number>): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < duplicateOf.length; i++) if (duplicateOf[i] === -1) out.push(i);
  return Int32Array.from(out);
}

/** Splits candidates into every distinct label value present, each in candidate order. */
function byClass(labels: ArrayLike<number>, candidates: ArrayLike<number>): Map<number, number[]> {
  const classes = new Map<number, number[]>();
  for (let k = 0; k < candidates.length; k++) {
    const row = candidates[k];
    const label = labels[row];
    let list = classes.get(label);
    if (!list) classes.set(label, (list = []));
    list.push(row);
  }
  return new Map([...classes.entries()].sort((a, b) => a[0] - b[0]));
}

/**
 * Stratified train/test split. The test set has ceil(n * testFraction) rows (as scikit-learn's
 * train_test_split), shared among classes by largest remainder so each class keeps its share.
 */
export function stratifiedSplit(labels: Uint8Array, candidates: Int32Array, testFraction: number, seed: number): Split {
  if (!(testFraction > 0 && testFraction < 1)) throw new RangeError(`testFraction must be between 0 and 1, got ${testFraction}`);
  const n = candidates.length;
  const nTest = Math.ceil(n * testFraction);
  const classes = byClass(labels, candidates);
  const quotas = [...classes.entries()].map(([label, rows]) => {
    const exact = (rows.length * nTest) / n;
    return { label, rows, take: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = nTest - quotas.reduce((s, q) => s + q.take, 0);
  for (const q of [...quotas].sort((a, b) => b.remainder - a.remainder || a.label - b.label)) {
    if (left <= 0) break;
    q.take++;
    left--;
  }
  const test: number[] = [];
  const train: number[] = [];
  for (const q of quotas) {
    const rows = shuffleInPlace(q.rows.slice(), mulberry32(deriveSeed(seed, `split:class-${q.label}`)));
    // One push per row: spreading a class into push() passes every row as an argument on the call stack.
    for (let k = 0; k < rows.length; k++) (k < q.take ? test : train).push(rows[k]);
  }
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort() };
}

export interface IdSplit extends Split {
  /** Requested test IDs that are rows of the table but not candidates (copies of another row), left out. */
  readonly excluded: readonly string[];
}

/**
 * A user-chosen test set by customer ID (to compare with another tool on the same split). IDs of any type are
 * matched as the ID column's values are written in the file ("A-0042-XK" as a string, 50001 as a number or a
 * string), apart from surrounding spaces. IDs not in the table are an error naming them and `column`; IDs of
 * rows that are not candidates (removed copies) are left out and listed.
 */
export function splitByIds(
  ids: readonly string[],
  candidates: Int32Array,
  testIds: readonly (string | number)[],
  file = "test IDs",
  column = "CustomerID",
): IdSplit {
  const rowOf = new Map<string, number>();
  ids.forEach((id, row) => rowOf.set(id, row));
  const isCandidate = new Uint8Array(ids.length);
  for (const row of candidates) isCandidate[row] = 1;
  const wanted = new Uint8Array(ids.length);
  const unknown: string[] = [];
  const excluded: string[] = [];
  for (const raw of testIds) {
    const id = String(raw).trim();
    const row = rowOf.get(id);
    if (row === undefined) unknown.push(id);
    else if (!isCandidate[row]) excluded.push(id);
    else wanted[row] = 1;
  }
  if (unknown.length > 0) {
    throw InputError.fromIssues(
      file,
      unknown.map((id) => ({ file, column, value: id, problem: `is not a value of the ID column ${column} in the data` })),
    );
  }
  const train: number[] = [];
  const test: number[] = [];
  for (const row of candidates) (wanted[row] ? test : train).push(row);
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort(), excluded };
}

/**
 * Stratified k-fold assignment: fold (0..k-1) for each entry of labels. Each class is shuffled and dealt round
 * robin, continuing the deal from one class to the next, so fold sizes differ by at most one overall and
 * within each class.
 */
export function stratifiedKFold(labels: Uint8Array, k: number, seed: number): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 255) throw new RangeError(`k must be a whole number from 2 to 255, got ${k}`);
  const folds = new Uint8Array(labels.length);
  const all = Int32Array.from({ length: labels.length }, (_, i) => i);
  let next = 0;
  for (const [label, rows] of byClass(labels, all)) {
    shuffleInPlace(rows, mulberry32(deriveSeed(seed, `kfold:class-${label}`)));
    for (const row of rows) {
      folds[row] = next;
      next = (next + 1) % k;
    }
  }
  return folds;
}
