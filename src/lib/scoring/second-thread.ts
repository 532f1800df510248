// A second thread for the scoring worker. This machine class has two cores, and while the worker scores
// or explains, the page's main thread is idle: the worker starts one helper (a second copy of itself) and
// gives it half of each piece of work, the rows of the probabilities and every other chunk of reasons.
// Rows are scored and explained independently, so splitting them changes no number.
//
// Both sides are here: answerHelperRequest is what the helper does with a request (pure, so the Node tests
// run it through a fake port), and SecondThread is the worker's handle on the helper.
import type { ChurnTable } from "../data/table.js";
import type { FeatureMatrix } from "../matrix.js";
import { predictProbability } from "../models/predict.js";
import type { ModelBundle } from "./bundle.js";
import { explainTable, reasonsText, topReasons } from "./score.js";

export type HelperRequest =
  | { readonly type: "helper-init"; readonly bundle: ModelBundle }
  | { readonly type: "helper-predict"; readonly job: number; readonly X: FeatureMatrix }
  /** The top reasons of every row of `table` (a chunk the worker cut out of the upload). */
  | { readonly type: "helper-explain"; readonly job: number; readonly table: ChurnTable; readonly topK: number };

export type HelperResponse =
  | { readonly type: "helper-predicted"; readonly job: number; readonly probability: Float64Array }
  | { readonly type: "helper-explained"; readonly job: number; readonly up: string[]; readonly down: string[] }
  | { readonly type: "helper-failed"; readonly job: number; readonly message: string };

/** The work half the worker hands over; each call may fail (then the worker does that half itself). */
export interface Elsewhere {
  predict(X: FeatureMatrix): Promise<Float64Array>;
  explain(table: ChurnTable, topK: number): Promise<{ up: string[]; down: string[] }>;
}

/** The helper's answer to one request (null for init, which has none), with what to transfer. */
export function answerHelperRequest(bundle: ModelBundle | null, request: Exclude<HelperRequest, { type: "helper-init" }>): { response: HelperResponse; transfer: Transferable[] } {
  const { job } = request;
  try {
    if (!bundle) throw new Error("the helper has not been given the model");
    if (request.type === "helper-predict") {
      const probability = predictProbability(bundle.model, request.X);
      return { response: { type: "helper-predicted", job, probability }, transfer: [probability.buffer] };
    }
    const reasons = explainTable(bundle, request.table);
    if (!reasons) throw new Error("this model has no tree explainer");
    const n = request.table.nRows;
    const up = new Array<string>(n);
    const down = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const top = topReasons(reasons, request.table, i, request.topK);
      up[i] = reasonsText(top.up);
      down[i] = reasonsText(top.down);
    }
    return { response: { type: "helper-explained", job, up, down }, transfer: [] };
  } catch (error) {
    return { response: { type: "helper-failed", job, message: error instanceof Error ? error.message : String(error) }, transfer: [] };
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
  private readonly pending = new Map<number, { resolve: (response: HelperResponse) => void; reject: (error: Error) => void }>();
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

  async predict(X: FeatureMatrix): Promise<Float64Array> {
    // The helper's copy of the rows is transferred, so it is its own: the caller's matrix stays whole.
    const values = X.values.slice();
    const response = await this.send({ type: "helper-predict", job: this.nextJob++, X: { ...X, values } }, [values.buffer]);
    if (response.type !== "helper-predicted") throw new Error(`unexpected ${response.type}`);
    if (response.probability.length !== X.nRows) throw new Error(`the helper scored ${response.probability.length} rows of ${X.nRows}`);
    return response.probability;
  }

  async explain(table: ChurnTable, topK: number): Promise<{ up: string[]; down: string[] }> {
    const response = await this.send({ type: "helper-explain", job: this.nextJob++, table, topK }, []);
    if (response.type !== "helper-explained") throw new Error(`unexpected ${response.type}`);
    return { up: response.up, down: response.down };
  }

  close(): void {
    this.fail(new Error("the helper thread was closed"));
    this.port.terminate();
  }

  private send(request: Exclude<HelperRequest, { type: "helper-init" }>, transfer: Transferable[]): Promise<HelperResponse> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.pending.set(request.job, { resolve, reject });
      this.port.postMessage(request, transfer);
    });
  }

  private fail(error: Error): void {
    this.broken = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
