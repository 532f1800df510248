import assert from "node:assert/strict";
import { test } from "node:test";
import { applyBins, binCode, fitBins, quantileCuts } from "../pipeline/trees/bin.js";
import type { FeatureMatrix } from "../src/lib/matrix.js";
import { mulberry32 } from "../src/lib/random.js";

function matrix(columns: number[][]): FeatureMatrix {
  const nRows = columns[0].length;
  const nCols = columns.length;
  const values = new Float64Array(nRows * nCols);
  for (let j = 0; j < nCols; j++) for (let i = 0; i < nRows; i++) values[i * nCols + j] = columns[j][i];
  return { nRows, nCols, values, featureNames: columns.map((_, j) => `x${j}`) };
}

test("few distinct values: one bin each, cut halfway between neighbours", () => {
  const cuts = quantileCuts(Float64Array.from([1, 1, 2, 5, 5, 5]), 255);
  assert.deepEqual(Array.from(cuts), [1.5, 3.5]);
});

test("many distinct values: at most maxBins bins of roughly equal counts", () => {
  const random = mulberry32(3);
  const n = 10_000;
  const values = Float64Array.from({ length: n }, () => random()).sort();
  const cuts = quantileCuts(values, 255);
  assert.ok(cuts.length <= 254 && cuts.length >= 250, `got ${cuts.length} cuts`);
  const counts = new Int32Array(cuts.length + 1);
  for (const v of values) counts[binCode(cuts, v)]++;
  for (const c of counts) assert.ok(c >= 20 && c <= 60, `bin count ${c}`);
  const small = quantileCuts(values, 16);
  assert.equal(small.length, 15);
});

test("a heavy value does not swallow the bins after it", () => {
  const values = Float64Array.from([...Array(900).fill(0), ...Array.from({ length: 100 }, (_, i) => i + 1)]).sort();
  const cuts = quantileCuts(values, 10);
  assert.equal(cuts[0], 0.5);
  assert.ok(cuts.length >= 8, `got ${cuts.length} cuts`);
});

test("missing values get their own code after the value bins; codes agree with the cut comparison", () => {
  const X = matrix([[3, NaN, 1, 2, 2, NaN, 7]]);
  const cuts = fitBins(X);
  assert.equal(cuts.nBins[0], 4);
  const binned = applyBins(X, cuts);
  assert.deepEqual(Array.from(binned.codes), [2, 4, 0, 1, 1, 4, 3]);
  const c = cuts.cuts[0];
  for (const v of [-10, 0.9, 1, 1.2, 1.5, 2, 2.5, 3, 6.99, 7, 100]) {
    const code = binCode(c, v);
    for (let b = 0; b < c.length; b++) assert.equal(code <= b, v <= c[b], `v=${v} b=${b}`);
  }
  assert.deepEqual(Array.from(cuts.offsets), [0, 5]);
});

test("cuts come from the given training rows only", () => {
  const X = matrix([[1, 2, 3, 100, 200]]);
  const cuts = fitBins(X, {}, [0, 1, 2]);
  assert.deepEqual(Array.from(cuts.cuts[0]), [1.5, 2.5]);
  assert.deepEqual(Array.from(applyBins(X, cuts).codes), [0, 1, 2, 2, 2]);
});

test("a constant or all-missing column has one value bin", () => {
  const X = matrix([
    [4, 4, 4],
    [NaN, NaN, NaN],
  ]);
  const cuts = fitBins(X);
  assert.deepEqual(Array.from(cuts.nBins), [1, 1]);
  assert.deepEqual(Array.from(applyBins(X, cuts).codes), [0, 0, 0, 1, 1, 1]);
});

test("maxBins outside 2..255 is refused", () => {
  assert.throws(() => fitBins(matrix([[1, 2]]), { maxBins: 256 }));
});

test("fitBins cuts every column as quantileCuts cuts it sorted, whole-number columns (tallied) and others alike", () => {
  const random = mulberry32(11);
  const n = 3000;
  const columns = [
    Array.from({ length: n }, () => Math.floor(random() * 40) - 7), // whole numbers, few distinct
    Array.from({ length: n }, () => Math.floor(random() * 2000)), // whole numbers, more distinct than bins
    Array.from({ length: n }, () => (random() < 0.1 ? NaN : random() * 100)), // fractions with blanks
    Array.from({ length: n }, () => (random() < 0.5 ? 0 : 1e9 * Math.floor(random() * 3))), // a wide span
  ];
  const cuts = fitBins(matrix(columns));
  columns.forEach((column, j) => {
    const known = Float64Array.from(column.filter((v) => v === v)).sort();
    assert.deepEqual(Array.from(cuts.cuts[j]), Array.from(quantileCuts(known, 255)), `column ${j}`);
  });
});
