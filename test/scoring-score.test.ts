// scoreTable against the modules it is made of: probabilities equal predictProbability on the encoder's
// matrix, clusters equal assignClusters, reasons add up to the model's margin; the two phases (scores, then
// reasons by chunk) change nothing.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { encode } from "../src/lib/data/encode.js";
import { predictProbability } from "../src/lib/models/predict.js";
import { explainRows, reasonsOrder, runReasonsJob, scoreOnly } from "../src/lib/scoring/phases.js";
import type { ModelBundle } from "../src/lib/scoring/bundle.js";
import { flagRows, rowsToCsv, scoredRows } from "../src/lib/scoring/rows.js";
import { featureGroups, formatReasons, scoreTable, topReasons, type ScoreResult } from "../src/lib/scoring/score.js";
import { assignClusters } from "../src/lib/segments/rfm.js";
import { predictMargin } from "../src/lib/trees/predict.js";
import type { ChurnTable } from "../src/lib/data/table.js";
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

describe("scoreTable", () => {
  it("probabilities are predictProbability on the encoder's matrix; clusters are assignClusters", () => {
    const r = scoreTable(bundle, table, { reasons: false });
    const direct = predictProbability(bundle.model, encode(table, bundle.encoder, { impute: bundle.impute }));
    assert.deepEqual(Array.from(r.probability), Array.from(direct));
    assert.deepEqual(Array.from(r.cluster), Array.from(assignClusters(bundle.segments, table)));
    for (let i = 0; i < table.nRows; i++)
      assert.equal(r.decision[i], r.probability[i] >= bundle.threshold.value ? 1 : 0);
    assert.equal(r.reasons, null);
  });

  it("reasons: one per source column, and expected + their sum is the model's margin for every row", () => {
    const r = scoreTable(bundle, table);
    assert.ok(r.reasons);
    assert.equal(bundle.explainer.kind, "treeshap");
    if (bundle.explainer.kind !== "treeshap") return;
    const { columns } = featureGroups(bundle.encoder);
    assert.deepEqual(r.reasons.columns, columns);
    assert.ok(columns.includes("OrderAmountHikeFromlastYear") && !columns.includes("NoLastYearPurchase"));
    assert.ok(columns.includes("PreferredPaymentMode") && !columns.some((c) => c.includes("=")));
    const margin = predictMargin(bundle.explainer.model, encode(table, bundle.encoder, { impute: false }));
    const m = columns.length;
    let worst = 0;
    for (let i = 0; i < table.nRows; i++) {
      let sum = r.reasons.expected;
      for (let g = 0; g < m; g++) sum += r.reasons.contributions[i * m + g];
      worst = Math.max(worst, Math.abs(sum - margin[i]));
    }
    assert.ok(worst < 1e-9, `worst difference ${worst}`);
  });

  it("top reasons: up positive and largest first, down negative and most negative first, with the customer's value", () => {
    const r = scoreTable(bundle, table);
    assert.ok(r.reasons);
    const top = topReasons(r.reasons, table, 1, 3);
    assert.ok(top.up.length <= 3 && top.down.length <= 3);
    for (let k = 1; k < top.up.length; k++) assert.ok(top.up[k - 1].contribution >= top.up[k].contribution);
    for (let k = 1; k < top.down.length; k++) assert.ok(top.down[k - 1].contribution <= top.down[k].contribution);
    assert.ok(top.up.every((x) => x.contribution > 0) && top.down.every((x) => x.contribution < 0));
    const tenure = topReasons(r.reasons, table, 1, 30);
    const all = [...tenure.up, ...tenure.down].find((x) => x.column === "Tenure");
    if (all) assert.equal(all.value, Number.isNaN(table.numeric.Tenure[1]) ? "blank" : String(table.numeric.Tenure[1]));
  });

  it("a moved threshold changes the decisions only", () => {
    const a = scoreTable(bundle, table, { reasons: false });
    const b = scoreTable(bundle, table, { reasons: false, threshold: 0.9 });
    assert.deepEqual(a.probability, b.probability);
    assert.ok(b.decision.reduce((s, d) => s + d, 0) <= a.decision.reduce((s, d) => s + d, 0));
  });

  it("download rows: formula-looking IDs neutralised, probabilities at full precision", () => {
    const r = scoreWhole();
    assert.ok(r.reasonsUp[0].includes(" = "));
    const t: ChurnTable = { ...table, ids: table.ids.map((id, i) => (i === 0 ? '=HYPERLINK("x")' : id)) };
    const rows = scoredRows(
      {
        table: t,
        probability: r.result.probability,
        cluster: r.result.cluster,
        reasonsUp: r.reasonsUp,
        reasonsDown: r.reasonsDown,
      },
      bundle.segments.names,
      0.5,
    );
    const csv = rowsToCsv(t, rows.slice(0, 3));
    assert.ok(csv.startsWith("\uFEFFCustomerID,churn_probability,high_risk,segment,raises_risk,lowers_risk,Churn,"));
    const lines = csv.split("\r\n");
    assert.ok(lines[1].startsWith(`"'=HYPERLINK(""x"")",${r.result.probability[0]},`));
    // Another threshold flags the same row objects as rows built at it would be.
    for (const threshold of [0, 0.2, 0.9, 1.01]) {
      const again = flagRows(rows, threshold);
      assert.equal(again, rows);
      const built = scoredRows(
        {
          table: t,
          probability: r.result.probability,
          cluster: r.result.cluster,
          reasonsUp: r.reasonsUp,
          reasonsDown: r.reasonsDown,
        },
        bundle.segments.names,
        threshold,
      );
      assert.deepEqual(again, built);
    }
  });

  it("download rows: extra columns named like an object's own machinery keep their values", () => {
    const names = ["__proto__", "constructor", "toString"];
    const extra = Object.fromEntries(names.map((n) => [n, table.ids.map((id) => `${n}:${id}`)]));
    const t: ChurnTable = { ...table, extra };
    const r = scoreTable(bundle, t, { reasons: false });
    const rows = scoredRows(
      { table: t, probability: r.probability, cluster: r.cluster, reasonsUp: [], reasonsDown: [] },
      bundle.segments.names,
      0.5,
    );
    for (const name of names) assert.equal(rows[1][name], `${name}:${table.ids[1]}`, name);
    const lines = rowsToCsv(t, rows.slice(0, 2), { reasons: false }).split("\r\n");
    assert.ok(lines[0].endsWith(",__proto__,constructor,toString"), lines[0]);
    assert.ok(lines[2].endsWith(names.map((n) => `,${n}:${table.ids[1]}`).join("")), lines[2]);
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
