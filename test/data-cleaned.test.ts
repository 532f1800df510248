import { test } from "node:test";
import assert from "node:assert/strict";
import { fromCleanedArtifact, toCleanedArtifact } from "../src/lib/data/cleaned.js";
import { distinctRows } from "../src/lib/data/split.js";
import { demoFixture } from "./fixtures/models.js";

const { table, duplicateOf } = demoFixture(800, 11);
const distinct = distinctRows(duplicateOf).length;

test("under the cap every row is sent, and the artifact says nothing of a sample", () => {
  const whole = toCleanedArtifact(table, duplicateOf, { seed: 1, sampleCap: distinct });
  assert.equal(whole.nRows, table.nRows);
  assert.equal(whole.sample, undefined);
  assert.deepEqual(whole.duplicateOf, Array.from(duplicateOf));
  assert.deepEqual(whole, toCleanedArtifact(table, duplicateOf));
});

test("above the cap: a seeded sample of cap distinct customers with every copy of them, each copy pointing at its original", () => {
  const cap = 200;
  const s = toCleanedArtifact(table, duplicateOf, { seed: 1, sampleCap: cap });
  assert.deepEqual(s.sample, { rows: table.nRows, distinct, seed: 1 });
  assert.equal(s.duplicateOf.filter((d) => d === -1).length, cap);
  const rowOf = new Map(table.ids.map((id, i) => [id, i]));
  s.ids.forEach((id, k) => {
    const row = rowOf.get(id)!;
    const original = s.duplicateOf[k];
    if (original === -1) assert.equal(duplicateOf[row], -1);
    else {
      assert.ok(original < k);
      assert.equal(rowOf.get(s.ids[original]), duplicateOf[row]);
    }
    assert.equal(s.churn![k], table.churn![row]);
    assert.equal(s.category.Gender[k], table.category.Gender[row]);
  });
  // Every copy of a sampled customer came along.
  const sampledOriginals = new Set(s.ids.filter((_, k) => s.duplicateOf[k] === -1).map((id) => rowOf.get(id)!));
  const copies = Array.from(duplicateOf).filter((d) => d !== -1 && sampledOriginals.has(d)).length;
  assert.equal(s.nRows, cap + copies);
  // Churners keep their share among the distinct customers (to one customer).
  const churnShare = Array.from(distinctRows(duplicateOf)).filter((r) => table.churn![r] === 1).length / distinct;
  const sampled = s.churn!.filter((v, k) => v === 1 && s.duplicateOf[k] === -1).length;
  assert.ok(Math.abs(sampled - churnShare * cap) <= 1);
  assert.deepEqual(toCleanedArtifact(table, duplicateOf, { seed: 1, sampleCap: cap }), s);
  assert.notDeepEqual(toCleanedArtifact(table, duplicateOf, { seed: 2, sampleCap: cap }).ids, s.ids);
  assert.equal(fromCleanedArtifact(s).nRows, s.nRows);
});

test("columns named like an object's machinery (an inferred schema's) travel in the JSON and come back", () => {
  const numeric = Object.assign(Object.create(null) as Record<string, Float64Array>, {
    ["__proto__"]: Float64Array.from({ length: table.nRows }, (_, i) => (i % 5 === 0 ? NaN : i)),
  });
  const category = Object.assign(Object.create(null) as Record<string, (string | null)[]>, {
    toString: Array.from({ length: table.nRows }, (_, i) => (i % 2 ? "a" : null)),
  });
  const odd = { ...table, numeric, category };
  const json = JSON.parse(JSON.stringify(toCleanedArtifact(odd, duplicateOf))) as ReturnType<typeof toCleanedArtifact>;
  assert.deepEqual(Object.keys(json.numeric), ["__proto__"]);
  assert.deepEqual(Object.keys(json.category), ["toString"]);
  const back = fromCleanedArtifact(json);
  assert.deepEqual(Object.keys(back.numeric), ["__proto__"]);
  assert.deepEqual(Array.from(back.numeric["__proto__"]), Array.from(numeric["__proto__"]));
  assert.deepEqual(back.category["toString"], category.toString);
});
