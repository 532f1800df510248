// Builds a small ChurnTable by hand for the statistics tests.

import type { ChurnTable } from "../../src/lib/data/table.js";

export function statsTable(spec: {
  churn: readonly number[];
  numeric?: Record<string, readonly number[]>;
  category?: Record<string, readonly (string | null)[]>;
}): ChurnTable {
  const n = spec.churn.length;
  const numeric: Record<string, Float64Array> = {};
  for (const [name, values] of Object.entries(spec.numeric ?? {})) numeric[name] = Float64Array.from(values);
  const category: Record<string, (string | null)[]> = {};
  for (const [name, values] of Object.entries(spec.category ?? {})) category[name] = [...values];
  return {
    nRows: n,
    ids: Array.from({ length: n }, (_, i) => String(i + 1)),
    churn: Uint8Array.from(spec.churn),
    numeric,
    category,
    extra: {},
    sourceRows: Int32Array.from({ length: n }, (_, i) => i + 2),
  };
}
