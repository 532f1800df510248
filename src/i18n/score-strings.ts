// The Score page's sentences (src/score.md, src/components/score-views.ts), and what it says about a file it
// cannot read: every problem the upload checks find comes as a code and its facts (src/lib/data/issue-detail.ts),
// worded here per language; the file, column, row and value are the issue's own and shown as they are.
import type { IssueDetail, NoteDetail } from "../lib/data/issue-detail.js";
import type { Formatters } from "./format.js";

/** Where in the file an example is: a CSV line, a workbook's sheet row, or a record (Parquet). */
export type IssuePlace = "line" | "sheetRow" | "record";

export interface ScoreStrings {
  intro(model: string): string;
  readonly privacyTitle: string;
  readonly privacy: string;
  /** The sentence around the sample file's link: [before, after]. `ownFile`: rows of the report's own file. */
  sample(ownFile: boolean): readonly [string, string];
  readonly fileInputLabel: string;
  /** "x.csv: 1,000 customers scored (CSV, 1,002 rows in the file) in 0.42 s." */
  scored(p: { file: string; customers: string; format: string; rows: string; seconds: string }): string;
  note(text: string): string;
  /** The threshold paragraph, rich text (the value in **bold**). */
  thresholdIntro(value: string, policy: string): string;
  readonly thresholdLabel: string;
  readonly uploadFirst: string;
  evaluation(p: {
    auc: string;
    threshold: string;
    precision: string;
    recall: string;
    accuracy: string;
    tp: string;
    fn: string;
    fp: string;
  }): readonly [string, string];
  readonly searchPlaceholder: string;
  readonly searchLabel: string;
  /** The search box's count of matches: "1,234 results". */
  searchResults(count: number, countText: string): string;
  readonly segmentLabel: string;
  readonly allSegments: string;
  readonly highRiskOnly: string;
  readonly columns: {
    readonly probability: string;
    readonly highRisk: string;
    readonly raisesRisk: string;
    readonly lowersRisk: string;
    readonly segment: string;
    readonly customers: string;
    readonly shareHighRisk: string;
    readonly meanProbability: string;
  };
  /** A yes/no cell ("high risk"). */
  yesNo(yes: boolean): string;
  pickCustomer(id: string): string;
  readonly pickOne: string;
  showing(shown: string, total: string): string;
  readonly reasonsHowTitle: string;
  reasonsHow(p: { kind: "linear" | "treeshap" | "none"; member: string | null; trees: string }): string;
  highRiskInSegment(segment: string, count: number, countText: string): string;
  downloadAll(count: string): string;
  downloadHighRisk(count: string): string;
  downloadSegment(segment: string, count: string): string;
  /** The "without reasons" line around its button: [before, button label, after]. */
  downloadNow(count: string): readonly [string, string, string];
  readonly downloadsNote: string;
  readonly downloadsLater: string;
  whatIfIntro(uploaded: boolean): string;
  startCustomer(id: string): string;
  readonly startTypical: string;
  readonly blankAllowed: string;
  /** The what-if result around its two bold values: [before probability, between, before segment, after]. */
  whatIfResult(p: { start: string; high: boolean; threshold: string }): readonly [string, string, string, string];
  readonly formProblemLead: string;
  reasonsNote(units: "log-odds" | "probability"): string;

  // score-views.ts
  readonly rejectedTitle: string;
  rejected(file: string, total: number, totalText: string): string;
  skippedTitle(skipped: string, rows: string): string;
  readonly skipped: string;
  /** A problem group's head: "Column Tenure" / "The file". */
  groupHead(column: string | undefined): string;
  groupCount(count: number, countText: string): string;
  place(place: IssuePlace, row: string): string;
  more(rest: string): string;
  /** Between an example's value and its problem. */
  readonly valueJoin: string;
  /** A problem from its code and facts, said as the language's sentence after the value or file. */
  problem(detail: IssueDetail, f: Formatters): string;
  /** A problem with no code (a reader library's message), given in English as it came. */
  uncoded(english: string): string;
  /** What the checks noticed that is not an error. */
  noteText(detail: NoteDetail, f: Formatters): string;
  stage(stage: "reading" | "checking" | "scoring"): string;
  stageCount(done: string, total: string): string;
  readonly raiseMost: string;
  readonly lowerMost: string;
  readonly none: string;
  units(units: string): string;
  readonly computing: string;
  /** `high`: the high-risk customers' share of the reasons so far (null when none is flagged). */
  reasonsRunning(p: {
    done: string;
    total: string;
    high: { readonly all: boolean; readonly done: string; readonly flagged: string } | null;
  }): string;
  reasonsDone(p: { total: string; seconds: string; rate: string }): string;
  reasonsFailed(message: string): string;
  waiting(label: string, done: string, total: string): string;
}
