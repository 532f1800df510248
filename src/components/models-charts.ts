// Charts for the models page: plain functions (data, {width, ...}) => node, wrapped in resize(...) by the page.
// Model names reach the page through Plot text marks and ticks (text, never HTML). Colours use currentColor and
// the theme's variables so light and dark modes both read; colour legends sit outside each chart's figure.
import { formatPercent } from "../lib/stats/format.js";
import * as Plot from "./plot.js";
import { withSwatches as sharedSwatches } from "./legend.js";
import type { ModelEntry, ModelsArtifact, OriginalProtocol } from "../lib/models/artifact.js";
import type { ScoreSweep } from "../lib/metrics/order.js";
import type { PolicyKind } from "../lib/threshold.js";
import { wilsonInterval } from "../lib/stats/tests.js";

type Chart = SVGSVGElement | HTMLElement;

export const f3 = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(3);
export const thresholdText = (t: number | null): string =>
  t === null || !Number.isFinite(t) ? "flag nobody" : t.toFixed(4);

export const POLICY_LABEL: Readonly<Record<PolicyKind, string>> = {
  "best-f1": "best F1",
  "target-recall": "target recall",
  "min-cost": "lowest expected cost",
};

/** One colour per model for every chart on the page, in the artifact's order. */
export function modelColor(artifact: ModelsArtifact): Plot.ScaleOptions {
  return { type: "ordinal", domain: artifact.models.map((m) => m.name), scheme: "observable10" };
}

const withSwatches = (chart: Chart, color: Plot.ScaleOptions): HTMLElement =>
  sharedSwatches(chart, color, "models-chart");

// ---------------------------------------------------------------------------------------------- leaderboard

export type ScoreMetric = "averagePrecision" | "rocAuc" | "brier" | "logLoss";
export const METRIC_LABEL: Readonly<Record<ScoreMetric, string>> = {
  averagePrecision: "PR-AUC (average precision)",
  rocAuc: "ROC-AUC",
  brier: "Brier score",
  logLoss: "log-loss",
};

const SERIES: Plot.ScaleOptions = {
  type: "ordinal",
  domain: ["cross-validated: mean ± 1 sd over folds", "test: estimate and 95% bootstrap interval"],
  range: ["currentColor", "var(--theme-foreground-focus)"],
};

/** Each model's cross-validated mean ± sd and its test estimate with the bootstrap interval, one metric. */
export function scoreChart(artifact: ModelsArtifact, { width, metric }: { width: number; metric: ScoreMetric }): Chart {
  const rows = artifact.models.map((m) => {
    const cv = m.cv[metric];
    const t = m.test[metric];
    return {
      name: m.name,
      cvMean: cv.mean,
      cvLo: cv.mean - cv.sd,
      cvHi: cv.mean + cv.sd,
      test: t.estimate,
      testLo: t.lo,
      testHi: t.hi,
    };
  });
  const order = [...rows]
    .sort((a, b) => (metric === "averagePrecision" || metric === "rocAuc" ? b.cvMean - a.cvMean : a.cvMean - b.cvMean))
    .map((r) => r.name);
  const [cvLabel, testLabel] = SERIES.domain as string[];
  return withSwatches(
    Plot.plot({
      width,
      height: 34 * rows.length + 50,
      marginLeft: Math.min(230, Math.max(150, width * 0.35)),
      ariaLabel: `${METRIC_LABEL[metric]} by model, cross-validated and on the test set`,
      ariaDescription: rows
        .map(
          (r) =>
            `${r.name}: CV ${f3(r.cvMean)} ± ${f3(r.cvHi - r.cvMean)}, test ${f3(r.test)} (${f3(r.testLo)} to ${f3(r.testHi)})`,
        )
        .join("; "),
      x: {
        label: `${METRIC_LABEL[metric]}${metric === "brier" || metric === "logLoss" ? " (lower is better)" : ""} →`,
        grid: true,
      },
      y: { label: null, domain: order },
      color: SERIES,
      marks: [
        Plot.ruleY(rows, { y: "name", x1: "cvLo", x2: "cvHi", stroke: () => cvLabel, strokeWidth: 2, dy: -5 }),
        Plot.dot(rows, { y: "name", x: "cvMean", fill: () => cvLabel, r: 4, dy: -5 }),
        Plot.ruleY(rows, { y: "name", x1: "testLo", x2: "testHi", stroke: () => testLabel, strokeWidth: 2, dy: 5 }),
        Plot.dot(rows, { y: "name", x: "test", fill: () => testLabel, symbol: "diamond", r: 4, dy: 5 }),
      ],
    }),
    SERIES,
  );
}

// ---------------------------------------------------------------------------------------------- curves

interface CurveOptions {
  readonly width: number;
  readonly selectedId: string;
  /** Names of the models to draw (all by default). */
  readonly shown?: readonly string[];
}

function shownModels(artifact: ModelsArtifact, shown: readonly string[] | undefined): ModelEntry[] {
  return shown ? artifact.models.filter((m) => shown.includes(m.name)) : artifact.models;
}

interface CurvePoint {
  readonly name: string;
  readonly selected: boolean;
}

/** Every shown model's points, each tagged with the model's name (its colour) and whether it is the selected model. */
function curvePoints<P extends object>(
  models: readonly ModelEntry[],
  selectedId: string,
  points: (m: ModelEntry) => readonly P[],
): (CurvePoint & P)[] {
  return models.flatMap((m) => points(m).map((p) => ({ name: m.name, selected: m.id === selectedId, ...p })));
}

/** One line per model, the selected model's drawn heavier so it stands out of the overlay. */
function modelLines(points: readonly CurvePoint[], x: string, y: string, options: Plot.LineOptions = {}): Plot.Line {
  return Plot.line(points, {
    x,
    y,
    z: "name",
    stroke: "name",
    strokeWidth: (d: CurvePoint) => (d.selected ? 3 : 1.3),
    ...options,
  });
}

/** The dashed line each curve is read against: a random ranking, the base rate, a lift of 1. */
const REFERENCE: Plot.LineOptions & Plot.RuleYOptions = {
  stroke: "currentColor",
  strokeOpacity: 0.4,
  strokeDasharray: "4,4",
};
const diagonal = (): Plot.Line =>
  Plot.line(
    [
      [0, 0],
      [1, 1],
    ],
    REFERENCE,
  );

/** A chart of curves, one per model, in the page's model colours with their legend above it. */
function curvesChart(artifact: ModelsArtifact, options: Plot.PlotOptions): Chart {
  const color = modelColor(artifact);
  return withSwatches(Plot.plot({ ...options, color }), color);
}

export function rocChart(artifact: ModelsArtifact, { width, selectedId, shown }: CurveOptions): Chart {
  const models = shownModels(artifact, shown);
  const points = curvePoints(models, selectedId, (m) =>
    m.test.curves.roc.fpr.map((fpr, i) => ({ fpr, tpr: m.test.curves.roc.tpr[i] })),
  );
  return curvesChart(artifact, {
    width,
    height: Math.min(420, width * 0.8),
    ariaLabel: "ROC curves on the test set, one per model",
    ariaDescription:
      "True positive rate (recall) against false positive rate as the threshold falls, test set. " +
      models
        .map(
          (m) =>
            `${m.name}: ROC-AUC ${f3(m.test.rocAuc.estimate)} (${f3(m.test.rocAuc.lo)} to ${f3(m.test.rocAuc.hi)})`,
        )
        .join("; ") +
      ". The dashed diagonal is a random ranking.",
    x: { label: "false positive rate (stayers flagged) →", domain: [0, 1], grid: true },
    y: { label: "↑ true positive rate (churners caught)", domain: [0, 1], grid: true },
    marks: [diagonal(), modelLines(points, "fpr", "tpr", { curve: "step-after" })],
  });
}

export function prChart(artifact: ModelsArtifact, { width, selectedId, shown }: CurveOptions): Chart {
  const models = shownModels(artifact, shown);
  const points = curvePoints(models, selectedId, (m) =>
    m.test.curves.pr.recall.map((recall, i) => ({ recall, precision: m.test.curves.pr.precision[i] })),
  );
  const base = artifact.protocol.testChurners / artifact.protocol.testRows;
  return curvesChart(artifact, {
    width,
    height: Math.min(420, width * 0.8),
    ariaLabel: "Precision-recall curves on the test set, one per model",
    ariaDescription:
      "Precision against recall as the threshold falls, test set. " +
      models
        .map(
          (m) =>
            `${m.name}: PR-AUC ${f3(m.test.averagePrecision.estimate)} (${f3(m.test.averagePrecision.lo)} to ${f3(m.test.averagePrecision.hi)})`,
        )
        .join("; ") +
      `. The dashed line is the churn rate of the test set (${formatPercent(base)}), what flagging at random gives.`,
    x: { label: "recall (share of churners caught) →", domain: [0, 1], grid: true },
    y: { label: "↑ precision (share of flagged who churn)", domain: [0, 1], grid: true },
    marks: [Plot.ruleY([base], REFERENCE), modelLines(points, "recall", "precision")],
  });
}

/**
 * One model's calibration: eight models' bins drawn over each other zigzag into a tangle nobody can read, so
 * the page picks the model (the selected one by default) and this draws its bins alone, in the model's colour.
 */
export function calibrationChart(
  artifact: ModelsArtifact,
  { width, model }: { readonly width: number; readonly model: ModelEntry },
): Chart {
  const bins = model.test.curves.calibration.map((b) => {
    const w = wilsonInterval(Math.round(b.observedRate * b.count), b.count);
    return {
      name: model.name,
      predicted: b.meanPredicted,
      observed: b.observedRate,
      count: b.count,
      lo: w.low,
      hi: w.high,
    };
  });
  return Plot.plot({
    width,
    height: Math.min(420, width * 0.8),
    color: modelColor(artifact),
    ariaLabel: `Calibration of ${model.name} on the test set: predicted probability against observed churn rate`,
    ariaDescription:
      "Customers binned by predicted probability (ten bins of width 0.1); each bin's mean prediction across, its observed churn rate up " +
      "with a 95% Wilson interval, the dashed diagonal is perfect calibration. " +
      bins.map((b) => `${f3(b.predicted)} predicted, ${f3(b.observed)} observed (${b.count})`).join(", "),
    x: { label: "mean predicted probability →", domain: [0, 1], grid: true },
    y: { label: "↑ observed churn rate", domain: [0, 1], grid: true },
    r: { range: [1.5, 7] },
    marks: [
      diagonal(),
      Plot.ruleX(bins, { x: "predicted", y1: "lo", y2: "hi", stroke: "name", strokeOpacity: 0.7 }),
      Plot.line(bins, { x: "predicted", y: "observed", stroke: "name", strokeWidth: 2 }),
      Plot.dot(bins, {
        x: "predicted",
        y: "observed",
        r: "count",
        fill: "name",
        fillOpacity: 0.8,
        channels: { customers: "count" },
        tip: true,
      }),
    ],
  });
}

export function gainsChart(artifact: ModelsArtifact, { width, selectedId, shown }: CurveOptions): Chart {
  const models = shownModels(artifact, shown);
  const points = curvePoints(models, selectedId, (m) => [
    { share: 0, gain: 0 },
    ...m.test.curves.gains.map((g) => ({ share: g.share, gain: g.gain })),
  ]);
  const at = (m: ModelEntry, share: number) => m.test.curves.gains.find((g) => Math.abs(g.share - share) < 1e-9);
  return curvesChart(artifact, {
    width,
    height: Math.min(380, width * 0.7),
    ariaLabel: "Cumulative gains on the test set, one curve per model",
    ariaDescription:
      "Share of all churners reached when contacting the riskiest share of customers, test set. " +
      models
        .map(
          (m) =>
            `${m.name}: top 10% reach ${formatPercent(at(m, 0.1)?.gain ?? NaN)}, top 20% reach ${formatPercent(at(m, 0.2)?.gain ?? NaN)}`,
        )
        .join("; ") +
      ". The dashed diagonal is contacting at random.",
    x: { label: "share of customers contacted, riskiest first →", domain: [0, 1], tickFormat: "%", grid: true },
    y: { label: "↑ share of churners reached", domain: [0, 1], tickFormat: "%", grid: true },
    marks: [diagonal(), modelLines(points, "share", "gain")],
  });
}

export function liftChart(artifact: ModelsArtifact, { width, selectedId, shown }: CurveOptions): Chart {
  const models = shownModels(artifact, shown);
  const points = curvePoints(models, selectedId, (m) =>
    m.test.curves.gains.map((g) => ({ share: g.share, lift: g.lift })),
  );
  return curvesChart(artifact, {
    width,
    height: Math.min(320, width * 0.6),
    ariaLabel: "Lift on the test set, one curve per model",
    ariaDescription:
      "Churn rate among the contacted over the test set's churn rate, by share contacted. " +
      models
        .map(
          (m) =>
            `${m.name}: lift ${f3(m.test.curves.gains[0]?.lift ?? NaN)} in the top ${formatPercent(m.test.curves.gains[0]?.share ?? NaN, 0)}`,
        )
        .join("; ") +
      ". A lift of 1 is contacting at random.",
    x: { label: "share of customers contacted, riskiest first →", domain: [0, 1], tickFormat: "%", grid: true },
    y: { label: "↑ lift (times the base rate)", grid: true, zero: true },
    marks: [Plot.ruleY([1], REFERENCE), modelLines(points, "share", "lift")],
  });
}

// ---------------------------------------------------------------------------------------------- threshold

/** Precision, recall and F1 on the test set across every threshold, with the reader's and the policies' marked. */
export function thresholdChart(
  sweep: ScoreSweep,
  {
    width,
    threshold,
    policies,
  }: { width: number; threshold: number; policies: readonly { label: string; threshold: number | null }[] },
): Chart {
  const rows: { threshold: number; figure: string; value: number }[] = [];
  for (let k = 0; k < sweep.thresholds.length; k++) {
    const tp = sweep.tp[k];
    const fp = sweep.fp[k];
    const fn = sweep.positives - tp;
    const t = sweep.thresholds[k];
    rows.push({ threshold: t, figure: "precision", value: tp + fp > 0 ? tp / (tp + fp) : 0 });
    rows.push({ threshold: t, figure: "recall", value: sweep.positives > 0 ? tp / sweep.positives : 0 });
    rows.push({ threshold: t, figure: "F1", value: 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0 });
  }
  const color: Plot.ScaleOptions = { type: "ordinal", domain: ["precision", "recall", "F1"], scheme: "observable10" };
  const marks = policies.filter(
    (p): p is { label: string; threshold: number } => p.threshold !== null && Number.isFinite(p.threshold),
  );
  return withSwatches(
    Plot.plot({
      width,
      height: 280,
      ariaLabel: "Precision, recall and F1 on the test set against the threshold",
      ariaDescription:
        `As the threshold rises fewer customers are flagged: precision tends to rise and recall falls. The solid vertical line is the threshold set on the slider (${thresholdText(threshold)}); ` +
        `the dotted ones are the thresholds the policies chose on out-of-fold predictions: ${marks.map((p) => `${p.label} ${thresholdText(p.threshold)}`).join(", ")}.`,
      x: { label: "threshold (flag customers with a probability at or above it) →", domain: [0, 1], grid: true },
      y: { label: "↑ figure on the test set", domain: [0, 1], grid: true },
      color,
      marks: [
        Plot.line(rows, { x: "threshold", y: "value", stroke: "figure", curve: "step-before" }),
        Plot.ruleX(marks, { x: "threshold", stroke: "currentColor", strokeOpacity: 0.5, strokeDasharray: "2,3" }),
        Plot.text(marks, {
          x: "threshold",
          text: "label",
          frameAnchor: "top",
          dy: -2,
          rotate: -90,
          textAnchor: "end",
          fontSize: 9,
          fill: "currentColor",
          fillOpacity: 0.7,
        }),
        Plot.ruleX([threshold], { stroke: "var(--theme-foreground-focus)", strokeWidth: 2 }),
      ],
    }),
    color,
  );
}

// ---------------------------------------------------------------------------------------------- importance

/** Permutation importance of every model's input columns, as a grid: the drop in test ROC-AUC when shuffled. */
export function importanceGrid(artifact: ModelsArtifact, { width }: { width: number }): Chart {
  const selected = artifact.models.find((m) => m.id === artifact.selected.id) ?? artifact.models[0];
  const columns = [...selected.test.importance.permutation].sort((a, b) => b.mean - a.mean).map((r) => r.column);
  const cells = artifact.models.flatMap((m) =>
    m.test.importance.permutation.map((r) => ({ model: m.name, column: r.column, mean: r.mean, sd: r.sd })),
  );
  const top = Math.max(0.01, ...cells.map((c) => c.mean));
  return Plot.plot({
    width,
    height: 26 * columns.length + 120,
    marginLeft: 200,
    marginBottom: 110,
    ariaLabel: "Permutation importance on the test set, every model and input column",
    ariaDescription:
      "Drop in test ROC-AUC when one input column is shuffled (mean over repeats); darker is more important; columns ordered by the selected model's importance. " +
      artifact.models
        .map(
          (m) =>
            `${m.name}: ${[...m.test.importance.permutation]
              .sort((a, b) => b.mean - a.mean)
              .slice(0, 3)
              .map((r) => `${r.column} ${f3(r.mean)}`)
              .join(", ")}`,
        )
        .join("; "),
    x: { label: null, domain: artifact.models.map((m) => m.name), tickRotate: -35, axis: "bottom" },
    y: { label: null, domain: columns },
    color: { type: "linear", scheme: "blues", domain: [0, top], clamp: true },
    marks: [
      Plot.cell(cells, {
        x: "model",
        y: "column",
        fill: "mean",
        inset: 0.5,
        channels: { "ROC-AUC drop": "mean", sd: "sd" },
        tip: true,
      }),
      Plot.text(cells, {
        x: "model",
        y: "column",
        text: (d: { mean: number }) => d.mean.toFixed(3),
        fill: (d: { mean: number }) => (d.mean > 0.6 * top ? "white" : "black"),
        fontSize: 9,
      }),
    ],
  });
}

/** One model's permutation importance with ± sd whiskers. */
export function permutationChart(model: ModelEntry, { width }: { width: number }): Chart {
  const rows = [...model.test.importance.permutation].sort((a, b) => b.mean - a.mean);
  return Plot.plot({
    width,
    height: 22 * rows.length + 50,
    marginLeft: 200,
    ariaLabel: `Permutation importance for ${model.name}`,
    ariaDescription: `Drop in test ROC-AUC when each column is shuffled, mean ± sd over repeats: ${rows.map((r) => `${r.column} ${f3(r.mean)} ± ${f3(r.sd)}`).join("; ")}.`,
    x: { label: "drop in test ROC-AUC when shuffled →", grid: true },
    y: { label: null, domain: rows.map((r) => r.column) },
    marks: [
      Plot.barX(rows, { x: "mean", y: "column", fill: "currentColor", fillOpacity: 0.6 }),
      Plot.ruleY(rows, {
        y: "column",
        x1: (d: { mean: number; sd: number }) => d.mean - d.sd,
        x2: (d: { mean: number; sd: number }) => d.mean + d.sd,
        stroke: "currentColor",
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** A tree model's split-gain shares, the top features. */
export function gainChart(model: ModelEntry, { width, top = 15 }: { width: number; top?: number }): Chart {
  const rows = [...(model.test.importance.gain ?? [])].sort((a, b) => b.share - a.share).slice(0, top);
  return Plot.plot({
    width,
    height: 22 * rows.length + 50,
    marginLeft: 230,
    ariaLabel: `Gain importance for ${model.name}`,
    ariaDescription: `Share of the total split gain, top ${rows.length} features: ${rows.map((r) => `${r.feature} ${formatPercent(r.share)}`).join("; ")}.`,
    x: { label: "share of total split gain →", tickFormat: "%", grid: true },
    y: { label: null, domain: rows.map((r) => r.feature) },
    marks: [Plot.barX(rows, { x: "share", y: "feature", fill: "currentColor", fillOpacity: 0.6 }), Plot.ruleX([0])],
  });
}

// ---------------------------------------------------------------------------------------------- original protocol

const PROTOCOL: Plot.ScaleOptions = {
  type: "ordinal",
  domain: [
    "original: copies on both sides, threshold tuned on test",
    "this report: distinct customers, threshold from out-of-fold",
  ],
  range: ["var(--theme-red)", "currentColor"],
};

/** Per model, a figure under the original's protocol against the same model under this report's. */
export function originalChart(
  original: OriginalProtocol,
  { width, figure }: { width: number; figure: "f1" | "recall" | "accuracy" | "precision" },
): Chart {
  const [origLabel, honestLabel] = PROTOCOL.domain as string[];
  const rows = original.models.flatMap((m) => [
    { name: m.name, protocol: origLabel, value: m.original.testTuned[figure] },
    { name: m.name, protocol: honestLabel, value: m.honest.oofTuned[figure] },
  ]);
  const pairs = original.models.map((m) => ({
    name: m.name,
    a: m.original.testTuned[figure],
    b: m.honest.oofTuned[figure],
  }));
  return withSwatches(
    Plot.plot({
      width,
      height: 30 * original.models.length + 50,
      marginLeft: Math.min(230, Math.max(150, width * 0.35)),
      ariaLabel: `Test ${figure === "f1" ? "F1" : figure} under the original's protocol and under this report's, per model`,
      ariaDescription: pairs.map((p) => `${p.name}: original ${f3(p.a)}, this report ${f3(p.b)}`).join("; ") + ".",
      x: { label: `${figure === "f1" ? "F1" : figure} on the test set →`, grid: true },
      y: { label: null, domain: original.models.map((m) => m.name) },
      color: PROTOCOL,
      marks: [
        Plot.link(pairs, { y1: "name", y2: "name", x1: "a", x2: "b", stroke: "currentColor", strokeOpacity: 0.35 }),
        Plot.dot(rows, { y: "name", x: "value", fill: "protocol", r: 5 }),
      ],
    }),
    PROTOCOL,
  );
}
