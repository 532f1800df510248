// The page's side of the scoring worker (src/worker/score-worker.ts): gives the worker the model, sends each
// upload under an id of its own, hands the worker's messages about it to that upload's callbacks (the table
// unpacked), and cancels it. The Score page and the score bench both use it. It only needs a Worker-like
// port, so the Node tests drive it with a fake one.
import type { Schema } from "../data/schema.js";
import type { ModelBundle } from "./bundle.js";
import {
  receiveUpload,
  type ReasonsChunk,
  type ScoredUpload,
  type Stage,
  type WorkerRequest,
  type WorkerResponse,
} from "./protocol.js";
import type { UploadRejection } from "./upload.js";

/** What the client needs of a Worker (a fake one in the tests). */
export interface WorkerPort {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { readonly data: WorkerResponse }) => void): void;
  terminate(): void;
}

/** What the worker reports about one upload, in this order; every callback is optional. */
export interface UploadCallbacks {
  readonly progress?: (stage: Stage, done: number, total: number) => void;
  /** Phase one: probabilities, decisions and segments; then either reasons follow (upload.reasonsPending) or nothing. */
  readonly scored?: (upload: ScoredUpload) => void;
  /** The file as a whole was refused (nothing follows). */
  readonly rejected?: (rejection: UploadRejection) => void;
  /** Phase two: a chunk of reasons, and how many rows have theirs so far. */
  readonly reasons?: (chunk: ReasonsChunk, done: number, total: number) => void;
  /** reasonsMs: TreeSHAP time; wallMs: from `scored` to the last chunk. */
  readonly reasonsDone?: (reasonsMs: number, wallMs: number) => void;
  readonly reasonsFailed?: (message: string) => void;
}

export interface UploadJob {
  readonly id: number;
  /** No more callbacks for this upload, and its reasons stop between two chunks (a new file, the page gone). */
  cancel(): void;
}

export class ScoringClient {
  /** Resolves once the worker has loaded the model (uploads sent before then wait in its queue). */
  readonly ready: Promise<void>;
  private readonly port: WorkerPort;
  /** Uploads still to hear about, by id. */
  private readonly jobs = new Map<number, UploadCallbacks>();
  private lastId = 0;

  /** `schema`: the one the model was trained with (summary.json's), which uploads are checked against. */
  constructor(port: WorkerPort, bundle: ModelBundle, schema?: Schema) {
    this.port = port;
    let ready = () => {};
    this.ready = new Promise<void>((resolve) => (ready = resolve));
    port.addEventListener("message", ({ data }) => {
      if (data.type === "ready") ready();
      else this.receive(data);
    });
    port.postMessage(schema ? { type: "init", bundle, schema } : { type: "init", bundle }, []);
  }

  /**
   * Scores a file: a File or Blob (the page's upload), or bytes (an ArrayBuffer is transferred to the worker,
   * which leaves it empty here). Reasons are computed unless `reasons` is false; `blank` is the page language's
   * word for a missing cell in them (English by default).
   */
  score(file: Blob | ArrayBuffer, name: string, callbacks: UploadCallbacks, reasons = true, blank?: string): UploadJob {
    const id = ++this.lastId;
    this.jobs.set(id, callbacks);
    const request =
      blank === undefined
        ? { type: "score" as const, id, file, name, reasons }
        : { type: "score" as const, id, file, name, reasons, blank };
    this.port.postMessage(request, file instanceof ArrayBuffer ? [file] : []);
    let cancelled = false;
    return {
      id,
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        this.jobs.delete(id);
        this.port.postMessage({ type: "cancel", id }, []);
      },
    };
  }

  /** Stops the worker (and its helper thread); nothing more is reported. */
  terminate(): void {
    this.jobs.clear();
    this.port.terminate();
  }

  private receive(message: Exclude<WorkerResponse, { type: "ready" }>): void {
    const on = this.jobs.get(message.id);
    if (!on) return;
    switch (message.type) {
      case "progress":
        on.progress?.(message.stage, message.done, message.total);
        break;
      case "scored": {
        const upload = receiveUpload(message.upload);
        if (!upload.reasonsPending) this.jobs.delete(message.id);
        on.scored?.(upload);
        break;
      }
      case "rejected":
        this.jobs.delete(message.id);
        on.rejected?.(message.rejection);
        break;
      case "reasons":
        on.reasons?.(message.chunk, message.done, message.total);
        break;
      case "reasons-done":
        this.jobs.delete(message.id);
        on.reasonsDone?.(message.reasonsMs, message.wallMs);
        break;
      case "reasons-failed":
        this.jobs.delete(message.id);
        on.reasonsFailed?.(message.message);
        break;
    }
  }
}
