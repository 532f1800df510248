// Charts and tables for the Data page. Every value from the input file reaches the page as text
// (textContent, Plot text marks), never as HTML.
import * as Plot from "./plot.js";
import type { ColumnProfile } from "../lib/data/profile.js";
import type { Summary } from "../lib/data/summary.js";
import type { Lang } from "../i18n/lang.js";
import { pageText } from "../i18n/tables.js";
import { table } from "./table.js";
import { el } from "./dom.js";
import { richNodes } from "./rich.js";

export function missingChart(
  summary: Summary,
  { width }: { width: number },
  lang: Lang = "en",
): SVGSVGElement | HTMLElement {
  const { s, f } = pageText(lang);
  const rows = Object.entries(summary.missing)
    .map(([column, count]) => ({ column, count, share: count / summary.rows }))
    .sort((a, b) => b.count - a.count || a.column.localeCompare(b.column));
  // Only columns with blanks get a bar; the schema table lists the zeros.
  const withBlanks = rows.filter((r) => r.count > 0);
  if (withBlanks.length === 0) {
    return el("p", null, s.data.noBlanks);
  }
  return Plot.plot({
    width,
    height: 28 * withBlanks.length + 40,
    marginLeft: 200,
    marginRight: 60,
    ariaLabel: s.data.blankChartTitle,
    ariaDescription: s.data.blankChartDescription(
      withBlanks.map((r) => `${r.column} ${f.count(r.count)} (${f.percent(r.share)})`).join("; "),
    ),
    x: { label: s.data.blankChartAxis, tickFormat: "%", grid: true },
    y: { label: null, domain: withBlanks.map((r) => r.column) },
    marks: [
      Plot.barX(withBlanks, { x: "share", y: "column", fill: "currentColor", fillOpacity: 0.7 }),
      Plot.text(withBlanks, {
        x: "share",
        y: "column",
        text: (r: { count: number }) => f.count(r.count),
        dx: 4,
        textAnchor: "start",
      }),
      Plot.ruleX([0]),
    ],
  });
}

export { table };

const number = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined || Number.isNaN(x)
    ? "–"
    : Number.isInteger(x)
      ? x.toLocaleString("en-US")
      : x.toFixed(digits);

export function schemaTable(summary: Summary, lang: Lang = "en"): HTMLTableElement {
  const { s, f } = pageText(lang);
  return table(
    s.data.schemaHeaders,
    summary.columns.map((c) => [
      c.nameInFile && c.nameInFile !== c.name ? s.data.inFile(c.name, c.nameInFile) : c.name,
      (s.data.kinds[c.kind] ?? c.kind) + (c.unit ? `, ${c.unit}` : ""),
      c.description ?? "",
      c.range ? f.interval(c.range[0], c.range[1], String) : c.values ? c.values.join(", ") : "",
      f.count(summary.missing[c.name] ?? 0),
    ]),
  );
}

export function profileTable(profile: readonly ColumnProfile[], lang: Lang = "en"): HTMLTableElement {
  const { s } = pageText(lang);
  const kind = (k: string): string => s.data.kinds[k] ?? k;
  return table(
    s.data.profileHeaders,
    profile.map((p) => {
      if (p.kind === "numeric") {
        return [
          p.name,
          kind(p.kind),
          number(p.missing),
          number(p.distinct),
          number(p.min),
          number(p.median),
          number(p.mean),
          number(p.max),
          number(p.sd),
        ];
      }
      if (p.kind === "category") {
        const top = p.counts
          .slice(0, 3)
          .map((c) => `${c.value} (${c.count.toLocaleString("en-US")})`)
          .join(", ");
        return [p.name, kind(p.kind), number(p.missing), number(p.distinct), "", "", "", "", top];
      }
      return [p.name, kind(p.kind), number(p.missing), number(p.distinct), "", "", "", "", ""];
    }),
  );
}

export function categoryChart(
  profile: ColumnProfile,
  { width }: { width: number },
  lang: Lang = "en",
): SVGSVGElement | HTMLElement {
  const { s } = pageText(lang);
  if (profile.kind !== "category") throw new Error(`${profile.name} is not a category column`);
  return Plot.plot({
    width,
    height: 26 * profile.counts.length + 40,
    marginLeft: 150,
    ariaLabel: s.data.categoryChartTitle(profile.name),
    ariaDescription: profile.counts.map((c) => `${c.value}: ${c.count}`).join("; "),
    x: { label: s.data.customersAxis, grid: true },
    y: { label: null },
    marks: [
      Plot.barX(profile.counts, { x: "count", y: "value", fill: "currentColor", fillOpacity: 0.7, sort: { y: "-x" } }),
      Plot.ruleX([0]),
    ],
  });
}

/** Whether the file was read with an inferred schema (no built-in preset), as the Data page tells. */
export function inferredSchema(summary: Summary): boolean {
  return summary.schema !== undefined && summary.schema.preset === null;
}

/**
 * How an inferred schema was read and why: the churn column and its "left" value, the ID column, each column's
 * kind with the pipeline's reason, and the columns left out with theirs. Names and values from the file go in
 * as text.
 */
export function schemaReading(summary: Summary, lang: Lang = "en"): HTMLElement {
  const { s } = pageText(lang);
  const t = s.anyTable;
  const schema = summary.schema;
  const decisions = schema.decisions;
  const target = schema.columns.find((c) => c.kind === "target");
  const id = schema.columns.find((c) => c.kind === "id");
  const whyOf = (column: string, decision?: (d: string) => boolean): string => {
    const found = decisions.find((d) => d.column === column && (!decision || decision(d.decision)));
    return found ? t.why(found.why) : "";
  };
  const settings = decisions.some((d) => /^set by |^configured /.test(d.why));
  const parts: (HTMLElement | null)[] = [
    el("h3", null, t.schemaTitle),
    el("p", null, ...richNodes(t.schemaIntro(settings))),
    target && target.kind === "target"
      ? el(
          "p",
          null,
          ...richNodes(
            t.target(
              target.name,
              target.positive,
              target.negative,
              [whyOf(target.name, (d) => d === "target"), whyOf(target.name, (d) => d !== "target")]
                .filter(Boolean)
                .join("; "),
            ),
          ),
        )
      : null,
    id && id.kind === "id" ? el("p", null, ...richNodes(t.id(id.name, whyOf(id.name), id.synthetic === true))) : null,
    table(
      t.decisionHeaders,
      decisions
        .filter((d) => d.column !== target?.name && d.column !== id?.name)
        .map((d) => [d.column === "(all)" ? "" : d.column, t.decision(d.decision), t.why(d.why)]),
    ),
    el("h3", null, t.ignoredTitle),
    schema.ignored.length === 0
      ? el("p", null, t.noIgnored)
      : table(
          t.ignoredHeaders,
          schema.ignored.map((i) => [i.name, t.why(i.reason)]),
        ),
    summary.columns.every((c) => c.kind === "id" || c.kind === "target" || c.description === null)
      ? el("p", null, ...richNodes(t.noDescriptions))
      : null,
  ];
  return el("div", { className: "schema-reading" }, ...parts.filter((p): p is HTMLElement => p !== null));
}

/** The leak screen's flags with their evidence (summary.json's leakScreen), or that none was found. */
export function leakFlags(summary: Summary, lang: Lang = "en"): HTMLElement | null {
  const screen = summary.leakScreen;
  if (!screen) return null;
  const { s, f } = pageText(lang);
  const t = s.anyTable;
  const rows = f.count(screen.rows);
  if (screen.leaks.length === 0) return el("div", { className: "note" }, el("p", null, t.noLeaks(rows)));
  const auc = (x: number | null): string | null => (x === null ? null : x.toFixed(3));
  const items = screen.leaks.map((leak) => {
    // The blank counts are only in the evidence sentence (the screen keeps no other field for them).
    const m = /(\d+) of (\d+) training rows are blank, ([\d.]+)% of them churned/.exec(leak.evidence);
    const blanks =
      m && leak.blankAuc !== null && leak.blankAuc >= screen.threshold
        ? {
            n: f.count(Number(m[1])),
            rows: f.count(Number(m[2])),
            churned: f.percent(Number(m[3]) / 100),
            auc: leak.blankAuc.toFixed(3),
          }
        : null;
    return el(
      "li",
      null,
      ...richNodes(
        t.leak({
          column: leak.column,
          auc: auc(leak.rocAuc),
          aucFlagged: leak.rocAuc !== null && leak.rocAuc >= screen.threshold,
          blanks,
          kept: leak.kept,
        }),
      ),
    );
  });
  return el(
    "div",
    { className: "warning" },
    el("h3", null, t.leakTitle),
    el("p", null, t.leakIntro(rows, String(screen.threshold))),
    el("ul", null, ...items),
  );
}
