// Views for the Hypotheses page: the verdict box, the table of tests and effect sizes, the chart that goes
// with each test, the explorer's sentence, and Holm-adjusted p-values over every column. Everything from the
// data reaches the page as text (textContent, Plot marks and scales), never as HTML.
import { hasKey } from "../lib/data/keyed-record.js";
import type { ChurnTable } from "../lib/data/table.js";
import { histogramByChurn } from "../lib/stats/eda.js";
import {
  formatCount,
  formatDf,
  formatInterval,
  formatNumber,
  formatP,
  formatPercent,
  formatPoints,
  pClause,
} from "../lib/stats/format.js";
import {
  testColumn,
  type ColumnTest,
  type Direction,
  type HypothesisResult,
  type MeanGroup,
  type RateGroup,
} from "../lib/stats/hypotheses.js";
import { describeD, holmAdjustLog, type EffectSize } from "../lib/stats/tests.js";
import { distributionChart, rateChart, type Chart, type Group, type RateRow } from "./eda-charts.js";
import { el } from "./dom.js";
import { complaintName, rateText } from "./eda-data.js";
import { table } from "./table.js";

const ALPHA = 0.05;

// ---------------------------------------------------------------------------------------------- verdicts

export function directionWords(direction: Direction): string {
  return direction === "supports"
    ? "The data support the claim."
    : direction === "contradicts"
      ? "The data contradict the claim: there is a clear difference, and it runs the other way."
      : "The data show no evidence either way.";
}

/** The verdict in a callout: its direction in bold, then the sentence with the numbers. */
export function verdictBox(h: HypothesisResult): HTMLElement {
  const box = el("div", {
    className: h.direction === "supports" ? "tip" : h.direction === "contradicts" ? "caution" : "note",
  });
  box.setAttribute("role", "note");
  box.dataset.verdict = h.direction;
  const word =
    h.direction === "supports" ? "supported" : h.direction === "contradicts" ? "contradicted" : "not shown either way";
  box.append(el("p", null, el("strong", null, `Verdict: ${word}. `), h.verdict));
  return box;
}

// ---------------------------------------------------------------------------------------------- tables

export interface TestRow {
  readonly name: string;
  readonly statistic: string;
  readonly df: string;
  readonly p: string;
  readonly note?: string;
}

export function testsTable(rows: readonly TestRow[], caption: string): HTMLTableElement {
  // Numbers such as "4.3 × 10⁻⁵²" must not break across lines.
  return table(
    ["test or effect size", "value", "df", "p", "note"],
    rows.map((r) => [r.name, r.statistic, r.df, r.p, r.note ?? ""]),
    { caption, nowrap: [1, 2, 3] },
  );
}

function effectRow(e: EffectSize, describe?: string): TestRow {
  const interval = Number.isNaN(e.low) ? "" : ` (95% CI ${formatInterval(e.low, e.high)})`;
  return {
    name: e.name,
    statistic: `${formatNumber(e.value, 3)}${interval}`,
    df: "",
    p: "",
    note: [describe, e.note].filter(Boolean).join("; "),
  };
}

function meanInterval(g: MeanGroup): string {
  if (!(g.n > 1)) return "n/a";
  const half = (1.959963984540054 * g.sd) / Math.sqrt(g.n);
  return formatInterval(g.mean - half, g.mean + half);
}

export function groupsTable(
  groups: readonly (MeanGroup | RateGroup)[],
  column: string,
  levelName: (l: string) => string = (l) => l,
): HTMLTableElement {
  if (groups.every((g) => g.kind === "mean")) {
    return table(
      ["group", "n", `mean ${column}`, "95% CI of the mean", "standard deviation"],
      (groups as readonly MeanGroup[]).map((g) => [
        g.label,
        formatCount(g.n),
        formatNumber(g.mean, 3),
        meanInterval(g),
        formatNumber(g.sd, 3),
      ]),
      { caption: "The groups compared (blank values left out)" },
    );
  }
  return table(
    [column, "customers", "churned", "churn rate", "95% CI (Wilson)"],
    (groups as readonly RateGroup[]).map((g) => [
      levelName(g.label),
      formatCount(g.n),
      formatCount(g.churned),
      formatPercent(g.rate),
      formatInterval(g.low, g.high, (x) => formatPercent(x)),
    ]),
    { caption: "The groups compared (blank values left out)" },
  );
}

/** Primary test, the other tests on the same data, then the effect size. */
export function hypothesisTestRows(h: HypothesisResult): TestRow[] {
  const rows: TestRow[] = [
    {
      name: h.test,
      statistic: `${h.statisticName} = ${formatNumber(h.statistic, 3)}`,
      df: Number.isNaN(h.df) ? "" : formatDf(h.df),
      p: h.pText,
    },
  ];
  for (const t of h.otherTests) {
    const cramer = t.test === "Cramér's V";
    rows.push({
      name: t.test,
      statistic: cramer
        ? `V = ${formatNumber(t.statistic, 3)}`
        : t.test === "Mann-Whitney U"
          ? `U = ${formatNumber(t.statistic, 1)}`
          : `${h.statisticName} = ${formatNumber(t.statistic, 3)}`,
      df: Number.isNaN(t.df) || t.test === "Mann-Whitney U" ? "" : formatDf(t.df),
      p: t.pText,
      note: cramer ? "effect size (0 none, 1 complete); p of the uncorrected χ²" : t.note,
    });
  }
  const e = h.effect;
  if (h.id === "complaint") {
    rows.push({
      name: `${e.name} (complained − not)`,
      statistic: formatPoints(e.value),
      df: "",
      p: "",
      note: `95% CI ${formatInterval(e.low, e.high, (x) => formatNumber(x * 100, 1))} points (Newcombe)`,
    });
  } else {
    rows.push(effectRow(e, `${describeD(e.value)} effect`));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------- charts

function means(groups: readonly (MeanGroup | RateGroup)[]): Record<Group, number> | undefined {
  const stayed = groups.find((g): g is MeanGroup => g.kind === "mean" && g.label === "stayed");
  const churned = groups.find((g): g is MeanGroup => g.kind === "mean" && g.label === "churned");
  return stayed && churned ? { stayed: stayed.mean, churned: churned.mean } : undefined;
}

function rateGroupRows(groups: readonly RateGroup[], name: (l: string) => string): RateRow[] {
  return groups.map((g) => ({ label: name(g.label), rate: g.rate, low: g.low, high: g.high, n: g.n, x: g.x }));
}

/** The chart that goes with a hypothesis: distributions with the means for t-tests, churn rates for χ². */
export function hypothesisChart(table: ChurnTable, h: HypothesisResult, { width }: { width: number }): Chart {
  const column = h.columns[0];
  if (h.id === "complaint") {
    return rateChart(rateGroupRows(h.groups as readonly RateGroup[], complaintName), {
      width,
      groupLabel: "complaint last month",
      ariaLabel: `${h.name}: churn rate with and without a complaint`,
    });
  }
  const m = means(h.groups);
  return distributionChart(histogramByChurn(table, column), {
    width,
    ...(m ? { means: m } : {}),
    ariaLabel: `${h.name}: ${column} of customers who stayed and who churned, with each group's mean`,
  });
}

export function columnTestChart(table: ChurnTable, r: ColumnTest, { width }: { width: number }): Chart {
  if (r.kind === "category") {
    return rateChart(
      rateGroupRows(r.groups, (l) => l),
      { width, groupLabel: r.column, ariaLabel: `Churn rate by ${r.column}, the groups the χ² test compares` },
    );
  }
  const m = means(r.groups);
  return distributionChart(histogramByChurn(table, r.column), {
    width,
    ...(m ? { means: m } : {}),
    ariaLabel: `${r.column} of customers who stayed and who churned, the groups the t-tests compare`,
  });
}

// ---------------------------------------------------------------------------------------------- explorer

export function columnTestRows(r: ColumnTest): TestRow[] {
  if (r.kind === "numeric") {
    return [
      {
        name: r.welch.test,
        statistic: `t = ${formatNumber(r.welch.statistic, 3)}`,
        df: Number.isNaN(r.welch.df) ? "" : formatDf(r.welch.df),
        p: formatP(r.welch.p, { logP: r.welch.logP }),
        note: r.welch.note ?? "unequal variances; read this one first",
      },
      {
        name: r.student.test,
        statistic: `t = ${formatNumber(r.student.statistic, 3)}`,
        df: Number.isNaN(r.student.df) ? "" : formatDf(r.student.df),
        p: formatP(r.student.p, { logP: r.student.logP }),
        note: r.student.note ?? "pooled variance",
      },
      {
        name: r.mannWhitney.test,
        statistic: `U = ${formatNumber(r.mannWhitney.statistic, 1)}`,
        df: "",
        p: formatP(r.mannWhitney.p, { logP: r.mannWhitney.logP }),
        note: `${r.mannWhitney.method}; ranks, so skew and outliers matter less`,
      },
      effectRow(r.effect, `${describeD(r.effect.value)} effect`),
    ];
  }
  const rows: TestRow[] = [
    {
      name: r.primary.test,
      statistic: `χ² = ${formatNumber(r.chiSquare.statistic, 3)}`,
      df: Number.isNaN(r.chiSquare.df) ? "" : formatDf(r.chiSquare.df),
      p: r.primary.pText,
      ...(r.chiSquare.note ? { note: r.chiSquare.note } : {}),
    },
  ];
  if (r.chiSquareUncorrected) {
    const u = r.chiSquareUncorrected;
    rows.push({
      name: "Chi-square test of independence without correction",
      statistic: `χ² = ${formatNumber(u.statistic, 3)}`,
      df: formatDf(u.df),
      p: formatP(u.p, { logP: u.logP }),
    });
  }
  rows.push(effectRow(r.effect, "0 none, 1 complete"));
  if (r.rateDifference && r.rateDifferenceLabel) {
    const d = r.rateDifference;
    rows.push({
      name: `Difference in churn rate (${r.rateDifferenceLabel})`,
      statistic: formatPoints(d.value),
      df: "",
      p: "",
      note: `95% CI ${formatInterval(d.low, d.high, (x) => formatNumber(x * 100, 1))} points (Newcombe)`,
    });
  }
  return rows;
}

/** What the explorer's test says, in one or two sentences built from its numbers. */
export function columnTestSentence(r: ColumnTest, alpha = ALPHA): string {
  if (r.kind === "numeric") {
    const [stayed, churned] = r.groups;
    const w = r.welch;
    if (Number.isNaN(w.statistic))
      return `${r.column} cannot be tested on this data: ${w.note ?? "the test is undefined"}.`;
    const direction = churned.mean > stayed.mean ? "higher" : churned.mean < stayed.mean ? "lower" : "the same";
    const significant = w.p < alpha;
    return (
      `Customers who churned had a ${direction} mean ${r.column} (${formatNumber(churned.mean, 2)}, n = ${formatCount(churned.n)}) than those who stayed ` +
      `(${formatNumber(stayed.mean, 2)}, n = ${formatCount(stayed.n)}). Welch's t = ${formatNumber(w.statistic, 2)} (df = ${formatDf(w.df)}), ${pClause(w.p, { logP: w.logP })}: ` +
      (significant
        ? `a gap this large would rarely arise by chance (significant at the ${alpha * 100}% level)`
        : `a gap chance could explain (not significant at the ${alpha * 100}% level)`) +
      `; Cohen's d (stayed − churned) = ${formatNumber(r.effect.value, 2)} (95% CI ${formatInterval(r.effect.low, r.effect.high)}), a ${describeD(r.effect.value)} effect.`
    );
  }
  const c = r.chiSquare;
  if (Number.isNaN(c.statistic))
    return `${r.column} cannot be tested on this data: ${c.note ?? "the test is undefined"}.`;
  const groups = r.groups.filter((g) => g.n > 0);
  let hi = groups[0];
  let lo = groups[0];
  for (const g of groups) {
    if (g.rate > hi.rate) hi = g;
    if (g.rate < lo.rate) lo = g;
  }
  const significant = c.p < alpha;
  const diff =
    r.rateDifference && r.rateDifferenceLabel
      ? ` The difference (${r.rateDifferenceLabel}) is ${formatPoints(r.rateDifference.value)} (95% CI ${formatInterval(r.rateDifference.low, r.rateDifference.high, (x) => formatNumber(x * 100, 1))} points).`
      : "";
  return (
    `Churn is highest for ${r.column} ${hi.label}, ${rateText(hi)}, and lowest for ${lo.label}, ${rateText(lo)}. ` +
    `${r.primary.test} χ² = ${formatNumber(c.statistic, 2)} (df = ${formatDf(c.df)}), ${pClause(c.p, { logP: c.logP })}: ` +
    (significant
      ? `churn depends on ${r.column} beyond what chance would explain at the ${alpha * 100}% level`
      : `no evidence at the ${alpha * 100}% level that churn depends on ${r.column}`) +
    `; Cramér's V = ${formatNumber(r.effect.value, 2)}.${diff}`
  );
}

export interface AdjustedP {
  readonly column: string;
  readonly p: number;
  readonly logP: number;
  /** Holm-adjusted over every column, in log space so that p-values below 10⁻³⁰⁸ keep their size. */
  readonly holmLogP: number;
  readonly holmText: string;
}

/** Every column's primary test against churn, with Holm-adjusted p-values over the whole family. */
export function holmAcrossColumns(
  table: ChurnTable,
  columns: readonly string[],
  testAs: Readonly<Record<string, "numeric" | "category">> = {},
): AdjustedP[] {
  const tests = columns.map((column) => ({
    column,
    logP: testColumn(table, column, { as: hasKey(testAs, column) ? testAs[column] : undefined }).primary.logP,
  }));
  const adjusted = holmAdjustLog(tests.map((t) => t.logP));
  return tests.map((t, i) => ({
    column: t.column,
    logP: t.logP,
    p: Math.exp(t.logP),
    holmLogP: adjusted[i],
    holmText: formatP(Math.exp(adjusted[i]), { logP: adjusted[i] }),
  }));
}

/** Whether each of the three hypotheses keeps its verdict when held to alpha / 3 (Bonferroni over the family). */
export function familySentence(results: readonly HypothesisResult[], alpha = ALPHA): string {
  const bar = alpha / results.length;
  const changed = results.filter((r) => r.direction !== "no evidence" && !(r.p < bar));
  const head =
    `The three hypotheses above were fixed in advance by the original analysis, a family of ${results.length} tests: ` +
    `held to ${alpha}/${results.length} = ${Number(bar.toPrecision(2))} each (Bonferroni)`;
  return changed.length === 0
    ? `${head}, every verdict stays as it is.`
    : `${head}, the verdict on ${changed.map((r) => r.name.toLowerCase()).join(" and ")} would become "no evidence either way".`;
}

/** Whether the view-time tests (on distinct customers) agree with the build-time hypotheses.json. */
export function buildCheck(results: readonly HypothesisResult[], artifact: unknown): { ok: boolean; text: string } {
  const built = Array.isArray(artifact) ? (artifact as { id?: unknown; statistic?: unknown; logP?: unknown }[]) : [];
  const close = (a: number, b: unknown): boolean =>
    typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : Number.isNaN(a) && b === null;
  const mismatched = results.filter((r) => {
    const b = built.find((x) => x.id === r.id);
    return !b || !close(r.statistic, b.statistic) || !close(r.logP, b.logP);
  });
  return mismatched.length === 0
    ? {
        ok: true,
        text: "These tests, run in your browser, give the same statistics and p-values as the build-time run (hypotheses.json).",
      }
    : {
        ok: false,
        text: `The browser's result differs from the build-time hypotheses.json for: ${mismatched.map((r) => r.name).join(", ")}. The page shows the browser's figures.`,
      };
}
