import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { KERNELS, compileWat, moduleSource } from "../scripts/build-kernels.js";
import { MemoryLayout, instantiateKernels } from "../pipeline/trees/kernels.js";
import { mulberry32 } from "../src/lib/random.js";

test("each generated kernel module is its .wat compiled (run `npm run kernels` after editing a .wat)", async () => {
  for (const { wat, module, name } of KERNELS) {
    const bytes = await compileWat(readFileSync(wat, "utf8"));
    assert.equal(readFileSync(module, "utf8"), moduleSource(bytes, wat, name), module);
  }
});

test("the histogram kernel adds exactly what the scalar loop adds, in the same order", () => {
  const random = mulberry32(4);
  const nRows = 500;
  const nSlots = 37;
  const rowStart = new Int32Array(nRows + 1);
  const slots: number[] = [];
  for (let r = 0; r < nRows; r++) {
    rowStart[r] = slots.length;
    const k = Math.floor(random() * 6);
    for (let e = 0; e < k; e++) slots.push(Math.floor(random() * nSlots));
  }
  rowStart[nRows] = slots.length;
  const layout = new MemoryLayout();
  const at = {
    hist: layout.take(16 * nSlots),
    gh: layout.take(16 * nRows),
    rows: layout.take(4 * (nRows + 16)),
    rowStart: layout.take(4 * (nRows + 1)),
    slots: layout.take(2 * slots.length),
  };
  const kernels = instantiateKernels(layout.bytes);
  const buffer = kernels.memory.buffer;
  const gh = new Float64Array(buffer, at.gh, 2 * nRows);
  for (let i = 0; i < gh.length; i++) gh[i] = (random() - 0.5) * 10 ** Math.floor(random() * 8);
  new Int32Array(buffer, at.rowStart, nRows + 1).set(rowStart);
  new Uint16Array(buffer, at.slots, slots.length).set(slots);
  const rows = new Int32Array(buffer, at.rows, nRows);
  const hist = new Float64Array(buffer, at.hist, 2 * nSlots);
  for (const count of [0, 1, 17, nRows]) {
    const chosen = Int32Array.from({ length: nRows }, (_, i) => i)
      .filter(() => random() < 0.6)
      .slice(0, count);
    rows.set(chosen);
    hist.fill(7); // stale sums from an earlier node must not survive
    kernels.hist(at.hist, nSlots, at.gh, at.rows, chosen.length, at.rowStart, at.slots);
    const want = new Float64Array(2 * nSlots);
    for (const r of chosen) {
      for (let p = rowStart[r]; p < rowStart[r + 1]; p++) {
        want[2 * slots[p]] += gh[2 * r];
        want[2 * slots[p] + 1] += gh[2 * r + 1];
      }
    }
    assert.deepEqual(Array.from(hist), Array.from(want), `count ${count}`);
  }
});

test("a grower too large for 4 GiB is refused with the size it needed", () => {
  assert.throws(() => instantiateKernels(5 * 2 ** 30), /5120 MiB/);
});

test("the partition kernel splits rows stably by code, missing rows to the side asked", () => {
  const random = mulberry32(8);
  const nRows = 300;
  const missing = 9; // the feature's missing code
  const layout = new MemoryLayout();
  const at = { rows: layout.take(4 * nRows), scratch: layout.take(4 * nRows), codes: layout.take(nRows) };
  const kernels = instantiateKernels(layout.bytes);
  const buffer = kernels.memory.buffer;
  const codes = new Uint8Array(buffer, at.codes, nRows);
  for (let r = 0; r < nRows; r++) codes[r] = Math.floor(random() * (missing + 1));
  const rows = new Int32Array(buffer, at.rows, nRows);
  for (const [bin, missingLeft] of [
    [3, -1],
    [3, missing],
    [0, -1],
    [8, missing],
  ]) {
    const chosen = Int32Array.from({ length: nRows }, (_, i) => i).filter(() => random() < 0.5);
    rows.set(chosen);
    const goesLeft = (r: number) => codes[r] <= bin || codes[r] === missingLeft;
    const nLeft = kernels.partition(at.rows, chosen.length, at.codes, bin, missingLeft, at.scratch);
    const want = [...chosen.filter(goesLeft), ...chosen.filter((r) => !goesLeft(r))];
    assert.equal(nLeft, chosen.filter(goesLeft).length);
    assert.deepEqual(Array.from(rows.subarray(0, chosen.length)), want, `bin ${bin}, missing left ${missingLeft}`);
  }
});
