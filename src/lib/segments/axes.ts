// Which three columns the segments group customers on. The schema's recency, frequency and monetary roles
// when it has them (the Kaggle preset's, or the config's); otherwise a numeric column whose name says the
// role ("days since last order", "visits", "spend"), and failing that the numeric columns that move churn
// most on the training rows. Every choice is said in words, so the Segments page can tell the reader why.
import { rocAuc } from "../metrics/roc.js";
import { featureColumns, ROLE_NAMES, type RoleName, type RoleWords } from "../data/schema.js";
import type { ChurnTable } from "../data/table.js";
import type { AxisWords, RfmKey, SegmentAxisChoice, SegmentRoles } from "./rfm.js";

export type SegmentAxis = SegmentAxisChoice;

const NAME_HINTS: Record<RoleName, RegExp> = {
  recency: /recen|since|last.?(order|login|visit|purchase|activity)|inactive|최근|경과/i,
  frequency: /count|orders?\b|visits?|purchases?|frequency|logins?|transactions?|sessions?|횟수|빈도/i,
  monetary: /spend|amount|revenue|balance|fee|charge|value|cashback|payment|sales|결제|금액|매출/i,
};

/** The three axes, in role order. Throws when the table has fewer than three numeric feature columns. */
export function chooseAxes(table: ChurnTable, trainRows: ArrayLike<number>): SegmentAxis[] {
  const schema = table.schema;
  const numeric = featureColumns(schema)
    .filter((c) => c.kind === "numeric" && table.numeric[c.name])
    .map((c) => c.name);
  const used = new Set<string>();
  const axes: (SegmentAxis | null)[] = ROLE_NAMES.map((role) => {
    const column = schema.roles[role];
    if (column && numeric.includes(column)) {
      used.add(column);
      return {
        role,
        column,
        source: "role",
        why: `${column} plays ${role} (${schema.preset ? "preset" : "configured"})`,
      };
    }
    return null;
  });
  ROLE_NAMES.forEach((role, r) => {
    if (axes[r]) return;
    const column = numeric.find((c) => !used.has(c) && NAME_HINTS[role].test(c));
    if (column) {
      used.add(column);
      axes[r] = { role, column, source: "name", why: `${column} stands in for ${role}: its name says so` };
    }
  });
  if (axes.some((a) => a === null)) {
    const churn = table.churn;
    const strength = (name: string): number => {
      if (!churn) return 0;
      const col = table.numeric[name];
      const y: number[] = [];
      const x: number[] = [];
      for (let k = 0; k < trainRows.length; k++) {
        const v = col[trainRows[k]];
        if (Number.isNaN(v)) continue;
        y.push(churn[trainRows[k]]);
        x.push(v);
      }
      const auc = y.length > 1 ? rocAuc(y, x) : NaN;
      return Number.isNaN(auc) ? 0 : Math.abs(auc - 0.5);
    };
    const ranked = numeric
      .filter((c) => !used.has(c))
      .map((c) => ({ c, s: strength(c) }))
      .sort((a, b) => b.s - a.s || (a.c < b.c ? -1 : 1));
    ROLE_NAMES.forEach((role, r) => {
      if (axes[r]) return;
      const next = ranked.shift();
      if (!next) return;
      used.add(next.c);
      axes[r] = {
        role,
        column: next.c,
        source: "churn",
        why: `${next.c} stands in for ${role}: no column plays it, and ${next.c} moves churn most among the rest (ROC-AUC ${(0.5 + next.s).toFixed(2)} alone on the training rows)`,
      };
    });
  }
  if (axes.some((a) => a === null)) {
    throw new Error(`segments need three numeric columns; the table has ${numeric.length} (${numeric.join(", ")})`);
  }
  return axes as SegmentAxis[];
}

/** Words for axes whose column plays the role (recency in days: a low value is a recent customer). */
export const ROLE_WORDS: AxisWords = {
  recency: {
    low: "Recent",
    mid: "Cooling",
    high: "Lapsed",
    less: "more recent",
    more: "less recent",
    counting: "recency",
  },
  frequency: {
    low: "infrequent",
    mid: "regular",
    high: "frequent",
    less: "less often",
    more: "more often",
    counting: "frequency",
  },
  monetary: {
    low: "low-value",
    mid: "mid-value",
    high: "high-value",
    less: "less value",
    more: "more value",
    counting: "value",
  },
};

/** Words for each axis: the schema's own, the role's, or (for a stand-in column) the column's name. */
export function axisWords(axes: readonly SegmentAxis[], own: Partial<Record<RfmKey, RoleWords>> = {}): AxisWords {
  const words = (key: RfmKey): RoleWords => {
    const own_ = own[key];
    if (own_) return own_;
    const axis = axes.find((a) => a.role === key);
    if (!axis || axis.source !== "churn") return ROLE_WORDS[key];
    const c = axis.column;
    return {
      low: `low ${c}`,
      mid: `mid ${c}`,
      high: `high ${c}`,
      less: `lower ${c}`,
      more: `higher ${c}`,
      counting: c,
    };
  };
  return { recency: words("recency"), frequency: words("frequency"), monetary: words("monetary") };
}

/**
 * The segment roles of a table: its axes (chooseAxes), their words, what M is, and why each column was chosen
 * when one stands in for a role the schema lacks (the preset's and a config's roles need no reason).
 */
export function segmentRoles(table: ChurnTable, trainRows: ArrayLike<number>): SegmentRoles {
  const axes = chooseAxes(table, trainRows);
  const columns = { recency: axes[0].column, frequency: axes[1].column, monetary: axes[2].column };
  const monetaryNote =
    table.schema.monetaryNote ??
    (axes[2].source === "role"
      ? `M is ${columns.monetary}, as configured.`
      : `M is ${columns.monetary}: ${axes[2].why}.`);
  return {
    columns,
    monetaryNote,
    words: axisWords(axes, table.schema.roleWords),
    ...(axes.some((a) => a.source !== "role") ? { axes } : {}),
  };
}
