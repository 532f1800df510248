// scoreTable against the modules it is made of: probabilities equal predictProbability on the encoder's
// matrix, clusters equal assignClusters, reasons add up to the model's margin.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { encode } from "../src/lib/data/encode.js";
import { predictProbability } from "../src/lib/models/predict.js";
import type { ModelBundle } from "../src/lib/scoring/bundle.js";
import { featureGroups, scoreTable, topReasons } from "../src/lib/scoring/score.js";
import { assignClusters } from "../src/lib/segments/rfm.js";
import { predictMargin } from "../src/lib/trees/predict.js";
import type { ChurnTable } from "../src/lib/data/table.js";
import { buildTestBundle } from "../bench/fixtures/scoring-bundle.js";

let bundle: ModelBundle;
let table: ChurnTable;

before(async () => {
  ({ bundle, table } = await buildTestBundle());
});

describe("scoreTable with a logistic regression deployed", () => {
  it("linear reasons: coefficient x standardised value per column; intercept + their sum gives the probability", () => {
    const X = encode(table, bundle.encoder, { impute: false });
    const n = X.nCols;
    const fill = Array.from({ length: n }, (_, j) => {
      const seen: number[] = [];
      for (let i = 0; i < X.nRows; i++) if (!Number.isNaN(X.values[i * n + j])) seen.push(X.values[i * n + j]);
      return seen.length ? seen.sort((a, b) => a - b)[Math.floor(seen.length / 2)] : 0;
    });
    const logistic = {
      kind: "logistic" as const,
      featureNames: [...X.featureNames],
      scaler: { fill, mean: fill, scale: fill.map(() => 2) },
      coefficients: Array.from({ length: n }, (_, j) => ((j * 7) % 5) / 10 - 0.2),
      intercept: -1.5,
    };
    const linear: ModelBundle = {
      ...bundle,
      model: logistic,
      explainer: { kind: "linear", memberName: "", model: logistic },
    };
    const r = scoreTable(linear, table);
    assert.ok(r.reasons);
    assert.equal(r.reasons.units, "log-odds");
    assert.equal(r.reasons.expected, -1.5);
    const { columns } = featureGroups(bundle.encoder);
    assert.deepEqual(r.reasons.columns, columns);
    const m = columns.length;
    let worst = 0;
    for (let i = 0; i < table.nRows; i++) {
      let sum = r.reasons.expected;
      for (let g = 0; g < m; g++) sum += r.reasons.contributions[i * m + g];
      // Compared as probabilities: the log-odds read back from a probability near 0 or 1 lose digits.
      worst = Math.max(worst, Math.abs(1 / (1 + Math.exp(-sum)) - r.probability[i]));
    }
    assert.ok(worst < 1e-12, `worst difference ${worst}`);
  });
});

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
    if (all) assert.equal(all.value, Number.isNaN(table.numeric.Tenure[1]) ? null : String(table.numeric.Tenure[1]));
  });

  it("a moved threshold changes the decisions only", () => {
    const a = scoreTable(bundle, table, { reasons: false });
    const b = scoreTable(bundle, table, { reasons: false, threshold: 0.9 });
    assert.deepEqual(a.probability, b.probability);
    assert.ok(b.decision.reduce((s, d) => s + d, 0) <= a.decision.reduce((s, d) => s + d, 0));
  });
});
