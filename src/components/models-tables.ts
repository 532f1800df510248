// Tables for the models page: every name and figure lands as text, never as HTML. Headers, captions and the
// words in cells come from the page language's table (src/i18n/*-models.ts), figures through models-format.ts.
import type { Lang } from "../i18n/lang.js";
import type {
  IntervalFigure,
  MeanSdFigure,
  ModelEntry,
  ModelsArtifact,
  OriginalProtocol,
} from "../lib/models/artifact.js";
import type { Interval } from "../lib/metrics/bootstrap.js";
import type { Costs, Decision, PolicyChoice, PolicyKind } from "../lib/threshold.js";
import { el } from "./dom.js";
import { modelsFormat, type ModelsFormat } from "./models-format.js";
import { focusableScroll, table, tableCell as cell, type CellContent as Content } from "./table.js";

const POLICIES: readonly PolicyKind[] = ["best-f1", "target-recall", "min-cost"];

/** A figure over its uncertainty in small muted type: "0.534" above "0.467–0.609" or "± 0.044". */
function stacked(main: string, sub: string): HTMLElement {
  return el("span", null, main, el("small", { style: "display: block; color: var(--theme-foreground-muted);" }, sub));
}
const meanSdCell = (x: ModelsFormat, f: MeanSdFigure): HTMLElement => stacked(x.f3(f.mean), `± ${x.f3(f.sd)}`);
const intervalCell = (x: ModelsFormat, f: IntervalFigure | Interval): HTMLElement =>
  stacked(x.f3(f.estimate), x.t.range(x.f3(f.lo), x.f3(f.hi)));

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
export function leaderboard(artifact: ModelsArtifact, lang: Lang = "en"): HTMLElement {
  const x = modelsFormat(lang);
  const h = x.t.leaderboardHeaders;
  const selectedId = artifact.selected.id;
  const columns: Column[] = [
    {
      label: h.model,
      key: (m) => m.name,
      text: (m) => (m.id === selectedId ? x.t.usedByReport(m.name) : m.name),
    },
    {
      label: h.cvPr,
      key: (m) => m.cv.averagePrecision.mean,
      text: (m) => meanSdCell(x, m.cv.averagePrecision),
      numeric: true,
      descending: true,
    },
    {
      label: h.cvRoc,
      key: (m) => m.cv.rocAuc.mean,
      text: (m) => meanSdCell(x, m.cv.rocAuc),
      numeric: true,
      descending: true,
    },
    {
      label: h.cvF1,
      key: (m) => m.cv.atThreshold["best-f1"].f1.mean,
      text: (m) => meanSdCell(x, m.cv.atThreshold["best-f1"].f1),
      numeric: true,
      descending: true,
    },
    { label: h.cvBrier, key: (m) => m.cv.brier.mean, text: (m) => meanSdCell(x, m.cv.brier), numeric: true },
    {
      label: h.testPr,
      key: (m) => m.test.averagePrecision.estimate,
      text: (m) => intervalCell(x, m.test.averagePrecision),
      numeric: true,
      descending: true,
    },
    {
      label: h.testRoc,
      key: (m) => m.test.rocAuc.estimate,
      text: (m) => intervalCell(x, m.test.rocAuc),
      numeric: true,
      descending: true,
    },
    {
      label: h.testF1,
      key: (m) => m.test.atThreshold["best-f1"].f1.estimate,
      text: (m) => intervalCell(x, m.test.atThreshold["best-f1"].f1),
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
    el("caption", null, x.t.leaderboardCaption),
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
  // Like every table of the report, it scrolls inside itself on a phone: a named Tab stop (components/table.ts).
  return el("div", { style: "overflow-x: auto;" }, focusableScroll(node, x.t.leaderboardCaption));
}

/** What each model is: its name and family, the table a stakeholder reads. */
export function modelsTable(artifact: ModelsArtifact, lang: Lang = "en"): HTMLTableElement {
  const { t } = modelsFormat(lang);
  return table(
    t.modelsHeaders,
    artifact.models.map((m) => [m.name, t.family(m.family)]),
    { numericFrom: 99 },
  );
}

/** What each model stands for in the original's table, how it is fitted and with which settings (a note's table). */
export function buildTable(artifact: ModelsArtifact, lang: Lang = "en"): HTMLTableElement {
  const { t, count } = modelsFormat(lang);
  const settings = (m: ModelEntry) =>
    Object.entries(m.settings)
      .map(([k, v]) => `${k} ${v === null ? t.settingNone : typeof v === "string" ? t.settingValue(v) : String(v)}`)
      .join(", ") + (m.fitSample ? `; ${t.fitSample(count(m.fitSample.rows), count(m.fitSample.of))}` : "");
  return table(
    t.buildHeaders,
    artifact.models.map((m) => [
      m.name,
      t.standsFor(m.id, m.standsFor),
      t.implementation(m.id, m.implementation),
      settings(m),
    ]),
    { numericFrom: 99 },
  );
}

/** Probability figures on the test set, every model, with bootstrap intervals. */
export function testTable(artifact: ModelsArtifact, lang: Lang = "en"): HTMLTableElement {
  const x = modelsFormat(lang);
  const p = artifact.protocol;
  return table(
    x.t.testHeaders,
    artifact.models.map((m) => [
      m.name,
      intervalCell(x, m.test.rocAuc),
      intervalCell(x, m.test.averagePrecision),
      intervalCell(x, m.test.brier),
      intervalCell(x, m.test.logLoss),
      x.f3(m.test.atHalf.f1),
    ]),
    {
      numericFrom: 1,
      caption: x.t.testCaption(x.count(p.testRows), x.count(p.testChurners), x.count(p.bootstrapReps)),
    },
  );
}

// ---------------------------------------------------------------------------------------------- policies

/** The words the policies' rules and bullets take: the target recall and the two costs, formatted. */
export function policyTerms(x: ModelsFormat, targetRecall: number, costs: Costs) {
  return {
    targetRecall: x.percent(targetRecall, 0),
    missed: x.value(costs.missedChurner),
    offer: x.value(costs.needlessOffer),
  };
}

/** The report's own thresholds for the selected model: chosen on out-of-fold predictions, then applied to test once. */
export function policyTable(model: ModelEntry, artifact: ModelsArtifact, lang: Lang = "en"): HTMLTableElement {
  const x = modelsFormat(lang);
  const { targetRecall, costs } = artifact.protocol;
  const terms = policyTerms(x, targetRecall, costs);
  return table(
    x.t.policyHeaders,
    POLICIES.map((kind) => {
      const th = model.thresholds[kind];
      const test = model.test.atThreshold[kind];
      const c = test.confusion;
      const confusion = x.t.confusionCells({
        tp: x.count(c.tp),
        fp: x.count(c.fp),
        fn: x.count(c.fn),
        tn: x.count(c.tn),
      });
      return [
        x.t.policyLabels[kind],
        x.t.policyRule(kind, terms),
        x.threshold(th.threshold),
        stacked(`${x.f3(th.oof.precision)} / ${x.f3(th.oof.recall)}`, `F1 ${x.f3(th.oof.f1)}`),
        intervalCell(x, test.precision),
        intervalCell(x, test.recall),
        intervalCell(x, test.f1),
        stacked(confusion.main, confusion.sub),
      ];
    }),
    {
      numericFrom: 2,
      caption: x.t.policyCaption(model.name, x.count(artifact.protocol.trainRows)),
    },
  );
}

/** The policies re-chosen on out-of-fold predictions under the reader's settings, each with a button that moves the slider there. */
export function policyButtons(
  choices: readonly PolicyChoice[],
  onPick: (threshold: number) => void,
  lang: Lang = "en",
): HTMLElement {
  const x = modelsFormat(lang);
  const box = el("div", {
    className: "policy-buttons",
    style: "display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0;",
  });
  for (const { kind, choice } of choices) {
    const b = el("button", { type: "button" });
    b.dataset.policy = kind;
    const t = Number.isFinite(choice.threshold) ? choice.threshold : 1;
    b.textContent = x.t.policyButton({
      policy: x.t.policyLabels[kind],
      threshold: x.threshold(choice.threshold),
      recall: x.percent(choice.recall),
      precision: x.percent(choice.precision),
    });
    b.addEventListener("click", () => onPick(t));
    box.append(b);
  }
  return box;
}

// ---------------------------------------------------------------------------------------------- the decision

/** The 2 x 2 confusion matrix at the slider's threshold; cells carry data-cell="tp|fp|fn|tn" for tests. */
export function confusionMatrix(d: Decision, lang: Lang = "en"): HTMLTableElement {
  const x = modelsFormat(lang);
  const f = d.figures;
  const row = (label: string, a: [string, number], b: [string, number]) =>
    el(
      "tr",
      null,
      cell(label, "th"),
      ...[a, b].map(([name, value]) => {
        const td = cell(x.count(value), "td", true);
        td.dataset.cell = name;
        return td;
      }),
    );
  return el(
    "table",
    { id: "threshold-confusion" },
    el("caption", null, x.t.confusionCaption(x.count(d.n), x.threshold(f.threshold))),
    el(
      "thead",
      null,
      el("tr", null, cell("", "th"), cell(x.t.confusionFlagged, "th", true), cell(x.t.confusionNotFlagged, "th", true)),
    ),
    el(
      "tbody",
      null,
      row(x.t.confusionChurned, ["tp", f.tp], ["fn", f.fn]),
      row(x.t.confusionStayed, ["fp", f.fp], ["tn", f.tn]),
    ),
  );
}

/** Precision, recall, F1, flagged and expected cost at the slider's threshold, each with its interval. */
export function decisionFigures(d: Decision, costs: Costs, lang: Lang = "en"): HTMLTableElement {
  const x = modelsFormat(lang);
  const t = x.t;
  const f = d.figures;
  const rows: [string, string, string][] = [
    [
      "precision",
      t.figureLabels.precision,
      t.precisionFigure(x.pctInterval(d.precision), x.count(f.tp + f.fp), x.count(f.tp)),
    ],
    ["recall", t.figureLabels.recall, t.recallFigure(x.pctInterval(d.recall), x.count(f.tp), x.count(f.tp + f.fn))],
    ["f1", t.figureLabels.f1, x.interval(d.f1)],
    ["flagged", t.figureLabels.flagged, t.flaggedFigure(x.count(f.tp + f.fp), x.pctInterval(d.flaggedShare))],
    [
      "cost",
      t.figureLabels.cost,
      t.costFigure({
        perCustomer: x.money(d.cost.estimate, 3),
        range: t.range(x.money(d.cost.lo, 3), x.money(d.cost.hi, 3)),
        total: x.money(d.totalCost, 0),
        nobody: x.money(d.costNobody, 0),
        everyone: x.money(d.costEveryone, 0),
        missed: x.value(costs.missedChurner),
        offer: x.value(costs.needlessOffer),
      }),
    ],
  ];
  const body = el("tbody");
  for (const [key, label, text] of rows) {
    const tr = el("tr", null, cell(label, "th"), cell(text));
    tr.dataset.figure = key;
    body.append(tr);
  }
  return el("table", { id: "threshold-figures" }, el("caption", null, t.figuresCaption), body);
}

// ---------------------------------------------------------------------------------------------- original protocol

export function originalTable(original: OriginalProtocol, lang: Lang = "en"): HTMLElement {
  const x = modelsFormat(lang);
  const t = x.t;
  const { f3 } = x;
  const rows = original.models.flatMap((m) => [
    [
      m.name,
      t.protocols.original,
      x.threshold(m.original.testTuned.threshold),
      f3(m.original.testTuned.accuracy),
      f3(m.original.testTuned.precision),
      f3(m.original.testTuned.recall),
      f3(m.original.testTuned.f1),
      f3(m.original.rocAuc),
      f3(m.original.averagePrecision),
    ],
    [
      "",
      t.protocols.distinctTestTuned,
      x.threshold(m.honest.testTuned.threshold),
      f3(m.honest.testTuned.accuracy),
      f3(m.honest.testTuned.precision),
      f3(m.honest.testTuned.recall),
      f3(m.honest.testTuned.f1),
      f3(m.honest.rocAuc),
      f3(m.honest.averagePrecision),
    ],
    [
      "",
      t.protocols.report,
      x.threshold(m.honest.oofTuned.threshold),
      f3(m.honest.oofTuned.accuracy),
      f3(m.honest.oofTuned.precision),
      f3(m.honest.oofTuned.recall),
      f3(m.honest.oofTuned.f1),
      f3(m.honest.rocAuc),
      f3(m.honest.averagePrecision),
    ],
  ]);
  const node = table(t.originalHeaders, rows, {
    numericFrom: 2,
    caption: t.originalCaption({
      rows: x.count(original.rows),
      trainRows: x.count(original.trainRows),
      testRows: x.count(original.testRows),
      copies: x.count(original.testRowsWithCopyInTrain),
    }),
  });
  node.id = "original-protocol";
  return el("div", { style: "overflow-x: auto;" }, node);
}
