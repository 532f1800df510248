// Scoring a large table in chunks, so the worker can report progress between them, with each stage timed
// (the bench reads the timings). The numbers are those of scoreTable on the whole table: every row is
// scored on its own, so chunking changes nothing but when progress is reported.
import { selectTableRows, type ChurnTable } from "../data/table.js";
import type { ModelBundle } from "./bundle.js";
import { explainTable, reasonsText, scoreTable, topReasons, type Reasons, type ScoreResult } from "./score.js";
import type { Elsewhere } from "./second-thread.js";

export interface BatchTimings {
  /** Encoding, model scoring and cluster assignment, ms. */
  readonly scoreMs: number;
  /** TreeSHAP and the top reasons, ms (0 without reasons). */
  readonly reasonsMs: number;
}

export interface BatchResult {
  readonly result: ScoreResult;
  /** Per row: the top columns raising the risk, "Column = value; …" (empty without reasons). */
  readonly reasonsUp: string[];
  readonly reasonsDown: string[];
  readonly timings: BatchTimings;
}

export interface BatchOptions {
  readonly reasons: boolean;
  readonly chunkRows?: number;
  /** How many reasons each way. */
  readonly topK?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** A clock (performance.now in the worker); injected so tests can run without one. */
  readonly now?: () => number;
}

export function scoreInChunks(bundle: ModelBundle, table: ChurnTable, options: BatchOptions): BatchResult {
  const n = table.nRows;
  const chunkRows = options.chunkRows ?? 10_000;
  const topK = options.topK ?? 3;
  const now = options.now ?? (() => 0);
  const probability = new Float64Array(n);
  const decision = new Uint8Array(n);
  const cluster = new Int32Array(n);
  const reasonsUp = new Array<string>(n).fill("");
  const reasonsDown = new Array<string>(n).fill("");
  let contributions: Float64Array | null = null;
  let meta: Omit<Reasons, "contributions"> | null = null;
  let scoreMs = 0;
  let reasonsMs = 0;
  options.onProgress?.(0, n);
  for (let start = 0; start < n; start += chunkRows) {
    const end = Math.min(n, start + chunkRows);
    const chunk =
      start === 0 && end === n
        ? table
        : selectTableRows(
            table,
            Int32Array.from({ length: end - start }, (_, k) => start + k),
          );
    const t0 = now();
    const scored = scoreTable(bundle, chunk, { reasons: false });
    probability.set(scored.probability, start);
    decision.set(scored.decision, start);
    cluster.set(scored.cluster, start);
    const t1 = now();
    scoreMs += t1 - t0;
    if (options.reasons) {
      const reasons = explainTable(bundle, chunk);
      if (reasons) {
        const m = reasons.columns.length;
        if (!contributions) contributions = new Float64Array(n * m);
        contributions.set(reasons.contributions, start * m);
        meta = { method: reasons.method, units: reasons.units, columns: reasons.columns, expected: reasons.expected };
        for (let i = 0; i < end - start; i++) {
          const top = topReasons(reasons, chunk, i, topK);
          reasonsUp[start + i] = reasonsText(top.up);
          reasonsDown[start + i] = reasonsText(top.down);
        }
      }
      reasonsMs += now() - t1;
    }
    options.onProgress?.(end, n);
  }
  const reasons: Reasons | null = meta && contributions ? { ...meta, contributions } : null;
  return {
    result: { probability, decision, threshold: bundle.threshold.value, cluster, reasons },
    reasonsUp,
    reasonsDown,
    timings: { scoreMs, reasonsMs },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Two phases, as the page runs them. Scoring and segment assignment are fast (tens of thousands of rows a
// second) and go first, all at once; exact TreeSHAP reasons cost milliseconds a row on the deployed ensemble
// and follow in the background, chunk by chunk, highest probability first.

export interface ScorePhase {
  readonly result: ScoreResult;
  /** Encoding, model scoring, the decision and cluster assignment, ms. */
  readonly scoreMs: number;
}

/** Probabilities, decisions and segments for every row, without reasons. Same numbers as scoreTable. */
export function scoreOnly(bundle: ModelBundle, table: ChurnTable, now: () => number = () => 0): ScorePhase {
  const t0 = now();
  const result = scoreTable(bundle, table, { reasons: false });
  return { result, scoreMs: now() - t0 };
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
export function explainRows(bundle: ModelBundle, table: ChurnTable, rows: Int32Array, topK = 3): RowReasons | null {
  const texts = reasonsTexts(bundle, selectTableRows(table, rows), topK);
  return texts && { rows, ...texts };
}

/** The top reasons of every row of a table, as text (null when the bundle has no explainer). */
export function reasonsTexts(
  bundle: ModelBundle,
  table: ChurnTable,
  topK: number,
): { up: string[]; down: string[] } | null {
  const reasons = explainTable(bundle, table);
  if (!reasons) return null;
  const up = new Array<string>(table.nRows);
  const down = new Array<string>(table.nRows);
  for (let k = 0; k < table.nRows; k++) {
    const top = topReasons(reasons, table, k, topK);
    up[k] = reasonsText(top.up);
    down[k] = reasonsText(top.down);
  }
  return { up, down };
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
  if (bundle.explainer.kind !== "treeshap") return { outcome: "none", done: 0, reasonsMs: 0 };
  const topK = options.topK ?? 3;
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
      theirRows.length > 0 && elsewhere ? explainElsewhere(bundle, table, theirRows, topK, elsewhere) : null;
    const chunk = explainRows(bundle, table, rows, topK);
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
  elsewhere: Elsewhere,
): Promise<RowReasons> {
  try {
    const { up, down } = await elsewhere.explain(selectTableRows(table, rows), topK);
    if (up.length === rows.length && down.length === rows.length) return { rows, up, down };
  } catch {
    // Fall through: this thread explains the chunk itself.
  }
  const own = explainRows(bundle, table, rows, topK);
  if (!own) throw new Error("this model has no tree explainer");
  return own;
}
