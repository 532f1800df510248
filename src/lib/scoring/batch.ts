// Scoring a large table in chunks, so the worker can report progress between them, with each stage timed
// (the bench reads the timings). The numbers are those of scoreTable on the whole table: every row is
// scored on its own, so chunking changes nothing but when progress is reported.
import { selectTableRows, type ChurnTable } from "../data/table.js";
import type { ModelBundle } from "./bundle.js";
import { explainTable, reasonsText, scoreTable, topReasons, type Reasons, type ScoreResult } from "./score.js";

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
    const chunk = start === 0 && end === n ? table : selectTableRows(table, Int32Array.from({ length: end - start }, (_, k) => start + k));
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
