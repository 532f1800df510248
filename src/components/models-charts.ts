// Charts for the models page: plain functions (data, {width, ...}) => node, wrapped in resize(...) by the page.
// Model names reach the page through Plot text marks and ticks (text, never HTML). Colours use currentColor and
// the theme's variables so light and dark modes both read; colour legends sit outside each chart's figure.
// Every title, axis, legend and text alternative comes from the page language's table (src/i18n/*-models.ts).
import type { Lang } from "../i18n/lang.js";
import type { OriginalFigure, ScoreMetric, ThresholdFigure } from "../i18n/models-strings.js";
import * as Plot from "./plot.js";
import { withSwatches as sharedSwatches } from "./legend.js";
import type { ModelEntry, ModelsArtifact, OriginalProtocol } from "../lib/models/artifact.js";
import type { ScoreSweep } from "../lib/metrics/order.js";
import { wilsonInterval } from "../lib/stats/tests.js";
import { modelsFormat } from "./models-format.js";

type Chart = SVGSVGElement | HTMLElement;

export type { ScoreMetric };

/** One colour per model for every chart on the page, in the artifact's order. */
export function modelColor(artifact: ModelsArtifact): Plot.ScaleOptions {
  return { type: "ordinal", domain: artifact.models.map((m) => m.name), scheme: "observable10" };
}

const withSwatches = (chart: Chart, color: Plot.ScaleOptions): HTMLElement =>
  sharedSwatches(chart, color, "models-chart");

// ---------------------------------------------------------------------------------------------- leaderboard

/** Each model's cross-validated mean ± sd and its test estimate with the bootstrap interval, one metric. */
export function scoreChart(
  artifact: ModelsArtifact,
  { width, metric, lang = "en" }: { width: number; metric: ScoreMetric; lang?: Lang },
): Chart {
  const { t, f3 } = modelsFormat(lang);
  const SERIES: Plot.ScaleOptions = {
    type: "ordinal",
    domain: [t.series.cv, t.series.test],
    range: ["currentColor", "var(--theme-foreground-focus)"],
  };
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
      ariaLabel: t.scoreTitle(t.metricLabels[metric]),
      ariaDescription: rows
        .map((r) =>
          t.scoreItem({
            name: r.name,
            cv: f3(r.cvMean),
            sd: f3(r.cvHi - r.cvMean),
            test: f3(r.test),
            lo: f3(r.testLo),
            hi: f3(r.testHi),
          }),
        )
        .join("; "),
      x: {
        label: t.axis(
          `${t.metricLabels[metric]}${metric === "brier" || metric === "logLoss" ? ` ${t.lowerIsBetter}` : ""}`,
        ),
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
  readonly lang?: Lang;
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

export function rocChart(artifact: ModelsArtifact, { width, selectedId, shown, lang = "en" }: CurveOptions): Chart {
  const { t, f3 } = modelsFormat(lang);
  const models = shownModels(artifact, shown);
  const points = curvePoints(models, selectedId, (m) =>
    m.test.curves.roc.fpr.map((fpr, i) => ({ fpr, tpr: m.test.curves.roc.tpr[i] })),
  );
  return curvesChart(artifact, {
    width,
    height: Math.min(420, width * 0.8),
    ariaLabel: t.rocTitle,
    ariaDescription: t.rocDescription(
      models.map((m) => ({
        name: m.name,
        auc: f3(m.test.rocAuc.estimate),
        lo: f3(m.test.rocAuc.lo),
        hi: f3(m.test.rocAuc.hi),
      })),
    ),
    x: { label: t.rocX, domain: [0, 1], grid: true },
    y: { label: t.rocY, domain: [0, 1], grid: true },
    marks: [diagonal(), modelLines(points, "fpr", "tpr", { curve: "step-after" })],
  });
}

export function prChart(artifact: ModelsArtifact, { width, selectedId, shown, lang = "en" }: CurveOptions): Chart {
  const { t, f3, percent } = modelsFormat(lang);
  const models = shownModels(artifact, shown);
  const points = curvePoints(models, selectedId, (m) =>
    m.test.curves.pr.recall.map((recall, i) => ({ recall, precision: m.test.curves.pr.precision[i] })),
  );
  const base = artifact.protocol.testChurners / artifact.protocol.testRows;
  return curvesChart(artifact, {
    width,
    height: Math.min(420, width * 0.8),
    ariaLabel: t.prTitle,
    ariaDescription: t.prDescription(
      models.map((m) => ({
        name: m.name,
        auc: f3(m.test.averagePrecision.estimate),
        lo: f3(m.test.averagePrecision.lo),
        hi: f3(m.test.averagePrecision.hi),
      })),
      percent(base),
    ),
    x: { label: t.prX, domain: [0, 1], grid: true },
    y: { label: t.prY, domain: [0, 1], grid: true },
    marks: [Plot.ruleY([base], REFERENCE), modelLines(points, "recall", "precision")],
  });
}

/**
 * One model's calibration: eight models' bins drawn over each other zigzag into a tangle nobody can read, so
 * the page picks the model (the selected one by default) and this draws its bins alone, in the model's colour.
 */
export function calibrationChart(
  artifact: ModelsArtifact,
  { width, model, lang = "en" }: { readonly width: number; readonly model: ModelEntry; readonly lang?: Lang },
): Chart {
  const { t, f3, count } = modelsFormat(lang);
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
    ariaLabel: t.calibrationTitle(model.name),
    ariaDescription: t.calibrationDescription(
      bins.map((b) => ({ predicted: f3(b.predicted), observed: f3(b.observed), count: count(b.count) })),
    ),
    x: { label: t.calibrationX, domain: [0, 1], grid: true },
    y: { label: t.calibrationY, domain: [0, 1], grid: true },
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
        channels: { [t.customers]: "count" },
        tip: true,
      }),
    ],
  });
}

export function gainsChart(artifact: ModelsArtifact, { width, selectedId, shown, lang = "en" }: CurveOptions): Chart {
  const { t, percent } = modelsFormat(lang);
  const models = shownModels(artifact, shown);
  const points = curvePoints(models, selectedId, (m) => [
    { share: 0, gain: 0 },
    ...m.test.curves.gains.map((g) => ({ share: g.share, gain: g.gain })),
  ]);
  const at = (m: ModelEntry, share: number) => m.test.curves.gains.find((g) => Math.abs(g.share - share) < 1e-9);
  return curvesChart(artifact, {
    width,
    height: Math.min(380, width * 0.7),
    ariaLabel: t.gainsTitle,
    ariaDescription: t.gainsDescription(
      models.map((m) => ({
        name: m.name,
        top10: percent(at(m, 0.1)?.gain ?? NaN),
        top20: percent(at(m, 0.2)?.gain ?? NaN),
      })),
    ),
    x: { label: t.gainsX, domain: [0, 1], tickFormat: "%", grid: true },
    y: { label: t.gainsY, domain: [0, 1], tickFormat: "%", grid: true },
    marks: [diagonal(), modelLines(points, "share", "gain")],
  });
}

export function liftChart(artifact: ModelsArtifact, { width, selectedId, shown, lang = "en" }: CurveOptions): Chart {
  const { t, f3, percent } = modelsFormat(lang);
  const models = shownModels(artifact, shown);
  const points = curvePoints(models, selectedId, (m) =>
    m.test.curves.gains.map((g) => ({ share: g.share, lift: g.lift })),
  );
  return curvesChart(artifact, {
    width,
    height: Math.min(320, width * 0.6),
    ariaLabel: t.liftTitle,
    ariaDescription: t.liftDescription(
      models.map((m) => ({
        name: m.name,
        lift: f3(m.test.curves.gains[0]?.lift ?? NaN),
        share: percent(m.test.curves.gains[0]?.share ?? NaN, 0),
      })),
    ),
    x: { label: t.gainsX, domain: [0, 1], tickFormat: "%", grid: true },
    y: { label: t.liftY, grid: true, zero: true },
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
    lang = "en",
  }: {
    width: number;
    threshold: number;
    policies: readonly { label: string; threshold: number | null }[];
    lang?: Lang;
  },
): Chart {
  const { t, threshold: thresholdText } = modelsFormat(lang);
  const label = (figure: ThresholdFigure): string => t.thresholdFigures[figure];
  const rows: { threshold: number; figure: string; value: number }[] = [];
  for (let k = 0; k < sweep.thresholds.length; k++) {
    const tp = sweep.tp[k];
    const fp = sweep.fp[k];
    const fn = sweep.positives - tp;
    const at = sweep.thresholds[k];
    rows.push({ threshold: at, figure: label("precision"), value: tp + fp > 0 ? tp / (tp + fp) : 0 });
    rows.push({ threshold: at, figure: label("recall"), value: sweep.positives > 0 ? tp / sweep.positives : 0 });
    rows.push({ threshold: at, figure: label("F1"), value: 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0 });
  }
  const color: Plot.ScaleOptions = {
    type: "ordinal",
    domain: [label("precision"), label("recall"), label("F1")],
    scheme: "observable10",
  };
  const marks = policies.filter(
    (p): p is { label: string; threshold: number } => p.threshold !== null && Number.isFinite(p.threshold),
  );
  return withSwatches(
    Plot.plot({
      width,
      height: 280,
      ariaLabel: t.thresholdTitle,
      ariaDescription: t.thresholdDescription(
        thresholdText(threshold),
        marks.map((p) => ({ label: p.label, threshold: thresholdText(p.threshold) })),
      ),
      x: { label: t.thresholdX, domain: [0, 1], grid: true },
      y: { label: t.thresholdY, domain: [0, 1], grid: true },
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
export function importanceGrid(
  artifact: ModelsArtifact,
  { width, lang = "en" }: { width: number; lang?: Lang },
): Chart {
  const { t, f3 } = modelsFormat(lang);
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
    ariaLabel: t.gridTitle,
    ariaDescription: t.gridDescription(
      artifact.models.map((m) => ({
        name: m.name,
        top: [...m.test.importance.permutation]
          .sort((a, b) => b.mean - a.mean)
          .slice(0, 3)
          .map((r) => ({ column: r.column, mean: f3(r.mean) })),
      })),
    ),
    x: { label: null, domain: artifact.models.map((m) => m.name), tickRotate: -35, axis: "bottom" },
    y: { label: null, domain: columns },
    color: { type: "linear", scheme: "blues", domain: [0, top], clamp: true },
    marks: [
      Plot.cell(cells, {
        x: "model",
        y: "column",
        fill: "mean",
        inset: 0.5,
        channels: { [t.gridDrop]: "mean", [t.gridSd]: "sd" },
        tip: true,
      }),
      Plot.text(cells, {
        x: "model",
        y: "column",
        text: (d: { mean: number }) => f3(d.mean),
        fill: (d: { mean: number }) => (d.mean > 0.6 * top ? "white" : "black"),
        fontSize: 9,
      }),
    ],
  });
}

/** One model's permutation importance with ± sd whiskers. */
export function permutationChart(model: ModelEntry, { width, lang = "en" }: { width: number; lang?: Lang }): Chart {
  const { t, f3 } = modelsFormat(lang);
  const rows = [...model.test.importance.permutation].sort((a, b) => b.mean - a.mean);
  return Plot.plot({
    width,
    height: 22 * rows.length + 50,
    marginLeft: 200,
    ariaLabel: t.permutationTitle(model.name),
    ariaDescription: t.permutationDescription(rows.map((r) => ({ column: r.column, mean: f3(r.mean), sd: f3(r.sd) }))),
    x: { label: t.permutationX, grid: true },
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
export function gainChart(
  model: ModelEntry,
  { width, top = 15, lang = "en" }: { width: number; top?: number; lang?: Lang },
): Chart {
  const { t, percent } = modelsFormat(lang);
  const rows = [...(model.test.importance.gain ?? [])].sort((a, b) => b.share - a.share).slice(0, top);
  return Plot.plot({
    width,
    height: 22 * rows.length + 50,
    marginLeft: 230,
    ariaLabel: t.gainTitle(model.name),
    ariaDescription: t.gainDescription(rows.map((r) => ({ feature: r.feature, share: percent(r.share) }))),
    x: { label: t.gainX, tickFormat: "%", grid: true },
    y: { label: null, domain: rows.map((r) => r.feature) },
    marks: [Plot.barX(rows, { x: "share", y: "feature", fill: "currentColor", fillOpacity: 0.6 }), Plot.ruleX([0])],
  });
}

// ---------------------------------------------------------------------------------------------- original protocol

/** Per model, a figure under the original's protocol against the same model under this report's. */
export function originalChart(
  original: OriginalProtocol,
  { width, figure, lang = "en" }: { width: number; figure: OriginalFigure; lang?: Lang },
): Chart {
  const { t, f3 } = modelsFormat(lang);
  const PROTOCOL: Plot.ScaleOptions = {
    type: "ordinal",
    domain: [t.protocols.original, t.protocols.report],
    range: ["var(--theme-red)", "currentColor"],
  };
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
      ariaLabel: t.originalTitle(t.originalFigures[figure]),
      ariaDescription: t.originalDescription(pairs.map((p) => ({ name: p.name, original: f3(p.a), report: f3(p.b) }))),
      x: { label: t.originalX(t.originalFigures[figure]), grid: true },
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
