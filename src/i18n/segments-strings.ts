// The Segments page's sentences, chart words, table headers and persona-card labels, in their own file so that
// strings.ts, en.ts and ko.ts each gain one line (see src/i18n/en-segments.ts and ko-segments.ts).
//
// The page speaks of the Kaggle preset's columns (days since the last order, orders, cashback) only when the
// segments grouped on them (`preset`); on any other table every sentence names the table's own columns.
import type { RiskValueQuadrant } from "../lib/segments/value.js";
import type { Level } from "../lib/segments/types.js";
import type { PageNames } from "./strings.js";

export type AxisRole = "recency" | "frequency" | "monetary";

/** Why a column plays an axis, as segments.json's `axes` records it. */
export interface AxisReason {
  readonly role: AxisRole;
  readonly column: string;
  readonly source: "role" | "name" | "churn";
  /** The pipeline's own sentence (English). */
  readonly why: string;
  /** The stand-in column's ROC-AUC alone on the training rows, when `source` is "churn" and the artifact says it. */
  readonly auc: string | null;
}

/** The three columns and whether they are the Kaggle preset's. */
export interface Axes {
  readonly preset: boolean;
  readonly r: string;
  readonly f: string;
  readonly m: string;
}

export interface SegmentsChartStrings {
  readonly kAxis: string;
  readonly inertiaLabel: string;
  readonly silhouetteLabel: string;
  readonly inertiaTitle: string;
  readonly silhouetteTitle: string;
  kDescription(label: string, ks: string, items: string, k: number): string;
  kItem(k: number, value: string): string;
  kMark(k: number): string;

  scatterTitle(axes: Axes, facet: boolean): string;
  scatterDescription(p: { axes: Axes; shown: string; of: string | null; facet: boolean; centres: string }): string;
  scatterCentre(axes: Axes, id: number, r: string, f: string, m: string): string;
  scatterX(axes: Axes, jittered: boolean): string;
  scatterY(axes: Axes): string;
  scatterR(axes: Axes): string;
  /** The tip's channel names. */
  readonly tipCustomer: string;
  readonly tipDays: string;
  readonly tipOrders: string;

  /** The heatmap's four columns. */
  heatmapFeatures(axes: Axes): readonly [string, string, string, string];
  level(level: Level): string;
  readonly levelLegend: string;
  heatmapTitle(axes: Axes): string;
  heatmapDescription(cells: string, base: string): string;
  heatmapCell(cluster: string, feature: string, text: string, level: string): string;
  heatmapBase(axes: Axes, r: string, f: string, m: string, churn: string): string;

  churnTitle(predicted: boolean): string;
  churnItem(label: string, rate: string, low: string, high: string, predicted: string | null): string;
  churnBase(rate: string): string;
  churnCaption(predicted: boolean): string;
  readonly churnAxis: string;

  readonly allGroups: string;
  readonly rfmTitle: string;
  rfmGroupItem(group: string, parts: string): string;
  readonly rfmNone: string;
  rfmTotals(items: string): string;
  readonly rfmCaption: string;

  readonly riskValueTitle: string;
  quadrant(q: RiskValueQuadrant): string;
  riskWord(predicted: boolean): string;
  riskValueDescription(p: {
    riskWord: string;
    axes: Axes;
    multiplier: string;
    riskCut: string;
    valueCut: string;
    items: string;
  }): string;
  riskValueItem(label: string, risk: string, value: string, quadrant: string): string;
  riskValueX(riskWord: string): string;
  riskValueY(axes: Axes, multiplier: string): string;

  readonly pays: string;
  readonly costsMore: string;
  readonly priorityTitle: string;
  priorityItem(rank: number, label: string, total: string, perCustomer: string): string;
  readonly priorityAxis: string;
}

export interface SegmentsTableStrings {
  profileHeaders(axes: Axes, predicted: boolean): readonly string[];
  readonly wholeBase: string;
  priorityHeaders(predicted: boolean): readonly string[];
  never(breakEven: string | null): string;
  readonly yes: string;
  readonly no: string;
}

export interface PersonaCardStrings {
  readonly badgeRules: string;
  readonly badgeBuild: string;
  readonly badgeLive: string;
  /** The source in a sentence: "rules", "Gemini (m) at build time", "Gemini (m) live, on your key". */
  sourceRules(): string;
  sourceBuild(model: string): string;
  sourceLive(model: string): string;
  endpointNotUrl(): string;
  endpointHttps(): string;
  endpointCredentials(): string;
  endpointPolicy(sources: string, origin: string): string;
  readonly factSegment: string;
  factSegmentValue(name: string, id: number): string;
  readonly factCustomers: string;
  factCustomersValue(size: string, share: string, base: string): string;
  readonly factChurn: string;
  factChurnValue(rate: string, base: string): string;
  readonly factPredicted: string;
  factPredictedValue(rate: string): string;
  factAxisValue(axes: Axes, role: AxisRole, value: string, base: string): string;
  priority(priority: "high" | "medium" | "low"): string;
  readonly sourceLabel: string;
  model(model: string): string;
  readonly onYourKey: string;
  fallback(reason: string): string;
  readonly who: string;
  readonly risk: string;
  readonly actions: string;
  readonly liveTitle: string;
  readonly keyLabel: string;
  readonly keyPlaceholder: string;
  readonly keyNoteBefore: string;
  readonly keyNoteAfter: string;
  readonly advanced: string;
  readonly modelLabel: string;
  readonly endpointLabel: string;
  readonly noEndpoint: string;
  readonly regenerateAll: string;
  readonly noCard: string;
  readonly regenerate: string;
  notSent(reason: string): string;
  readonly asking: string;
  liveFailed(message: string, source: string): string;
}

export interface SegmentsStrings {
  /** The page's title and headings (pages.segments in each table is this). */
  readonly page: PageNames;
  readonly intro: string;
  grouped(p: { customers: string; k: number; axes: Axes }): string;
  /** Why each column was chosen, when one stands in for a role the table lacks. */
  axesWhy(reasons: readonly AxisReason[]): string;
  churnRange(p: { safest: number; safestRate: string; riskiest: number; riskiestRate: string; base: string }): string;
  noteTitle(axes: Axes): string;
  /** What M is: the pipeline's note in English; written from the artifact's structure in other languages. */
  monetaryNote(p: { axes: Axes; note: string; reasons: readonly AxisReason[] }): string;
  noteRest(p: { axes: Axes; seed: number; restarts: number }): string;

  kChosen(k: number, range: string): string;
  kSummary(range: string): string;
  kRange(first: number, last: number): string;
  kSelection(p: {
    k: number;
    range: string;
    silhouette: string | null;
    best: { silhouette: string; k: number } | null;
    cut: { from: number; share: string } | null;
    sample: { rows: string; of: string } | null;
  }): string;
  readonly kContinuum: string;

  whoIntro(p: { id: number; size: string; share: string; axes: Axes }): string;
  pointsSample(p: { of: string; shown: string }): string;
  readonly scatterLabel: string;
  readonly scatterAll: string;
  readonly scatterFacet: string;
  heatmapIntro(axes: Axes): string;

  churnIntro(p: {
    id: number;
    rate: string;
    low: string;
    high: string;
    base: string;
    above: string;
    below: string;
  }): string;
  groupItem(id: number, rate: string): string;
  readonly none: string;
  list(items: readonly string[]): string;
  predictedGap(p: { id: number; predicted: string; observed: string }): string;
  readonly noPredicted: string;

  rfmIntro(dominant: string): string;
  rfmDominant(id: number, segment: string, share: string): string;
  rfmExtremes(p: { worst: string | null; best: string | null }): string;
  rfmSegmentRate(segment: string, rate: string): string;
  rfmEmptyF(scores: readonly number[]): string;
  /** A classic RFM segment's name ("Champions", "At Risk") in this language. */
  rfmSegment(name: string): string;

  offerIntro(axes: Axes): string;
  readonly offerPredicted: string;
  readonly offerObserved: string;
  readonly assumptionsTitle: string;
  assumptionsBody(axes: Axes): string;
  readonly pSaveLabel: string;
  readonly offerCostLabel: string;
  valueLabel(axes: Axes): string;
  topOffer(p: { id: number; total: string; perCustomer: string }): string;
  readonly noPaying: string;
  paying(count: number, total: number, groups: string): string;
  group(id: number): string;
  riskValue(p: { riskCut: string; valueCut: string; hiHi: string; axes: Axes }): string;
  readonly noGroup: string;

  readonly personasUnreadable: string;
  personasInvalid(reason: string): string;
  personasIntro(p: { generator: string; fellBack: number }): string;
  generatorRules(): string;
  generatorGemini(model: string): string;

  /** "Group 2 · Lapsed, regular, mid-cashback". */
  clusterLabel(id: number, name: string): string;
  /** A cluster's name in this language, from its levels and (for namesakes) its qualifier. */
  clusterName(p: {
    axes: Axes;
    english: string;
    levels: { recency: Level; frequency: Level; monetary: Level };
    standIn: { recency: boolean; frequency: boolean; monetary: boolean };
    qualifier: { role: AxisRole; rank: number; of: number } | null;
  }): string;
  /** A missing number. */
  readonly missing: string;

  readonly charts: SegmentsChartStrings;
  readonly tables: SegmentsTableStrings;
  readonly cards: PersonaCardStrings;
}
