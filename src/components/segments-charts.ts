// Charts for the segments page: plain functions (data, {width, ...}) => node, wrapped in resize(...) by the
// page. Every label that comes from the artifact (cluster and segment names) reaches the page through Plot
// text marks or ticks, which set text, never HTML. Colours use currentColor and the theme's variables so
// light and dark modes both read.
import type { Lang } from "../i18n/lang.js";
import * as Plot from "./plot.js";
import { withSwatches as sharedSwatches } from "./legend.js";
import type { KSelectionRow, SegmentCluster, SegmentsArtifact } from "../lib/segments/artifact.js";
import { riskValueQuadrant, type ClusterPriority, type OfferAssumptions } from "../lib/segments/value.js";
import { pageText } from "../i18n/tables.js";
import { segmentsText } from "./segments-text.js";

type Chart = SVGSVGElement | HTMLElement;

/** The shared colour scale of the clusters (ordinal, by stable id), so a group has one colour on the page. */
export function clusterColor(segments: SegmentsArtifact, lang: Lang = "en"): Plot.ScaleOptions {
  const t = segmentsText(segments, lang);
  return { type: "ordinal", domain: segments.clusters.map(t.label), scheme: "observable10" };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const withSwatches = (chart: Chart, color: Plot.ScaleOptions): HTMLElement =>
  sharedSwatches(chart, color, "segments-chart");

// ---------------------------------------------------------------------------------------------- k selection

export type KMetric = "inertia" | "silhouette";

export function kSelectionChart(
  rows: readonly KSelectionRow[],
  { width, k, metric, lang = "en" }: { width: number; k: number; metric: KMetric; lang?: Lang },
): Chart {
  const { s, f } = pageText(lang);
  const w = s.segments.charts;
  const data = rows
    .map((r) => ({ k: r.k, value: metric === "inertia" ? r.inertia : r.silhouette }))
    .filter((r): r is { k: number; value: number } => r.value !== null && Number.isFinite(r.value));
  const chosen = data.filter((r) => r.k === k);
  const label = metric === "inertia" ? w.inertiaLabel : w.silhouetteLabel;
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 60,
    ariaLabel: metric === "inertia" ? w.inertiaTitle : w.silhouetteTitle,
    ariaDescription: w.kDescription(
      label,
      data.map((r) => r.k).join(", "),
      data.map((r) => w.kItem(r.k, metric === "inertia" ? f.count(r.value) : f.number(r.value, 3))).join("; "),
      k,
    ),
    x: { label: w.kAxis, ticks: data.map((r) => r.k), tickFormat: "d" },
    y: { label, grid: true, zero: metric === "inertia" },
    marks: [
      Plot.line(data, { x: "k", y: "value", stroke: "currentColor", strokeOpacity: 0.6 }),
      Plot.dot(data, { x: "k", y: "value", fill: "currentColor", r: 3 }),
      Plot.dot(chosen, { x: "k", y: "value", r: 7, stroke: "var(--theme-foreground-focus)", strokeWidth: 2 }),
      Plot.text(chosen, { x: "k", y: "value", text: () => w.kMark(k), dy: -14, fill: "var(--theme-foreground-focus)" }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- scatter

/** Deterministic jitter in [-0.35, 0.35] from the row index, so whole-day recency does not stack in stripes. */
function jitter(i: number): number {
  const x = Math.sin(i * 12.9898 + 78.233) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 0.7;
}

export interface ScatterOptions {
  readonly width: number;
  /** One panel per cluster (its customers over the others in grey) instead of all in one chart. */
  readonly facet?: boolean;
  readonly lang?: Lang;
}

export function clusterScatter(
  segments: SegmentsArtifact,
  { width, facet = false, lang = "en" }: ScatterOptions,
): Chart {
  const t = segmentsText(segments, lang);
  const { s, f, axes, num } = t;
  const w = s.charts;
  const p = segments.points;
  const labels = segments.clusters.map(t.label);
  const columns = width < 560 ? 2 : 3;
  const rows = p.id.map((id, i) => ({
    id,
    recency: p.recency[i],
    x: p.recency[i] + jitter(i),
    frequency: p.frequency[i],
    monetary: p.monetary[i],
    cluster: labels[p.cluster[i]] ?? s.clusterLabel(p.cluster[i], ""),
    fx: p.cluster[i] % columns,
    fy: Math.floor(p.cluster[i] / columns),
  }));
  const centres = segments.clusters.map((c) => ({
    label: t.label(c),
    id: c.id,
    fx: c.id % columns,
    fy: Math.floor(c.id / columns),
    ...c.centre,
  }));
  const description = w.scatterDescription({
    axes,
    shown: f.count(rows.length),
    of: segments.pointsSample ? f.count(segments.pointsSample.of) : null,
    facet,
    centres: segments.clusters
      .map((c) =>
        w.scatterCentre(axes, c.id, num(c.centre.recency), num(c.centre.frequency), num(c.centre.monetary, 0)),
      )
      .join("; "),
  });
  const dotOptions = {
    x: "x",
    y: "monetary",
    r: "frequency",
    fill: "cluster",
    fillOpacity: facet ? 0.6 : 0.45,
    channels: { [w.tipCustomer]: "id", [w.tipDays]: "recency", [w.tipOrders]: "frequency" },
    tip: { format: { x: false, fill: true, r: false, y: (v: number) => num(v, 0) } },
  } as const;
  if (!facet) {
    return withSwatches(
      Plot.plot({
        width,
        height: Math.max(360, Math.min(560, width * 0.55)),
        marginLeft: 56,
        ariaLabel: w.scatterTitle(axes, false),
        ariaDescription: description,
        x: { label: w.scatterX(axes, true), grid: true },
        y: { label: w.scatterY(axes), grid: true },
        r: { range: [1, 7], label: w.scatterR(axes) },
        color: clusterColor(segments, lang),
        marks: [
          Plot.dot(rows, dotOptions),
          Plot.dot(centres, {
            x: "recency",
            y: "monetary",
            r: 10,
            stroke: "currentColor",
            strokeWidth: 2,
            fill: "var(--theme-background)",
            fillOpacity: 0.7,
          }),
          Plot.text(centres, {
            x: "recency",
            y: "monetary",
            text: (d: { id: number }) => String(d.id),
            fill: "currentColor",
            fontWeight: "bold",
          }),
        ],
      }),
      clusterColor(segments, lang),
    );
  }
  const nRows = Math.ceil(segments.clusters.length / columns);
  return withSwatches(
    Plot.plot({
      width,
      height: nRows * Math.max(220, Math.min(320, width / columns)) + 60,
      marginLeft: 56,
      ariaLabel: w.scatterTitle(axes, true),
      ariaDescription: description,
      fx: { axis: null },
      fy: { axis: null },
      x: { label: w.scatterX(axes, false), grid: true },
      y: { label: w.scatterY(axes), grid: true },
      r: { range: [0.8, 5], label: w.scatterR(axes) },
      color: clusterColor(segments, lang),
      marks: [
        Plot.frame({ stroke: "var(--theme-foreground-faint)" }),
        Plot.dot(rows, {
          x: "x",
          y: "monetary",
          r: "frequency",
          fx: "fx",
          fy: "fy",
          facet: "exclude",
          fill: "var(--theme-foreground-faint)",
          fillOpacity: 0.25,
        }),
        Plot.dot(rows, { ...dotOptions, fx: "fx", fy: "fy" }),
        Plot.text(centres, {
          fx: "fx",
          fy: "fy",
          frameAnchor: "top-right",
          dx: -6,
          dy: 6,
          text: (d: { label: string }) => (d.label.length > 40 ? `${d.label.slice(0, 39)}…` : d.label),
          fill: "currentColor",
          fontWeight: "bold",
        }),
      ],
    }),
    clusterColor(segments, lang),
  );
}

// ---------------------------------------------------------------------------------------------- profiles

const LEVEL_FILL = { low: "#8fb8de", mid: "#e6e6e6", high: "#f0a35e" } as const;

/** Cluster x feature grid: colour = level against the whole base (terciles), text = the cluster's mean. */
export function profileHeatmap(
  segments: SegmentsArtifact,
  { width, lang = "en" }: { width: number; lang?: Lang },
): Chart {
  const t = segmentsText(segments, lang);
  const { s, axes, num } = t;
  const w = s.charts;
  const features = w.heatmapFeatures(axes);
  const cells = segments.clusters.flatMap((c) => [
    { cluster: t.label(c), feature: features[0], level: w.level(c.levels.recency), text: num(c.mean.recency) },
    { cluster: t.label(c), feature: features[1], level: w.level(c.levels.frequency), text: num(c.mean.frequency) },
    { cluster: t.label(c), feature: features[2], level: w.level(c.levels.monetary), text: num(c.mean.monetary, 0) },
    { cluster: t.label(c), feature: features[3], level: w.level(c.churnLevel), text: t.percent(c.churnRate) },
  ]);
  const base = segments.base;
  const levelColor: Plot.ScaleOptions = {
    type: "ordinal",
    domain: [w.level("low"), w.level("mid"), w.level("high")],
    range: [LEVEL_FILL.low, LEVEL_FILL.mid, LEVEL_FILL.high],
    label: w.levelLegend,
  };
  return withSwatches(
    Plot.plot({
      width,
      height: 40 * segments.clusters.length + 60,
      marginLeft: Math.min(340, Math.max(160, width * 0.4)),
      ariaLabel: w.heatmapTitle(axes),
      ariaDescription: w.heatmapDescription(
        cells.map((d) => w.heatmapCell(d.cluster, d.feature, d.text, d.level)).join("; "),
        w.heatmapBase(
          axes,
          num(base.mean.recency),
          num(base.mean.frequency),
          num(base.mean.monetary, 0),
          t.percent(base.churnRate),
        ),
      ),
      x: { label: null, domain: [...features], axis: "top", tickSize: 0 },
      y: { label: null, domain: segments.clusters.map(t.label), tickSize: 0 },
      color: levelColor,
      marks: [
        Plot.cell(cells, { x: "feature", y: "cluster", fill: "level", inset: 1 }),
        Plot.text(cells, { x: "feature", y: "cluster", text: "text", fill: "black" }),
      ],
    }),
    levelColor,
  );
}

// ---------------------------------------------------------------------------------------------- churn and risk

export function churnByCluster(
  segments: SegmentsArtifact,
  { width, lang = "en" }: { width: number; lang?: Lang },
): Chart {
  const t = segmentsText(segments, lang);
  const w = t.s.charts;
  const pct = t.percent;
  const rows = segments.clusters.map((c) => ({
    label: t.label(c),
    rate: c.churnRate,
    low: c.churnRateLow,
    high: c.churnRateHigh,
    predicted: c.meanPredicted,
  }));
  const predicted = rows.filter((r): r is typeof r & { predicted: number } => r.predicted !== null);
  const base = segments.base.churnRate;
  return Plot.plot({
    width,
    height: 40 * rows.length + 60,
    marginLeft: Math.min(340, Math.max(160, width * 0.4)),
    ariaLabel: w.churnTitle(predicted.length > 0),
    ariaDescription:
      rows
        .map((r) =>
          w.churnItem(r.label, pct(r.rate), pct(r.low), pct(r.high), r.predicted === null ? null : pct(r.predicted)),
        )
        .join("; ") +
      ". " +
      w.churnBase(pct(base)),
    caption: w.churnCaption(predicted.length > 0),
    x: {
      label: w.churnAxis,
      tickFormat: "%",
      grid: true,
      domain: [0, Math.max(...rows.map((r) => Math.max(r.high, r.predicted ?? 0))) * 1.1],
    },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.ruleX([base], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.7 }),
      Plot.ruleY(rows, {
        y: "label",
        x1: "low",
        x2: "high",
        stroke: "currentColor",
        strokeWidth: 2,
        strokeOpacity: 0.6,
      }),
      Plot.dot(rows, { y: "label", x: "rate", fill: "currentColor", r: 5 }),
      Plot.dot(predicted, {
        y: "label",
        x: "predicted",
        symbol: "diamond",
        r: 6,
        stroke: "var(--theme-foreground-focus)",
        strokeWidth: 2,
      }),
      Plot.text(rows, {
        y: "label",
        x: (r: { high: number; predicted: number | null }) => Math.max(r.high, r.predicted ?? 0),
        text: (r: { rate: number }) => pct(r.rate),
        dx: 10,
        textAnchor: "start",
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- RFM cross-table

export function rfmCrossTable(
  segments: SegmentsArtifact,
  { width, lang = "en" }: { width: number; lang?: Lang },
): Chart {
  const t = segmentsText(segments, lang);
  const { s, f } = t;
  const w = s.charts;
  const { rfm, clusters } = segments;
  const groupName = (id: number): string => capitalise(s.group(id));
  const groups = clusters.map((c) => groupName(c.id));
  const all = w.allGroups;
  const names = rfm.segments.map(s.rfmSegment);
  const cells = clusters.flatMap((c) =>
    names.map((segment, j) => {
      const n = rfm.crossTable[c.id]?.[j] ?? 0;
      return { group: groupName(c.id), segment, n, share: c.size > 0 ? n / c.size : 0 };
    }),
  );
  const totals = names.map((segment, j) => ({
    group: all,
    segment,
    text: `${f.count(rfm.segmentSizes[j])} · ${rfm.segmentChurnRates[j] === null ? "–" : t.percent(rfm.segmentChurnRates[j] ?? NaN, 0)}`,
  }));
  const nonEmpty = cells.filter((d) => d.n > 0);
  return Plot.plot({
    width,
    height: 30 * rfm.segments.length + 70,
    marginLeft: 130,
    ariaLabel: w.rfmTitle,
    ariaDescription:
      clusters
        .map((c) => {
          const parts = cells.filter((d) => d.group === groupName(c.id) && d.n > 0).map((d) => `${d.segment} ${d.n}`);
          return w.rfmGroupItem(groupName(c.id), parts.join(", ") || w.rfmNone);
        })
        .join("; ") + w.rfmTotals(totals.map((d) => `${d.segment} ${d.text}`).join("; ")),
    caption: w.rfmCaption,
    x: { label: null, domain: [...groups, all], axis: "top", tickSize: 0 },
    y: { label: null, domain: names, tickSize: 0 },
    color: { type: "linear", domain: [0, 1], range: ["#e8eef7", "#1f5aa6"] },
    marks: [
      Plot.cell(nonEmpty, { x: "group", y: "segment", fill: "share", inset: 1 }),
      Plot.text(nonEmpty, {
        x: "group",
        y: "segment",
        text: (d: { n: number }) => f.count(d.n),
        fill: (d: { share: number }) => (d.share > 0.45 ? "white" : "black"),
      }),
      Plot.text(totals, { x: "group", y: "segment", text: "text", fill: "currentColor" }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- risk x value

export interface RiskValuePoint {
  readonly id: number;
  readonly label: string;
  readonly size: number;
  readonly risk: number;
  readonly value: number;
  readonly quadrant: ReturnType<typeof riskValueQuadrant>;
}

/** Per-cluster risk (the ranking's p(churn)) and value (mean cashback x value per unit), with the cuts. */
export function riskValuePoints(
  segments: SegmentsArtifact,
  assumptions: OfferAssumptions,
  lang: Lang = "en",
): { points: RiskValuePoint[]; riskCut: number; valueCut: number } {
  const t = segmentsText(segments, lang);
  const total = segments.clusters.reduce((s, c) => s + c.size, 0);
  const riskCut = segments.clusters.reduce((s, c) => s + c.risk.meanPChurn * c.size, 0) / total;
  const valueCut =
    (segments.clusters.reduce((s, c) => s + c.risk.meanCashback * c.size, 0) / total) * assumptions.valuePerCashback;
  const points = segments.clusters.map((c: SegmentCluster) => {
    const value = c.risk.meanCashback * assumptions.valuePerCashback;
    return {
      id: c.id,
      label: t.label(c),
      size: c.size,
      risk: c.risk.meanPChurn,
      value,
      quadrant: riskValueQuadrant(c.risk.meanPChurn, value, riskCut, valueCut),
    };
  });
  return { points, riskCut, valueCut };
}

export function riskValueMatrix(
  segments: SegmentsArtifact,
  { width, assumptions, lang = "en" }: { width: number; assumptions: OfferAssumptions; lang?: Lang },
): Chart {
  const t = segmentsText(segments, lang);
  const { s, axes } = t;
  const w = s.charts;
  const { points, riskCut, valueCut } = riskValuePoints(segments, assumptions, lang);
  const riskWord = w.riskWord(segments.priority.riskSource === "predicted");
  const multiplier = t.f.number(assumptions.valuePerCashback, Number.isInteger(assumptions.valuePerCashback) ? 0 : 1);
  const xs = points.map((p) => p.risk);
  const ys = points.map((p) => p.value);
  const padX = (Math.max(...xs, riskCut) - Math.min(...xs, riskCut)) * 0.25 || 0.05;
  const padY = (Math.max(...ys, valueCut) - Math.min(...ys, valueCut)) * 0.25 || 1;
  const xDomain = [Math.max(0, Math.min(...xs, riskCut) - padX), Math.max(...xs, riskCut) + padX];
  const yDomain = [Math.max(0, Math.min(...ys, valueCut) - padY), Math.max(...ys, valueCut) + padY];
  const corners = [
    { text: w.quadrant("High risk, high value"), frameAnchor: "top-right" },
    { text: w.quadrant("Low risk, high value"), frameAnchor: "top-left" },
    { text: w.quadrant("High risk, low value"), frameAnchor: "bottom-right" },
    { text: w.quadrant("Low risk, low value"), frameAnchor: "bottom-left" },
  ] as const;
  return Plot.plot({
    width,
    height: 380,
    marginLeft: 60,
    marginRight: 20,
    ariaLabel: w.riskValueTitle,
    ariaDescription: w.riskValueDescription({
      riskWord,
      axes,
      multiplier,
      riskCut: t.percent(riskCut),
      valueCut: t.money(valueCut),
      items: points
        .map((p) => w.riskValueItem(p.label, t.percent(p.risk), t.money(p.value), w.quadrant(p.quadrant)))
        .join("; "),
    }),
    x: { label: w.riskValueX(riskWord), tickFormat: "%", domain: xDomain, grid: true },
    y: { label: w.riskValueY(axes, multiplier), domain: yDomain, grid: true },
    r: { range: [6, 28] },
    color: clusterColor(segments, lang),
    marks: [
      Plot.ruleX([riskCut], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.6 }),
      Plot.ruleY([valueCut], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.6 }),
      ...corners.map((c) =>
        Plot.text([c.text], {
          frameAnchor: c.frameAnchor,
          dx: c.frameAnchor.endsWith("left") ? 6 : -6,
          dy: c.frameAnchor.startsWith("top") ? 6 : -6,
          fill: "var(--theme-foreground-muted)",
          fontStyle: "italic",
        }),
      ),
      Plot.dot(points, {
        x: "risk",
        y: "value",
        r: "size",
        fill: "label",
        fillOpacity: 0.75,
        stroke: "currentColor",
        tip: true,
      }),
      Plot.text(points, {
        x: "risk",
        y: "value",
        text: (p: RiskValuePoint) => String(p.id),
        fill: "currentColor",
        fontWeight: "bold",
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- priority

export function priorityChart(
  segments: SegmentsArtifact,
  priorities: readonly ClusterPriority[],
  { width, lang = "en" }: { width: number; lang?: Lang },
): Chart {
  const t = segmentsText(segments, lang);
  const w = t.s.charts;
  const money = t.money;
  const rows = [...priorities]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => ({
      ...p,
      label: t.label(p),
      verdict: p.worthOffering ? w.pays : w.costsMore,
    }));
  const verdictColor: Plot.ScaleOptions = {
    type: "ordinal",
    domain: [w.pays, w.costsMore],
    range: ["var(--theme-foreground-focus)", "var(--theme-foreground-faint)"],
  };
  return withSwatches(
    Plot.plot({
      width,
      height: 40 * rows.length + 60,
      marginLeft: Math.min(340, Math.max(160, width * 0.4)),
      marginRight: 70,
      ariaLabel: w.priorityTitle,
      ariaDescription:
        rows.map((r) => w.priorityItem(r.rank, r.label, money(r.evTotal), money(r.evPerCustomer))).join("; ") + ".",
      x: {
        label: w.priorityAxis,
        grid: true,
        tickFormat: (v: number) => money(v),
      },
      y: { label: null, domain: rows.map((r) => r.label) },
      color: verdictColor,
      marks: [
        Plot.barX(rows, { x: "evTotal", y: "label", fill: "verdict" }),
        Plot.ruleX([0], { stroke: "currentColor" }),
        Plot.text(rows, {
          x: "evTotal",
          y: "label",
          text: (r: { evTotal: number }) => money(r.evTotal),
          dx: 6,
          textAnchor: "start",
          fill: "currentColor",
          filter: (r: { evTotal: number }) => r.evTotal >= 0,
        }),
        Plot.text(rows, {
          x: 0,
          y: "label",
          text: (r: { evTotal: number }) => money(r.evTotal),
          dx: 6,
          textAnchor: "start",
          fill: "currentColor",
          filter: (r: { evTotal: number }) => r.evTotal < 0,
        }),
      ],
    }),
    verdictColor,
  );
}
