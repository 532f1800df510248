// What is in each column, as read: the numbers the Data page shows and the checks a user makes first
// (how many blanks, what range, which categories). Computed on every row, duplicates included, because it
// describes the file; the models' statistics come from training rows only (encode.ts).
import type { ChurnTable } from "./table.js";
import { medianSorted } from "../stats/quantile.js";

interface BaseProfile {
  readonly name: string;
  /** Blank cells. */
  readonly missing: number;
  /** Distinct non-blank values. */
  readonly distinct: number;
}

export interface NumericProfile extends BaseProfile {
  readonly kind: "numeric";
  /** null when every cell is blank. */
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  readonly median: number | null;
  /** Sample standard deviation (n - 1); null below two values. */
  readonly sd: number | null;
}

export interface CountedValue {
  readonly value: string;
  readonly count: number;
}

export interface CategoryProfile extends BaseProfile {
  readonly kind: "category" | "target" | "extra";
  /** Value counts: canonical order for schema categories, then by count (most first) for the rest. */
  readonly counts: readonly CountedValue[];
}

export interface IdProfile extends BaseProfile {
  readonly kind: "id";
}

export type ColumnProfile = NumericProfile | CategoryProfile | IdProfile;

/** Numeric summary of one column, ignoring NaN. */
export function profileNumbers(name: string, values: ArrayLike<number>): NumericProfile {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present.push(values[i]);
  const n = present.length;
  const missing = values.length - n;
  if (n === 0) return { name, kind: "numeric", missing, distinct: 0, min: null, max: null, mean: null, median: null, sd: null };
  present.sort((a, b) => a - b);
  let sum = 0;
  for (const v of present) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of present) ss += (v - mean) ** 2;
  let distinct = 1;
  for (let i = 1; i < n; i++) if (present[i] !== present[i - 1]) distinct++;
  const median = medianSorted(present);
  return { name, kind: "numeric", missing, distinct, min: present[0], max: present[n - 1], mean, median, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null };
}

/** Counts of text values; `order` values come first (even at zero), the rest by count, then alphabetically. */
export function countValues(values: readonly (string | null)[], order: readonly string[] = []): { counts: CountedValue[]; missing: number } {
  const tally = new Map<string, number>(order.map((v) => [v, 0]));
  let missing = 0;
  for (const v of values) {
    if (v === null || v === "") missing++;
    else tally.set(v, (tally.get(v) ?? 0) + 1);
  }
  const rest = [...tally.entries()]
    .filter(([v]) => !order.includes(v))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const counts = [...order.map((v) => ({ value: v, count: tally.get(v) ?? 0 })), ...rest.map(([value, count]) => ({ value, count }))];
  return { counts, missing };
}

/** One profile per column: schema columns in schema order, then the extra columns. */
export function profileTable(table: ChurnTable): ColumnProfile[] {
  const profiles: ColumnProfile[] = [];
  for (const spec of table.schema.columns) {
    if (spec.kind === "id") {
      const present = table.ids.filter((id) => id !== "");
      profiles.push({ name: spec.name, kind: "id", missing: table.ids.length - present.length, distinct: new Set(present).size });
    } else if (spec.kind === "target") {
      if (!table.churn) continue;
      // Counted as 0/1 (stayed/left), whatever the file writes: the summary says which value is which.
      const { counts, missing } = countValues(Array.from(table.churn, String), ["0", "1"]);
      profiles.push({ name: spec.name, kind: "target", missing, distinct: counts.filter((c) => c.count > 0).length, counts });
    } else if (spec.kind === "numeric") {
      const column = table.numeric[spec.name];
      if (column) profiles.push(profileNumbers(spec.name, column));
    } else {
      const column = table.category[spec.name];
      if (!column) continue;
      const { counts, missing } = countValues(column, spec.values);
      profiles.push({ name: spec.name, kind: "category", missing, distinct: counts.filter((c) => c.count > 0).length, counts });
    }
  }
  for (const [name, column] of Object.entries(table.extra)) {
    const { counts, missing } = countValues(column.map((v) => v.trim()));
    profiles.push({ name, kind: "extra", missing, distinct: counts.length, counts: counts.slice(0, 20) });
  }
  return profiles;
}
