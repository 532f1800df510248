// The page's client of the scoring worker (worker-client.ts) against a fake Worker: what it posts (the model
// first, one id per upload, bytes transferred, a cancel once), and that each upload hears only its own
// messages, with the table unpacked, and nothing after it is finished, cancelled or the worker terminated.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { packTable } from "../src/lib/data/table-transport.js";
import type { ModelBundle } from "../src/lib/scoring/bundle.js";
import type { ReasonsChunk, ScoredUpload, WorkerRequest, WorkerResponse } from "../src/lib/scoring/protocol.js";
import { readUpload } from "../src/lib/scoring/upload.js";
import { ScoringClient, type UploadCallbacks, type WorkerPort } from "../src/lib/scoring/worker-client.js";
import { HEADER, toCsv, validRows } from "./fixtures/data.js";

/** A Worker look-alike: keeps what the client posts (cloned, transfers applied) and replies on demand. */
function fakeWorker() {
  const posted: WorkerRequest[] = [];
  const listeners: ((event: { readonly data: WorkerResponse }) => void)[] = [];
  let terminated = false;
  const port: WorkerPort = {
    postMessage(message, transfer) {
      posted.push(structuredClone(message, { transfer }));
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
    terminate() {
      terminated = true;
    },
  };
  return {
    port,
    posted,
    reply: (data: WorkerResponse) => listeners.forEach((listener) => listener({ data: structuredClone(data) })),
    terminated: () => terminated,
  };
}

// The client passes the model on untouched; a stand-in is enough to see that it does.
const bundle = { modelId: "stand-in" } as unknown as ModelBundle;

/** Every callback, recording what it was given, in order. */
function recorder(): { events: unknown[][]; callbacks: UploadCallbacks } {
  const events: unknown[][] = [];
  const callbacks: UploadCallbacks = {
    progress: (...a) => events.push(["progress", ...a]),
    scored: (upload) => events.push(["scored", upload]),
    rejected: (rejection) => events.push(["rejected", rejection]),
    reasons: (...a) => events.push(["reasons", ...a]),
    reasonsDone: (...a) => events.push(["reasons-done", ...a]),
    reasonsFailed: (message) => events.push(["reasons-failed", message]),
  };
  return { events, callbacks };
}

async function scoredMessage(id: number, reasonsPending: boolean): Promise<WorkerResponse> {
  const csv = new TextEncoder().encode(toCsv(validRows(4), HEADER));
  const upload = await readUpload(csv, "four.csv", async () => []);
  const n = upload.table.nRows;
  return {
    type: "scored",
    id,
    upload: {
      name: "four.csv",
      format: upload.format,
      rowsInFile: upload.rowsInFile,
      table: packTable(upload.table),
      cleaning: upload.cleaning,
      skipped: upload.skipped,
      skippedGroups: upload.skippedGroups,
      result: {
        probability: Float64Array.from({ length: n }, (_, i) => i / n),
        decision: new Uint8Array(n),
        threshold: 0.5,
        cluster: new Int32Array(n),
        reasons: null,
      },
      reasonsPending,
      timings: { scoreMs: 1, reasonsMs: 0, readMs: 2, checkMs: 3, totalMs: 6 },
    },
  };
}

const chunk: ReasonsChunk = { rows: Int32Array.from([2, 0]), up: ["Complain = 1", ""], down: ["", "Tenure = 9"] };

describe("ScoringClient", () => {
  it("gives the worker the model first; ready resolves when the worker says so", async () => {
    const w = fakeWorker();
    const client = new ScoringClient(w.port, bundle);
    assert.deepEqual(w.posted, [{ type: "init", bundle }]);
    let ready = false;
    void client.ready.then(() => (ready = true));
    await Promise.resolve();
    assert.equal(ready, false);
    w.reply({ type: "ready" });
    await client.ready;
    assert.equal(ready, true);
  });

  it("each upload gets an id of its own; bytes are transferred to the worker, a Blob is not", () => {
    const w = fakeWorker();
    const client = new ScoringClient(w.port, bundle);
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const a = client.score(bytes, "a.csv", {});
    assert.equal(bytes.byteLength, 0, "transferred, so detached here");
    const blob = new Blob(["x,y\n"]);
    const b = client.score(blob, "b.csv", {}, false);
    assert.notEqual(a.id, b.id);
    const [, sentA, sentB] = w.posted;
    assert.deepEqual(sentA, {
      type: "score",
      id: a.id,
      file: new Uint8Array([1, 2, 3]).buffer,
      name: "a.csv",
      reasons: true,
    });
    assert.ok(sentB.type === "score" && sentB.file instanceof Blob && sentB.file.size === blob.size);
    assert.deepEqual({ ...sentB, file: null }, { type: "score", id: b.id, file: null, name: "b.csv", reasons: false });
  });

  it("routes the worker's messages to their upload: progress, scored (table unpacked), reasons, done", async () => {
    const w = fakeWorker();
    const client = new ScoringClient(w.port, bundle);
    const mine = recorder();
    const other = recorder();
    const job = client.score(new Blob(["..."]), "four.csv", mine.callbacks);
    const otherJob = client.score(new Blob(["..."]), "other.csv", other.callbacks);
    w.reply({ type: "progress", id: job.id, stage: "checking", done: 0, total: 1 });
    const scored = await scoredMessage(job.id, true);
    w.reply(scored);
    w.reply({ type: "reasons", id: job.id, chunk, done: 2, total: 4 });
    w.reply({ type: "reasons-done", id: job.id, total: 4, reasonsMs: 7, wallMs: 9 });
    w.reply({
      type: "rejected",
      id: otherJob.id,
      rejection: { message: "no", file: "other.csv", total: 1, groups: [] },
    });

    assert.deepEqual(
      mine.events.map((e) => e[0]),
      ["progress", "scored", "reasons", "reasons-done"],
    );
    assert.deepEqual(mine.events[0], ["progress", "checking", 0, 1]);
    const upload = mine.events[1][1] as ScoredUpload;
    assert.equal(upload.table.nRows, 4);
    assert.deepEqual(upload.table.ids, ["50001", "50002", "50003", "50004"]);
    assert.ok(upload.table.numeric.Tenure instanceof Float64Array);
    const sent = await readUpload(new TextEncoder().encode(toCsv(validRows(4), HEADER)), "four.csv", async () => []);
    assert.deepEqual(upload.table.category, sent.table.category, "category columns unpacked");
    assert.deepEqual(upload.result.probability, Float64Array.from([0, 0.25, 0.5, 0.75]));
    assert.equal(upload.reasonsPending, true);
    assert.deepEqual(mine.events[2], ["reasons", chunk, 2, 4]);
    assert.deepEqual(mine.events[3], ["reasons-done", 7, 9]);
    assert.deepEqual(
      other.events.map((e) => e[0]),
      ["rejected"],
    );
  });

  it("nothing reaches an upload after its last message: a rejection, scores without reasons, reasons failed", async () => {
    const w = fakeWorker();
    const client = new ScoringClient(w.port, bundle);
    const rejectedUpload = recorder();
    const a = client.score(new Blob([""]), "a.csv", rejectedUpload.callbacks);
    const noReasons = recorder();
    const b = client.score(new Blob([""]), "b.csv", noReasons.callbacks, false);
    const failed = recorder();
    const c = client.score(new Blob([""]), "c.csv", failed.callbacks);
    w.reply({ type: "rejected", id: a.id, rejection: { message: "empty", file: "a.csv", total: 1, groups: [] } });
    w.reply(await scoredMessage(b.id, false));
    w.reply(await scoredMessage(c.id, true));
    w.reply({ type: "reasons-failed", id: c.id, message: "this model has no tree explainer" });
    for (const id of [a.id, b.id, c.id]) {
      w.reply({ type: "progress", id, stage: "scoring", done: 0, total: 4 });
      w.reply({ type: "reasons", id, chunk, done: 2, total: 4 });
    }
    assert.deepEqual(
      rejectedUpload.events.map((e) => e[0]),
      ["rejected"],
    );
    assert.deepEqual(
      noReasons.events.map((e) => e[0]),
      ["scored"],
    );
    assert.deepEqual(failed.events, [
      ["scored", failed.events[0][1]],
      ["reasons-failed", "this model has no tree explainer"],
    ]);
  });

  it("cancel tells the worker once and silences the upload; the others go on", () => {
    const w = fakeWorker();
    const client = new ScoringClient(w.port, bundle);
    const first = recorder();
    const second = recorder();
    const a = client.score(new Blob([""]), "a.csv", first.callbacks);
    const b = client.score(new Blob([""]), "b.csv", second.callbacks);
    a.cancel();
    a.cancel();
    assert.deepEqual(
      w.posted.filter((m) => m.type === "cancel"),
      [{ type: "cancel", id: a.id }],
    );
    w.reply({ type: "reasons", id: a.id, chunk, done: 2, total: 4 });
    w.reply({ type: "reasons", id: b.id, chunk, done: 2, total: 4 });
    assert.deepEqual(first.events, []);
    assert.deepEqual(second.events, [["reasons", chunk, 2, 4]]);
  });

  it("terminate stops the worker, and no upload hears anything after", () => {
    const w = fakeWorker();
    const client = new ScoringClient(w.port, bundle);
    const rec = recorder();
    const job = client.score(new Blob([""]), "a.csv", rec.callbacks);
    client.terminate();
    assert.equal(w.terminated(), true);
    w.reply({ type: "progress", id: job.id, stage: "reading", done: 0, total: 1 });
    assert.deepEqual(rec.events, []);
  });
});
