import { test } from "node:test";
import assert from "node:assert/strict";
import { predictProbability } from "../src/lib/models/predict.js";
import { trainLogistic } from "../pipeline/models/logistic.js";
import { matrix, synthetic } from "./fixtures/matrices.js";

test("logistic regression: the penalised gradient vanishes at the fit, intercept included", () => {
  const { X, y } = synthetic(400, 1);
  const m = trainLogistic(X, y, { C: 1 });
  // d/dw [sum log-loss + |w|^2 / 2C] = Z^T (p - y) + w / C = 0; d/db = sum (p - y) = 0.
  const p = predictProbability(m, X);
  const z = (i: number, j: number) =>
    ((Number.isNaN(X.values[i * 3 + j]) ? m.scaler.fill[j] : X.values[i * 3 + j]) - m.scaler.mean[j]) /
    m.scaler.scale[j];
  let gb = 0;
  const gw = [0, 0, 0];
  for (let i = 0; i < X.nRows; i++) {
    gb += p[i] - y[i];
    for (let j = 0; j < 3; j++) gw[j] += (p[i] - y[i]) * z(i, j);
  }
  assert.ok(Math.abs(gb) < 1e-8, `intercept gradient ${gb}`);
  gw.forEach((g, j) => assert.ok(Math.abs(g + m.coefficients[j]) < 1e-8, `gradient ${j}: ${g + m.coefficients[j]}`));
  assert.ok(m.coefficients[0] > 0.5 && m.coefficients[1] < -0.3, "recovers the signs of the generating model");
  // All-one labels but one: the intercept carries the base rate (a no-intercept fit could not).
  const flat = matrix(Array.from({ length: 50 }, () => [0, 0]));
  const yy = new Uint8Array(50).fill(1);
  yy[0] = 0;
  const base = trainLogistic(flat, yy);
  assert.ok(Math.abs(predictProbability(base, flat)[0] - 49 / 50) < 1e-9);
});
