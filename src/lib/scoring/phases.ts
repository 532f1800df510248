// Scoring an upload in two phases, as the worker runs them. Scoring and segment assignment are fast (tens of
// thousands of rows a second) and go first, all at once; exact TreeSHAP reasons cost milliseconds a row on
// the deployed ensemble and follow in the background, chunk by chunk, highest probability first, shared with
// a second thread when there is one (second-thread.ts). Rows are scored and explained independently, so
// neither the chunks nor the threads change a number.
import { selectTableRows, type ChurnTable } from "../data/table.js";
import type { ModelBundle } from "./bundle.js";
import { BLANK_VALUE, explainAsText, scoreTable, type ScoreResult } from "./score.js";

export interface ScorePhase {
  readonly result: ScoreResult;
  /** Encoding, model scoring, the decision and cluster assignment, ms. */
  readonly scoreMs: number;
}

/** Rows scored at a time, so that the page can show how far scoring has got on a large upload. */
export const SCORE_CHUNK_ROWS = 25_000;

export interface ScoreOnlyOptions {
  readonly now?: () => number;
  /** After each chunk of rows: how many are scored so far, of how many. */
  readonly progress?: (done: number, total: number) => void;
  readonly chunkRows?: number;
}

/**
 * Probabilities, decisions and segments for every row, without reasons. Same numbers as scoreTable: every
 * row is scored on its own (the model, the threshold and the segments' centres are fixed), so cutting the
 * table into chunks changes no number, only how often progress is reported.
 */
export function scoreOnly(bundle: ModelBundle, table: ChurnTable, options: ScoreOnlyOptions = {}): ScorePhase {
  const now = options.now ?? (() => 0);
  const chunkRows = Math.max(1, options.chunkRows ?? SCORE_CHUNK_ROWS);
  const t0 = now();
  const n = table.nRows;
  if (n <= chunkRows) {
    const result = scoreTable(bundle, table, { reasons: false });
    options.progress?.(n, n);
    return { result, scoreMs: now() - t0 };
  }
  const probability = new Float64Array(n);
  const decision = new Uint8Array(n);
  const cluster = new Int32Array(n);
  let threshold = bundle.threshold.value;
  for (let start = 0; start < n; start += chunkRows) {
    const end = Math.min(n, start + chunkRows);
    const rows = Int32Array.from({ length: end - start }, (_, k) => start + k);
    const part = scoreTable(bundle, selectTableRows(table, rows), { reasons: false });
    probability.set(part.probability, start);
    decision.set(part.decision, start);
    cluster.set(part.cluster, start);
    threshold = part.threshold;
    options.progress?.(end, n);
  }
  return { result: { probability, decision, threshold, cluster, reasons: null }, scoreMs: now() - t0 };
}

/**
 * The order reasons are computed in: highest probability first (ties by row). Whatever threshold the reader
 * picks, the customers flagged at it are a prefix of this order, so they get their reasons first and moving
 * the threshold never needs the job restarted.
 */
export function reasonsOrder(probability: Float64Array): Int32Array {
  const order = Int32Array.from({ length: probability.length }, (_, i) => i);
  order.sort((a, b) => probability[b] - probability[a] || a - b);
  return order;
}

export interface RowReasons {
  /** Rows of the table, in the order given. */
  readonly rows: Int32Array;
  /** Per given row: "Column = value; …" of the top columns raising / lowering the risk. */
  readonly up: string[];
  readonly down: string[];
}

/** The top reasons of some rows (null when the bundle has no explainer). Same values as on the whole table. */
export function explainRows(
  bundle: ModelBundle,
  table: ChurnTable,
  rows: Int32Array,
  topK = 3,
  blank = BLANK_VALUE,
): RowReasons | null {
  const texts = explainAsText(bundle, selectTableRows(table, rows), topK, blank);
  return texts && { rows, ...texts };
}

/** Another thread taking a share of the reasons; a call may fail (then this thread does that chunk itself). */
export interface Elsewhere {
  explain(table: ChurnTable, topK: number, blank: string): Promise<{ up: string[]; down: string[] }>;
}

export interface ReasonsJobOptions {
  /** Called with each chunk's reasons and the running count. */
  readonly onChunk: (chunk: RowReasons, done: number, total: number) => void;
  /** True once the job should stop (a newer upload, the page gone); checked between chunks. */
  readonly cancelled: () => boolean;
  /** Lets other work in (the worker's message queue) between chunks; default: none. */
  readonly pause?: () => Promise<void>;
  readonly now?: () => number;
  /** Wall time a chunk should take, ms: chunks grow or shrink to it (default 200). */
  readonly chunkMs?: number;
  /** The first chunk's rows (default 16, so the first reasons show quickly). */
  readonly firstChunk?: number;
  readonly topK?: number;
  /** The page language's word for a missing cell in a reason (BLANK_VALUE, English, by default). */
  readonly blank?: string;
  /** A second thread: while this one explains a chunk, it explains the next (null: this thread does all). */
  readonly elsewhere?: Elsewhere | null;
}

export interface ReasonsJobResult {
  /** "done", "cancelled", or "none" when the bundle has no explainer. */
  readonly outcome: "done" | "cancelled" | "none";
  readonly done: number;
  /** Time spent in TreeSHAP and the top reasons, ms (pauses excluded). */
  readonly reasonsMs: number;
}

/** Reasons for the rows in `order`, in chunks sized to take about `chunkMs` each. */
export async function runReasonsJob(
  bundle: ModelBundle,
  table: ChurnTable,
  order: Int32Array,
  options: ReasonsJobOptions,
): Promise<ReasonsJobResult> {
  const total = order.length;
  const now = options.now ?? (() => 0);
  const chunkMs = options.chunkMs ?? 200;
  if (bundle.explainer.kind === "none") return { outcome: "none", done: 0, reasonsMs: 0 };
  const topK = options.topK ?? 3;
  const blank = options.blank ?? BLANK_VALUE;
  const elsewhere = options.elsewhere ?? null;
  let size = Math.max(1, options.firstChunk ?? 16);
  let done = 0;
  let reasonsMs = 0;
  while (done < total) {
    if (options.cancelled()) return { outcome: "cancelled", done, reasonsMs };
    const rows = order.slice(done, Math.min(total, done + size));
    // The next chunk of the order goes to the other thread, if there is one, while this one does `rows`.
    const theirRows = elsewhere
      ? order.slice(done + rows.length, Math.min(total, done + 2 * rows.length))
      : new Int32Array(0);
    const t0 = now();
    const theirs =
      theirRows.length > 0 && elsewhere ? explainElsewhere(bundle, table, theirRows, topK, blank, elsewhere) : null;
    const chunk = explainRows(bundle, table, rows, topK, blank);
    const ms = now() - t0;
    if (!chunk) return { outcome: "none", done, reasonsMs };
    const second = theirs ? await theirs : null;
    reasonsMs += now() - t0;
    // Counted before onChunk: the worker transfers chunk.rows (this very array) to the page, which leaves
    // it empty here, and sizing from an empty chunk pinned every later chunk to one row.
    const rowsDone = rows.length;
    done += rowsDone;
    options.onChunk(chunk, done, total);
    if (second) {
      done += theirRows.length;
      options.onChunk(second, done, total);
    }
    // Next chunk sized from this one's pace, at most 4x bigger at a time, between 1 and 5,000 rows.
    if (ms > 0) size = Math.max(1, Math.min(5_000, size * 4, Math.round((rowsDone * chunkMs) / ms)));
    else size = Math.min(5_000, size * 4);
    if (options.pause) await options.pause();
  }
  return { outcome: "done", done, reasonsMs };
}

/** A chunk's reasons from the other thread, or from this one if that fails (same text either way). */
async function explainElsewhere(
  bundle: ModelBundle,
  table: ChurnTable,
  rows: Int32Array,
  topK: number,
  blank: string,
  elsewhere: Elsewhere,
): Promise<RowReasons> {
  try {
    const { up, down } = await elsewhere.explain(selectTableRows(table, rows), topK, blank);
    if (up.length === rows.length && down.length === rows.length) return { rows, up, down };
  } catch {
    // Fall through: this thread explains the chunk itself.
  }
  const own = explainRows(bundle, table, rows, topK, blank);
  if (!own) throw new Error("this model has no explainer");
  return own;
}
