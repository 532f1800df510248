// A column recorded after a customer left (a cancellation reason, a retention-call score, a churn date)
// makes a model look perfect and useless. Each feature column is screened on the training rows alone: a
// column that by itself separates churners almost perfectly, or whose blanks line up with churn, is
// flagged as a possible leak and left out of the models (and everything after them) unless the config
// keeps it. The test rows play no part, so the screen cannot flatter the test figures.
import { rocAuc } from "../metrics/roc.js";
import { featureColumns, withoutColumns } from "./schema.js";
import type { ChurnTable } from "./table.js";

/** A column that alone ranks churners above stayers this well (ROC-AUC, either direction) is a leak. */
export const LEAK_AUC = 0.98;
/** Fewest training rows of each class the screen needs to say anything. */
const MIN_CLASS_ROWS = 5;

export interface LeakFlag {
  readonly column: string;
  /** ROC-AUC of the column alone (its values, or its levels' churn rates), folded so 0.5 is no signal. */
  readonly rocAuc: number | null;
  /** ROC-AUC of "this cell is blank" alone, folded. */
  readonly blankAuc: number | null;
  readonly evidence: string;
  /** True when the config keeps the column in the models anyway. */
  readonly kept: boolean;
}

export interface LeakScreen {
  readonly screenedOn: "training rows";
  readonly rows: number;
  readonly threshold: number;
  /** Every flagged column, with the evidence; empty when nothing looks like a leak. */
  readonly leaks: readonly LeakFlag[];
  readonly excluded: readonly string[];
}

const fold = (auc: number) => (Number.isNaN(auc) ? null : Math.max(auc, 1 - auc));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function enoughOfEach(y: ArrayLike<number>): boolean {
  let ones = 0;
  for (let i = 0; i < y.length; i++) ones += y[i];
  return ones >= MIN_CLASS_ROWS && y.length - ones >= MIN_CLASS_ROWS;
}

/** Screens every feature column of the table on the given training rows. */
export function screenLeaks(table: ChurnTable, train: ArrayLike<number>): LeakScreen {
  const churn = table.churn;
  if (!churn) throw new Error("screenLeaks: the table has no churn column");
  const y = Float64Array.from({ length: train.length }, (_, k) => churn[train[k]]);
  const keep = new Set(table.schema.keepLeaks);
  const leaks: LeakFlag[] = [];
  if (enoughOfEach(y)) {
    for (const spec of featureColumns(table.schema)) {
      const blank = new Float64Array(train.length);
      const score = new Float64Array(train.length);
      let blanks = 0;
      if (spec.kind === "numeric") {
        const column = table.numeric[spec.name];
        for (let k = 0; k < train.length; k++) {
          const v = column[train[k]];
          blank[k] = Number.isNaN(v) ? 1 : 0;
          score[k] = v;
          blanks += blank[k];
        }
      } else {
        // A category scores each row by its level's churn rate (blank is a level of its own).
        const column = table.category[spec.name];
        const tally = new Map<string | null, [number, number]>();
        for (let k = 0; k < train.length; k++) {
          const level = column[train[k]];
          const t = tally.get(level) ?? [0, 0];
          t[0]++;
          t[1] += y[k];
          tally.set(level, t);
          blank[k] = level === null ? 1 : 0;
          blanks += blank[k];
        }
        for (let k = 0; k < train.length; k++) {
          const [n, ones] = tally.get(column[train[k]]) as [number, number];
          score[k] = ones / n;
        }
      }
      const present = Array.from({ length: train.length }, (_, k) => k).filter((k) => !Number.isNaN(score[k]));
      const yPresent = present.map((k) => y[k]);
      const valueAuc = enoughOfEach(yPresent) ? fold(rocAuc(yPresent, present.map((k) => score[k]))) : null;
      const blankAuc = blanks > 0 ? fold(rocAuc(y, blank)) : null;
      const reasons: string[] = [];
      if (valueAuc !== null && valueAuc >= LEAK_AUC) {
        reasons.push(`alone it separates churners from stayers with ROC-AUC ${valueAuc.toFixed(3)} on the training rows`);
      }
      if (blankAuc !== null && blankAuc >= LEAK_AUC) {
        let blankChurn = 0;
        for (let k = 0; k < train.length; k++) blankChurn += blank[k] * y[k];
        reasons.push(
          `its blanks line up with churn: ${blanks} of ${train.length} training rows are blank, ${pct(blankChurn / blanks)} of them churned (ROC-AUC of "is blank" ${blankAuc.toFixed(3)})`,
        );
      }
      if (reasons.length > 0) {
        leaks.push({
          column: spec.name,
          rocAuc: valueAuc,
          blankAuc,
          evidence: `possible leak (recorded after the customer left?): ${reasons.join("; ")}`,
          kept: keep.has(spec.name),
        });
      }
    }
  }
  return {
    screenedOn: "training rows",
    rows: train.length,
    threshold: LEAK_AUC,
    leaks,
    excluded: leaks.filter((l) => !l.kept).map((l) => l.column),
  };
}

/** The table with the screen's excluded columns moved out of its schema's features. */
export function excludeLeaks(table: ChurnTable, screen: LeakScreen): ChurnTable {
  if (screen.excluded.length === 0) return table;
  const schema = withoutColumns(
    table.schema,
    screen.leaks.filter((l) => !l.kept).map((l) => ({ name: l.column, reason: l.evidence })),
  );
  const out = new Set(screen.excluded);
  const numeric = Object.fromEntries(Object.entries(table.numeric).filter(([name]) => !out.has(name)));
  const category = Object.fromEntries(Object.entries(table.category).filter(([name]) => !out.has(name)));
  return { ...table, schema, numeric, category };
}
