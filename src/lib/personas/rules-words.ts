// The rules writer's sentences, one table per language (rules-en.ts, rules-ko.ts), so that the decisions in
// rules.ts (priority, which features are notable, which actions apply) are made once and worded per language.
// These live in src/lib/ rather than src/i18n/ because the pipeline writes the cards: a change of wording has
// to change the pipeline's cache key and re-run it, which src/lib/ does and src/i18n/ (page text) does not.
import type { RfmColumns } from "../segments/rfm.js";
import type { DistinctiveFeature, Level } from "../segments/types.js";
import type { Priority } from "./card.js";

export type RfmLevels = { readonly recency: Level; readonly frequency: Level; readonly monetary: Level };

/** Figures already formatted (locale-free, see format.ts), so each language only orders and words them. */
export interface RulesWords {
  /** The persona's short name from its levels; `preset` when the axes are the Kaggle preset's. */
  name(p: { preset: boolean; churn: Level; levels: RfmLevels; axes: RfmColumns }): string;
  /** A name told apart from its namesakes by what most sets the group apart, or by its id. */
  twinByFeature(name: string, label: string): string;
  twinById(name: string, id: number): string;
  /** A few words naming what a feature says about the group. */
  shortFeatureLabel(f: DistinctiveFeature): string;
  /** "tenure averages 2.1 months (base 10.2 months)". */
  describeDistinctive(f: DistinctiveFeature): string;

  whoSize(count: string, share: string): string;
  whoPresetMeans(m: Figures3, b: Figures3): string;
  whoPresetLevels(levels: RfmLevels): string;
  whoGenericMeans(axes: RfmColumns, m: Figures3, b: Figures3): string;
  whoGenericLevels(axes: RfmColumns, levels: RfmLevels): string;
  whoApart(items: readonly string[]): string;

  riskObserved(p: { rate: string; low: string; high: string; base: string; ratio: string | null }): string;
  riskHigh(observed: string): string;
  riskMid(observed: string): string;
  riskLow(observed: string): string;
  riskShare(share: string, churnerShare: string): string;
  riskPredicted(predicted: string, agreement: "above" | "below" | "in line"): string;
  riskLead(lead: string): string;
  riskPriority(
    priority: Priority,
    because:
      | { kind: "high"; churnerShare: string }
      | { kind: "few"; churnerShare: string }
      | { kind: "low" }
      | { kind: "above"; churnerShare: string }
      | { kind: "near"; churnerShare: string },
  ): string;

  actionComplain(cluster: string, base: string): string;
  actionTenure(cluster: string, base: string): string;
  actionLead(lead: string): string;
  actionWinBack(days: string, mean: string): string;
  actionSecondOrder(mean: string, base: string): string;
  actionCashback(mean: string): string;
  actionDistance(cluster: string, base: string): string;
  actionCategory(category: string, share: string, base: string): string;
  readonly actionHighestRisk: string;
  readonly actionProtect: string;
  readonly actionControl: string;
  readonly actionStandard: string;
  actionTrack(base: string): string;
}

export interface Figures3 {
  readonly recency: string;
  readonly frequency: string;
  readonly monetary: string;
}
