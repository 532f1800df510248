// Curves as the Models page draws them: one point per distinct score is a few hundred points on a few
// thousand customers but a hundred thousand on a million. Above the cap, points evenly spaced along the
// curve's order are kept (the first and last always), which a chart a few hundred pixels wide cannot tell
// from the whole; the areas in the artifact are computed on the whole curve before this.

/** Curve points the artifact keeps per curve; the real data's longest (its PR curve) has 1,015. */
export const CURVE_POINTS_CAP = 2_000;

/** Indices of at most `cap` points of a curve of n points, evenly spaced, first and last included. */
export function thinnedIndices(n: number, cap: number): number[] {
  if (!(Number.isInteger(cap) && cap >= 2))
    throw new RangeError(`curve cap must be a whole number of at least 2, got ${cap}`);
  if (n <= cap) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: cap }, (_, k) => Math.round((k * (n - 1)) / (cap - 1)));
}

/** The same points of each of a curve's parallel arrays. */
export function thinCurve<T extends Record<string, readonly number[]>>(curve: T, cap = CURVE_POINTS_CAP): T {
  const arrays = Object.values(curve);
  const n = arrays.length === 0 ? 0 : arrays[0].length;
  if (n <= cap) return curve;
  const keep = thinnedIndices(n, cap);
  return Object.fromEntries(Object.entries(curve).map(([k, v]) => [k, keep.map((i) => v[i])])) as unknown as T;
}
