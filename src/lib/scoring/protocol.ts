// The messages between the scoring page and its worker (src/lib/scoring/worker.ts). Plain data only:
// everything crosses postMessage by structured clone, the large typed arrays by transfer.
import type { ChurnTable } from "../data/table.js";
import type { CleaningReport, SkippedRow } from "../data/validate.js";
import type { IssueGroup } from "../data/errors.js";
import type { BatchTimings } from "./batch.js";
import type { ModelBundle } from "./bundle.js";
import type { ScoreResult } from "./score.js";
import type { UploadRejection } from "./upload.js";

export type WorkerRequest =
  | { readonly type: "init"; readonly bundle: ModelBundle }
  /** `file` is a File or Blob (the page's upload) or raw bytes (the bench). */
  | { readonly type: "score"; readonly id: number; readonly file: Blob | ArrayBuffer; readonly name: string; readonly reasons: boolean };

export type Stage = "reading" | "checking" | "scoring";

export interface ScoredUpload {
  readonly name: string;
  readonly format: "csv" | "xlsx";
  readonly rowsInFile: number;
  readonly table: ChurnTable;
  readonly cleaning: CleaningReport;
  readonly skipped: readonly SkippedRow[];
  readonly skippedGroups: readonly IssueGroup[];
  readonly result: ScoreResult;
  readonly reasonsUp: readonly string[];
  readonly reasonsDown: readonly string[];
  readonly timings: BatchTimings & { readonly readMs: number; readonly checkMs: number; readonly totalMs: number };
}

export type WorkerResponse =
  | { readonly type: "ready" }
  | { readonly type: "progress"; readonly id: number; readonly stage: Stage; readonly done: number; readonly total: number }
  | { readonly type: "scored"; readonly id: number; readonly upload: ScoredUpload }
  | { readonly type: "rejected"; readonly id: number; readonly rejection: UploadRejection };
