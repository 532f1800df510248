// The worker's second thread (second-thread.ts) sharing the reasons job (phases.ts), run in one Node process
// through a fake port that behaves like a Worker: messages arrive later, by structured clone. Sharing must
// change no reason, and a helper that fails or dies must leave the work done by the worker itself.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { ChurnTable } from "../src/lib/data/table.js";
import { explainRows, reasonsOrder, runReasonsJob, scoreOnly, type RowReasons } from "../src/lib/scoring/phases.js";
import type { ModelBundle } from "../src/lib/scoring/bundle.js";
import {
  answerHelperRequest,
  SecondThread,
  type HelperPort,
  type HelperRequest,
  type HelperResponse,
} from "../src/lib/scoring/second-thread.js";
import { buildTestBundle } from "../bench/fixtures/scoring-bundle.js";

let bundle: ModelBundle;
let table: ChurnTable;

before(async () => {
  ({ bundle, table } = await buildTestBundle());
});

type Mode = "ok" | "fails" | "dies";

/** A Worker look-alike whose other end runs answerHelperRequest; counts the requests it answered. */
function fakeHelper(mode: Mode = "ok"): HelperPort & { answered: number } {
  let helperBundle: ModelBundle | null = null;
  const port: HelperPort & { answered: number } = {
    answered: 0,
    onmessage: null,
    onerror: null,
    terminate() {},
    postMessage(message: HelperRequest, transfer: Transferable[]) {
      const copy = structuredClone(message, { transfer });
      setImmediate(() => {
        if (copy.type === "helper-init") {
          helperBundle = copy.bundle;
          return;
        }
        if (mode === "dies") return port.onerror?.(new Error("gone"));
        const response = answerHelperRequest(mode === "fails" ? null : helperBundle, copy);
        port.answered++;
        port.onmessage?.({ data: structuredClone(response) as HelperResponse });
      });
    },
  };
  return port;
}

describe("reasons shared with a second thread", () => {
  it("every row once, in the order's pairs of chunks, equal to one thread's, some chunks from the helper", async () => {
    const port = fakeHelper();
    const helper = new SecondThread(port, bundle);
    const order = reasonsOrder(scoreOnly(bundle, table).result.probability).slice(0, 600);
    assertSameReasons(await collectReasons(table, order, helper), table, order);
    assert.ok(port.answered >= 2);
  });

  for (const mode of ["fails", "dies"] as const) {
    it(`a helper that ${mode} leaves the same reasons, computed by the worker`, async () => {
      const helper = new SecondThread(fakeHelper(mode), bundle);
      const order = reasonsOrder(scoreOnly(bundle, table).result.probability).slice(0, 40);
      assertSameReasons(await collectReasons(table, order, helper), table, order);
    });
  }
});

function assertSameReasons(got: Map<number, { up: string; down: string }>, t: ChurnTable, order: Int32Array): void {
  const alone = explainRows(bundle, t, order);
  assert.ok(alone);
  assert.equal(got.size, order.length);
  order.forEach((i, k) => assert.deepEqual(got.get(i), { up: alone.up[k], down: alone.down[k] }));
}

/** Runs a reasons job with the helper; checks the chunks follow `order` exactly; returns reasons by row. */
async function collectReasons(
  t: ChurnTable,
  order: Int32Array,
  helper: SecondThread,
): Promise<Map<number, { up: string; down: string }>> {
  const got = new Map<number, { up: string; down: string }>();
  let position = 0;
  const job = await runReasonsJob(bundle, t, order, {
    cancelled: () => false,
    firstChunk: 4,
    elsewhere: helper,
    onChunk: (chunk: RowReasons, done: number) => {
      assert.deepEqual(Array.from(chunk.rows), Array.from(order.slice(position, position + chunk.rows.length)));
      position += chunk.rows.length;
      assert.equal(done, position);
      chunk.rows.forEach((i, k) => {
        assert.ok(!got.has(i), `row ${i} twice`);
        got.set(i, { up: chunk.up[k], down: chunk.down[k] });
      });
    },
  });
  assert.equal(job.outcome, "done");
  assert.equal(job.done, order.length);
  return got;
}
