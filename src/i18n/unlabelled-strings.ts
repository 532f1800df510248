// Sentences of a build on a file without a churn column, which the baseline's model scores instead of a model
// trained on it (CHURN_BASELINE): the overview's lead, the notes on the pages that need labels, the Data page's
// first sentence, the What changed page's account of the expected count, the Score page's model note.
// Rich text (see src/components/rich.ts): **bold**, `code`, [link](./page).

/** The pages that compare churners with the others, and so have nothing to show without labels. */
export type LabelledPage = "eda" | "hypotheses" | "models" | "segments";

/** The baseline a build without labels was scored against, as its notes name it. */
export interface BaselineNames {
  readonly file: string;
  readonly baselineFile: string;
  readonly baselineFolder: string;
  readonly model: string;
}

export interface UnlabelledStrings {
  /** The bold start of each note: "No churn labels in this build. " */
  readonly noteTitle: string;
  /** Why a page that needs labels shows nothing, and where to look instead. */
  pageNeedsLabels(page: LabelledPage, b: BaselineNames): string;
  /** The Data page's first sentence, as data.file without the churners it cannot count. */
  dataFile(p: {
    file: string;
    format: string;
    sheet: string | null;
    bytes: string;
    sha256: string;
    rows: string;
    fromFile: boolean;
  }): string;
  /** The overview's first sentence. */
  lead(
    b: BaselineNames,
    p: { customers: string; expected: string; rate: string; low: string; high: string; thenRate: string },
  ): string;
  /** "3 of 18 shared columns drifted since the baseline: Tenure (PSI 4.82), …" */
  drifted(drifted: number, shared: number, columns: string): string;
  noDrift(shared: number): string;
  /** One drifted column for `drifted`: "Tenure (PSI 4.82)". */
  driftedColumn(column: string, psi: string): string;
  /** The drifted columns the model leans on, from the baseline's permutation importance. */
  leansOn(items: string): string;
  /** One item for `leansOn`: "Tenure (1st of 18 by importance)". */
  rankItem(column: string, rank: number, of: number): string;
  /** How the model was calibrated on the baseline's own held-out customers. */
  ownCalibration(p: { customers: string; predicted: string; observed: string; ece: string }): string;
  /** What the interval covers and what it does not. */
  readonly caveat: string;
  readonly expectedLabel: string;
  expectedDetail(low: string, high: string, customers: string): string;
  readonly baselineLabel: string;
  baselineDetail(churners: string, customers: string, file: string): string;
  readonly driftLabel: string;
  driftValue(drifted: number, shared: number): string;
  readonly driftDetail: string;
  readonly flaggedLabel: string;
  flaggedDetail(threshold: string, model: string): string;
  readonly guideHeading: string;
  readonly guide: {
    readonly data: string;
    readonly changes: string;
    readonly score: string;
    readonly others: string;
  };
  readonly provenanceHeading: string;
  provenance(p: {
    builtAt: string;
    file: string;
    rows: string;
    sha256: string;
    baselineFolder: string;
    baselineFile: string;
    baselineSha256: string;
  }): string;
  /** The What changed page: how the expected count and its interval are made. */
  method(p: {
    expected: string;
    sd: string;
    low: string;
    high: string;
    level: string;
    exact: boolean;
    customers: string;
  }): string;
  /** The Score page: whose model scores here. */
  scoreModel(b: BaselineNames): string;
}
