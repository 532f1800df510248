// Matching two sets of things by a cost, one to one: segments of last month's build to this month's by the
// distance between their centres, since k-means numbers its clusters arbitrarily from run to run.

/**
 * Minimum-cost one-to-one assignment (Hungarian algorithm with potentials, O(n² m)) for a rows x cols cost
 * matrix. Returns, for each row, the column it is matched to, or -1 when there are more rows than columns
 * and the row is left over. Ties are broken toward lower indices, so the answer is deterministic.
 */
export function minCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const cols = rows > 0 ? cost[0].length : 0;
  if (cost.some((row) => row.length !== cols)) throw new RangeError("cost matrix rows of different lengths");
  if (cost.some((row) => row.some((c) => !Number.isFinite(c)))) throw new RangeError("cost matrix must be finite");
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  // The algorithm wants rows <= cols; solve the transpose otherwise.
  if (rows > cols) {
    const byCol = minCostAssignment(Array.from({ length: cols }, (_, j) => cost.map((row) => row[j])));
    const out = new Array<number>(rows).fill(-1);
    byCol.forEach((i, j) => (out[i] = j));
    return out;
  }
  const n = rows;
  const m = cols;
  // 1-based arrays as in the textbook formulation; index 0 is the virtual start.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const matchOfCol = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    matchOfCol[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = matchOfCol[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[matchOfCol[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (matchOfCol[j0] !== 0);
    do {
      const j1 = way[j0];
      matchOfCol[j0] = matchOfCol[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (matchOfCol[j] > 0) out[matchOfCol[j] - 1] = j - 1;
  return out;
}

/** Euclidean distances between every point of `a` and every point of `b` (same dimension). */
export function distanceMatrix(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map((p) =>
    b.map((q) => {
      if (p.length !== q.length) throw new RangeError("points of different dimensions");
      let s = 0;
      for (let d = 0; d < p.length; d++) s += (p[d] - q[d]) ** 2;
      return Math.sqrt(s);
    }),
  );
}

/** Sum of the matched costs (rows left over add nothing). */
export function assignmentCost(cost: readonly (readonly number[])[], assignment: readonly number[]): number {
  return assignment.reduce((s, j, i) => (j >= 0 ? s + cost[i][j] : s), 0);
}
