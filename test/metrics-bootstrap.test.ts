import { test } from "node:test";
import assert from "node:assert/strict";
import { bootstrapInterval, bootstrapIntervals, rocAuc } from "../src/lib/metrics/index.js";
import { mulberry32, randomNormal } from "../src/lib/random.js";

function sample(n: number, seed: number): { y: Uint8Array; p: Float64Array } {
  const r = mulberry32(seed);
  const y = new Uint8Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = r() < 0.2 ? 1 : 0;
    p[i] = 1 / (1 + Math.exp(-(randomNormal(r) + (y[i] ? 1.5 : -0.5))));
  }
  return { y, p };
}

test("the same seed gives the same interval; another seed another", () => {
  const { y, p } = sample(400, 1);
  const a = bootstrapInterval(rocAuc, y, p, { reps: 200, seed: 5 });
  const b = bootstrapInterval(rocAuc, y, p, { reps: 200, seed: 5 });
  const c = bootstrapInterval(rocAuc, y, p, { reps: 200, seed: 6 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  assert.equal(a.estimate, rocAuc(y, p));
  assert.ok(a.lo < a.estimate && a.estimate < a.hi);
});

test("resampling is stratified: every replicate keeps the churn rate exactly", () => {
  const { y, p } = sample(300, 2);
  const rate = (yy: Uint8Array) => yy.reduce((s, v) => s + v, 0) / yy.length;
  const iv = bootstrapInterval(rate, y, p, { reps: 100, seed: 1 });
  assert.equal(iv.lo, rate(y));
  assert.equal(iv.hi, rate(y));
});

test("the interval of a mean matches normal theory (width 2 x 1.96 x sd / sqrt(n), within 10%)", () => {
  const { y, p } = sample(2000, 3);
  const mean = (_: Uint8Array, pp: Float64Array) => pp.reduce((s, v) => s + v, 0) / pp.length;
  // Within-class spread only, since the class counts are held fixed.
  const within = [0, 1].map((c) => {
    const v = Array.from(p).filter((_, i) => y[i] === c);
    const m = v.reduce((s, x) => s + x, 0) / v.length;
    return (v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length) * v.length;
  });
  const se = Math.sqrt((within[0] + within[1]) / (p.length * p.length));
  const iv = bootstrapInterval(mean, y, p, { reps: 2000, seed: 11 });
  const width = iv.hi - iv.lo;
  assert.ok(Math.abs(width / (2 * 1.96 * se) - 1) < 0.1, `width ${width} vs ${2 * 1.96 * se}`);
});

test("several metrics share replicates and each gets its own interval", () => {
  const { y, p } = sample(300, 4);
  const both = bootstrapIntervals({ auc: rocAuc, auc2: rocAuc }, y, p, { reps: 100, seed: 9 });
  assert.deepEqual(both.auc, both.auc2);
});
