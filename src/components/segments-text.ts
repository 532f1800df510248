// What the Segments page's words depend on, read once from segments.json: the page's language, whether the
// segments grouped on the Kaggle preset's columns (only then do sentences speak of orders and cashback), why
// each column was chosen, and each cluster's name and label in the page's language.
import type { Formatters } from "../i18n/format.js";
import type { Lang } from "../i18n/lang.js";
import type { Axes, AxisReason, AxisRole, SegmentsStrings } from "../i18n/segments-strings.js";
import { pageText } from "../i18n/tables.js";
import type { SegmentsArtifact } from "../lib/segments/artifact.js";
import { RFM_COLUMNS } from "../lib/segments/rfm.js";

const ROLES: readonly AxisRole[] = ["recency", "frequency", "monetary"];

export interface SegmentsText {
  readonly lang: Lang;
  readonly s: SegmentsStrings;
  readonly f: Formatters;
  readonly axes: Axes;
  readonly reasons: readonly AxisReason[];
  /** The cluster's name in the page's language. */
  name(c: { readonly id: number }): string;
  /** "Group 2 · Lapsed, regular, mid-cashback" in the page's language: the label every chart and table uses. */
  label(c: { readonly id: number }): string;
  /** A number with fixed decimals, or the language's "missing". */
  num(x: number, digits?: number): string;
  /** A whole amount of money, with a minus sign for a loss. */
  money(x: number): string;
  percent(rate: number, digits?: number): string;
}

type SegmentsLike = Pick<SegmentsArtifact, "columns" | "clusters" | "scaler"> & Partial<Pick<SegmentsArtifact, "axes">>;

export function segmentAxes(segments: Pick<SegmentsArtifact, "columns">): Axes {
  const c = segments.columns;
  return {
    preset:
      c.recency === RFM_COLUMNS.recency && c.frequency === RFM_COLUMNS.frequency && c.monetary === RFM_COLUMNS.monetary,
    r: c.recency,
    f: c.frequency,
    m: c.monetary,
  };
}

/** segments.json's reasons for its axes (present only when a column stands in for a role the schema lacks). */
export function axisReasons(segments: Partial<Pick<SegmentsArtifact, "axes">>): AxisReason[] {
  return (segments.axes ?? []).map((a) => {
    const auc = a.source === "churn" ? (/ROC-AUC (\d+(?:\.\d+)?)/.exec(a.why)?.[1] ?? null) : null;
    return {
      role: (ROLES as readonly string[]).includes(a.role) ? (a.role as AxisRole) : "recency",
      column: a.column,
      source: a.source === "name" || a.source === "churn" ? a.source : "role",
      why: a.why,
      auc,
    };
  });
}

/**
 * Which namesakes a cluster is told apart from, as the pipeline does it (pipeline/segments/name.ts): clusters
 * with the same levels are ranked along the standardised axis where their centres spread most.
 */
function qualifiers(segments: SegmentsLike): Map<number, { role: AxisRole; rank: number; of: number }> {
  const out = new Map<number, { role: AxisRole; rank: number; of: number }>();
  const { means, sds } = segments.scaler;
  const z = (c: SegmentsLike["clusters"][number]): number[] =>
    ROLES.map((r) => (sds[r] > 0 ? (c.centre[r] - means[r]) / sds[r] : 0));
  const groups = new Map<string, SegmentsLike["clusters"][number][]>();
  for (const c of segments.clusters) {
    const key = ROLES.map((r) => c.levels[r]).join("/");
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    let dim = 0;
    let spread = -1;
    for (let j = 0; j < 3; j++) {
      const values = members.map((c) => z(c)[j]);
      const s = Math.max(...values) - Math.min(...values);
      if (s > spread) {
        spread = s;
        dim = j;
      }
    }
    const ranked = [...members].sort((a, b) => z(a)[dim] - z(b)[dim] || a.id - b.id);
    ranked.forEach((c, rank) => out.set(c.id, { role: ROLES[dim], rank, of: ranked.length }));
  }
  return out;
}

export function segmentsText(segments: SegmentsLike, lang: Lang = "en"): SegmentsText {
  const { s: all, f } = pageText(lang);
  const s = all.segments;
  const axes = segmentAxes(segments);
  const reasons = axisReasons(segments);
  const standIn = {
    recency: reasons.some((r) => r.role === "recency" && r.source === "churn"),
    frequency: reasons.some((r) => r.role === "frequency" && r.source === "churn"),
    monetary: reasons.some((r) => r.role === "monetary" && r.source === "churn"),
  };
  const named = qualifiers(segments);
  const names = new Map<number, string>(
    segments.clusters.map((c) => [
      c.id,
      s.clusterName({ axes, english: c.name, levels: c.levels, standIn, qualifier: named.get(c.id) ?? null }),
    ]),
  );
  const name = (c: { readonly id: number }): string => names.get(c.id) ?? String(c.id);
  const num = (x: number, digits = 1): string => (Number.isFinite(x) ? f.number(x, digits) : s.missing);
  return {
    lang,
    s,
    f,
    axes,
    reasons,
    name,
    label: (c) => s.clusterLabel(c.id, name(c)),
    num,
    money: (x) => (Number.isFinite(x) ? `${x < 0 ? "−" : ""}${f.count(Math.abs(Math.round(x)))}` : s.missing),
    percent: (rate, digits = 1) => (Number.isFinite(rate) ? f.percent(rate, digits) : s.missing),
  };
}
