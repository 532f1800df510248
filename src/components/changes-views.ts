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
import { effectText, movementText } from "../lib/changes/prose.js";
import type { Interval } from "../lib/metrics/bootstrap.js";
import { formatP, formatPercent } from "../lib/stats/format.js";
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
export function driftTable(drift: DriftSection): HTMLTableElement {
  return table(
    ["column", "kind", "then → now", "test", "p", "effect", "drifted"],
    drift.columns.map((d) => [
      d.column,
      d.kind === "numeric" ? "number" : "category",
      movementText(d),
      d.kind === "numeric" ? "Kolmogorov-Smirnov" : "chi-square",
      formatP(d.p, { logP: d.logP }),
      effectText(d) +
        (d.kind === "numeric" && Number.isFinite(d.wassersteinSd) ? `; W ${fixed(d.wassersteinSd, 2)} sd` : ""),
      d.drifted ? "yes" : "no",
    ]),
    { caption: drift.rule },
  );
}

/** Bin labels of a drift entry: the baseline's decile ranges for numbers, the levels for categories. */
export function binLabels(d: ColumnDrift): string[] {
  if (d.kind === "category") return [...d.levels];
  const cuts = d.bins.cuts;
  const f = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) >= 100 ? 0 : 2));
  const labels = cuts.length === 0 ? ["all"] : [`≤ ${f(cuts[0])}`];
  for (let k = 1; k < cuts.length; k++) labels.push(`${f(cuts[k - 1])} – ${f(cuts[k])}`);
  if (cuts.length > 0) labels.push(`> ${f(cuts[cuts.length - 1])}`);
  if (d.bins.then.length > labels.length) labels.push(BLANK_LEVEL);
  return labels;
}

/** Shares per bin, then beside now, for one column. */
export function thenNowChart(d: ColumnDrift, { width }: { width: number }): Chart {
  const labels = binLabels(d);
  const then = d.kind === "numeric" ? d.bins.then : d.then.shares;
  const now = d.kind === "numeric" ? d.bins.now : d.now.shares;
  const rows = labels.flatMap((bin, k) => [
    { bin, build: "baseline", share: then[k] },
    { bin, build: "this build", share: now[k] },
  ]);
  const color: Plot.ScaleOptions = {
    domain: ["baseline", "this build"],
    range: ["var(--theme-foreground-muted)", "var(--theme-foreground-focus)"],
  };
  const chart = Plot.plot({
    width,
    height: 220,
    marginBottom: 60,
    ariaLabel: `${d.column}: share of customers per ${d.kind === "numeric" ? "range" : "level"}, baseline and this build`,
    ariaDescription: labels.map((bin, k) => `${bin}: ${pct(then[k])} then, ${pct(now[k])} now`).join("; "),
    fx: {
      domain: labels,
      label: d.kind === "numeric" ? `${d.column} (baseline's deciles)` : d.column,
      tickRotate: -30,
    },
    x: { domain: ["baseline", "this build"], axis: null },
    y: { label: "share of customers", tickFormat: "%", grid: true },
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

function figureRow(label: string, f: ModelFigures | null): string[] {
  if (!f) return [label, "", "", "", "", "", "", ""];
  return [
    label,
    f.customers.toLocaleString("en-US"),
    interval(f.rocAuc),
    interval(f.prAuc),
    interval(f.brier),
    pctInterval(f.precision),
    pctInterval(f.recall),
    `${pct(f.calibration.meanPredicted)} vs ${pct(f.calibration.observedRate)} (ECE ${fixed(f.calibration.ece)})`,
  ];
}

/** The baseline's model on the new customers, beside the new model on its test set. */
export function backtestTable(b: BacktestSection): HTMLTableElement {
  return table(
    ["", "customers", "ROC-AUC", "PR-AUC", "Brier", "precision", "recall", "predicted vs observed churn"],
    [
      figureRow(
        `Last build's model on this file's customers (threshold ${fixed(b.onNewCustomers.threshold)})`,
        b.onNewCustomers,
      ),
      figureRow(`New model on its held-out test set (threshold ${fixed(b.newModel.threshold)})`, b.newModel),
      ...(b.baselineOnItsTest
        ? [figureRow("Last build's model on its own test set, as it reported", b.baselineOnItsTest)]
        : []),
    ],
    { numericFrom: 1, caption: b.method },
  );
}

const CALIBRATION_MODELS = ["last build's model, this file", "new model, its test set"];
const calibrationColor: Plot.ScaleOptions = { domain: CALIBRATION_MODELS, scheme: "observable10" };

/** Predicted against observed churn per probability bin, the backtest beside the new model's test set. */
export function calibrationChart(b: BacktestSection, { width }: { width: number }): Chart {
  const rows = [
    ...b.onNewCustomers.calibration.bins.map((bin) => ({ ...bin, model: CALIBRATION_MODELS[0] })),
    ...b.newModel.calibration.bins.map((bin) => ({ ...bin, model: CALIBRATION_MODELS[1] })),
  ];
  const chart = Plot.plot({
    width: Math.min(width, 520),
    height: 300,
    ariaLabel: "Calibration: observed churn rate against mean predicted probability per bin",
    ariaDescription: rows
      .map((r) => `${r.model}: predicted ${pct(r.meanPredicted)}, observed ${pct(r.observedRate)} (${r.count})`)
      .join("; "),
    x: { domain: [0, 1], label: "mean predicted probability", tickFormat: "%" },
    y: { domain: [0, 1], label: "observed churn rate", tickFormat: "%", grid: true },
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
export function movesChart(s: SegmentsSection, { width }: { width: number }): Chart {
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
    ariaLabel: "Customers by baseline segment (rows) and new segment (columns)",
    ariaDescription: cells
      .filter((c) => c.n > 0)
      .map((c) => `${c.then} → ${c.now}: ${c.n}`)
      .join("; "),
    x: { label: "segment in this build", tickRotate: -30, domain: s.now.map((c) => nowLabel(c.id)) },
    y: { label: "segment in the baseline", domain: s.then.map((c) => thenLabel(c.id)) },
    color: { type: "linear", scheme: "blues", label: "customers" },
    marks: [
      Plot.cell(cells, { x: "now", y: "then", fill: "n", inset: 1, tip: true }),
      Plot.cell(
        cells.filter((c) => c.matched),
        { x: "now", y: "then", stroke: "var(--theme-foreground-focus)", strokeWidth: 2.5, fill: "none" },
      ),
      Plot.text(cells, {
        x: "now",
        y: "then",
        text: (c: { n: number }) => c.n.toLocaleString("en-US"),
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  });
}

/** Each matched pair: size and churn then and now. */
export function segmentsTable(s: SegmentsSection): HTMLTableElement {
  const rate = (r: number | null, lo: number | null, hi: number | null) =>
    r === null ? "n/a (no labels)" : `${pct(r)} [${pct(lo ?? NaN)}, ${pct(hi ?? NaN)}]`;
  return table(
    ["baseline segment", "matched segment now", "size then", "size now", "churn then", "churn now"],
    s.then.map((t) => {
      const n = t.matchedTo === null ? null : s.now[t.matchedTo];
      return [
        `${t.id} · ${t.name}`,
        n ? `${n.id} · ${n.name}` : "none left to match",
        t.size.toLocaleString("en-US"),
        n ? n.size.toLocaleString("en-US") : "",
        rate(t.churnRate, t.churnRateLow, t.churnRateHigh),
        n ? rate(n.churnRate, n.churnRateLow, n.churnRateHigh) : "",
      ];
    }),
    { numericFrom: 2, caption: `Segments matched by ${s.matchedBy}.` },
  );
}

/** The churn rate then and now (or expected now) with 95% intervals. */
export function churnRateChart(c: ChangesArtifact, { width }: { width: number }): Chart {
  const r = c.churnRate;
  const rows = [{ build: "baseline", rate: r.then.rate, low: r.then.low, high: r.then.high }];
  if (r.now) rows.push({ build: "this build", rate: r.now.rate, low: r.now.low, high: r.now.high });
  else if (r.expected) {
    rows.push({
      build: "this build (expected)",
      rate: r.expected.rate,
      low: r.expected.low / r.expected.n,
      high: r.expected.high / r.expected.n,
    });
  }
  return Plot.plot({
    width: Math.min(width, 480),
    height: 140,
    marginLeft: 140,
    ariaLabel: "Churn rate, baseline and this build, with 95% intervals",
    ariaDescription: rows.map((d) => `${d.build}: ${pct(d.rate)} (${pct(d.low)} to ${pct(d.high)})`).join("; "),
    x: { label: "churn rate", tickFormat: "%", grid: true, zero: true },
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
export function howToCompare(): HTMLElement {
  return el(
    "div",
    { className: "note", role: "note" },
    el("strong", null, "This build has no baseline. "),
    "Keep the output of this month's build (a pipeline --out folder, or the published site's dist/ folder), and next month build with ",
    el("code", null, "CHURN_BASELINE=DIR npm run build"),
    " (or run ",
    el("code", null, "npm run pipeline -- --data FILE --baseline DIR --out OUT"),
    ", which writes OUT/changes.json). This page will then show which columns drifted, how last month's model does on the new customers, and who moved between segments.",
  );
}
