// Sentences the pages write about a table of any schema: how its schema was read (the Data page), the
// views and claims that stand in for the Kaggle preset's when its columns are absent (Exploration,
// Hypotheses), and the Overview's lines that would otherwise name the preset's columns. Kept apart from
// strings.ts so that the pages' other tables and this one can change without touching each other.
import type { HypothesisResult } from "../lib/stats/hypotheses.js";
import type { Formatters } from "./format.js";

/** A leak flag's evidence, from summary.json's leakScreen, for the Data page. */
export interface LeakEvidence {
  readonly column: string;
  /** ROC-AUC of the column alone, folded, formatted; null when not computed. */
  readonly auc: string | null;
  readonly aucFlagged: boolean;
  /** Its blanks: how many training rows are blank and the share of them who churned, with the folded AUC. */
  readonly blanks: { readonly n: string; readonly rows: string; readonly churned: string; readonly auc: string } | null;
  readonly kept: boolean;
}

export interface AnyTableStrings {
  // ---- Data page: the schema and why
  readonly schemaTitle: string;
  schemaIntro(settings: boolean): string;
  target(column: string, positive: string, negative: string, why: string): string;
  id(column: string, why: string, synthetic: boolean): string;
  readonly decisionHeaders: readonly [string, string, string];
  /** A decision as the pipeline wrote it ("numeric", "\"Yes\" means left, \"No\" stayed") in this language. */
  decision(text: string): string;
  /** A decision's reason as the pipeline wrote it, in this language. */
  why(text: string): string;
  readonly ignoredTitle: string;
  readonly ignoredHeaders: readonly [string, string];
  readonly noIgnored: string;
  readonly noDescriptions: string;
  readonly leakTitle: string;
  leakIntro(rows: string, threshold: string): string;
  leak(p: LeakEvidence): string;
  noLeaks(rows: string): string;
  /** The data page's blank-cells sentence without a preset's blank-means-something column. */
  blanks(columns: number, cells: string): string;

  // ---- Exploration
  edaIntro(views: number): string;
  viewsIntro(views: number): string;
  viewSignal(strength: string, direction: string): string;
  readonly noViews: string;

  // ---- Hypotheses
  hypothesesTitle(exploratory: boolean): string;
  hypothesesIntro(count: number, exploratory: boolean): string;
  readonly exploratoryWarning: string;
  claimed(claim: string, direction: string, exploratory: boolean): string;
  readonly meanChart: string;
  readonly rateChart: string;
  testsCaption(column: string): string;
  readonly missingNote: string;
  readonly testsNote: string;
  readonly explorerIntro: string;
  family(count: number, alpha: number, bar: string, changed: readonly string[], exploratory: boolean): string;
  readonly noClaims: string;
  /** A claim that is not one of the preset's three: its name, claim and verdict from its numbers. */
  claimName(h: HypothesisResult): string;
  claimText(h: HypothesisResult): string;
  claimVerdict(h: HypothesisResult, f: Formatters): string;
  levelMinusRest(level: string): string;
  /** The customers not at a claim's level. */
  notLevel(level: string): string;

  // ---- Overview
  readonly guideEda: string;
  readonly guideHypotheses: string;
  guideSegments(k: number, columns: readonly string[]): string;
  overviewHypotheses(count: number, contradicted: number, exploratory: boolean): string;
}
