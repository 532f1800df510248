// Sentences about what changed since the baseline, written from changes.json's numbers for the "What
// changed" page and the overview's one line. Plain text: the pages put it in with textContent.
import type { ChangesArtifact, ModelFigures } from "./artifact.js";
import { describePsi, type ColumnDrift } from "../stats/drift.js";
import { formatCount, formatPercent } from "../stats/format.js";

const pct = formatPercent;
const fixed = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const count = (x: number): string => formatCount(Math.round(x));
const points = (d: number): string => `${d >= 0 ? "+" : "−"}${Math.abs(d * 100).toFixed(1)} points`;

/** How a column moved, in its own terms: "mean 15.2 → 27.1" or "UPI 6.9% → 28.4%". */
export function movementText(d: ColumnDrift): string {
  if (d.kind === "numeric") {
    const digits = Math.abs(d.then.mean) >= 100 ? 0 : Math.abs(d.then.mean) >= 10 ? 1 : 2;
    const blanks =
      d.then.blank > 0 || d.now.blank > 0
        ? `; blanks ${pct(d.then.blank / (d.then.n + d.then.blank))} → ${pct(d.now.blank / (d.now.n + d.now.blank))}`
        : "";
    return `mean ${fixed(d.then.mean, digits)} → ${fixed(d.now.mean, digits)}${blanks}`;
  }
  const s = d.largestShareChange;
  return `${s.level} ${pct(s.then)} → ${pct(s.now)}`;
}

/** "PSI 0.43, major". */
export function effectText(d: ColumnDrift): string {
  return `PSI ${fixed(d.effect, 2)}, ${describePsi(d.effect)}`;
}

function auc(f: ModelFigures): string {
  return `${fixed(f.rocAuc.estimate, 3)} [${fixed(f.rocAuc.lo, 3)}, ${fixed(f.rocAuc.hi, 3)}]`;
}

/** The drift in one or two sentences. */
export function driftSentence(c: ChangesArtifact): string {
  const drift = c.drift;
  const shared = drift.columns.length;
  const drifted = drift.columns.filter((d) => d.drifted);
  const structure: string[] = [];
  if (drift.added.length) structure.push(`${drift.added.length} new (${drift.added.join(", ")})`);
  if (drift.removed.length) structure.push(`${drift.removed.length} gone (${drift.removed.join(", ")})`);
  if (drift.kindChanged.length) structure.push(`${drift.kindChanged.length} of another kind`);
  const columnsNote = structure.length ? ` Columns: ${structure.join("; ")}.` : "";
  if (drifted.length === 0) {
    const top = drift.columns[0];
    return (
      `None of the ${shared} shared columns drifted by the rule` +
      (top ? `; the largest move is ${top.column} (${effectText(top)}, ${movementText(top)}).` : ".") +
      columnsNote
    );
  }
  const list = drifted
    .slice(0, 3)
    .map((d) => `${d.column} (${movementText(d)}; ${effectText(d)})`)
    .join(", ");
  const more = drifted.length > 3 ? ` and ${drifted.length - 3} more` : "";
  return `${drifted.length} of ${shared} shared columns drifted: ${list}${more}.${columnsNote}`;
}

/** The churn rate then and now (or the expected rate of an unlabelled file). */
export function churnSentence(c: ChangesArtifact): string {
  const r = c.churnRate;
  const then = `${pct(r.then.rate)} [${pct(r.then.low)}, ${pct(r.then.high)}] of ${count(r.then.n)} customers`;
  if (r.now && r.difference) {
    const d = r.difference;
    const clear = d.low > 0 || d.high < 0;
    return (
      `Churn was ${then} in the baseline and is ${pct(r.now.rate)} [${pct(r.now.low)}, ${pct(r.now.high)}] of ` +
      `${count(r.now.n)} now: ${points(d.value)} (95% interval ${points(d.low)} to ${points(d.high)}), ` +
      (clear ? "a change the interval does not put down to chance." : "within what chance alone could give.")
    );
  }
  const e = r.expected;
  if (!e) return `Churn was ${then} in the baseline.`;
  return (
    `This file has no churn column. The baseline's model expects ${count(e.expected)} churners among its ` +
    `${count(e.n)} customers (${pct(e.rate)}; 95% interval ${count(e.low)} to ${count(e.high)}), against ${then} ` +
    `in the baseline; ${e.note}.`
  );
}

/** The backtest: last build's model on these customers, against the new model on its test set. */
export function backtestSentence(c: ChangesArtifact): string {
  const b = c.backtest;
  if (!b) return "Without churn labels the baseline's model cannot be checked on these customers; only scored.";
  const old = b.onNewCustomers;
  const own = b.baselineOnItsTest;
  const mine = b.newModel;
  const versusOwn = own ? `, against ${auc(own)} on its own test set` : "";
  const verdict =
    old.rocAuc.hi < mine.rocAuc.lo
      ? "The new model ranks better, and the intervals do not overlap: retraining was worth it."
      : old.rocAuc.lo > mine.rocAuc.hi
        ? "Last build's model ranks these customers better than the new one does its test set."
        : "The two intervals overlap: on this evidence last build's model still ranks customers about as well.";
  return (
    `Last build's model (${b.baselineModel.name}) ranks this file's ${count(old.customers)} customers at ROC-AUC ` +
    `${auc(old)}${versusOwn}; the new model scores ${auc(mine)} on its ${count(mine.customers)} held-out customers. ` +
    `At its threshold it catches ${pct(old.recall.estimate, 0)} of churners (precision ${pct(old.precision.estimate, 0)}), ` +
    `and it predicts ${pct(old.calibration.meanPredicted)} churn where ${pct(old.calibration.observedRate)} happened. ${verdict}`
  );
}

/** The segments: how many shared customers stayed in the matched segment. */
export function segmentsSentence(c: ChangesArtifact): string {
  const s = c.segments;
  if (s.shared === 0) return "No customer ID is in both builds, so there are no moves between segments to show.";
  return (
    `${count(s.shared)} customers are in both builds; ${count(s.stayed)} (${pct(s.stayed / s.shared, 0)}) are in the ` +
    `segment matched to their old one, ${count(s.shared - s.stayed)} moved. ${count(s.onlyThen)} customers of the ` +
    `baseline are gone and ${count(s.onlyNow)} are new.`
  );
}

/** The overview's one line: what changed most. */
export function whatChangedMost(c: ChangesArtifact): string {
  const top = c.drift.columns.find((d) => d.drifted);
  const b = c.backtest;
  const parts: string[] = [];
  if (top) parts.push(`${top.column} moved most (${movementText(top)}; ${effectText(top)})`);
  else parts.push(`no column drifted`);
  if (b) {
    parts.push(
      `last build's model scores ROC-AUC ${fixed(b.onNewCustomers.rocAuc.estimate, 3)} on these customers ` +
        `(new model ${fixed(b.newModel.rocAuc.estimate, 3)} on its test set)`,
    );
  }
  if (c.churnRate.now) parts.push(`churn ${pct(c.churnRate.then.rate)} → ${pct(c.churnRate.now.rate)}`);
  else if (c.churnRate.expected) parts.push(`expected churn ${pct(c.churnRate.expected.rate)}`);
  return `Since ${c.baseline.file}: ${parts.join("; ")}.`;
}
