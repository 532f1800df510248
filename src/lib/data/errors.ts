// Input problems are the user's to fix, so they are reported as data (for pages and tests) and as a message a
// person can act on in a terminal: which file, which column, which line, which value. A bad column in a large
// file can fail on every row; we keep a few examples of each kind of problem and count the rest. An issue's
// `detail` is its problem as a code and facts (issue-detail.ts), so a page can say it in its own language.
import type { IssueDetail } from "./issue-detail.js";

export interface InputIssue {
  readonly file: string;
  readonly column?: string;
  /** Line number in the file (header = 1), or the sheet's row number for a workbook. */
  readonly row?: number;
  /** The workbook sheet, when the file is a workbook (rows are then sheet rows, not lines). */
  readonly sheet?: string;
  /** True when `row` counts records from 1 (a Parquet file has rows but no lines). */
  readonly record?: boolean;
  /** The offending cell as written (untrimmed text is shown as it was). */
  readonly value?: string;
  /** What is wrong, phrased to follow the value: "is not a number", "must be 0 or 1". */
  readonly problem: string;
  /** The problem as a code and facts; absent for a problem with no code (a reader library's own message). */
  readonly detail?: IssueDetail;
}

/** Issues of one kind (same column and problem): a few examples and how many in all. */
export interface IssueGroup {
  readonly column?: string;
  readonly problem: string;
  /** The problem's code and facts (the first issue's: the group shares its problem text). */
  readonly detail?: IssueDetail;
  readonly count: number;
  readonly examples: readonly InputIssue[];
}

/** How many examples of each kind of problem are kept and shown. */
export const EXAMPLES_PER_GROUP = 5;

export class InputError extends Error {
  override readonly name = "InputError";
  readonly file: string;
  /** The examples kept, group by group (not every issue when there are many). */
  readonly issues: readonly InputIssue[];
  readonly groups: readonly IssueGroup[];
  /** Number of problems found in all, examples or not. */
  readonly total: number;

  constructor(file: string, groups: readonly IssueGroup[]) {
    super(formatMessage(file, groups));
    this.file = file;
    this.groups = groups;
    this.issues = groups.flatMap((g) => g.examples);
    this.total = groups.reduce((sum, g) => sum + g.count, 0);
  }

  /** A problem with the file as a whole (empty, binary, unreadable): one sentence, no rows. */
  static fileProblem(file: string, problem: string | { problem: string; detail: IssueDetail }): InputError {
    const issue = typeof problem === "string" ? { problem } : problem;
    return new InputError(file, [{ ...issue, count: 1, examples: [{ file, ...issue }] }]);
  }

  /** Issues collected one by one (the examples are all there is to count). */
  static fromIssues(file: string, issues: readonly InputIssue[]): InputError {
    const collector = new IssueCollector(file);
    for (const issue of issues) collector.add(issue);
    return collector.toError();
  }
}

/** Accumulates issues while reading a file; groups keep their first-seen order, which is file order. */
export class IssueCollector {
  readonly file: string;
  readonly sheet: string | undefined;
  /** Rows are records (Parquet), not lines. */
  readonly records: boolean;
  private readonly groups = new Map<
    string,
    { column?: string; problem: string; detail?: IssueDetail; count: number; examples: InputIssue[] }
  >();

  constructor(file: string, sheet?: string, records = false) {
    this.file = file;
    this.sheet = sheet;
    this.records = records;
  }

  add(issue: Omit<InputIssue, "file"> & { file?: string }): void {
    const full: InputIssue = {
      ...issue,
      file: issue.file ?? this.file,
      ...(this.sheet !== undefined && issue.sheet === undefined ? { sheet: this.sheet } : {}),
      ...(this.records && issue.row !== undefined ? { record: true } : {}),
    };
    const key = `${full.column ?? ""}\u0000${full.problem}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { column: full.column, problem: full.problem, count: 0, examples: [] };
      if (full.detail) group.detail = full.detail;
      this.groups.set(key, group);
    }
    group.count++;
    if (group.examples.length < EXAMPLES_PER_GROUP) group.examples.push(full);
  }

  get count(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.count;
    return n;
  }

  toError(): InputError {
    return new InputError(this.file, [...this.groups.values()]);
  }

  throwIfAny(): void {
    if (this.groups.size > 0) throw this.toError();
  }
}

function showValue(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

function formatIssue(issue: InputIssue): string {
  const where =
    issue.row === undefined ? "" : issue.sheet !== undefined || issue.record ? `row ${issue.row}` : `line ${issue.row}`;
  const what = issue.value !== undefined ? `${showValue(issue.value)} ${issue.problem}` : issue.problem;
  return where ? `${where}: ${what}` : what;
}

function formatMessage(file: string, groups: readonly IssueGroup[]): string {
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  // A whole-file problem reads best as one line.
  if (groups.length === 1 && groups[0].count === 1 && groups[0].column === undefined) {
    return `${file}: ${formatIssue(groups[0].examples[0])}`;
  }
  const sheet = groups[0]?.examples[0]?.sheet;
  const where = sheet !== undefined ? `${file} (sheet ${JSON.stringify(sheet)})` : file;
  const lines = [`${where}: ${total} problem${total === 1 ? "" : "s"} in the input`];
  for (const group of groups) {
    const rows = `${group.count} ${group.count === 1 ? "time" : "times"}`;
    if (group.column === undefined && group.count === 1) {
      lines.push(`  ${formatIssue(group.examples[0])}`);
      continue;
    }
    lines.push(group.column !== undefined ? `  column ${group.column} (${rows}):` : `  rows (${rows}):`);
    for (const example of group.examples) lines.push(`    ${formatIssue(example)}`);
    const rest = group.count - group.examples.length;
    if (rest > 0) lines.push(`    … and ${rest} more like this`);
  }
  return lines.join("\n");
}
