// Charts for the segments page: plain functions (data, {width, ...}) => node, wrapped in resize(...) by the
// page. Every label that comes from the artifact (cluster and segment names) reaches the page through Plot
// text marks or ticks, which set text, never HTML. Colours use currentColor and the theme's variables so
// light and dark modes both read.
import { formatPercent } from "../lib/stats/format.js";
import * as Plot from "./plot.js";
import { withSwatches as sharedSwatches } from "./legend.js";
import type { KSelectionRow, SegmentCluster, SegmentsArtifact } from "../lib/segments/artifact.js";
import { riskValueQuadrant, type ClusterPriority, type OfferAssumptions } from "../lib/segments/value.js";

type Chart = SVGSVGElement | HTMLElement;

export const num = (x: number, digits = 1): string =>
  Number.isFinite(x)
    ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a";
export const money = (x: number): string =>
  Number.isFinite(x) ? `${x < 0 ? "−" : ""}${Math.abs(Math.round(x)).toLocaleString("en-US")}` : "n/a";

/** "Group 2 · Lapsed, regular, mid-cashback": the label every chart and table uses for a cluster. */
export function clusterLabel(c: { readonly id: number; readonly name: string }): string {
  return `Group ${c.id} · ${c.name}`;
}

/** The shared colour scale of the clusters (ordinal, by stable id), so a group has one colour on the page. */
export function clusterColor(segments: SegmentsArtifact): Plot.ScaleOptions {
  return { type: "ordinal", domain: segments.clusters.map(clusterLabel), scheme: "observable10" };
}

const withSwatches = (chart: Chart, color: Plot.ScaleOptions): HTMLElement =>
  sharedSwatches(chart, color, "segments-chart");

// ---------------------------------------------------------------------------------------------- k selection

export type KMetric = "inertia" | "silhouette";

export function kSelectionChart(
  rows: readonly KSelectionRow[],
  { width, k, metric }: { width: number; k: number; metric: KMetric },
): Chart {
  const data = rows
    .map((r) => ({ k: r.k, value: metric === "inertia" ? r.inertia : r.silhouette }))
    .filter((r): r is { k: number; value: number } => r.value !== null && Number.isFinite(r.value));
  const chosen = data.filter((r) => r.k === k);
  const label = metric === "inertia" ? "within-cluster sum of squares (standardised units)" : "mean silhouette width";
  return Plot.plot({
    width,
    height: 220,
    marginLeft: 60,
    ariaLabel: metric === "inertia" ? "Inertia (elbow) by number of clusters" : "Silhouette by number of clusters",
    ariaDescription:
      `${label} for k = ${data.map((r) => r.k).join(", ")}: ` +
      data.map((r) => `k ${r.k}: ${metric === "inertia" ? Math.round(r.value) : r.value.toFixed(3)}`).join("; ") +
      `. The report uses k = ${k}.`,
    x: { label: "number of clusters k", ticks: data.map((r) => r.k), tickFormat: "d" },
    y: { label, grid: true, zero: metric === "inertia" },
    marks: [
      Plot.line(data, { x: "k", y: "value", stroke: "currentColor", strokeOpacity: 0.6 }),
      Plot.dot(data, { x: "k", y: "value", fill: "currentColor", r: 3 }),
      Plot.dot(chosen, { x: "k", y: "value", r: 7, stroke: "var(--theme-foreground-focus)", strokeWidth: 2 }),
      Plot.text(chosen, { x: "k", y: "value", text: () => `k = ${k}`, dy: -14, fill: "var(--theme-foreground-focus)" }),
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
}

export function clusterScatter(segments: SegmentsArtifact, { width, facet = false }: ScatterOptions): Chart {
  const p = segments.points;
  const labels = segments.clusters.map(clusterLabel);
  const columns = width < 560 ? 2 : 3;
  const rows = p.id.map((id, i) => ({
    id,
    recency: p.recency[i],
    x: p.recency[i] + jitter(i),
    frequency: p.frequency[i],
    monetary: p.monetary[i],
    cluster: labels[p.cluster[i]] ?? `Group ${p.cluster[i]}`,
    fx: p.cluster[i] % columns,
    fy: Math.floor(p.cluster[i] / columns),
  }));
  const centres = segments.clusters.map((c) => ({
    label: clusterLabel(c),
    id: c.id,
    fx: c.id % columns,
    fy: Math.floor(c.id / columns),
    ...c.centre,
  }));
  const description =
    (segments.pointsSample
      ? `A seeded sample of ${rows.length.toLocaleString("en-US")} of the ${segments.pointsSample.of.toLocaleString("en-US")} customers`
      : `${rows.length.toLocaleString("en-US")} customers`) +
    `: days since the last order across, cashback (M) up, dot size = orders last month (F), colour = cluster` +
    (facet ? ", one panel per cluster with the other customers in grey. " : ". ") +
    segments.clusters
      .map(
        (c) =>
          `Group ${c.id} centre: ${num(c.centre.recency)} days, ${num(c.centre.frequency)} orders, cashback ${num(c.centre.monetary, 0)}`,
      )
      .join("; ") +
    ".";
  const dotOptions = {
    x: "x",
    y: "monetary",
    r: "frequency",
    fill: "cluster",
    fillOpacity: facet ? 0.6 : 0.45,
    channels: { customer: "id", days: "recency", orders: "frequency" },
    tip: { format: { x: false, fill: true, r: false, y: (v: number) => num(v, 0) } },
  } as const;
  if (!facet) {
    return withSwatches(
      Plot.plot({
        width,
        height: Math.max(360, Math.min(560, width * 0.55)),
        marginLeft: 56,
        ariaLabel: "Customers by recency and cashback, coloured by cluster, sized by orders",
        ariaDescription: description,
        x: { label: "R: days since the last order (jittered ±0.35 day) →", grid: true },
        y: { label: "↑ M: CashbackAmount", grid: true },
        r: { range: [1, 7], label: "F: orders last month" },
        color: clusterColor(segments),
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
      clusterColor(segments),
    );
  }
  const nRows = Math.ceil(segments.clusters.length / columns);
  return withSwatches(
    Plot.plot({
      width,
      height: nRows * Math.max(220, Math.min(320, width / columns)) + 60,
      marginLeft: 56,
      ariaLabel: "Customers by recency and cashback, one panel per cluster, sized by orders",
      ariaDescription: description,
      fx: { axis: null },
      fy: { axis: null },
      x: { label: "R: days since the last order →", grid: true },
      y: { label: "↑ M: CashbackAmount", grid: true },
      r: { range: [0.8, 5], label: "F: orders last month" },
      color: clusterColor(segments),
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
    clusterColor(segments),
  );
}

// ---------------------------------------------------------------------------------------------- profiles

const LEVEL_FILL = { low: "#8fb8de", mid: "#e6e6e6", high: "#f0a35e" } as const;

/** Cluster x feature grid: colour = level against the whole base (terciles), text = the cluster's mean. */
export function profileHeatmap(segments: SegmentsArtifact, { width }: { width: number }): Chart {
  const features = ["R: days since last order", "F: orders last month", "M: cashback", "churn rate"] as const;
  const cells = segments.clusters.flatMap((c) => [
    { cluster: clusterLabel(c), feature: features[0], level: c.levels.recency, text: num(c.mean.recency) },
    { cluster: clusterLabel(c), feature: features[1], level: c.levels.frequency, text: num(c.mean.frequency) },
    { cluster: clusterLabel(c), feature: features[2], level: c.levels.monetary, text: num(c.mean.monetary, 0) },
    { cluster: clusterLabel(c), feature: features[3], level: c.churnLevel, text: formatPercent(c.churnRate) },
  ]);
  const base = segments.base;
  const levelColor: Plot.ScaleOptions = {
    type: "ordinal",
    domain: ["low", "mid", "high"],
    range: [LEVEL_FILL.low, LEVEL_FILL.mid, LEVEL_FILL.high],
    label: "level against the whole base",
  };
  return withSwatches(
    Plot.plot({
      width,
      height: 40 * segments.clusters.length + 60,
      marginLeft: Math.min(340, Math.max(160, width * 0.4)),
      ariaLabel: "Cluster profiles: mean recency, orders, cashback and churn rate per cluster",
      ariaDescription:
        cells.map((d) => `${d.cluster}, ${d.feature}: ${d.text} (${d.level})`).join("; ") +
        `. Whole base: ${num(base.mean.recency)} days, ${num(base.mean.frequency)} orders, cashback ${num(base.mean.monetary, 0)}, churn ${formatPercent(base.churnRate)}.`,
      x: { label: null, domain: [...features], axis: "top", tickSize: 0 },
      y: { label: null, domain: segments.clusters.map(clusterLabel), tickSize: 0 },
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

export function churnByCluster(segments: SegmentsArtifact, { width }: { width: number }): Chart {
  const rows = segments.clusters.map((c) => ({
    label: clusterLabel(c),
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
    ariaLabel:
      predicted.length > 0
        ? "Observed churn rate and mean predicted risk by cluster"
        : "Observed churn rate by cluster",
    ariaDescription:
      rows
        .map(
          (r) =>
            `${r.label}: ${formatPercent(r.rate)} churned (95% interval ${formatPercent(r.low)} to ${formatPercent(r.high)})` +
            (r.predicted === null ? "" : `, mean predicted ${formatPercent(r.predicted)}`),
        )
        .join("; ") + `. Whole base: ${formatPercent(base)}.`,
    caption:
      predicted.length > 0
        ? "Dots: observed churn with its 95% Wilson interval. Diamonds: mean out-of-fold predicted probability. Dashed line: the whole base."
        : "Dots: observed churn with its 95% Wilson interval. Dashed line: the whole base. No model probabilities in this build.",
    x: {
      label: "churn rate →",
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
        text: (r: { rate: number }) => formatPercent(r.rate),
        dx: 10,
        textAnchor: "start",
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- RFM cross-table

export function rfmCrossTable(segments: SegmentsArtifact, { width }: { width: number }): Chart {
  const { rfm, clusters } = segments;
  const groups = clusters.map((c) => `Group ${c.id}`);
  const all = "All groups";
  const cells = clusters.flatMap((c) =>
    rfm.segments.map((segment, j) => {
      const n = rfm.crossTable[c.id]?.[j] ?? 0;
      return { group: `Group ${c.id}`, segment, n, share: c.size > 0 ? n / c.size : 0 };
    }),
  );
  const totals = rfm.segments.map((segment, j) => ({
    group: all,
    segment,
    text: `${rfm.segmentSizes[j].toLocaleString("en-US")} · ${rfm.segmentChurnRates[j] === null ? "–" : formatPercent(rfm.segmentChurnRates[j] ?? NaN, 0)}`,
  }));
  const nonEmpty = cells.filter((d) => d.n > 0);
  return Plot.plot({
    width,
    height: 30 * rfm.segments.length + 70,
    marginLeft: 130,
    ariaLabel: "Classic RFM segments against the k-means clusters",
    ariaDescription:
      clusters
        .map((c) => {
          const parts = cells.filter((d) => d.group === `Group ${c.id}` && d.n > 0).map((d) => `${d.segment} ${d.n}`);
          return `Group ${c.id}: ${parts.join(", ") || "none"}`;
        })
        .join("; ") +
      `. Whole base by segment (customers · churn): ${totals.map((t) => `${t.segment} ${t.text}`).join("; ")}.`,
    caption:
      "Cells: customers in both; shade = share of the group. Last column: the segment's size and churn rate over all groups.",
    x: { label: null, domain: [...groups, all], axis: "top", tickSize: 0 },
    y: { label: null, domain: [...rfm.segments], tickSize: 0 },
    color: { type: "linear", domain: [0, 1], range: ["#e8eef7", "#1f5aa6"] },
    marks: [
      Plot.cell(nonEmpty, { x: "group", y: "segment", fill: "share", inset: 1 }),
      Plot.text(nonEmpty, {
        x: "group",
        y: "segment",
        text: (d: { n: number }) => d.n.toLocaleString("en-US"),
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
): { points: RiskValuePoint[]; riskCut: number; valueCut: number } {
  const total = segments.clusters.reduce((s, c) => s + c.size, 0);
  const riskCut = segments.clusters.reduce((s, c) => s + c.risk.meanPChurn * c.size, 0) / total;
  const valueCut =
    (segments.clusters.reduce((s, c) => s + c.risk.meanCashback * c.size, 0) / total) * assumptions.valuePerCashback;
  const points = segments.clusters.map((c: SegmentCluster) => {
    const value = c.risk.meanCashback * assumptions.valuePerCashback;
    return {
      id: c.id,
      label: clusterLabel(c),
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
  { width, assumptions }: { width: number; assumptions: OfferAssumptions },
): Chart {
  const { points, riskCut, valueCut } = riskValuePoints(segments, assumptions);
  const riskWord =
    segments.priority.riskSource === "predicted" ? "mean predicted churn probability" : "observed churn rate";
  const xs = points.map((p) => p.risk);
  const ys = points.map((p) => p.value);
  const padX = (Math.max(...xs, riskCut) - Math.min(...xs, riskCut)) * 0.25 || 0.05;
  const padY = (Math.max(...ys, valueCut) - Math.min(...ys, valueCut)) * 0.25 || 1;
  const xDomain = [Math.max(0, Math.min(...xs, riskCut) - padX), Math.max(...xs, riskCut) + padX];
  const yDomain = [Math.max(0, Math.min(...ys, valueCut) - padY), Math.max(...ys, valueCut) + padY];
  const corners = [
    { text: "High risk, high value", frameAnchor: "top-right" },
    { text: "Low risk, high value", frameAnchor: "top-left" },
    { text: "High risk, low value", frameAnchor: "bottom-right" },
    { text: "Low risk, low value", frameAnchor: "bottom-left" },
  ] as const;
  return Plot.plot({
    width,
    height: 380,
    marginLeft: 60,
    marginRight: 20,
    ariaLabel: "Risk against value by cluster",
    ariaDescription:
      `Each group at its ${riskWord} (across) and value proxy, mean cashback × ${assumptions.valuePerCashback} (up); cuts at the customer-weighted means, ${formatPercent(riskCut)} and ${money(valueCut)}. ` +
      points.map((p) => `${p.label}: ${formatPercent(p.risk)}, value ${money(p.value)}, ${p.quadrant}`).join("; ") +
      ".",
    x: { label: `${riskWord} →`, tickFormat: "%", domain: xDomain, grid: true },
    y: { label: `↑ value proxy (cashback × ${assumptions.valuePerCashback})`, domain: yDomain, grid: true },
    r: { range: [6, 28] },
    color: clusterColor(segments),
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
  { width }: { width: number },
): Chart {
  const rows = [...priorities]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => ({
      ...p,
      label: clusterLabel(p),
      verdict: p.worthOffering ? "pays on average" : "costs more than it saves",
    }));
  const verdictColor: Plot.ScaleOptions = {
    type: "ordinal",
    domain: ["pays on average", "costs more than it saves"],
    range: ["var(--theme-foreground-focus)", "var(--theme-foreground-faint)"],
  };
  return withSwatches(
    Plot.plot({
      width,
      height: 40 * rows.length + 60,
      marginLeft: Math.min(340, Math.max(160, width * 0.4)),
      marginRight: 70,
      ariaLabel: "Expected value of an offer to every customer of each cluster, ranked",
      ariaDescription:
        rows
          .map((r) => `${r.rank}. ${r.label}: total ${money(r.evTotal)} (${money(r.evPerCustomer)} per customer)`)
          .join("; ") + ".",
      x: {
        label: "expected value of offering the whole group (money units) →",
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
