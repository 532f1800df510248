// Every customer's score as a CSV for programs (a warehouse load, a diff against model.sql, a nightly job):
// the customer ID, the probability in full (JavaScript's shortest round-trip form, so parsing it gives the
// same double), the decision at the threshold (1 or 0) and the segment (stable cluster id and its name).
// Unlike the Score page's download, which is for spreadsheets, this has no byte-order mark, LF line ends and
// no formula neutralising: an ID "-5" stays "-5". RFC 4180 quoting where a cell needs it.

/** The columns after the ID, in file order (model.sql returns the same names). */
export const SCORE_COLUMNS = ["probability", "flagged", "segment", "segment_name"] as const;

export interface ScoresForFile {
  readonly ids: readonly string[];
  readonly probability: ArrayLike<number>;
  /** 1 where the customer is flagged at the threshold. */
  readonly decision: ArrayLike<number>;
  /** Stable cluster id per customer. */
  readonly cluster: ArrayLike<number>;
}

function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's text: a header (the ID column under its name in the input file), then one line per customer. */
export function scoresCsv(idColumn: string, scores: ScoresForFile, segmentNames: readonly string[]): string {
  const { ids, probability, decision, cluster } = scores;
  const names = segmentNames.map(cell);
  const lines = new Array<string>(ids.length + 1);
  lines[0] = [idColumn, ...SCORE_COLUMNS].map(cell).join(",");
  for (let i = 0; i < ids.length; i++) {
    const c = cluster[i];
    lines[i + 1] = `${cell(ids[i])},${String(probability[i])},${decision[i] ? 1 : 0},${c},${names[c] ?? ""}`;
  }
  return lines.join("\n") + "\n";
}
