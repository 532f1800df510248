// The scoring worker's entry point: parsing, checking and scoring an upload off the page's main thread.
// Browser only (it takes over `self.onmessage` on import), so it lives outside src/lib/: nothing imports it;
// src/score-worker.js.ts bundles it (with read-excel-file's web-worker build) into one script the page starts
// through src/lib/scoring/worker-client.ts. The messages are in src/lib/scoring/protocol.ts.
// Phase one (parse, check, score, segments) posts `scored` at once; phase two computes the reasons in
// chunks, highest probability first, and stops when a newer upload (or a cancel) takes its place.
// The worker starts a second copy of itself as a helper (second-thread.ts) that explains every other chunk;
// a copy started that way answers only the helper's requests. Scoring itself stays on one thread: split
// across the two cores of this machine it took as long (tree walks do not scale here; TreeSHAP does, 1.75x).
import readXlsxFile from "read-excel-file/web-worker";
import { packTable } from "../lib/data/table-transport.js";
import type { SheetRows } from "../lib/data/xlsx-sheets.js";
import { reasonsOrder, runReasonsJob, scoreOnly } from "../lib/scoring/phases.js";
import type { Schema } from "../lib/data/schema.js";
import type { ModelBundle } from "../lib/scoring/bundle.js";
import type { WorkerRequest, WorkerResponse } from "../lib/scoring/protocol.js";
import {
  answerHelperRequest,
  SecondThread,
  type HelperPort,
  type HelperRequest,
  type HelperResponse,
} from "../lib/scoring/second-thread.js";
import { readUpload, toRejection, type ParsedUpload } from "../lib/scoring/upload.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest | HelperRequest>) => void) | null;
  postMessage(message: WorkerResponse | HelperResponse, transfer?: Transferable[]): void;
  readonly location: { readonly href: string };
  readonly navigator: { readonly hardwareConcurrency?: number };
}

const scope = self as unknown as WorkerScope;
let bundle: ModelBundle | null = null;
/** The schema uploads are checked against: the trained one, from init (null: the built-in preset). */
let schema: Schema | null = null;
let helper: SecondThread | null = null;

/** The helper, when there is a second core and the browser lets a worker start one; else null (one thread). */
function startHelper(model: ModelBundle): SecondThread | null {
  if ((scope.navigator.hardwareConcurrency ?? 1) < 2) return null;
  try {
    const port = new Worker(scope.location.href, { type: "module" }) as unknown as HelperPort;
    return new SecondThread(port, model);
  } catch {
    return null;
  }
}

async function readSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  const copy = bytes.slice().buffer;
  const sheets = await readXlsxFile(copy);
  return sheets.map((s) => ({ name: s.sheet, rows: s.data }));
}

/** The upload whose reasons may run: a newer `score` or a `cancel` of it stops the old job between chunks. */
let activeId = 0;

/** Lets queued messages (a new upload, a cancel) in between two chunks of reasons. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function score(request: Extract<WorkerRequest, { type: "score" }>): Promise<void> {
  const { id, name } = request;
  const post = (message: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  const current = () => activeId === id;
  let scored: { table: ParsedUpload["table"]; probability: Float64Array } | null = null;
  try {
    if (!bundle) throw new Error("the model has not been loaded");
    const t0 = performance.now();
    post({ type: "progress", id, stage: "reading", done: 0, total: 1 });
    const buffer = request.file instanceof ArrayBuffer ? request.file : await request.file.arrayBuffer();
    const bytes = new Uint8Array(buffer);
    const t1 = performance.now();
    if (!current()) return;
    post({ type: "progress", id, stage: "checking", done: 0, total: 1 });
    const upload = await readUpload(bytes, name, readSheets, schema ? { schema } : {});
    const t2 = performance.now();
    if (!current()) return;
    post({ type: "progress", id, stage: "scoring", done: 0, total: upload.table.nRows });
    const { result, scoreMs } = scoreOnly(bundle, upload.table, {
      now: () => performance.now(),
      // Posted as each chunk is done; the page shows them while the worker goes on.
      progress: (done, total) => post({ type: "progress", id, stage: "scoring", done, total }),
    });
    const t3 = performance.now();
    const reasonsPending = request.reasons && bundle.explainer.kind !== "none" && upload.table.nRows > 0;
    // The page keeps the arrays; the worker keeps a copy of the probabilities to order the reasons by.
    if (reasonsPending) scored = { table: upload.table, probability: result.probability.slice() };
    post(
      {
        type: "scored",
        id,
        upload: {
          name,
          format: upload.format,
          rowsInFile: upload.rowsInFile,
          table: packTable(upload.table),
          cleaning: upload.cleaning,
          skipped: upload.skipped,
          skippedGroups: upload.skippedGroups,
          result,
          reasonsPending,
          timings: { scoreMs, reasonsMs: 0, readMs: t1 - t0, checkMs: t2 - t1, totalMs: t3 - t0 },
        },
      },
      [result.probability.buffer, result.decision.buffer, result.cluster.buffer],
    );
  } catch (error) {
    post({ type: "rejected", id, rejection: toRejection(error, name) });
    return;
  }
  if (!scored) return;
  // Phase two: the reasons, highest probability first, a chunk at a time, yielding between chunks.
  try {
    await pause();
    const model = bundle;
    if (!model) return;
    const w0 = performance.now();
    const job = await runReasonsJob(model, scored.table, reasonsOrder(scored.probability), {
      cancelled: () => !current(),
      pause,
      elsewhere: helper,
      ...(request.blank === undefined ? {} : { blank: request.blank }),
      now: () => performance.now(),
      onChunk: (chunk, done, total) => post({ type: "reasons", id, chunk, done, total }, [chunk.rows.buffer]),
    });
    if (job.outcome === "done")
      post({ type: "reasons-done", id, total: job.done, reasonsMs: job.reasonsMs, wallMs: performance.now() - w0 });
    else if (job.outcome === "none") post({ type: "reasons-failed", id, message: "this model has no explainer" });
  } catch (error) {
    if (current())
      post({ type: "reasons-failed", id, message: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "init") {
    bundle = request.bundle;
    schema = request.schema ?? null;
    helper?.close();
    helper = startHelper(request.bundle);
    scope.postMessage({ type: "ready" });
  } else if (request.type === "helper-init") {
    bundle = request.bundle;
  } else if (request.type === "helper-explain") {
    scope.postMessage(answerHelperRequest(bundle, request));
  } else if (request.type === "cancel") {
    if (activeId === request.id) activeId = 0;
  } else {
    activeId = request.id;
    void score(request);
  }
};
