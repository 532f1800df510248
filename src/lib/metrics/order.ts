// Most ranking metrics walk the rows from the highest score down, a tie group at a time. This is the one
// place that decides that order, so every metric treats ties the same way.

/** Labels as 0/1 and scores of the same length; scores must be numbers (NaN is a caller's bug, not a score). */
export function checkScores(y: ArrayLike<number>, p: ArrayLike<number>, where: string): void {
  if (y.length !== p.length) throw new Error(`${where}: ${y.length} labels but ${p.length} scores`);
  for (let i = 0; i < p.length; i++) {
    if (p[i] !== p[i]) throw new Error(`${where}: score ${i} is NaN`);
  }
}

/**
 * Row indices by score, highest first; equal scores keep index order. Already-sorted input (the bootstrap
 * builds its resamples that way) is recognised in one pass and not sorted again.
 */
export function descendingOrder(p: ArrayLike<number>): Int32Array {
  const n = p.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && p[i] > p[i - 1]) sorted = false;
  }
  if (!sorted) order.sort((a, b) => p[b] - p[a] || a - b);
  return order;
}

/** Positives and negatives counted. */
export function classCounts(y: ArrayLike<number>): { positives: number; negatives: number } {
  let positives = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) positives++;
  return { positives, negatives: y.length - positives };
}

/**
 * Cumulative true and false positives at each distinct score, highest first: flagging every row scored at
 * or above thresholds[k] catches tp[k] churners and fp[k] stayers. The basis of the ROC and PR curves and of
 * the threshold policies.
 */
export interface ScoreSweep {
  readonly thresholds: Float64Array;
  readonly tp: Float64Array;
  readonly fp: Float64Array;
  readonly positives: number;
  readonly negatives: number;
}

export function sweepScores(y: ArrayLike<number>, p: ArrayLike<number>): ScoreSweep {
  checkScores(y, p, "sweepScores");
  const order = descendingOrder(p);
  const n = order.length;
  const thresholds: number[] = [];
  const tp: number[] = [];
  const fp: number[] = [];
  let t = 0;
  let f = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (y[i] === 1) t++;
    else f++;
    // Close a group only after its last tied row: a threshold flags all rows with that score or none.
    if (k === n - 1 || p[order[k + 1]] !== p[i]) {
      thresholds.push(p[i]);
      tp.push(t);
      fp.push(f);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    tp: Float64Array.from(tp),
    fp: Float64Array.from(fp),
    positives: t,
    negatives: f,
  };
}
