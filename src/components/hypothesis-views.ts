// Views for the Hypotheses page: the verdict box, the table of tests and effect sizes, the chart that goes
// with each test, the explorer's sentence, and Holm-adjusted p-values over every column. Everything from the
// data reaches the page as text (textContent, Plot marks and scales), never as HTML.
import type { Formatters } from "../i18n/format.js";
import type { Lang } from "../i18n/lang.js";
import { pageText } from "../i18n/tables.js";
import { hasKey } from "../lib/data/keyed-record.js";
import type { ChurnTable } from "../lib/data/table.js";
import { histogramByChurn } from "../lib/stats/eda.js";
import { formatP } from "../lib/stats/format.js";
import {
  testColumn,
  type ColumnTest,
  type Direction,
  type HypothesisResult,
  type MeanGroup,
  type RateGroup,
} from "../lib/stats/hypotheses.js";
import { holmAdjustLog, type EffectSize } from "../lib/stats/tests.js";
import { distributionChart, rateChart, type Chart, type Group, type RateRow } from "./eda-charts.js";
import { el } from "./dom.js";
import { complaintName } from "./eda-data.js";
import { table } from "./table.js";

const ALPHA = 0.05;

const formatDf = (f: Formatters, df: number): string => (Number.isInteger(df) ? f.count(df) : f.number(df, 1));
function pClause(f: Formatters, p: number, logP: number): string {
  const text = f.p(p, { logP });
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

// ---------------------------------------------------------------------------------------------- verdicts

export function directionWords(direction: Direction, lang: Lang = "en"): string {
  return pageText(lang).s.hypotheses.direction(direction);
}

/** The verdict in a callout: its direction in bold, then the sentence with the numbers. */
export function verdictBox(h: HypothesisResult, lang: Lang = "en"): HTMLElement {
  const { s, f } = pageText(lang);
  const box = el("div", {
    className: h.direction === "supports" ? "tip" : h.direction === "contradicts" ? "caution" : "note",
  });
  box.setAttribute("role", "note");
  box.dataset.verdict = h.direction;
  box.append(el("p", null, el("strong", null, s.hypotheses.verdictWord(h.direction)), s.hypothesis.verdict(h, f)));
  return box;
}

/** Which blanks a test left out, from its counts (the artifact's sentence is English). */
export function missingPolicyText(
  r: {
    readonly missingPolicy: string;
    readonly groups: readonly { readonly n: number }[];
    readonly columns?: readonly string[];
    readonly column?: string;
  },
  rows: number,
  lang: Lang = "en",
): string {
  if (lang === "en") return r.missingPolicy;
  const { s, f } = pageText(lang);
  const kept = r.groups.reduce((sum, g) => sum + g.n, 0);
  const column = r.column ?? r.columns?.[0] ?? "";
  return s.stats.missingPolicy(column, f.count(rows), f.count(rows - kept), f.count(kept), kept === rows);
}

/** The multiple-comparisons warning for `tests` columns tried (as src/lib/stats/tests.ts words it in English). */
export function multipleComparisonsText(tests: number, lang: Lang = "en", alpha = ALPHA): string {
  const trim = (x: number): string => Number(x.toPrecision(2)).toString();
  const familyWise = 1 - Math.pow(1 - alpha, tests);
  return pageText(lang).s.stats.multipleComparisons(
    tests,
    alpha,
    trim(tests * alpha),
    Math.round(familyWise * 100),
    trim(alpha / tests),
  );
}

// ---------------------------------------------------------------------------------------------- tables

export interface TestRow {
  readonly name: string;
  readonly statistic: string;
  readonly df: string;
  readonly p: string;
  readonly note?: string;
}

export function testsTable(rows: readonly TestRow[], caption: string, lang: Lang = "en"): HTMLTableElement {
  // Numbers such as "4.3 × 10⁻⁵²" must not break across lines.
  return table(
    pageText(lang).s.hypotheses.testsHeaders,
    rows.map((r) => [r.name, r.statistic, r.df, r.p, r.note ?? ""]),
    { caption, nowrap: [1, 2, 3] },
  );
}

function effectRow(e: EffectSize, lang: Lang, describe?: string): TestRow {
  const { s, f } = pageText(lang);
  const interval = Number.isNaN(e.low) ? "" : ` (${s.stats.ci(f.interval(e.low, e.high))})`;
  return {
    name: s.stats.testName(e.name),
    statistic: `${f.number(e.value, 3)}${interval}`,
    df: "",
    p: "",
    note: [describe, e.note].filter(Boolean).join("; "),
  };
}

function meanInterval(g: MeanGroup, f: Formatters): string {
  if (!(g.n > 1)) return f.missing;
  const half = (1.959963984540054 * g.sd) / Math.sqrt(g.n);
  return f.interval(g.mean - half, g.mean + half);
}

export function groupsTable(
  groups: readonly (MeanGroup | RateGroup)[],
  column: string,
  levelName: (l: string) => string = (l) => l,
  lang: Lang = "en",
): HTMLTableElement {
  const { s, f } = pageText(lang);
  const group = (label: string): string =>
    label === "stayed" ? s.stats.stayed : label === "churned" ? s.stats.churned : label;
  if (groups.every((g) => g.kind === "mean")) {
    return table(
      s.hypotheses.meanHeaders(column),
      (groups as readonly MeanGroup[]).map((g) => [
        group(g.label),
        f.count(g.n),
        f.number(g.mean, 3),
        meanInterval(g, f),
        f.number(g.sd, 3),
      ]),
      { caption: s.hypotheses.groupsCaption },
    );
  }
  return table(
    s.hypotheses.rateHeaders(column),
    (groups as readonly RateGroup[]).map((g) => [
      levelName(g.label),
      f.count(g.n),
      f.count(g.churned),
      f.percent(g.rate),
      f.interval(g.low, g.high, (x) => f.percent(x)),
    ]),
    { caption: s.hypotheses.groupsCaption },
  );
}

/** Primary test, the other tests on the same data, then the effect size. */
export function hypothesisTestRows(h: HypothesisResult, lang: Lang = "en"): TestRow[] {
  const { s, f } = pageText(lang);
  const rows: TestRow[] = [
    {
      name: s.stats.testName(h.test),
      statistic: `${h.statisticName} = ${f.number(h.statistic, 3)}`,
      df: Number.isNaN(h.df) ? "" : formatDf(f, h.df),
      p: h.pText,
    },
  ];
  for (const t of h.otherTests) {
    const cramer = t.test === "Cramér's V";
    rows.push({
      name: s.stats.testName(t.test),
      statistic: cramer
        ? `V = ${f.number(t.statistic, 3)}`
        : t.test === "Mann-Whitney U"
          ? `U = ${f.number(t.statistic, 1)}`
          : `${h.statisticName} = ${f.number(t.statistic, 3)}`,
      df: Number.isNaN(t.df) || t.test === "Mann-Whitney U" ? "" : formatDf(f, t.df),
      p: t.pText,
      note: cramer ? s.hypotheses.cramerNote : t.note,
    });
  }
  const e = h.effect;
  if (h.statisticName === "χ²" && h.id !== "complaint") {
    rows.push({
      name: s.hypotheses.rateDifferenceName(s.anyTable.levelMinusRest(h.groups[1]?.label ?? "")),
      statistic: f.points(e.value),
      df: "",
      p: "",
      note: s.hypotheses.pointsCi(f.pointsInterval(e.low, e.high)),
    });
  } else if (h.id === "complaint") {
    rows.push({
      name: s.hypotheses.complainedMinusNot(s.stats.testName(e.name)),
      statistic: f.points(e.value),
      df: "",
      p: "",
      note: s.hypotheses.pointsCi(f.pointsInterval(e.low, e.high)),
    });
  } else {
    rows.push(effectRow(e, lang, s.hypotheses.effectNote(s.stats.magnitude(e.value))));
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
export function hypothesisChart(
  table: ChurnTable,
  h: HypothesisResult,
  { width }: { width: number },
  lang: Lang = "en",
): Chart {
  const { s } = pageText(lang);
  const column = h.columns[0];
  if (h.id === "complaint") {
    return rateChart(
      rateGroupRows(h.groups as readonly RateGroup[], (l) => complaintName(l, lang)),
      {
        width,
        groupLabel: s.hypotheses.complaintGroup,
        ariaLabel: s.hypotheses.complaintChartTitle(s.hypothesis.name(h)),
        lang,
      },
    );
  }
  if (h.statisticName === "χ²") {
    // A level claim of another table: the level and the rest, each with its churn rate.
    return rateChart(
      rateGroupRows(h.groups as readonly RateGroup[], (l) => levelName(h, l, lang)),
      { width, groupLabel: column, ariaLabel: s.hypotheses.columnRateChartTitle(column), lang },
    );
  }
  const m = means(h.groups);
  return distributionChart(histogramByChurn(table, column), {
    width,
    ...(m ? { means: m } : {}),
    ariaLabel: s.hypotheses.distributionChartTitle(s.hypothesis.name(h), column),
    lang,
  });
}

export function columnTestChart(
  table: ChurnTable,
  r: ColumnTest,
  { width }: { width: number },
  lang: Lang = "en",
): Chart {
  const { s } = pageText(lang);
  if (r.kind === "category") {
    return rateChart(
      rateGroupRows(r.groups, (l) => l),
      { width, groupLabel: r.column, ariaLabel: s.hypotheses.columnRateChartTitle(r.column), lang },
    );
  }
  const m = means(r.groups);
  return distributionChart(histogramByChurn(table, r.column), {
    width,
    ...(m ? { means: m } : {}),
    ariaLabel: s.hypotheses.columnDistributionChartTitle(r.column),
    lang,
  });
}

// ---------------------------------------------------------------------------------------------- explorer

export function columnTestRows(r: ColumnTest, lang: Lang = "en"): TestRow[] {
  const { s, f } = pageText(lang);
  const h = s.hypotheses;
  if (r.kind === "numeric") {
    return [
      {
        name: s.stats.testName(r.welch.test),
        statistic: `t = ${f.number(r.welch.statistic, 3)}`,
        df: Number.isNaN(r.welch.df) ? "" : formatDf(f, r.welch.df),
        p: f.p(r.welch.p, { logP: r.welch.logP }),
        note: r.welch.note ?? h.welchNote,
      },
      {
        name: s.stats.testName(r.student.test),
        statistic: `t = ${f.number(r.student.statistic, 3)}`,
        df: Number.isNaN(r.student.df) ? "" : formatDf(f, r.student.df),
        p: f.p(r.student.p, { logP: r.student.logP }),
        note: r.student.note ?? h.studentNote,
      },
      {
        name: s.stats.testName(r.mannWhitney.test),
        statistic: `U = ${f.number(r.mannWhitney.statistic, 1)}`,
        df: "",
        p: f.p(r.mannWhitney.p, { logP: r.mannWhitney.logP }),
        note: h.mannWhitneyNote(r.mannWhitney.method),
      },
      effectRow(r.effect, lang, h.effectNote(s.stats.magnitude(r.effect.value))),
    ];
  }
  const rows: TestRow[] = [
    {
      name: s.stats.testName(r.primary.test),
      statistic: `χ² = ${f.number(r.chiSquare.statistic, 3)}`,
      df: Number.isNaN(r.chiSquare.df) ? "" : formatDf(f, r.chiSquare.df),
      p: r.primary.pText,
      ...(r.chiSquare.note ? { note: r.chiSquare.note } : {}),
    },
  ];
  if (r.chiSquareUncorrected) {
    const u = r.chiSquareUncorrected;
    rows.push({
      name: s.stats.testName("Chi-square test of independence without correction"),
      statistic: `χ² = ${f.number(u.statistic, 3)}`,
      df: formatDf(f, u.df),
      p: f.p(u.p, { logP: u.logP }),
    });
  }
  rows.push(effectRow(r.effect, lang, h.cramerScale));
  if (r.rateDifference && r.rateDifferenceLabel) {
    const d = r.rateDifference;
    rows.push({
      name: h.rateDifferenceName(r.rateDifferenceLabel),
      statistic: f.points(d.value),
      df: "",
      p: "",
      note: h.pointsCi(f.pointsInterval(d.low, d.high)),
    });
  }
  return rows;
}

/** What the explorer's test says, in one or two sentences built from its numbers. */
export function columnTestSentence(r: ColumnTest, alpha = ALPHA, lang: Lang = "en"): string {
  const { s, f } = pageText(lang);
  const h = s.hypotheses;
  const rate = (g: RateGroup): string =>
    s.stats.rateText(
      f.percent(g.rate),
      f.interval(g.low, g.high, (x) => f.percent(x)),
      f.count(g.n),
    );
  if (r.kind === "numeric") {
    const [stayed, churned] = r.groups;
    const w = r.welch;
    if (Number.isNaN(w.statistic)) return h.untestable(r.column, w.note ?? null);
    return h.numericSentence({
      column: r.column,
      higher: churned.mean > stayed.mean ? true : churned.mean < stayed.mean ? false : null,
      churned: `${f.number(churned.mean, 2)}, n = ${f.count(churned.n)}`,
      stayed: `${f.number(stayed.mean, 2)}, n = ${f.count(stayed.n)}`,
      welch: `${f.number(w.statistic, 2)} (df = ${formatDf(f, w.df)}), ${pClause(f, w.p, w.logP)}`,
      significant: w.p < alpha,
      alpha,
      d: f.number(r.effect.value, 2),
      dInterval: f.interval(r.effect.low, r.effect.high),
      magnitude: s.stats.magnitude(r.effect.value),
    });
  }
  const c = r.chiSquare;
  if (Number.isNaN(c.statistic)) return h.untestable(r.column, c.note ?? null);
  const groups = r.groups.filter((g) => g.n > 0);
  let hi = groups[0];
  let lo = groups[0];
  for (const g of groups) {
    if (g.rate > hi.rate) hi = g;
    if (g.rate < lo.rate) lo = g;
  }
  const diff =
    r.rateDifference && r.rateDifferenceLabel
      ? {
          label: r.rateDifferenceLabel,
          value: f.points(r.rateDifference.value),
          interval: f.pointsInterval(r.rateDifference.low, r.rateDifference.high),
        }
      : null;
  return h.categorySentence({
    column: r.column,
    hi: hi.label,
    hiRate: rate(hi),
    lo: lo.label,
    loRate: rate(lo),
    test: s.stats.testName(r.primary.test),
    chi: `${f.number(c.statistic, 2)} (df = ${formatDf(f, c.df)}), ${pClause(f, c.p, c.logP)}`,
    significant: c.p < alpha,
    alpha,
    v: f.number(r.effect.value, 2),
    difference: diff,
  });
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

/** The ids of the Kaggle preset's three claims, which the Hypotheses page gives a section each. */
export const PRESET_CLAIM_IDS = ["satisfaction", "complaint", "recency"] as const;

/** Whether these are the preset's three claims (else the config's, or exploratory ones). */
export function isPresetClaims(results: readonly { readonly id: string }[]): boolean {
  return results.length === PRESET_CLAIM_IDS.length && PRESET_CLAIM_IDS.every((id, i) => results[i].id === id);
}

/** A level claim's groups by name: the level as written, the rest ("not Basic" in the artifact) in words. */
export function levelName(h: HypothesisResult, label: string, lang: Lang = "en"): string {
  const level = h.groups[1]?.label;
  return h.statisticName === "χ²" && level !== undefined && label === `not ${level}`
    ? pageText(lang).s.anyTable.notLevel(level)
    : label;
}

/** Whether each of the hypotheses keeps its verdict when held to alpha / n (Bonferroni over the family). */
export function familySentence(results: readonly HypothesisResult[], alpha = ALPHA, lang: Lang = "en"): string {
  const { s } = pageText(lang);
  if (results.length === 0) return "";
  const bar = alpha / results.length;
  const changed = results.filter((r) => r.direction !== "no evidence" && !(r.p < bar));
  const barText = String(Number(bar.toPrecision(2)));
  if (!isPresetClaims(results)) {
    const exploratory = results.some((r) => r.exploratory);
    return s.anyTable.family(
      results.length,
      alpha,
      barText,
      changed.map((r) => s.hypothesis.name(r)),
      exploratory,
    );
  }
  const names = changed.map((r) => (lang === "en" ? r.name.toLowerCase() : s.hypothesis.name(r)));
  return s.hypotheses.family(results.length, alpha, barText, names);
}

/** Whether the view-time tests (on distinct customers) agree with the build-time hypotheses.json. */
export function buildCheck(
  results: readonly HypothesisResult[],
  artifact: unknown,
  lang: Lang = "en",
): { ok: boolean; text: string } {
  const { s } = pageText(lang);
  const built = Array.isArray(artifact) ? (artifact as { id?: unknown; statistic?: unknown; logP?: unknown }[]) : [];
  const close = (a: number, b: unknown): boolean =>
    typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : Number.isNaN(a) && b === null;
  const mismatched = results.filter((r) => {
    const b = built.find((x) => x.id === r.id);
    return !b || !close(r.statistic, b.statistic) || !close(r.logP, b.logP);
  });
  return mismatched.length === 0
    ? { ok: true, text: s.hypotheses.buildSame }
    : { ok: false, text: s.hypotheses.buildDiffers(mismatched.map((r) => s.hypothesis.name(r)).join(", ")) };
}
