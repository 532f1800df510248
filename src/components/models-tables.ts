// Tables for the models page: every name and figure lands as text, never as HTML.
import type {
  IntervalFigure,
  MeanSdFigure,
  ModelEntry,
  ModelsArtifact,
  OriginalProtocol,
} from "../lib/models/artifact.js";
import type { Interval } from "../lib/metrics/bootstrap.js";
import { formatPercent } from "../lib/stats/format.js";
import type { Costs, Decision, PolicyChoice, PolicyKind } from "../lib/threshold.js";
import { f3, POLICY_LABEL, thresholdText } from "./models-charts.js";
import { el } from "./dom.js";
import { table, tableCell as cell, type CellContent as Content } from "./table.js";

export const meanSd = (f: MeanSdFigure): string => `${f3(f.mean)} ± ${f3(f.sd)}`;
export const interval = (f: IntervalFigure | Interval): string => `${f3(f.estimate)} (${f3(f.lo)}–${f3(f.hi)})`;
const pctInterval = (f: Interval): string =>
  `${formatPercent(f.estimate)} (${formatPercent(f.lo)}–${formatPercent(f.hi)})`;
const money = (x: number, digits = 2): string =>
  Number.isFinite(x)
    ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a";

/** A figure over its uncertainty in small muted type: "0.534" above "0.467–0.609" or "± 0.044". */
function stacked(main: string, sub: string): HTMLElement {
  return el("span", null, main, el("small", { style: "display: block; color: var(--theme-foreground-muted);" }, sub));
}
const meanSdCell = (f: MeanSdFigure): HTMLElement => stacked(f3(f.mean), `± ${f3(f.sd)}`);
const intervalCell = (f: IntervalFigure | Interval): HTMLElement => stacked(f3(f.estimate), `${f3(f.lo)}–${f3(f.hi)}`);

// ---------------------------------------------------------------------------------------------- leaderboard

interface Column {
  readonly label: string;
  /** The value the column sorts by. */
  readonly key: (m: ModelEntry) => number | string;
  readonly text: (m: ModelEntry) => Content;
  readonly numeric?: boolean;
  /** Sort descending first (higher is better). */
  readonly descending?: boolean;
}

/**
 * The leaderboard: one row per model, cross-validated figures (mean ± sd over folds) and test figures (95%
 * bootstrap intervals). Clicking a column header sorts by it; clicking again reverses the order.
 */
export function leaderboard(artifact: ModelsArtifact): HTMLElement {
  const selectedId = artifact.selected.id;
  const columns: Column[] = [
    {
      label: "model",
      key: (m) => m.name,
      text: (m) => (m.id === selectedId ? `${m.name} (used by the report)` : m.name),
    },
    {
      label: "CV PR-AUC",
      key: (m) => m.cv.averagePrecision.mean,
      text: (m) => meanSdCell(m.cv.averagePrecision),
      numeric: true,
      descending: true,
    },
    {
      label: "CV ROC-AUC",
      key: (m) => m.cv.rocAuc.mean,
      text: (m) => meanSdCell(m.cv.rocAuc),
      numeric: true,
      descending: true,
    },
    {
      label: "CV F1 (best-F1 threshold)",
      key: (m) => m.cv.atThreshold["best-f1"].f1.mean,
      text: (m) => meanSdCell(m.cv.atThreshold["best-f1"].f1),
      numeric: true,
      descending: true,
    },
    { label: "CV Brier", key: (m) => m.cv.brier.mean, text: (m) => meanSdCell(m.cv.brier), numeric: true },
    {
      label: "test PR-AUC",
      key: (m) => m.test.averagePrecision.estimate,
      text: (m) => intervalCell(m.test.averagePrecision),
      numeric: true,
      descending: true,
    },
    {
      label: "test ROC-AUC",
      key: (m) => m.test.rocAuc.estimate,
      text: (m) => intervalCell(m.test.rocAuc),
      numeric: true,
      descending: true,
    },
    {
      label: "test F1 at the OOF threshold",
      key: (m) => m.test.atThreshold["best-f1"].f1.estimate,
      text: (m) => intervalCell(m.test.atThreshold["best-f1"].f1),
      numeric: true,
      descending: true,
    },
  ];
  let sortBy = 1;
  let descending = true;
  const buttons = columns.map((c, i) => {
    const th = el("th", { scope: "col" });
    if (c.numeric) th.style.textAlign = "right";
    const b = el(
      "button",
      { type: "button", className: "sort", style: "all: unset; cursor: pointer; font-weight: inherit;" },
      c.label,
    );
    b.addEventListener("click", () => {
      if (sortBy === i) descending = !descending;
      else {
        sortBy = i;
        descending = c.descending ?? false;
      }
      render();
    });
    th.append(b);
    return { th, b };
  });
  const body = el("tbody");
  const node = el(
    "table",
    { id: "leaderboard" },
    el(
      "caption",
      null,
      "Click a column header to sort. CV: mean over the folds of the training set, ± its sd. Test: estimate over its 95% bootstrap interval.",
    ),
    el("thead", null, el("tr", null, ...buttons.map(({ th }) => th))),
    body,
  );
  function render(): void {
    const c = columns[sortBy];
    const rows = [...artifact.models].sort((a, b) => {
      const ka = c.key(a);
      const kb = c.key(b);
      const cmp = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb));
      return descending ? -cmp : cmp;
    });
    buttons.forEach(({ th, b }, i) => {
      th.setAttribute("aria-sort", i === sortBy ? (descending ? "descending" : "ascending") : "none");
      b.textContent = columns[i].label + (i === sortBy ? (descending ? " ↓" : " ↑") : "");
    });
    body.replaceChildren(
      ...rows.map((m) => {
        const tr = el("tr");
        tr.dataset.modelId = m.id;
        if (m.id === selectedId) tr.style.fontWeight = "bold";
        columns.forEach((col) => tr.append(cell(col.text(m), "td", col.numeric)));
        return tr;
      }),
    );
  }
  render();
  return el("div", { style: "overflow-x: auto;" }, node);
}

/** What each model is, what it stands for, and how it is fitted. */
export function modelsTable(artifact: ModelsArtifact): HTMLTableElement {
  const settings = (m: ModelEntry) =>
    Object.entries(m.settings)
      .map(([k, v]) => `${k} ${v === null ? "none" : String(v)}`)
      .join(", ") +
    (m.fitSample
      ? `; fitted on a seeded stratified sample of ${m.fitSample.rows.toLocaleString("en-US")} of the ${m.fitSample.of.toLocaleString("en-US")} training rows (its cost grows faster than the rows), scored on all`
      : "");
  return table(
    ["model", "family", "stands for the original's row", "implementation", "settings"],
    artifact.models.map((m) => [m.name, m.family, m.standsFor, m.implementation, settings(m)]),
    { numericFrom: 99 },
  );
}

/** Probability figures on the test set, every model, with bootstrap intervals. */
export function testTable(artifact: ModelsArtifact): HTMLTableElement {
  return table(
    ["model", "ROC-AUC", "PR-AUC", "Brier", "log-loss", "F1 at 0.5"],
    artifact.models.map((m) => [
      m.name,
      intervalCell(m.test.rocAuc),
      intervalCell(m.test.averagePrecision),
      intervalCell(m.test.brier),
      intervalCell(m.test.logLoss),
      f3(m.test.atHalf.f1),
    ]),
    {
      numericFrom: 1,
      caption: `Test set (${artifact.protocol.testRows.toLocaleString("en-US")} customers, ${artifact.protocol.testChurners} churners): estimate (95% bootstrap interval, ${artifact.protocol.bootstrapReps} stratified resamples).`,
    },
  );
}

// ---------------------------------------------------------------------------------------------- policies

const POLICY_RULE: Readonly<Record<PolicyKind, (targetRecall: number, costs: Costs) => string>> = {
  "best-f1": () => "the highest F1",
  "target-recall": (r) => `the highest precision that keeps recall at or above ${formatPercent(r, 0)}`,
  "min-cost": (_, c) =>
    `the lowest expected cost, a missed churner costing ${c.missedChurner} and a needless offer ${c.needlessOffer}`,
};

/** The report's own thresholds for the selected model: chosen on out-of-fold predictions, then applied to test once. */
export function policyTable(model: ModelEntry, artifact: ModelsArtifact): HTMLTableElement {
  const { targetRecall, costs } = artifact.protocol;
  return table(
    [
      "policy",
      "chooses",
      "threshold",
      "OOF precision / recall",
      "test precision",
      "test recall",
      "test F1",
      "test confusion",
    ],
    (Object.keys(POLICY_LABEL) as PolicyKind[]).map((kind) => {
      const t = model.thresholds[kind];
      const test = model.test.atThreshold[kind];
      const c = test.confusion;
      return [
        POLICY_LABEL[kind],
        POLICY_RULE[kind](targetRecall, costs),
        thresholdText(t.threshold),
        stacked(`${f3(t.oof.precision)} / ${f3(t.oof.recall)}`, `F1 ${f3(t.oof.f1)}`),
        intervalCell(test.precision),
        intervalCell(test.recall),
        intervalCell(test.f1),
        stacked(`TP ${c.tp}, FP ${c.fp}`, `FN ${c.fn}, TN ${c.tn}`),
      ];
    }),
    {
      numericFrom: 2,
      caption: `${model.name}: thresholds chosen on the ${artifact.protocol.trainRows.toLocaleString("en-US")} out-of-fold predictions of the training set, then applied once to the test set.`,
    },
  );
}

/** The policies re-chosen on out-of-fold predictions under the reader's settings, each with a button that moves the slider there. */
export function policyButtons(choices: readonly PolicyChoice[], onPick: (threshold: number) => void): HTMLElement {
  const box = el("div", {
    className: "policy-buttons",
    style: "display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0;",
  });
  for (const { kind, choice } of choices) {
    const b = el("button", { type: "button" });
    b.dataset.policy = kind;
    const t = Number.isFinite(choice.threshold) ? choice.threshold : 1;
    b.textContent = `${POLICY_LABEL[kind]}: ${thresholdText(choice.threshold)} (OOF recall ${formatPercent(choice.recall)}, precision ${formatPercent(choice.precision)})`;
    b.addEventListener("click", () => onPick(t));
    box.append(b);
  }
  return box;
}

// ---------------------------------------------------------------------------------------------- the decision

/** The 2 x 2 confusion matrix at the slider's threshold; cells carry data-cell="tp|fp|fn|tn" for tests. */
export function confusionMatrix(d: Decision): HTMLTableElement {
  const f = d.figures;
  const row = (label: string, a: [string, number], b: [string, number]) =>
    el(
      "tr",
      null,
      cell(label, "th"),
      ...[a, b].map(([name, value]) => {
        const td = cell(value.toLocaleString("en-US"), "td", true);
        td.dataset.cell = name;
        return td;
      }),
    );
  return el(
    "table",
    { id: "threshold-confusion" },
    el("caption", null, `Test set, ${d.n.toLocaleString("en-US")} customers, threshold ${thresholdText(f.threshold)}`),
    el(
      "thead",
      null,
      el("tr", null, cell("", "th"), cell("flagged (offer sent)", "th", true), cell("not flagged", "th", true)),
    ),
    el("tbody", null, row("churned", ["tp", f.tp], ["fn", f.fn]), row("stayed", ["fp", f.fp], ["tn", f.tn])),
  );
}

/** Precision, recall, F1, flagged and expected cost at the slider's threshold, each with its interval. */
export function decisionFigures(d: Decision, costs: Costs): HTMLTableElement {
  const f = d.figures;
  const rows: [string, string, string][] = [
    [
      "precision",
      "precision",
      `${pctInterval(d.precision)}: of the ${(f.tp + f.fp).toLocaleString("en-US")} flagged, ${f.tp.toLocaleString("en-US")} churned`,
    ],
    [
      "recall",
      "recall",
      `${pctInterval(d.recall)}: ${f.tp.toLocaleString("en-US")} of ${(f.tp + f.fn).toLocaleString("en-US")} churners caught`,
    ],
    ["f1", "F1", interval(d.f1)],
    ["flagged", "customers flagged", `${(f.tp + f.fp).toLocaleString("en-US")} (${pctInterval(d.flaggedShare)})`],
    [
      "cost",
      "expected cost",
      `${money(d.cost.estimate, 3)} per customer (${money(d.cost.lo, 3)}–${money(d.cost.hi, 3)}); ${money(d.totalCost, 0)} on the test set, against ${money(d.costNobody, 0)} contacting nobody and ${money(d.costEveryone, 0)} contacting everyone (missed churner ${costs.missedChurner}, needless offer ${costs.needlessOffer})`,
    ],
  ];
  const body = el("tbody");
  for (const [key, label, text] of rows) {
    const tr = el("tr", null, cell(label, "th"), cell(text));
    tr.dataset.figure = key;
    body.append(tr);
  }
  return el(
    "table",
    { id: "threshold-figures" },
    el(
      "caption",
      null,
      "At this threshold, test set; 95% intervals from stratified bootstrap resamples computed in your browser",
    ),
    body,
  );
}

// ---------------------------------------------------------------------------------------------- original protocol

export function originalTable(original: OriginalProtocol): HTMLElement {
  const rows = original.models.flatMap((m) => [
    [
      m.name,
      "original: copies on both sides, threshold tuned on test",
      thresholdText(m.original.testTuned.threshold),
      f3(m.original.testTuned.accuracy),
      f3(m.original.testTuned.precision),
      f3(m.original.testTuned.recall),
      f3(m.original.testTuned.f1),
      f3(m.original.rocAuc),
      f3(m.original.averagePrecision),
    ],
    [
      "",
      "distinct customers, threshold still tuned on test",
      thresholdText(m.honest.testTuned.threshold),
      f3(m.honest.testTuned.accuracy),
      f3(m.honest.testTuned.precision),
      f3(m.honest.testTuned.recall),
      f3(m.honest.testTuned.f1),
      f3(m.honest.rocAuc),
      f3(m.honest.averagePrecision),
    ],
    [
      "",
      "this report: distinct customers, threshold from out-of-fold",
      thresholdText(m.honest.oofTuned.threshold),
      f3(m.honest.oofTuned.accuracy),
      f3(m.honest.oofTuned.precision),
      f3(m.honest.oofTuned.recall),
      f3(m.honest.oofTuned.f1),
      f3(m.honest.rocAuc),
      f3(m.honest.averagePrecision),
    ],
  ]);
  const node = table(
    ["model", "protocol", "threshold", "accuracy", "precision", "recall", "F1", "ROC-AUC", "PR-AUC"],
    rows,
    {
      numericFrom: 2,
      caption: `Original protocol: ${original.rows.toLocaleString("en-US")} rows, ${original.trainRows.toLocaleString("en-US")} train / ${original.testRows.toLocaleString("en-US")} test, ${original.testRowsWithCopyInTrain} test rows with a copy in training.`,
    },
  );
  node.id = "original-protocol";
  return el("div", { style: "overflow-x: auto;" }, node);
}
