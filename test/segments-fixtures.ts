// Synthetic tables for the segments tests: three RFM groups far apart, each with its own churn rate, and
// every other schema column filled with seeded noise so the profiles have something to compare.
import { FEATURE_COLUMNS } from "../src/lib/data/schema.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { mulberry32, randomNormal } from "../src/lib/random.js";

export interface Group {
  readonly n: number;
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly churnRate: number;
}

export const THREE_GROUPS: readonly Group[] = [
  { n: 150, recency: 2, frequency: 10, monetary: 300, churnRate: 0.05 },
  { n: 200, recency: 15, frequency: 2, monetary: 120, churnRate: 0.4 },
  { n: 250, recency: 5, frequency: 3, monetary: 180, churnRate: 0.2 },
];

/** Rows grouped in order; a small share of R/F blanks (NaN) to exercise imputation. */
export function syntheticTable(groups: readonly Group[] = THREE_GROUPS, seed = 7): ChurnTable {
  const random = mulberry32(seed);
  const n = groups.reduce((s, g) => s + g.n, 0);
  const numeric: Record<string, Float64Array> = {};
  const category: Record<string, (string | null)[]> = {};
  for (const spec of FEATURE_COLUMNS) {
    if (spec.kind === "numeric") numeric[spec.name] = new Float64Array(n);
    else category[spec.name] = new Array<string | null>(n).fill(null);
  }
  const churn = new Uint8Array(n);
  const ids: string[] = [];
  let i = 0;
  groups.forEach((g, gi) => {
    for (let t = 0; t < g.n; t++, i++) {
      ids.push(String(50001 + i));
      for (const spec of FEATURE_COLUMNS) {
        if (spec.kind === "numeric")
          numeric[spec.name][i] = Math.max(
            spec.min,
            Math.min(spec.max, Math.round(spec.min + random() * Math.min(10, spec.max - spec.min))),
          );
        else category[spec.name][i] = spec.values[Math.floor(random() * spec.values.length)];
      }
      numeric.DaySinceLastOrder[i] = Math.max(0, g.recency + randomNormal(random));
      numeric.OrderCount[i] = Math.max(1, g.frequency + 0.5 * randomNormal(random));
      numeric.CashbackAmount[i] = g.monetary + 10 * randomNormal(random);
      // Group-specific category so "distinctive" has a clear answer.
      category.PreferedOrderCat[i] = ["Grocery", "Fashion", "Mobile Phone"][gi % 3];
      if (random() < 0.03) numeric.DaySinceLastOrder[i] = NaN;
      if (random() < 0.03) numeric.OrderCount[i] = NaN;
      churn[i] = random() < g.churnRate ? 1 : 0;
    }
  });
  return {
    nRows: n,
    ids,
    churn,
    numeric,
    category,
    extra: {},
    sourceRows: Int32Array.from({ length: n }, (_, k) => k + 2),
  };
}
