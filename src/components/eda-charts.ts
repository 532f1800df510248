// Charts for the EDA page (also used by the Hypotheses page): plain functions (data, {width, ...}) => node,
// wrapped in resize(...) by the pages. Values from the data (category levels, column names) reach the page
// only through Plot's scales, text marks and titles, which set text, never HTML. Colours are currentColor and
// the theme's variables, so light and dark modes both read; there are no colour legends (group names are
// written on the chart), so every svg on the page is a chart with its own text alternative.
import * as Plot from "./plot.js";
import type { AssociationRow, ChurnRateBy, HistogramByChurn } from "../lib/stats/eda.js";
import type { RateInterval } from "../lib/stats/tests.js";
import type { PairData } from "./eda-data.js";
import type { Lang } from "../i18n/lang.js";
import { pageText } from "../i18n/tables.js";
import { el } from "./dom.js";

export type Chart = SVGSVGElement | HTMLElement;
export type Group = "stayed" | "churned";

export const GROUPS: readonly Group[] = ["stayed", "churned"];
/** Churned customers in the theme's focus colour, those who stayed in its muted foreground. */
export const GROUP_COLOR: Readonly<Record<Group, string>> = {
  stayed: "var(--theme-foreground-muted)",
  churned: "var(--theme-foreground-focus)",
};
const FOCUS = "var(--theme-foreground-focus)";

/** Left margin wide enough for the longest tick label (about 7 px a character at Plot's 10 px font). */
function labelMargin(labels: readonly string[], min = 40): number {
  return Math.max(min, 12 + 6.5 * Math.max(0, ...labels.map((l) => l.length)));
}

function message(text: string): HTMLElement {
  return el("p", null, text);
}

// ---------------------------------------------------------------------------------------------- churn share

export function churnShareChart(
  share: { churned: number; stayed: number },
  { width }: { width: number },
  lang: Lang = "en",
): Chart {
  const { s, f } = pageText(lang);
  const c = s.charts;
  const total = share.churned + share.stayed;
  const rows = [
    { group: "stayed" as Group, n: share.stayed, share: share.stayed / total },
    { group: "churned" as Group, n: share.churned, share: share.churned / total },
  ];
  return Plot.plot({
    width,
    height: 110,
    marginLeft: 70,
    marginRight: 140,
    ariaLabel: c.shareTitle,
    ariaDescription: rows.map((r) => c.shareItem(c.group(r.group), f.count(r.n), f.percent(r.share))).join("; ") + ".",
    x: { label: c.shareAxis, tickFormat: "%", domain: [0, 1], grid: true },
    y: { label: null, domain: GROUPS, tickFormat: (g: Group) => c.group(g) },
    marks: [
      Plot.barX(rows, { x: "share", y: "group", fill: (r: { group: Group }) => GROUP_COLOR[r.group] }),
      Plot.text(rows, {
        x: "share",
        y: "group",
        dx: 6,
        textAnchor: "start",
        fill: "currentColor",
        text: (r: { n: number; share: number }) => `${f.count(r.n)} (${f.percent(r.share)})`,
      }),
      Plot.ruleX([0]),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- churn rates

export interface RateRow {
  readonly label: string;
  readonly rate: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
  /** Customers in the group who churned. */
  readonly x: number;
  /** The group of customers with a blank in the column (drawn hollow). */
  readonly blank?: boolean;
}

/** Rows for rateChart from churnRateBy: groups with customers in them, then the blanks as their own group. */
export function rateRows(by: ChurnRateBy, name: (label: string) => string = (l) => l): RateRow[] {
  const rows: RateRow[] = by.groups
    .filter((g) => g.n > 0)
    .map((g) => ({ label: name(g.label), rate: g.rate, low: g.low, high: g.high, n: g.n, x: g.x }));
  if (by.blank)
    rows.push({
      label: "blank",
      rate: by.blank.rate,
      low: by.blank.low,
      high: by.blank.high,
      n: by.blank.n,
      x: by.blank.x,
      blank: true,
    });
  return rows;
}

export interface RateChartOptions {
  readonly width: number;
  /** What the groups are (the y axis label), e.g. "satisfaction score". */
  readonly groupLabel: string;
  readonly ariaLabel: string;
  /** The churn rate of all customers, drawn as a dashed reference line. */
  readonly overall?: RateInterval;
  readonly lang?: Lang;
}

/** Churn rate per group with its 95% Wilson interval and the group's size written beside it. */
export function rateChart(rows: readonly RateRow[], options: RateChartOptions): Chart {
  const { s, f } = pageText(options.lang ?? "en");
  const c = s.charts;
  const pct = (x: number): string => f.percent(x);
  if (rows.length === 0) return message(c.noCustomersFor(options.groupLabel));
  const labels = rows.map((r) => r.label);
  const top = Math.max(...rows.map((r) => r.high), options.overall?.rate ?? 0);
  const overall = options.overall;
  return Plot.plot({
    width: options.width,
    height: 34 * rows.length + 70,
    marginTop: 30,
    marginLeft: labelMargin(labels, 50),
    marginRight: 150,
    ariaLabel: options.ariaLabel,
    ariaDescription: c.rateDescription(
      options.groupLabel,
      rows.map((r) => c.rateItem(r.label, pct(r.rate), f.interval(r.low, r.high, pct), f.count(r.n))).join("; "),
      overall ? pct(overall.rate) : null,
    ),
    x: {
      label: c.rateAxis(options.groupLabel),
      tickFormat: "%",
      domain: [0, Math.min(1, Math.max(0.05, top * 1.1))],
      grid: true,
    },
    y: { label: null, domain: labels },
    marks: [
      overall
        ? Plot.ruleX([overall.rate], { stroke: "currentColor", strokeOpacity: 0.5, strokeDasharray: "4,3" })
        : null,
      overall
        ? Plot.text([overall.rate], {
            x: (d: number) => d,
            frameAnchor: "top",
            dy: -16,
            fill: "currentColor",
            fillOpacity: 0.8,
            text: (d: number) => c.allCustomers(pct(d)),
          })
        : null,
      Plot.ruleY(rows, { y: "label", x1: "low", x2: "high", stroke: FOCUS, strokeWidth: 2.5, strokeOpacity: 0.6 }),
      Plot.dot(rows, {
        y: "label",
        x: "rate",
        r: 4.5,
        stroke: FOCUS,
        strokeWidth: 2,
        fill: (r: RateRow) => (r.blank ? "var(--theme-background)" : FOCUS),
        title: (r: RateRow) =>
          c.rateDotTitle(r.label, f.count(r.x), f.count(r.n), pct(r.rate), f.interval(r.low, r.high, pct)),
      }),
      Plot.text(rows, {
        y: "label",
        x: "high",
        dx: 8,
        textAnchor: "start",
        fill: "currentColor",
        text: (r: RateRow) => `${pct(r.rate)} · n = ${f.count(r.n)}`,
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- two columns

export function pairChart(pairs: PairData, { width }: { width: number }, lang: Lang = "en"): Chart {
  const { s, f } = pageText(lang);
  const c = s.charts;
  if (pairs.points.length === 0) return message(c.noPairs(pairs.xColumn, pairs.yColumn));
  const n: Record<Group, number> = { stayed: pairs.nStayed, churned: pairs.nChurned };
  const meanRows = GROUPS.map((group) => ({ group, x: pairs.meanX[group], y: pairs.meanY[group] }));
  return Plot.plot({
    width,
    height: 360,
    marginLeft: 50,
    ariaLabel: c.pairTitle(pairs.xColumn, pairs.yColumn),
    ariaDescription: c.pairDescription({
      x: pairs.xColumn,
      y: pairs.yColumn,
      nStayed: f.count(pairs.nStayed),
      nChurned: f.count(pairs.nChurned),
      meanX: { stayed: f.number(pairs.meanX.stayed, 2), churned: f.number(pairs.meanX.churned, 2) },
      meanY: { stayed: f.number(pairs.meanY.stayed, 2), churned: f.number(pairs.meanY.churned, 2) },
      blank: f.count(pairs.blank),
    }),
    fx: { label: null, domain: GROUPS, tickFormat: (g: Group) => c.groupTick(c.group(g), f.count(n[g])) },
    x: { label: `${pairs.xColumn} →`, grid: true },
    y: { label: `↑ ${pairs.yColumn}`, grid: true },
    r: { range: [0, 16], label: c.groupShare },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.dot(pairs.points, {
        fx: "group",
        x: "x",
        y: "y",
        r: "share",
        fill: (p: { group: Group }) => GROUP_COLOR[p.group],
        fillOpacity: 0.7,
        title: (p: { x: number; y: number; count: number; share: number; group: Group }) =>
          c.pairDotTitle(
            c.group(p.group),
            f.count(p.count),
            f.percent(p.share),
            pairs.xColumn,
            String(p.x),
            pairs.yColumn,
            String(p.y),
          ),
      }),
      Plot.dot(meanRows, {
        fx: "group",
        x: "x",
        y: "y",
        symbol: "times",
        r: 7,
        stroke: "currentColor",
        strokeWidth: 2,
      }),
      Plot.text(meanRows, {
        fx: "group",
        x: "x",
        y: "y",
        text: () => c.mean,
        dx: 10,
        textAnchor: "start",
        fill: "currentColor",
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- distributions

interface DistributionBar {
  readonly group: Group;
  readonly label: string;
  readonly x1: number;
  readonly x2: number;
  readonly count: number;
  readonly share: number;
  /** The open "≥ a" bin, drawn one step wide. */
  readonly open: boolean;
}

export interface DistributionOptions {
  readonly width: number;
  /** Each group's mean, marked on numeric columns. */
  readonly means?: Readonly<Record<Group, number>>;
  readonly ariaLabel?: string;
  readonly lang?: Lang;
}

/**
 * A column's distribution for customers who stayed and who churned, one panel each, as the share of the
 * group (the churned group is the smaller one). Categories as bars; numeric values as bars on a numeric axis;
 * numeric ranges as a histogram (the open top bin, past the 99th percentile, drawn one bin wide and labelled).
 */
export function distributionChart(h: HistogramByChurn, options: DistributionOptions): Chart {
  const { width } = options;
  const { s, f } = pageText(options.lang ?? "en");
  const c = s.charts;
  const n: Record<Group, number> = { stayed: h.nStayed, churned: h.nChurned };
  if (h.bins.length === 0 || h.nStayed + h.nChurned === 0) return message(c.noValues(h.column));
  const shareOf = (group: Group, count: number): number => (n[group] > 0 ? count / n[group] : 0);
  const ariaLabel = options.ariaLabel ?? c.distributionTitle(h.column);
  const blanks = h.blankStayed + h.blankChurned;
  const ariaDescription = c.distributionDescription(
    h.chart === "histogram",
    h.column,
    GROUPS.map(
      (g) =>
        `${c.groupTick(c.group(g), f.count(n[g]))}: ` +
        h.bins.map((b) => `${b.label} ${f.percent(shareOf(g, g === "stayed" ? b.stayed : b.churned))}`).join(", "),
    ).join("; "),
    blanks > 0 ? f.count(blanks) : null,
  );
  const fy = { label: null, domain: GROUPS, tickFormat: (g: Group) => c.groupTick(c.group(g), f.count(n[g])) };
  const y = { label: c.groupShareAxis, tickFormat: "%", grid: true, ticks: 4 };
  const title = (b: DistributionBar): string =>
    c.barTitle(c.group(b.group), b.label, f.count(b.count), f.percent(b.share));
  const height = 2 * 140 + 60;
  const fill = (b: { group: Group }): string => GROUP_COLOR[b.group];

  if (h.kind === "category") {
    const bars = GROUPS.flatMap((group) =>
      h.bins.map((b) => ({
        group,
        label: b.label,
        count: group === "stayed" ? b.stayed : b.churned,
        share: shareOf(group, group === "stayed" ? b.stayed : b.churned),
      })),
    );
    const labels = h.bins.map((b) => b.label);
    return Plot.plot({
      width,
      height,
      marginLeft: 60,
      marginRight: 110,
      marginBottom: 40,
      ariaLabel,
      ariaDescription,
      fy: { ...fy, axis: "right" },
      x: { label: null, domain: labels, tickRotate: labels.length * 90 > width ? -20 : 0 },
      y,
      marks: [Plot.barY(bars, { fy: "group", x: "label", y: "share", fill, title }), Plot.ruleY([0])],
    });
  }

  // Numeric: bars on a numeric axis (discrete values) or a histogram (ranges).
  const step =
    h.kind === "discrete"
      ? Math.min(1, ...h.bins.slice(1).map((b, k) => (b.x0 as number) - (h.bins[k].x0 as number)))
      : Math.min(
          ...h.bins
            .filter((b) => !b.label.startsWith("≥") && !b.label.startsWith("<"))
            .map((b) => (b.x1 as number) - (b.x0 as number))
            .filter((w) => w > 0),
          Infinity,
        );
  const regular = Number.isFinite(step) && step > 0 ? step : 1;
  const bars: DistributionBar[] = GROUPS.flatMap((group) =>
    h.bins.map((b): DistributionBar => {
      const count = group === "stayed" ? b.stayed : b.churned;
      const x0 = b.x0 as number;
      const open = h.kind === "bins" && b.label.startsWith("≥");
      const [x1, x2] =
        h.kind === "discrete" ? [x0 - 0.4 * regular, x0 + 0.4 * regular] : [x0, open ? x0 + regular : (b.x1 as number)];
      return { group, label: b.label, x1, x2, count, share: shareOf(group, count), open };
    }),
  );
  const openBars = bars.filter((b) => b.open);
  const means = options.means
    ? GROUPS.map((group) => ({ group, mean: (options.means as Record<Group, number>)[group] })).filter((m) =>
        Number.isFinite(m.mean),
      )
    : [];
  const ticks = h.kind === "discrete" && h.bins.length <= 12 ? h.bins.map((b) => b.x0 as number) : undefined;
  // Headroom above the tallest bar for the mean labels and the open bin's label.
  const top = Math.max(0.01, ...bars.map((b) => b.share)) * 1.18;
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    marginRight: 110,
    ariaLabel,
    ariaDescription,
    fy: { ...fy, axis: "right" },
    x: { label: `${h.column} →`, ...(ticks ? { ticks, tickFormat: (v: number) => String(v) } : {}) },
    y: { ...y, domain: [0, top] },
    marks: [
      Plot.rectY(bars, {
        fy: "group",
        x1: "x1",
        x2: "x2",
        y: "share",
        fill,
        insetLeft: h.kind === "bins" ? 0.5 : 0,
        insetRight: h.kind === "bins" ? 0.5 : 0,
        title,
      }),
      Plot.text(openBars, {
        fy: "group",
        x: (b: DistributionBar) => (b.x1 + b.x2) / 2,
        y: "share",
        text: "label",
        dy: -8,
        fill: "currentColor",
      }),
      Plot.ruleX(means, { fy: "group", x: "mean", stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: "3,2" }),
      Plot.text(means, {
        fy: "group",
        x: "mean",
        frameAnchor: "top",
        dy: 2,
        dx: 4,
        textAnchor: "start",
        fill: "currentColor",
        text: (m: { mean: number }) => c.meanLabel(f.number(m.mean, 2)),
      }),
      Plot.ruleY([0]),
    ],
  });
}

// ---------------------------------------------------------------------------------------------- ranking

export function rankingChart(rows: readonly AssociationRow[], { width }: { width: number }, lang: Lang = "en"): Chart {
  const { s, f } = pageText(lang);
  const e = s.eda;
  const ranked = rows.filter((r) => !Number.isNaN(r.strength));
  if (ranked.length === 0) return message(e.noRanking);
  const columns = ranked.map((r) => r.column);
  return Plot.plot({
    width,
    height: 24 * ranked.length + 50,
    marginLeft: labelMargin(columns, 80),
    marginRight: Math.min(260, width * 0.4),
    ariaLabel: e.rankingTitle,
    ariaDescription: e.rankingDescription(
      ranked
        .map((r) => `${r.column} ${f.number(r.strength, 2)} (${e.direction(r.direction)}; p = ${r.pText})`)
        .join("; "),
    ),
    x: {
      label: e.rankingAxis,
      domain: [0, Math.max(0.1, ...ranked.map((r) => r.strength))],
      grid: true,
    },
    y: { label: null, domain: columns },
    marks: [
      Plot.barX(ranked, {
        x: "strength",
        y: "column",
        fill: FOCUS,
        fillOpacity: 0.75,
        title: (r: AssociationRow) =>
          e.rankingBarTitle({
            column: r.column,
            strength: f.number(r.strength, 3),
            auc: f.number(r.auc, 3),
            direction: e.direction(r.direction),
            test: s.stats.testName(r.test),
            p: r.pText,
            v: f.number(r.cramersV, 2),
            n: f.count(r.n),
          }),
      }),
      Plot.text(ranked, {
        x: "strength",
        y: "column",
        dx: 6,
        textAnchor: "start",
        fill: "currentColor",
        text: (r: AssociationRow) => `${f.number(r.strength, 2)} · ${e.direction(r.direction)}`,
      }),
      Plot.ruleX([0]),
    ],
  });
}
