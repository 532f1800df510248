// Special functions against closed forms and published constants.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  betaInc,
  betaIncUpper,
  chiSquareSf,
  erfc,
  gammaP,
  gammaQ,
  logChiSquareSf,
  logGamma,
  logNormalSf,
  logStudentTTwoSided,
  normalQuantile,
  normalSf,
  studentTSf,
  studentTTwoSided,
} from "../src/lib/stats/special.js";

function close(actual: number, expected: number, rel = 1e-12, label = ""): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
  assert.ok(err <= rel, `${label} ${actual} vs ${expected} (relative error ${err.toExponential(2)})`);
}

describe("logGamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    assert.ok(Math.abs(logGamma(1)) < 1e-14 && Math.abs(logGamma(2)) < 1e-14);
    close(logGamma(10), Math.log(362880), 1e-14);
    let lf = 0;
    for (let k = 2; k < 100; k++) lf += Math.log(k);
    close(logGamma(100), lf, 1e-14, "ln 99!");
    close(logGamma(1e-3), 6.907178885383853, 1e-13, "near 0");
    close(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-13, "reflection");
  });
});

describe("incomplete gamma", () => {
  it("P(1, x) = 1 - e^-x and Q(1, x) = e^-x, far into the tail", () => {
    for (const x of [0.1, 1, 5, 50, 700]) {
      close(gammaQ(1, x), Math.exp(-x), 1e-12, `Q(1, ${x})`);
      if (x < 30) close(gammaP(1, x), -Math.expm1(-x), 1e-12, `P(1, ${x})`);
    }
  });
  it("Q(n, x) is a Poisson sum for integer n", () => {
    for (const [n, x] of [
      [3, 2],
      [10, 30],
      [5, 0.5],
    ]) {
      let term = Math.exp(-x);
      let sum = term;
      for (let k = 1; k < n; k++) {
        term *= x / k;
        sum += term;
      }
      close(gammaQ(n, x), sum, 1e-12, `Q(${n}, ${x})`);
      close(gammaP(n, x) + gammaQ(n, x), 1, 1e-14);
    }
  });
  it("handles the ends", () => {
    assert.equal(gammaQ(2, 0), 1);
    assert.equal(gammaP(2, 0), 0);
    assert.ok(Number.isNaN(gammaQ(0, 1)) && Number.isNaN(gammaQ(1, -1)));
  });
});

describe("incomplete beta", () => {
  it("matches closed forms", () => {
    for (const x of [0.01, 0.3, 0.5, 0.9, 0.999]) {
      close(betaInc(x, 1, 1), x, 1e-13);
      close(betaInc(x, 3, 1), x ** 3, 1e-13);
      close(betaInc(x, 1, 4), 1 - (1 - x) ** 4, 1e-13);
      close(betaInc(x, 0.5, 0.5), (2 / Math.PI) * Math.asin(Math.sqrt(x)), 1e-12, `arcsine ${x}`);
      close(betaIncUpper(x, 2, 3) + betaInc(x, 2, 3), 1, 1e-14);
    }
    close(betaInc(0.3, 2, 3), 0.3483, 1e-12, "I_0.3(2,3) = 0.3483 by the binomial sum");
  });
});

describe("normal tail", () => {
  it("matches tabled values, far in the tail too", () => {
    assert.equal(normalSf(0), 0.5);
    close(normalSf(1), 0.15865525393145707, 1e-14);
    close(normalSf(-1), 0.8413447460685429, 1e-14);
    close(normalSf(1.959963984540054), 0.025, 1e-13);
    close(normalSf(10), 7.61985302416047e-24, 1e-13);
    close(normalSf(37), 5.7255712225239266e-300, 1e-11);
    close(erfc(1), 0.15729920705028513, 1e-14);
    close(erfc(-1), 1.8427007929497148, 1e-14);
  });
  it("keeps the log of a tail that underflows", () => {
    assert.equal(normalSf(40), 0);
    close(logNormalSf(40), -804.6084420137538, 1e-13);
    close(logNormalSf(100), -5005.524208694205, 1e-13);
  });
  it("inverts", () => {
    close(normalQuantile(0.975), 1.959963984540054, 1e-14);
    close(normalQuantile(1e-10), -6.361340902404056, 1e-13);
    for (const p of [0.001, 0.2, 0.5000001, 0.8, 0.999]) close(1 - normalSf(normalQuantile(p)), p, 1e-12);
  });
});

describe("Student t tail", () => {
  it("matches the closed forms for 1, 2 and 4 degrees of freedom", () => {
    for (const t of [0.1, 1, 2.5, 10, 1e3]) {
      close(studentTTwoSided(t, 1), 1 - (2 / Math.PI) * Math.atan(t), 1e-11, `df 1, t ${t}`);
      close(studentTTwoSided(t, 2), 1 - t / Math.sqrt(2 + t * t), 1e-11, `df 2, t ${t}`);
      const u = 1 + (t * t) / 4;
      const cdf4 = 0.5 + (3 / 8) * (t / Math.sqrt(u)) * (1 - (t * t) / (12 * u));
      if (t < 100) close(studentTSf(t, 4), 1 - cdf4, 1e-9, `df 4, t ${t}`);
    }
    close(studentTSf(-1, 2), 1 - studentTSf(1, 2), 1e-14);
  });
  it("approaches the normal tail for large df and stays finite in log space", () => {
    // The gap to the normal is O(t⁴ / df): about 2.5e-6 relative here.
    close(studentTTwoSided(3, 1e7), 2 * normalSf(3), 1e-5);
    close(studentTTwoSided(3, 1e7), 0.0026998027110371613, 1e-7, "scipy 1.10 t.sf");
    assert.ok(Number.isFinite(logStudentTTwoSided(1e4, 5)));
    assert.equal(studentTTwoSided(Infinity, 3), 0);
  });
});

describe("chi-square tail", () => {
  it("k = 2 is exponential, k = 1 a two-sided normal tail", () => {
    for (const x of [0.5, 3, 40, 400]) close(chiSquareSf(x, 2), Math.exp(-x / 2), 1e-12, `k 2, x ${x}`);
    for (const x of [0.5, 3, 40, 350]) close(chiSquareSf(x, 1), 2 * normalSf(Math.sqrt(x)), 1e-11, `k 1, x ${x}`);
    assert.equal(chiSquareSf(0, 3), 1);
    close(logChiSquareSf(3000, 1), Math.log(2) + logNormalSf(Math.sqrt(3000)), 1e-12);
  });
});
