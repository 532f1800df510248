// Every sentence of the Models page (src/models.md, components/models-tables.ts, components/models-charts.ts).
// Sentences that carry numbers take them already formatted (components/models-format.ts), so each language
// only orders and words them. The artifact's own English (model names, what each stands for, how it is
// fitted, the protocol's notes) goes through the functions at the end, which a language other than English
// rewrites from the English and the model's id.
import type { PolicyKind } from "../lib/threshold.js";

export type ScoreMetric = "averagePrecision" | "rocAuc" | "brier" | "logLoss";
export type ThresholdFigure = "precision" | "recall" | "F1";
export type OriginalFigure = "f1" | "recall" | "accuracy" | "precision";

export interface ModelsStrings {
  // ------------------------------------------------------------------------------------------ numbers
  /** What a figure that could not be computed reads as in a table or sentence. */
  readonly notAvailable: string;
  /** The threshold "no probability reaches": nobody is flagged. */
  readonly flagNobody: string;
  /** A range of two formatted figures: "0.467–0.609". */
  range(lo: string, hi: string): string;
  /** A figure and its 95% interval: "0.534 (0.467–0.609)". */
  withInterval(estimate: string, range: string): string;
  /** An ordinal rank: "first", "3rd" / "1위". */
  ordinal(n: number): string;

  // ------------------------------------------------------------------------------------------ the page
  readonly intro: string;
  testing(p: {
    rows: string;
    duplicates: string;
    distinct: string;
    testRows: string;
    testChurners: string;
    byIds: boolean;
    seed: number;
    trainRows: string;
    trainChurners: string;
    folds: number;
  }): string;
  readonly protocolSummary: string;
  readonly modelsIntro: string;
  readonly modelsHeaders: readonly [string, string];
  readonly buildSummary: string;
  readonly buildIntro: string;
  readonly buildHeaders: readonly [string, string, string, string];
  /** A setting without a value ("maxDepth none"). */
  readonly settingNone: string;
  fitSample(rows: string, of: string): string;

  leaderboard(p: {
    leader: string;
    leaderCv: string;
    folds: number;
    last: string;
    lastCv: string;
    stacking: null | {
      first: boolean;
      rank: number;
      of: number;
      cv: string;
      test: string;
      lo: string;
      hi: string;
    };
    churnShare: string;
  }): string;
  readonly leaderboardCaption: string;
  readonly leaderboardHeaders: {
    readonly model: string;
    readonly cvPr: string;
    readonly cvRoc: string;
    readonly cvF1: string;
    readonly cvBrier: string;
    readonly testPr: string;
    readonly testRoc: string;
    readonly testF1: string;
  };
  usedByReport(name: string): string;
  readonly stackingNoteTitle: string;
  readonly stackingNote: string;

  whyNotLeader(p: {
    leaderFirst: boolean;
    rank: number;
    leader: string;
    diff: string;
    leaderCv: string;
    selectedCv: string;
    gapSmaller: boolean;
    /** The leader's members' names when it blends models, else null (it is simply not exactly explainable). */
    members: readonly string[] | null;
    leaderTest: string;
    selectedTest: string;
  }): string;
  chosen(p: {
    name: string;
    cvPr: string;
    cvRoc: string;
    testPr: string;
    testRoc: string;
    whyNotLeader: string;
    threshold: string;
    policy: string;
    precision: string;
    recall: string;
  }): string;
  readonly reasonsSummary: string;
  readonly reasonsNote: string;

  testIntro(testRows: string): string;
  readonly testHeaders: readonly [string, string, string, string, string, string];
  testCaption(testRows: string, churners: string, reps: string): string;
  readonly curvesLabel: string;
  curvesIntro(selected: string): string;
  calibrationIntro(p: {
    name: string;
    worst: null | { lo: string; hi: string; predicted: string; observed: string; count: string };
    brier: string;
  }): string;
  readonly calibrationLabel: string;
  gainsIntro(p: { name: string; gain10: string; lift10: string; gain20: string }): string;

  readonly thresholdIntro: string;
  policyItems(p: { targetRecall: string; missed: string; offer: string }): readonly [string, string, string];
  readonly thresholdApplied: string;
  readonly policyLabels: Readonly<Record<PolicyKind, string>>;
  policyRule(kind: PolicyKind, p: { targetRecall: string; missed: string; offer: string }): string;
  readonly policyHeaders: readonly [string, string, string, string, string, string, string, string];
  policyCaption(model: string, trainRows: string): string;
  confusionCells(p: { tp: string; fp: string; fn: string; tn: string }): { main: string; sub: string };
  policyButton(p: { policy: string; threshold: string; recall: string; precision: string }): string;

  readonly sliderNoteTitle: string;
  sliderNote(testRows: string, sample: null | { test: string; oof: string }): string;
  readonly missedLabel: string;
  readonly offerLabel: string;
  readonly targetLabel: string;
  readonly thresholdLabel: string;
  decision(p: {
    threshold: string;
    flagged: string;
    n: string;
    caught: string;
    churners: string;
    recall: string;
    needless: string;
    precision: string;
    total: string;
    nobody: string;
  }): string;
  confusionCaption(n: string, threshold: string): string;
  readonly confusionFlagged: string;
  readonly confusionNotFlagged: string;
  readonly confusionChurned: string;
  readonly confusionStayed: string;
  readonly figuresCaption: string;
  readonly figureLabels: {
    readonly precision: string;
    readonly recall: string;
    readonly f1: string;
    readonly flagged: string;
    readonly cost: string;
  };
  precisionFigure(interval: string, flagged: string, churned: string): string;
  recallFigure(interval: string, caught: string, churners: string): string;
  flaggedFigure(flagged: string, interval: string): string;
  costFigure(p: {
    perCustomer: string;
    range: string;
    total: string;
    nobody: string;
    everyone: string;
    missed: string;
    offer: string;
  }): string;

  importanceIntro(p: { name: string; top: readonly { column: string; mean: string; sd: string }[] }): string;
  readonly modelLabel: string;
  notTree(name: string): string;
  readonly gainNote: string;

  readonly originalNoteTitle: string;
  originalNote(p: { rows: string; copies: string; testRows: string }): string;
  readonly originalNotRun: string;
  original(p: {
    name: string;
    behindClaim: boolean;
    accuracy: string;
    recall: string;
    f1: string;
    threshold: string;
    copiesRemovedF1: string;
    honestF1: string;
    honestAccuracy: string;
    honestRecall: string;
  }): string;
  readonly originalHeaders: readonly [string, string, string, string, string, string, string, string, string];
  readonly protocols: { readonly original: string; readonly distinctTestTuned: string; readonly report: string };
  originalCaption(p: { rows: string; trainRows: string; testRows: string; copies: string }): string;

  // ------------------------------------------------------------------------------------------ charts
  readonly metricLabels: Readonly<Record<ScoreMetric, string>>;
  readonly lowerIsBetter: string;
  readonly series: { readonly cv: string; readonly test: string };
  scoreTitle(metric: string): string;
  scoreItem(p: { name: string; cv: string; sd: string; test: string; lo: string; hi: string }): string;
  axis(label: string): string;
  axisUp(label: string): string;

  readonly rocTitle: string;
  rocDescription(items: readonly { name: string; auc: string; lo: string; hi: string }[]): string;
  readonly rocX: string;
  readonly rocY: string;
  readonly prTitle: string;
  prDescription(items: readonly { name: string; auc: string; lo: string; hi: string }[], base: string): string;
  readonly prX: string;
  readonly prY: string;
  calibrationTitle(name: string): string;
  calibrationDescription(bins: readonly { predicted: string; observed: string; count: string }[]): string;
  readonly calibrationX: string;
  readonly calibrationY: string;
  /** The calibration dots' tooltip channel. */
  readonly customers: string;
  readonly gainsTitle: string;
  gainsDescription(items: readonly { name: string; top10: string; top20: string }[]): string;
  readonly gainsX: string;
  readonly gainsY: string;
  readonly liftTitle: string;
  liftDescription(items: readonly { name: string; lift: string; share: string }[]): string;
  readonly liftY: string;
  readonly thresholdFigures: Readonly<Record<ThresholdFigure, string>>;
  readonly thresholdTitle: string;
  thresholdDescription(threshold: string, policies: readonly { label: string; threshold: string }[]): string;
  readonly thresholdX: string;
  readonly thresholdY: string;
  readonly gridTitle: string;
  gridDescription(items: readonly { name: string; top: readonly { column: string; mean: string }[] }[]): string;
  readonly gridDrop: string;
  readonly gridSd: string;
  permutationTitle(name: string): string;
  permutationDescription(items: readonly { column: string; mean: string; sd: string }[]): string;
  readonly permutationX: string;
  gainTitle(name: string): string;
  gainDescription(items: readonly { feature: string; share: string }[]): string;
  readonly gainX: string;
  readonly originalFigures: Readonly<Record<OriginalFigure, string>>;
  originalTitle(figure: string): string;
  originalDescription(items: readonly { name: string; original: string; report: string }[]): string;
  originalX(figure: string): string;

  // ------------------------------------------------------------------------------------------ the artifact's English
  /** A model's name in this language, from its id and the artifact's English name. */
  modelName(id: string, english: string): string;
  /** A model family ("boosting") in this language. */
  family(english: string): string;
  /** Which of the original's rows a model stands for, from its id and the artifact's English. */
  standsFor(id: string, english: string): string;
  /** How a model is fitted, from its id and the artifact's English. */
  implementation(id: string, english: string): string;
  /** A setting's value when the artifact writes it in words ("logistic regression, C = 1, on probabilities"). */
  settingValue(english: string): string;
  /** One of models.json's protocol notes (English, written by the pipeline) in this language. */
  protocolNote(english: string): string;
}
