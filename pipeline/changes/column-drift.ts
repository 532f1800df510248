// Drift of every column the two builds share, between the baseline's distinct customers and this build's.
// Which columns exist and of which kind is read from the two cleaned tables (numbers and categories), not
// from a list of known names, so a file with other columns is compared the same way.
import type { DriftSection } from "../../src/lib/changes/artifact.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import { categoryDrift, DRIFT_RULE, numericDrift, type ColumnDrift } from "../../src/lib/stats/drift.js";

export interface ColumnKinds {
  readonly numeric: readonly string[];
  readonly category: readonly string[];
}

const kindsOf = (table: ChurnTable): Map<string, "numeric" | "category"> =>
  new Map([
    ...Object.keys(table.numeric).map((name) => [name, "numeric"] as const),
    ...Object.keys(table.category).map((name) => [name, "category"] as const),
  ]);

/** `then` and `now` hold the rows to compare (the distinct customers of each build). */
export function columnDrift(then: ChurnTable, now: ChurnTable): DriftSection {
  const a = kindsOf(then);
  const b = kindsOf(now);
  const columns: ColumnDrift[] = [];
  const kindChanged: DriftSection["kindChanged"][number][] = [];
  for (const [name, kind] of a) {
    const other = b.get(name);
    if (other === undefined) continue;
    if (other !== kind) {
      kindChanged.push({ column: name, then: kind, now: other });
      continue;
    }
    columns.push(
      kind === "numeric"
        ? numericDrift(name, then.numeric[name], now.numeric[name])
        : categoryDrift(name, then.category[name], now.category[name]),
    );
  }
  // Largest effect first; ties (and NaN, last) in column order, so the ranking is deterministic.
  const rank = (d: ColumnDrift) => (Number.isNaN(d.effect) ? -Infinity : d.effect);
  const order = columns.map((d, i) => ({ d, i })).sort((x, y) => rank(y.d) - rank(x.d) || x.i - y.i);
  return {
    rule: DRIFT_RULE,
    columns: order.map(({ d }) => d),
    added: [...b.keys()].filter((name) => !a.has(name)),
    removed: [...a.keys()].filter((name) => !b.has(name)),
    kindChanged,
    drifted: columns.filter((d) => d.drifted).length,
  };
}
