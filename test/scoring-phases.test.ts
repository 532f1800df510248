// The two phases the worker scores an upload in (phases.ts): scores first, without reasons; then the reasons
// by chunk, highest probability first, the same as on the whole table, in chunks that grow to their time
// and stop once cancelled.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { ChurnTable } from "../src/lib/data/table.js";
import type { ModelBundle } from "../src/lib/scoring/bundle.js";
import { explainRows, reasonsOrder, runReasonsJob, scoreOnly } from "../src/lib/scoring/phases.js";
import { formatReasons, scoreTable, topReasons, type ScoreResult } from "../src/lib/scoring/score.js";
import { buildTestBundle } from "../bench/fixtures/scoring-bundle.js";

let bundle: ModelBundle;
let table: ChurnTable;

before(async () => {
  ({ bundle, table } = await buildTestBundle());
});

/** The whole table scored at once, with every row's top three reasons each way as text. */
function scoreWhole(): { result: ScoreResult; reasonsUp: string[]; reasonsDown: string[] } {
  const result = scoreTable(bundle, table);
  assert.ok(result.reasons);
  const reasonsUp: string[] = [];
  const reasonsDown: string[] = [];
  for (let i = 0; i < table.nRows; i++) {
    const top = topReasons(result.reasons, table, i, 3);
    reasonsUp.push(formatReasons(top.up));
    reasonsDown.push(formatReasons(top.down));
  }
  return { result, reasonsUp, reasonsDown };
}

describe("scoreOnly and runReasonsJob", () => {
  it("scores a large table in chunks, reporting each, with the same numbers as at once", () => {
    const whole = scoreOnly(bundle, table, { chunkRows: table.nRows });
    const reports: [number, number][] = [];
    // 1,500-row chunks: the whole table is walked in its sorted order (4,096 rows or more), the chunks not.
    const chunked = scoreOnly(bundle, table, {
      chunkRows: 1500,
      progress: (done, total) => reports.push([done, total]),
    });
    assert.ok(table.nRows > 4096, `the test table has ${table.nRows} rows`);
    assert.deepEqual(chunked.result.probability, whole.result.probability);
    assert.deepEqual(chunked.result.decision, whole.result.decision);
    assert.deepEqual(chunked.result.cluster, whole.result.cluster);
    assert.equal(chunked.result.threshold, whole.result.threshold);
    const n = table.nRows;
    assert.deepEqual(
      reports,
      Array.from({ length: Math.ceil(n / 1500) }, (_, k) => [Math.min(n, (k + 1) * 1500), n]),
    );
  });
  it("two phases: scores first (no reasons), then reasons by chunk, highest probability first, equal to the whole table's", async () => {
    const whole = scoreWhole();
    const first = scoreOnly(bundle, table);
    assert.deepEqual(first.result.probability, whole.result.probability);
    assert.deepEqual(first.result.cluster, whole.result.cluster);
    assert.equal(first.result.reasons, null);
    const order = reasonsOrder(first.result.probability);
    const p = first.result.probability;
    for (let k = 1; k < order.length; k++) assert.ok(p[order[k - 1]] >= p[order[k]]);
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      Array.from({ length: table.nRows }, (_, i) => i),
    );
    const up = new Array<string>(table.nRows).fill("");
    const down = new Array<string>(table.nRows).fill("");
    const seen: number[] = [];
    const sizes: number[] = [];
    let pauses = 0;
    const job = await runReasonsJob(bundle, table, order, {
      cancelled: () => false,
      pause: async () => void pauses++,
      firstChunk: 5,
      onChunk: (chunk, done) => {
        chunk.rows.forEach((i, k) => {
          up[i] = chunk.up[k];
          down[i] = chunk.down[k];
        });
        // Rows come in the order given: the first `done` rows of `order`.
        assert.deepEqual(Array.from(chunk.rows), Array.from(order.slice(done - chunk.rows.length, done)));
        seen.push(done);
        sizes.push(chunk.rows.length);
      },
    });
    assert.equal(job.outcome, "done");
    assert.equal(job.done, table.nRows);
    assert.equal(seen.at(-1), table.nRows);
    assert.equal(sizes[0], 5);
    assert.ok(sizes.length > 1 && pauses === sizes.length);
    assert.deepEqual(up, whole.reasonsUp);
    assert.deepEqual(down, whole.reasonsDown);
    const some = explainRows(bundle, table, Int32Array.from([3, 1]));
    assert.ok(some);
    assert.deepEqual(some.up, [whole.reasonsUp[3], whole.reasonsUp[1]]);
  });

  it("chunks keep growing when each chunk's rows are transferred away, as the worker does", async () => {
    const order = reasonsOrder(scoreOnly(bundle, table).result.probability);
    const sizes: number[] = [];
    let tick = 0;
    const job = await runReasonsJob(bundle, table, order, {
      cancelled: () => false,
      // A clock that moves 1 ms a reading: every chunk "takes" 1 ms, so each may be 4x the one before.
      now: () => tick++,
      chunkMs: 1_000,
      firstChunk: 2,
      onChunk: (chunk) => {
        sizes.push(chunk.rows.length);
        // postMessage(..., [chunk.rows.buffer]) detaches the array, as here.
        structuredClone(chunk.rows, { transfer: [chunk.rows.buffer] });
        assert.equal(chunk.rows.length, 0);
      },
    });
    assert.equal(job.outcome, "done");
    const expected = [2, 8, 32, 128, 512, 2048];
    assert.deepEqual(
      sizes.slice(0, expected.length),
      expected.filter((n, k) => expected.slice(0, k + 1).reduce((a, b) => a + b, 0) <= table.nRows),
    );
  });

  it("a reasons job stops between chunks once cancelled", async () => {
    const order = reasonsOrder(scoreOnly(bundle, table).result.probability);
    let chunks = 0;
    const job = await runReasonsJob(bundle, table, order, {
      cancelled: () => chunks >= 2,
      firstChunk: 3,
      onChunk: () => void chunks++,
    });
    assert.equal(job.outcome, "cancelled");
    assert.equal(chunks, 2);
    assert.ok(job.done < table.nRows);
  });
});
