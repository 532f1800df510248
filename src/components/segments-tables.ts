// Tables for the segments page: every name from the artifact lands as text.
import { formatPercent } from "../lib/stats/format.js";
import type { SegmentsArtifact } from "../lib/segments/artifact.js";
import { breakEvenPChurn, type ClusterPriority, type OfferAssumptions } from "../lib/segments/value.js";
import { clusterLabel, money, num } from "./segments-charts.js";
import { table } from "./table.js";

/** One row per cluster: size, share, mean and median R/F/M, churn with its interval, predicted risk. */
export function profileTable(segments: SegmentsArtifact): HTMLTableElement {
  const hasPredicted = segments.clusters.some((c) => c.meanPredicted !== null);
  const headers = [
    "group",
    "customers",
    "share",
    "R: days (mean / median)",
    "F: orders (mean / median)",
    "M: cashback (mean / median)",
    "churn rate (95% interval)",
    ...(hasPredicted ? ["mean predicted"] : []),
  ];
  const rows = segments.clusters.map((c) => [
    clusterLabel(c),
    c.size.toLocaleString("en-US"),
    formatPercent(c.share),
    `${num(c.mean.recency)} / ${num(c.median.recency, 0)}`,
    `${num(c.mean.frequency)} / ${num(c.median.frequency, 0)}`,
    `${num(c.mean.monetary, 0)} / ${num(c.median.monetary, 0)}`,
    `${formatPercent(c.churnRate)} (${formatPercent(c.churnRateLow)}–${formatPercent(c.churnRateHigh)})`,
    ...(hasPredicted ? [c.meanPredicted === null ? "–" : formatPercent(c.meanPredicted)] : []),
  ]);
  const b = segments.base;
  rows.push([
    "Whole base",
    b.size.toLocaleString("en-US"),
    formatPercent(1, 0),
    `${num(b.mean.recency)} / ${num(b.median.recency, 0)}`,
    `${num(b.mean.frequency)} / ${num(b.median.frequency, 0)}`,
    `${num(b.mean.monetary, 0)} / ${num(b.median.monetary, 0)}`,
    formatPercent(b.churnRate),
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
): HTMLTableElement {
  const byId = new Map(segments.clusters.map((c) => [c.id, c]));
  const riskHeader = segments.priority.riskSource === "predicted" ? "mean predicted p(churn)" : "observed churn rate";
  const ordered = [...priorities].sort((a, b) => a.rank - b.rank);
  const node = table(
    [
      "rank",
      "group",
      "customers",
      riskHeader,
      "break-even p(churn)",
      "EV per customer",
      "EV for the group",
      "offer to all?",
    ],
    ordered.map((p) => {
      const c = byId.get(p.id);
      const pChurn = c ? c.risk.meanPChurn : NaN;
      const value = c ? c.risk.meanCashback * assumptions.valuePerCashback : NaN;
      const breakEven = breakEvenPChurn(value, assumptions.pSave, assumptions.offerCost);
      return [
        String(p.rank),
        clusterLabel(p),
        p.size.toLocaleString("en-US"),
        formatPercent(pChurn),
        Number.isFinite(breakEven)
          ? breakEven > 1
            ? `${formatPercent(breakEven)} (never)`
            : formatPercent(breakEven)
          : "never",
        money(p.evPerCustomer),
        money(p.evTotal),
        p.worthOffering ? "yes" : "no",
      ];
    }),
    { numericFrom: 2 },
  );
  node.id = "priority-ranking";
  node.querySelectorAll("tbody tr").forEach((tr, i) => tr.setAttribute("data-cluster-id", String(ordered[i].id)));
  return node;
}
