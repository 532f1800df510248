// Tables for the segments page: every name from the artifact lands as text.
import type { Lang } from "../i18n/lang.js";
import type { SegmentsArtifact } from "../lib/segments/artifact.js";
import { breakEvenPChurn, type ClusterPriority, type OfferAssumptions } from "../lib/segments/value.js";
import { segmentsText } from "./segments-text.js";
import { table } from "./table.js";

/** One row per cluster: size, share, mean and median R/F/M, churn with its interval, predicted risk. */
export function profileTable(segments: SegmentsArtifact, lang: Lang = "en"): HTMLTableElement {
  const t = segmentsText(segments, lang);
  const { s, f, num, percent } = t;
  const hasPredicted = segments.clusters.some((c) => c.meanPredicted !== null);
  const headers = s.tables.profileHeaders(t.axes, hasPredicted);
  const rows = segments.clusters.map((c) => [
    t.label(c),
    f.count(c.size),
    percent(c.share),
    `${num(c.mean.recency)} / ${num(c.median.recency, 0)}`,
    `${num(c.mean.frequency)} / ${num(c.median.frequency, 0)}`,
    `${num(c.mean.monetary, 0)} / ${num(c.median.monetary, 0)}`,
    `${percent(c.churnRate)} (${percent(c.churnRateLow)}–${percent(c.churnRateHigh)})`,
    ...(hasPredicted ? [c.meanPredicted === null ? "–" : percent(c.meanPredicted)] : []),
  ]);
  const b = segments.base;
  rows.push([
    s.tables.wholeBase,
    f.count(b.size),
    percent(1, 0),
    `${num(b.mean.recency)} / ${num(b.median.recency, 0)}`,
    `${num(b.mean.frequency)} / ${num(b.median.frequency, 0)}`,
    `${num(b.mean.monetary, 0)} / ${num(b.median.monetary, 0)}`,
    percent(b.churnRate),
    ...(hasPredicted ? [""] : []),
  ]);
  return table(headers, rows, { numericFrom: 1 });
}

/**
 * The ranking the sliders drive: one row per cluster in rank order, each with data-cluster-id so a test (or
 * a reader's script) can read the order without parsing text.
 */
export function priorityTable(
  segments: SegmentsArtifact,
  priorities: readonly ClusterPriority[],
  assumptions: OfferAssumptions,
  lang: Lang = "en",
): HTMLTableElement {
  const t = segmentsText(segments, lang);
  const { s, f, percent, money } = t;
  const byId = new Map(segments.clusters.map((c) => [c.id, c]));
  const ordered = [...priorities].sort((a, b) => a.rank - b.rank);
  const node = table(
    s.tables.priorityHeaders(segments.priority.riskSource === "predicted"),
    ordered.map((p) => {
      const c = byId.get(p.id);
      const pChurn = c ? c.risk.meanPChurn : NaN;
      const value = c ? c.risk.meanCashback * assumptions.valuePerCashback : NaN;
      const breakEven = breakEvenPChurn(value, assumptions.pSave, assumptions.offerCost);
      return [
        String(p.rank),
        t.label(p),
        f.count(p.size),
        percent(pChurn),
        Number.isFinite(breakEven)
          ? breakEven > 1
            ? s.tables.never(percent(breakEven))
            : percent(breakEven)
          : s.tables.never(null),
        money(p.evPerCustomer),
        money(p.evTotal),
        p.worthOffering ? s.tables.yes : s.tables.no,
      ];
    }),
    { numericFrom: 2 },
  );
  node.id = "priority-ranking";
  node.querySelectorAll("tbody tr").forEach((tr, i) => tr.setAttribute("data-cluster-id", String(ordered[i].id)));
  return node;
}
