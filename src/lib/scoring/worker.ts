// The scoring worker's entry point: parsing, checking and scoring an upload off the page's main thread.
// Not imported by Node or by pages: src/score-worker.js.ts bundles it (with read-excel-file's web-worker
// build) into one script the page starts with `new Worker(url, {type: "module"})`.
import readXlsxFile from "read-excel-file/web-worker";
import type { SheetRows } from "../data/xlsx-sheets.js";
import { scoreInChunks } from "./batch.js";
import type { ModelBundle } from "./bundle.js";
import type { WorkerRequest, WorkerResponse } from "./protocol.js";
import { readUpload, toRejection } from "./upload.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let bundle: ModelBundle | null = null;

async function readSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  const copy = bytes.slice().buffer;
  const sheets = await readXlsxFile(copy);
  return sheets.map((s) => ({ name: s.sheet, rows: s.data }));
}

async function score(request: Extract<WorkerRequest, { type: "score" }>): Promise<void> {
  const { id, name } = request;
  const post = (message: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  try {
    if (!bundle) throw new Error("the model has not been loaded");
    const t0 = performance.now();
    post({ type: "progress", id, stage: "reading", done: 0, total: 1 });
    const buffer = request.file instanceof ArrayBuffer ? request.file : await request.file.arrayBuffer();
    const bytes = new Uint8Array(buffer);
    const t1 = performance.now();
    post({ type: "progress", id, stage: "checking", done: 0, total: 1 });
    const upload = await readUpload(bytes, name, readSheets);
    const t2 = performance.now();
    const batch = scoreInChunks(bundle, upload.table, {
      reasons: request.reasons,
      now: () => performance.now(),
      onProgress: (done, total) => post({ type: "progress", id, stage: "scoring", done, total }),
    });
    const t3 = performance.now();
    const { result } = batch;
    const transfer: Transferable[] = [result.probability.buffer, result.decision.buffer, result.cluster.buffer];
    if (result.reasons) transfer.push(result.reasons.contributions.buffer);
    post(
      {
        type: "scored",
        id,
        upload: {
          name,
          format: upload.format,
          rowsInFile: upload.rowsInFile,
          table: upload.table,
          cleaning: upload.cleaning,
          skipped: upload.skipped,
          skippedGroups: upload.skippedGroups,
          result,
          reasonsUp: batch.reasonsUp,
          reasonsDown: batch.reasonsDown,
          timings: { ...batch.timings, readMs: t1 - t0, checkMs: t2 - t1, totalMs: t3 - t0 },
        },
      },
      transfer,
    );
  } catch (error) {
    post({ type: "rejected", id, rejection: toRejection(error, name) });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "init") {
    bundle = request.bundle;
    scope.postMessage({ type: "ready" });
  } else void score(request);
};
