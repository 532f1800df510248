import { test } from "node:test";
import assert from "node:assert/strict";
import { mulberry32, randomNormal } from "../src/lib/random.js";
import { fitPlatt } from "../pipeline/models/platt.js";

test("Platt scaling recovers a known sigmoid", () => {
  const r = mulberry32(3);
  const f = Float64Array.from({ length: 5000 }, () => randomNormal(r) * 2);
  const y = Uint8Array.from(f, (v) => (r() < 1 / (1 + Math.exp(-2 * v + 0.5)) ? 1 : 0));
  const { a, b } = fitPlatt(f, y);
  assert.ok(Math.abs(a + 2) < 0.2 && Math.abs(b - 0.5) < 0.2, `a ${a}, b ${b}`);
});
