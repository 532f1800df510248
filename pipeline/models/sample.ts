// Seeded stratified samples for the parts of the evaluation whose cost grows faster than the rows: fitting a
// model whose training is quadratic or worse (k-nearest neighbours stores and searches every row, the SVM's
// solver), and permutation importance (every test row rescored once per column and repeat). Below the cap
// the rows are used as they are, so a table of a few thousand customers is evaluated exactly as before.
import { stratifiedSplit } from "../../src/lib/data/split.js";

/**
 * At most `cap` of `rows` (ascending table rows), each class keeping its share; `rows` itself when it has no
 * more than `cap`. `labels` is indexed by table row.
 */
export function stratifiedSample(labels: Uint8Array, rows: Int32Array, cap: number, seed: number): Int32Array {
  if (!(Number.isInteger(cap) && cap > 0))
    throw new RangeError(`sample cap must be a positive whole number, got ${cap}`);
  if (rows.length <= cap) return rows;
  // stratifiedSplit's test side has ceil(n x fraction) rows: the fraction is nudged down so that is `cap`.
  const fraction = (cap - 0.5) / rows.length;
  return stratifiedSplit(labels, rows, fraction, seed).test;
}

/** Positions (0 … n-1) of a stratified sample of at most `cap` of n rows with these labels. */
export function stratifiedPositions(labels: Uint8Array, cap: number, seed: number): Int32Array {
  const all = Int32Array.from({ length: labels.length }, (_, i) => i);
  return stratifiedSample(labels, all, cap, seed);
}
