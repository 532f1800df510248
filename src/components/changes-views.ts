// Tables and charts for the "What changed" page, from changes.json. Column, level and segment names come
// from files: they reach the page through table cells (textContent) and Plot text marks, never as HTML.
import * as Plot from "./plot.js";
import { table } from "./table.js";
import type {
  BacktestSection,
  ChangesArtifact,
  DriftSection,
  ModelFigures,
  SegmentsSection,
} from "../lib/changes/artifact.js";
import type { Interval } from "../lib/metrics/bootstrap.js";
import { formatP, formatPercent } from "../lib/stats/format.js";
import type { Lang } from "../i18n/lang.js";
import { pageText } from "../i18n/tables.js";
import { el } from "./dom.js";
import { withSwatches } from "./legend.js";
import { BLANK_LEVEL, type ColumnDrift } from "../lib/stats/drift.js";

type Chart = SVGSVGElement | HTMLElement;

const pct = formatPercent;
const fixed = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const interval = (f: Interval, digits = 3): string =>
  `${fixed(f.estimate, digits)} [${fixed(f.lo, digits)}, ${fixed(f.hi, digits)}]`;
const pctInterval = (f: Interval): string => `${pct(f.estimate)} [${pct(f.lo)}, ${pct(f.hi)}]`;

/** One row per shared column, largest effect first (the artifact's order). */
export function driftTable(drift: DriftSection, lang: Lang = "en"): HTMLTableElement {
  const { s, f } = pageText(lang);
  const t = s.changes;
  return table(
    t.driftHeaders,
    drift.columns.map((d) => [
      d.column,
      t.kind(d.kind),
      t.movement(d, f),
      t.test(d.kind),
      formatP(d.p, { logP: d.logP }),
      t.effect(d, f) +
        (d.kind === "numeric" && Number.isFinite(d.wassersteinSd) ? t.wasserstein(fixed(d.wassersteinSd, 2)) : ""),
      t.yesNo(d.drifted),
    ]),
    { caption: t.driftRule(drift.rule) },
  );
}

/** Bin labels of a drift entry: the baseline's decile ranges for numbers, the levels for categories. */
export function binLabels(d: ColumnDrift, lang: Lang = "en"): string[] {
  if (d.kind === "category") return [...d.levels];
  const cuts = d.bins.cuts;
  const f = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) >= 100 ? 0 : 2));
  const labels = cuts.length === 0 ? [pageText(lang).s.changes.allValues] : [`≤ ${f(cuts[0])}`];
  for (let k = 1; k < cuts.length; k++) labels.push(`${f(cuts[k - 1])} – ${f(cuts[k])}`);
  if (cuts.length > 0) labels.push(`> ${f(cuts[cuts.length - 1])}`);
  if (d.bins.then.length > labels.length) labels.push(BLANK_LEVEL);
  return labels;
}

/** Shares per bin, then beside now, for one column. */
export function thenNowChart(d: ColumnDrift, { width }: { width: number }, lang: Lang = "en"): Chart {
  const t = pageText(lang).s.changes;
  const labels = binLabels(d, lang);
  const then = d.kind === "numeric" ? d.bins.then : d.then.shares;
  const now = d.kind === "numeric" ? d.bins.now : d.now.shares;
  const builds = [t.build("baseline"), t.build("now")];
  const rows = labels.flatMap((bin, k) => [
    { bin, build: builds[0], share: then[k] },
    { bin, build: builds[1], share: now[k] },
  ]);
  const color: Plot.ScaleOptions = {
    domain: builds,
    range: ["var(--theme-foreground-muted)", "var(--theme-foreground-focus)"],
  };
  const chart = Plot.plot({
    width,
    height: 220,
    marginBottom: 60,
    ariaLabel: t.thenNowLabel(d.column, d.kind === "numeric"),
    ariaDescription: labels.map((bin, k) => t.thenNowItem(bin, pct(then[k]), pct(now[k]))).join("; "),
    fx: {
      domain: labels,
      label: d.kind === "numeric" ? t.decilesAxis(d.column) : d.column,
      tickRotate: -30,
    },
    x: { domain: builds, axis: null },
    y: { label: t.shareAxis, tickFormat: "%", grid: true },
    color,
    marks: [
      Plot.barY(rows, {
        fx: "bin",
        x: "build",
        y: "share",
        fill: "build",
        tip: { format: { y: (v: number) => pct(v) } },
      }),
      Plot.ruleY([0]),
    ],
  });
  return withSwatches(chart, color, "changes-chart");
}

function figureRow(label: string, f: ModelFigures | null, lang: Lang): string[] {
  if (!f) return [label, "", "", "", "", "", "", ""];
  const { s, f: format } = pageText(lang);
  return [
    label,
    format.count(f.customers),
    interval(f.rocAuc),
    interval(f.prAuc),
    interval(f.brier),
    pctInterval(f.precision),
    pctInterval(f.recall),
    s.changes.calibrationCell(
      pct(f.calibration.meanPredicted),
      pct(f.calibration.observedRate),
      fixed(f.calibration.ece),
    ),
  ];
}

/** The baseline's model on the new customers, beside the new model on its test set. */
export function backtestTable(b: BacktestSection, lang: Lang = "en"): HTMLTableElement {
  const t = pageText(lang).s.changes;
  return table(
    t.backtestHeaders,
    [
      figureRow(t.backtestOld(fixed(b.onNewCustomers.threshold)), b.onNewCustomers, lang),
      figureRow(t.backtestNew(fixed(b.newModel.threshold)), b.newModel, lang),
      ...(b.baselineOnItsTest ? [figureRow(t.backtestOwn, b.baselineOnItsTest, lang)] : []),
    ],
    { numericFrom: 1, caption: t.backtestMethod(b.method) },
  );
}

/** Predicted against observed churn per probability bin, the backtest beside the new model's test set. */
export function calibrationChart(b: BacktestSection, { width }: { width: number }, lang: Lang = "en"): Chart {
  const { s, f } = pageText(lang);
  const t = s.changes;
  const models = t.calibrationModels;
  const calibrationColor: Plot.ScaleOptions = { domain: [...models], scheme: "observable10" };
  const rows = [
    ...b.onNewCustomers.calibration.bins.map((bin) => ({ ...bin, model: models[0] })),
    ...b.newModel.calibration.bins.map((bin) => ({ ...bin, model: models[1] })),
  ];
  const chart = Plot.plot({
    width: Math.min(width, 520),
    height: 300,
    ariaLabel: t.calibrationLabel,
    ariaDescription: rows
      .map((r) => t.calibrationItem(r.model, pct(r.meanPredicted), pct(r.observedRate), f.count(r.count)))
      .join("; "),
    x: { domain: [0, 1], label: t.predictedAxis, tickFormat: "%" },
    y: { domain: [0, 1], label: t.observedAxis, tickFormat: "%", grid: true },
    color: calibrationColor,
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "4 3" },
      ),
      Plot.line(rows, { x: "meanPredicted", y: "observedRate", stroke: "model" }),
      Plot.dot(rows, { x: "meanPredicted", y: "observedRate", fill: "model", r: 3, tip: true }),
    ],
  });
  return withSwatches(chart, calibrationColor, "changes-chart");
}

/** The move matrix as cells: baseline segment down, new segment across, matched pairs outlined. */
export function movesChart(s: SegmentsSection, { width }: { width: number }, lang: Lang = "en"): Chart {
  const { s: text, f } = pageText(lang);
  const t = text.changes;
  const thenLabel = (id: number) => `${id} · ${s.then[id]?.name ?? ""}`;
  const nowLabel = (id: number) => `${id} · ${s.now[id]?.name ?? ""}`;
  const cells = s.moves.flatMap((row, i) =>
    row.map((n, j) => ({ then: thenLabel(i), now: nowLabel(j), n, matched: s.then[i]?.matchedTo === j })),
  );
  return Plot.plot({
    width,
    height: 80 + 36 * s.moves.length,
    marginLeft: 240,
    marginBottom: 110,
    ariaLabel: t.movesLabel,
    ariaDescription: cells
      .filter((c) => c.n > 0)
      .map((c) => `${c.then} → ${c.now}: ${c.n}`)
      .join("; "),
    x: { label: t.movesNowAxis, tickRotate: -30, domain: s.now.map((c) => nowLabel(c.id)) },
    y: { label: t.movesThenAxis, domain: s.then.map((c) => thenLabel(c.id)) },
    color: { type: "linear", scheme: "blues", label: t.customersLegend },
    marks: [
      Plot.cell(cells, { x: "now", y: "then", fill: "n", inset: 1, tip: true }),
      Plot.cell(
        cells.filter((c) => c.matched),
        { x: "now", y: "then", stroke: "var(--theme-foreground-focus)", strokeWidth: 2.5, fill: "none" },
      ),
      Plot.text(cells, {
        x: "now",
        y: "then",
        text: (c: { n: number }) => f.count(c.n),
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  });
}

/** Each matched pair: size and churn then and now. */
export function segmentsTable(s: SegmentsSection, lang: Lang = "en"): HTMLTableElement {
  const { s: text, f } = pageText(lang);
  const words = text.changes;
  const rate = (r: number | null, lo: number | null, hi: number | null) =>
    r === null ? words.noLabels : `${pct(r)} [${pct(lo ?? NaN)}, ${pct(hi ?? NaN)}]`;
  return table(
    words.segmentHeaders,
    s.then.map((t) => {
      const n = t.matchedTo === null ? null : s.now[t.matchedTo];
      return [
        `${t.id} · ${t.name}`,
        n ? `${n.id} · ${n.name}` : words.noneLeft,
        f.count(t.size),
        n ? f.count(n.size) : "",
        rate(t.churnRate, t.churnRateLow, t.churnRateHigh),
        n ? rate(n.churnRate, n.churnRateLow, n.churnRateHigh) : "",
      ];
    }),
    { numericFrom: 2, caption: words.matchedBy(s.matchedBy) },
  );
}

/** The churn rate then and now (or expected now) with 95% intervals. */
export function churnRateChart(c: ChangesArtifact, { width }: { width: number }, lang: Lang = "en"): Chart {
  const t = pageText(lang).s.changes;
  const r = c.churnRate;
  const rows = [{ build: t.build("baseline"), rate: r.then.rate, low: r.then.low, high: r.then.high }];
  if (r.now) rows.push({ build: t.build("now"), rate: r.now.rate, low: r.now.low, high: r.now.high });
  else if (r.expected) {
    rows.push({
      build: t.build("expected"),
      rate: r.expected.rate,
      low: r.expected.low / r.expected.n,
      high: r.expected.high / r.expected.n,
    });
  }
  return Plot.plot({
    width: Math.min(width, 480),
    height: 140,
    marginLeft: 140,
    ariaLabel: t.churnLabel,
    ariaDescription: rows.map((d) => t.churnItem(d.build, pct(d.rate), pct(d.low), pct(d.high))).join("; "),
    x: { label: t.churnAxis, tickFormat: "%", grid: true, zero: true },
    y: { label: null, domain: rows.map((d) => d.build) },
    marks: [
      Plot.ruleY(rows, { y: "build", x1: "low", x2: "high", stroke: "currentColor", strokeWidth: 2 }),
      Plot.dot(rows, { y: "build", x: "rate", r: 5, fill: "var(--theme-foreground-focus)" }),
      Plot.text(rows, {
        y: "build",
        x: "high",
        text: (d: { rate: number }) => pct(d.rate),
        dx: 8,
        textAnchor: "start",
        fill: "currentColor",
      }),
    ],
  });
}

/** What the page shows on a build without a baseline: how to make one. */
export function howToCompare(lang: Lang = "en"): HTMLElement {
  const [lead, before, between, after] = pageText(lang).s.changes.howTo;
  return el(
    "div",
    { className: "note", role: "note" },
    el("strong", null, lead),
    before,
    el("code", null, "CHURN_BASELINE=DIR npm run build"),
    between,
    el("code", null, "npm run pipeline -- --data FILE --baseline DIR --out OUT"),
    after,
  );
}
