// Every sentence the report writes, as one interface that each language's table implements: a missing
// string is a type error (npm run check) and the build's check (scripts/i18n-pages.ts) stops on it too.
// Sentences that carry numbers are functions of already formatted values or of the artifact's fields, so
// each language orders and words them as its readers would. Rich text uses a small markup (see
// src/components/rich.ts): **bold**, `code`, [link](./page).
import type { HypothesisResult } from "../lib/stats/hypotheses.js";
import type { AnyTableStrings } from "./anytable-strings.js";
import type { Formatters } from "./format.js";
import type { SegmentsStrings } from "./segments-strings.js";
import type { ScoreStrings } from "./score-strings.js";
import type { ChangesStrings } from "./changes-strings.js";
import type { ModelsStrings } from "./models-strings.js";
import type { UnlabelledStrings } from "./unlabelled-strings.js";

export type PageId = "index" | "data" | "eda" | "hypotheses" | "models" | "segments" | "score" | "changes";

export interface PageNames {
  /** The page's title (front matter, sidebar, browser tab). */
  readonly title: string;
  /**
   * The page's markdown headings, by id. The English page's headings must equal the English values (the
   * build checks it); a translated page gets the same heading from its own table.
   */
  readonly headings: Readonly<Record<string, string>>;
}

export interface CommonStrings {
  /** The language's own name, for the switch ("한국어", "English"). */
  readonly languageName: string;
  /** The switch's accessible label: "Read this page in English". */
  readonly switchLabel: string;
  /** The accessible name of the switch itself: "Language". */
  readonly languageSwitchName: string;
  readonly siteTitle: string;
  readonly footer: string;
  /** The sidebar toggle's accessible name. */
  readonly toggleSidebar: string;
  readonly readMore: string;
  readonly demoBannerTitle: string;
  demoBanner(rows: string, file: string): string;
  readonly dataBannerTitle: string;
  dataBanner(file: string, rows: string, sha: string): string;
  /** The row of download buttons under a chart or table, named for it: "Download Churn rate by city tier". */
  downloadGroup(title: string): string;
  /** One download button's accessible name; it must contain the button's visible format ("SVG", "PNG", "CSV"). */
  downloadAs(title: string, format: string): string;
  /** A button's tooltip when its file could not be made. */
  downloadFailed(format: string, reason: string): string;
}

export interface IndexStrings {
  readonly whatChanged: string;
  readonly intro: string;
  readonly churnedLabel: string;
  churnedDetail(churners: string, rows: string, duplicates: string): string;
  readonly modelLabel: string;
  modelValue(auc: string): string;
  modelDetail(model: string, interval: string, testRows: string): string;
  readonly caughtLabel: string;
  caughtDetail(threshold: string, precision: string): string;
  readonly groupLabel: string;
  groupValue(id: number): string;
  groupDetail(name: string, size: string, churn: string): string;
  holds(duplicates: string, testRows: string): string;
  comparison(
    model: string,
    original: { accuracy: string; recall: string },
    copies: string,
    honest: { accuracy: string; recall: string },
  ): string;
  hypotheses(contradicted: number): string;
  readonly guide: {
    readonly data: string;
    readonly eda: string;
    readonly hypotheses: string;
    models(count: number): string;
    segments(k: number): string;
    readonly score: string;
    readonly changes: string;
  };
  provenance(p: {
    builtAt: string;
    file: string;
    format: string;
    rows: string;
    sha256: string;
    demo: boolean;
    seed: number;
  }): string;
}

export interface DataStrings {
  readonly intro: string;
  file(p: {
    file: string;
    format: string;
    sheet: string | null;
    bytes: string;
    sha256: string;
    rows: string;
    churners: string;
    churnRate: string;
    fromFile: boolean;
  }): string;
  extraColumns(count: number, names: string): string;
  blanks(columns: number, cells: string): string;
  readonly noBlanks: string;
  readonly blankChartTitle: string;
  blankChartDescription(list: string): string;
  readonly blankChartAxis: string;
  readonly spellingsIntro: string;
  spellingsCount(cells: string, mappings: number): string;
  readonly noSpellings: string;
  readonly spellingHeaders: readonly [string, string, string, string];
  duplicates(p: {
    count: string;
    share: string;
    groups: string;
    distinct: string;
    distinctChurnRate: string;
    afterNormalising: number;
  }): string;
  readonly noDuplicates: string;
  readonly duplicateHeaders: readonly [string, string, string, string];
  duplicateCaption(count: number): string;
  readonly schemaHeaders: readonly [string, string, string, string, string];
  inFile(name: string, nameInFile: string): string;
  readonly kinds: Readonly<Record<string, string>>;
  readonly profileHeaders: readonly [string, string, string, string, string, string, string, string, string];
  readonly categoryColumn: string;
  categoryChartTitle(column: string): string;
  readonly customersAxis: string;
}

export interface RateByParts {
  readonly shape: "tooFew" | "same" | "rises" | "falls" | "broadlyRises" | "broadlyFalls" | "mixed" | "category";
  readonly noun: string;
  /** Each: the group's name and its rate text ("16.8% (95% CI …, n = …)"). */
  readonly first: { readonly name: string; readonly rate: string };
  readonly last: { readonly name: string; readonly rate: string };
  readonly hi: { readonly name: string; readonly rate: string };
  readonly lo: { readonly name: string; readonly rate: string };
  readonly overlap: boolean;
  readonly column: string;
  /** The blank customers' churn rate text, when the column has blanks. */
  readonly blank: string | null;
}

export interface EdaStrings {
  readonly intro: string;
  rowsNote(description: string): string;
  shareSentence(p: {
    rows: string;
    distinct: boolean;
    churned: string;
    rate: string;
    interval: string;
    stayed: string;
    always: string;
  }): string;
  rateBy(p: RateByParts): string;
  readonly satisfactionNoun: string;
  readonly satisfactionNote: string;
  readonly satisfactionGroup: string;
  readonly satisfactionChart: string;
  readonly tierNoun: string;
  tier(level: string): string;
  readonly tierGroup: string;
  readonly tierChart: string;
  pairs(p: {
    n: string;
    churnedHours: string;
    churnedOrders: string;
    stayedHours: string;
    stayedOrders: string;
    strengthX: string;
    strengthY: string;
  }): string;
  readonly pairNote: string;
  pairBlank(n: string): string;
  complaint(p: {
    comparable: boolean;
    sign: number;
    with: string;
    without: string;
    difference: string;
    interval: string;
    excludesZero: boolean;
  }): string;
  readonly complaintChart: string;
  growth(p: {
    where: "none" | "overlap" | "higher" | "lower";
    churned: { median: string; q1: string; q3: string; n: string };
    stayed: { median: string; q1: string; q3: string; n: string };
    strength: string;
    blank: { n: string; rate: string } | null;
  }): string;
  readonly growthNote: string;
  readonly growthChart: string;
  ranking(p: {
    top: readonly { column: string; strength: string; direction: string }[];
    last: { column: string; strength: string } | null;
  }): string;
  /** A ranking row's direction ("higher values, more churn", "most churn: X (26.3%)") in this language. */
  direction(text: string): string;
  readonly noRanking: string;
  readonly rankingNote: string;
  readonly rankingTitle: string;
  rankingDescription(items: string): string;
  readonly rankingAxis: string;
  rankingBarTitle(p: {
    column: string;
    strength: string;
    auc: string;
    direction: string;
    test: string;
    p: string;
    v: string;
    n: string;
  }): string;
  readonly columnLabel: string;
  explorerNote(missingPolicy: string, histogram: boolean): string;
  rateChartTitle(column: string): string;
  rateMissing(column: string, blanks: string | null): string;
  /** A column's meaning in this language, given its English one (from the schema or the file's dictionary). */
  columnMeaning(column: string, english: string): string;
  /** The Complain column's levels. */
  readonly complained: string;
  readonly noComplaint: string;
}

/** Words in the Exploration and Hypotheses charts (src/components/eda-charts.ts). */
export interface ChartStrings {
  group(g: "stayed" | "churned"): string;
  groupTick(group: string, n: string): string;
  readonly shareTitle: string;
  shareItem(group: string, n: string, share: string): string;
  readonly shareAxis: string;
  noCustomersFor(groupLabel: string): string;
  rateDescription(groupLabel: string, items: string, overall: string | null): string;
  rateItem(label: string, rate: string, interval: string, n: string): string;
  rateAxis(groupLabel: string): string;
  allCustomers(rate: string): string;
  rateDotTitle(label: string, churned: string, n: string, rate: string, interval: string): string;
  noPairs(x: string, y: string): string;
  pairTitle(x: string, y: string): string;
  pairDescription(p: {
    x: string;
    y: string;
    nStayed: string;
    nChurned: string;
    meanX: { stayed: string; churned: string };
    meanY: { stayed: string; churned: string };
    blank: string;
  }): string;
  readonly groupShare: string;
  pairDotTitle(
    group: string,
    count: string,
    share: string,
    x: string,
    xValue: string,
    y: string,
    yValue: string,
  ): string;
  readonly mean: string;
  noValues(column: string): string;
  distributionTitle(column: string): string;
  distributionDescription(histogram: boolean, column: string, parts: string, blanks: string | null): string;
  readonly groupShareAxis: string;
  barTitle(group: string, label: string, count: string, share: string): string;
  meanLabel(mean: string): string;
}

/** Statistical wording shared by the Exploration and Hypotheses pages. */
export interface StatsStrings {
  /** A test's or effect size's name as the artifact spells it ("Welch's t-test") in this language. */
  testName(name: string): string;
  /** "negligible", "small", "medium", "large" (Cohen's d). */
  magnitude(d: number): string;
  /** "16.8% (95% CI 15.8% to 17.9%, n = 5,630)". */
  rateText(rate: string, interval: string, n: string): string;
  /** "95% CI …". */
  ci(interval: string): string;
  missingPolicy(column: string, rows: string, missing: string, kept: string, none: boolean): string;
  rowsDescription(p: { choice: "distinct" | "all"; rows: string; duplicates: number; copies: string }): string;
  sampled(p: { description: string; distinct: string; rows: string; kept: string }): string;
  multipleComparisons(tests: number, alpha: number, expected: string, familyWise: number, bar: string): string;
  readonly rowsLabel: string;
  readonly rowsDistinct: string;
  readonly rowsAll: string;
  /** The groups' names in tables: "stayed", "churned". */
  readonly stayed: string;
  readonly churned: string;
}

export interface HypothesesStrings {
  readonly intro: string;
  rowsNote(p: { description: string; distinct: boolean; sampled: boolean; check: string | null }): string;
  readonly missingNote: string;
  readonly testsNote: string;
  claimed(claim: string, direction: string): string;
  readonly satisfactionChart: string;
  readonly complaintChart: string;
  readonly recencyChart: string;
  direction(direction: "supports" | "contradicts" | "no evidence"): string;
  verdictWord(direction: "supports" | "contradicts" | "no evidence"): string;
  readonly satisfactionCaption: string;
  readonly complaintCaption: string;
  readonly recencyCaption: string;
  readonly testsHeaders: readonly [string, string, string, string, string];
  readonly groupsCaption: string;
  meanHeaders(column: string): readonly [string, string, string, string, string];
  rateHeaders(column: string): readonly [string, string, string, string, string];
  readonly cramerNote: string;
  effectNote(magnitude: string): string;
  complainedMinusNot(name: string): string;
  pointsCi(interval: string): string;
  readonly welchNote: string;
  readonly studentNote: string;
  mannWhitneyNote(method: string): string;
  readonly cramerScale: string;
  rateDifferenceName(label: string): string;
  readonly complaintGroup: string;
  complaintChartTitle(name: string): string;
  distributionChartTitle(name: string, column: string): string;
  columnRateChartTitle(column: string): string;
  columnDistributionChartTitle(column: string): string;
  readonly explorerIntro: string;
  readonly columnLabel: string;
  testAs(column: string, levels: number): string;
  readonly asNumbers: string;
  readonly asCategories: string;
  againstChurn(column: string): string;
  columnIntro(column: string, description: string, sentence: string): string;
  untestable(column: string, note: string | null): string;
  numericSentence(p: {
    column: string;
    higher: boolean | null;
    churned: string;
    stayed: string;
    welch: string;
    significant: boolean;
    alpha: number;
    d: string;
    dInterval: string;
    magnitude: string;
  }): string;
  categorySentence(p: {
    column: string;
    hi: string;
    hiRate: string;
    lo: string;
    loRate: string;
    test: string;
    chi: string;
    significant: boolean;
    alpha: number;
    v: string;
    difference: { label: string; value: string; interval: string } | null;
  }): string;
  readonly manyTitle: string;
  holm(columns: number, column: string, holm: string, unadjusted: string): string;
  family(count: number, alpha: number, bar: string, changed: readonly string[]): string;
  readonly buildSame: string;
  buildDiffers(names: string): string;
}

/** Sentences about the original's three hypotheses, shared by the Overview and the Hypotheses page. */
export interface HypothesisStrings {
  name(h: HypothesisResult): string;
  claim(h: HypothesisResult): string;
  /** The verdict, written from the test's numbers. */
  verdict(h: HypothesisResult, f: Formatters): string;
}

export interface Strings {
  readonly common: CommonStrings;
  readonly score: ScoreStrings;
  readonly changes: ChangesStrings;
  readonly pages: Readonly<Record<PageId, PageNames>>;
  readonly index: IndexStrings;
  readonly hypothesis: HypothesisStrings;
  readonly data: DataStrings;
  readonly stats: StatsStrings;
  readonly charts: ChartStrings;
  readonly eda: EdaStrings;
  readonly hypotheses: HypothesesStrings;
  readonly segments: SegmentsStrings;
  readonly anyTable: AnyTableStrings;
  readonly models: ModelsStrings;
  readonly unlabelled: UnlabelledStrings;
}

/** What a page needs: its language's strings and formatters. */
export interface PageText {
  readonly s: Strings;
  readonly f: Formatters;
}
