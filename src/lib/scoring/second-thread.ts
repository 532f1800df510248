// A second thread for the scoring worker. This machine class has two cores, and while the worker explains
// the page's main thread is idle: the worker starts one helper (a second copy of itself) and gives it every
// other chunk of reasons (1.75x the rows a second in Chromium here). Rows are explained independently, so
// splitting them changes no number. Scoring is not shared: two threads scored no
// faster than one on this machine (see src/worker/score-worker.ts).
//
// Both sides are here: answerHelperRequest is what the helper does with a request (pure, so the Node tests
// run it through a fake port), and SecondThread is the worker's handle on the helper.
import type { ChurnTable } from "../data/table.js";
import type { ModelBundle } from "./bundle.js";
import type { Elsewhere } from "./phases.js";
import { explainAsText } from "./score.js";

export type HelperRequest =
  | { readonly type: "helper-init"; readonly bundle: ModelBundle }
  /** The top reasons of every row of `table` (a chunk the worker cut out of the upload). */
  | {
      readonly type: "helper-explain";
      readonly job: number;
      readonly table: ChurnTable;
      readonly topK: number;
      /** The page language's word for a missing cell. */
      readonly blank: string;
    };

export type HelperResponse =
  | { readonly type: "helper-explained"; readonly job: number; readonly up: string[]; readonly down: string[] }
  | { readonly type: "helper-failed"; readonly job: number; readonly message: string };

/** The helper's answer to one request other than init. */
export function answerHelperRequest(
  bundle: ModelBundle | null,
  request: Exclude<HelperRequest, { type: "helper-init" }>,
): HelperResponse {
  const { job } = request;
  try {
    if (!bundle) throw new Error("the helper has not been given the model");
    const texts = explainAsText(bundle, request.table, request.topK, request.blank);
    if (!texts) throw new Error("this model has no explainer");
    return { type: "helper-explained", job, ...texts };
  } catch (error) {
    return { type: "helper-failed", job, message: error instanceof Error ? error.message : String(error) };
  }
}

/** What SecondThread needs of a Worker (a fake one in the tests). */
export interface HelperPort {
  postMessage(message: HelperRequest, transfer: Transferable[]): void;
  onmessage: ((event: { readonly data: HelperResponse }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

/** The worker's side: requests by job number, answered in any order; a dead helper fails every request. */
export class SecondThread implements Elsewhere {
  private readonly port: HelperPort;
  private readonly pending = new Map<
    number,
    { resolve: (response: HelperResponse) => void; reject: (error: Error) => void }
  >();
  private nextJob = 1;
  private broken: Error | null = null;

  constructor(port: HelperPort, bundle: ModelBundle) {
    this.port = port;
    port.onmessage = ({ data }) => {
      const waiting = this.pending.get(data.job);
      if (!waiting) return;
      this.pending.delete(data.job);
      if (data.type === "helper-failed") waiting.reject(new Error(data.message));
      else waiting.resolve(data);
    };
    port.onerror = () => this.fail(new Error("the helper thread stopped"));
    port.postMessage({ type: "helper-init", bundle }, []);
  }

  async explain(table: ChurnTable, topK: number, blank: string): Promise<{ up: string[]; down: string[] }> {
    const response = await this.send({ type: "helper-explain", job: this.nextJob++, table, topK, blank });
    if (response.type !== "helper-explained") throw new Error(`unexpected ${response.type}`);
    return { up: response.up, down: response.down };
  }

  close(): void {
    this.fail(new Error("the helper thread was closed"));
    this.port.terminate();
  }

  private send(request: Exclude<HelperRequest, { type: "helper-init" }>): Promise<HelperResponse> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.pending.set(request.job, { resolve, reject });
      this.port.postMessage(request, []);
    });
  }

  private fail(error: Error): void {
    this.broken = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
