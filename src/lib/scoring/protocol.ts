// The messages between the scoring page and its worker (src/worker/score-worker.ts; the page's side of them
// is worker-client.ts). Plain data only: everything crosses postMessage by structured clone, the large typed
// arrays by transfer.
//
// Two phases per upload (request id): `scored` as soon as the file is parsed, checked, scored and assigned
// to segments (no reasons yet); then, when reasons were asked for, `reasons` chunks (highest probability
// first) and one `reasons-done` (or `reasons-failed`). A newer `score` request or a `cancel` stops the
// reasons of an older id between two chunks; nothing more is posted for it.
import type { ChurnTable } from "../data/table.js";
import { unpackTable, type PackedTable } from "../data/table-transport.js";
import type { CleaningReport, SkippedRow } from "../data/validate.js";
import type { IssueGroup } from "../data/errors.js";
import type { Schema } from "../data/schema.js";
import type { ModelBundle } from "./bundle.js";
import type { ScoreResult } from "./score.js";
import type { ParsedUpload, UploadRejection } from "./upload.js";

export type WorkerRequest =
  /** `schema`: the one the model was trained with (summary.json's); default the built-in preset. */
  | { readonly type: "init"; readonly bundle: ModelBundle; readonly schema?: Schema }
  /** `file` is a File or Blob (the page's upload) or raw bytes (the bench). */
  | {
      readonly type: "score";
      readonly id: number;
      readonly file: Blob | ArrayBuffer;
      readonly name: string;
      readonly reasons: boolean;
      /** The page language's word for a missing cell in a reason; English ("blank") when absent. */
      readonly blank?: string;
    }
  /** Stop the reasons of this id (the page moved on: a new file, or the page going away). */
  | { readonly type: "cancel"; readonly id: number };

export type Stage = "reading" | "checking" | "scoring";

export interface ScoreTimings {
  /** Encoding, model scoring and cluster assignment, ms. */
  readonly scoreMs: number;
  /** TreeSHAP and the top reasons, ms (0 in `scored`: the reasons come later). */
  readonly reasonsMs: number;
  readonly readMs: number;
  readonly checkMs: number;
  /** From the request to `scored`. */
  readonly totalMs: number;
}

export interface ScoredUpload {
  readonly name: string;
  readonly format: ParsedUpload["format"];
  readonly rowsInFile: number;
  readonly table: ChurnTable;
  readonly cleaning: CleaningReport;
  readonly skipped: readonly SkippedRow[];
  readonly skippedGroups: readonly IssueGroup[];
  /** Probabilities, decisions and clusters; `reasons` is null here (they come in `reasons` messages). */
  readonly result: ScoreResult;
  /** Whether `reasons` messages follow (asked for, and the model has a tree explainer). */
  readonly reasonsPending: boolean;
  readonly timings: ScoreTimings;
}

/** One chunk of reasons: table rows (highest probability first overall) and their top reasons each way. */
export interface ReasonsChunk {
  readonly rows: Int32Array;
  readonly up: readonly string[];
  readonly down: readonly string[];
}

/** ScoredUpload as posted: the table packed (table-transport.ts), which the page unpacks with receiveUpload. */
export type PostedUpload = Omit<ScoredUpload, "table"> & { readonly table: PackedTable };

export function receiveUpload(posted: PostedUpload): ScoredUpload {
  return { ...posted, table: unpackTable(posted.table) };
}

export type WorkerResponse =
  | { readonly type: "ready" }
  | {
      readonly type: "progress";
      readonly id: number;
      readonly stage: Stage;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: "scored"; readonly id: number; readonly upload: PostedUpload }
  | { readonly type: "rejected"; readonly id: number; readonly rejection: UploadRejection }
  | {
      readonly type: "reasons";
      readonly id: number;
      readonly chunk: ReasonsChunk;
      readonly done: number;
      readonly total: number;
    }
  /** reasonsMs: TreeSHAP time; wallMs: from `scored` to the last chunk, pauses between chunks included. */
  | {
      readonly type: "reasons-done";
      readonly id: number;
      readonly total: number;
      readonly reasonsMs: number;
      readonly wallMs: number;
    }
  | { readonly type: "reasons-failed"; readonly id: number; readonly message: string };
