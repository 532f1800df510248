// A worker thread that runs fit jobs (jobs.ts): it takes the next job of the shared order until none is left,
// posting each result as it is done, then says it is done.
import { parentPort, workerData } from "node:worker_threads";
import { runFitJob, type FitData, type FitJob } from "./jobs.js";

const { data, jobs, order, next } = workerData as {
  data: FitData;
  jobs: readonly FitJob[];
  order: Int32Array;
  next: Int32Array;
};
const port = parentPort;
if (!port) throw new Error("fit-worker.ts must run in a worker thread");

for (let at = Atomics.add(next, 0, 1); at < order.length; at = Atomics.add(next, 0, 1)) {
  const index = order[at];
  try {
    const result = await runFitJob(data, jobs[index]);
    port.postMessage(
      { index, result },
      [...result.predictions, ...result.permuted].map((p) => p.buffer as ArrayBuffer),
    );
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    break;
  }
}
port.postMessage({ done: true });
