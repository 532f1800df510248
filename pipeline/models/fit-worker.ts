// A worker thread that runs fit jobs (jobs.ts) on the table it was started with.
import { parentPort, workerData } from "node:worker_threads";
import type { ChurnTable } from "../../src/lib/data/table.js";
import { runFitJob, type FitJob } from "./jobs.js";

const table = (workerData as { table: ChurnTable }).table;
const port = parentPort;
if (!port) throw new Error("fit-worker.ts must run in a worker thread");

port.on("message", async (message: { index: number; job: FitJob }) => {
  try {
    const result = await runFitJob(table, message.job);
    port.postMessage(
      { index: message.index, result },
      [...result.predictions, ...result.permuted].map((p) => p.buffer as ArrayBuffer),
    );
  } catch (error) {
    port.postMessage({
      index: message.index,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
