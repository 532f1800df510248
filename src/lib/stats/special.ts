// Special functions behind the p-values. Every upper tail is computed directly (continued fraction or
// series for the tail itself), never as 1 - CDF: 1 - CDF loses every digit once the tail drops below
// about 1e-16, which is how @stdlib and jstat end up printing p = 0 for the complaint test (p ≈ 2.7e-78).
// The log versions keep going where the tail underflows a double (below about 5e-324).

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100_000;

const LOG_SQRT_2PI = 0.9189385332046727;

/** ln |Γ(x)| (x > 0, or non-integer x < 0 through the reflection formula). */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0) {
    // Reflection: Γ(x) Γ(1 - x) = π / sin(πx); the log of |Γ| is what callers need.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  // Stirling's series from x >= 15 (truncation error below 1e-19 there); smaller x is shifted up with
  // Γ(x) = Γ(x + n) / (x (x + 1) ... (x + n - 1)), which keeps the absolute error near 1e-15 everywhere.
  let shift = 0;
  let product = 1;
  while (x + shift < 15) {
    product *= x + shift;
    shift++;
  }
  const y = x + shift;
  const inv = 1 / y;
  const inv2 = inv * inv;
  const series =
    inv *
    (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360))))));
  return (y - 0.5) * Math.log(y) - y + LOG_SQRT_2PI + series - Math.log(product);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Both tails of the regularised incomplete gamma function, in log space. */
interface LogTails {
  /** ln of the lower tail (P for gamma, I_x for beta). */
  readonly logLower: number;
  /** ln of the upper tail (Q for gamma, 1 - I_x for beta), computed without subtracting from 1. */
  readonly logUpper: number;
}

function log1mexp(logV: number): number {
  // ln(1 - e^v) for v <= 0, accurate at both ends (Mächler 2012).
  return logV > -Math.LN2 ? Math.log(-Math.expm1(logV)) : Math.log1p(-Math.exp(logV));
}

/** ln P(a, x) and ln Q(a, x): series for the lower tail when x < a + 1, continued fraction for the upper one otherwise. */
export function logGammaTails(a: number, x: number): LogTails {
  if (!(a > 0) || Number.isNaN(x) || x < 0) return { logLower: NaN, logUpper: NaN };
  if (x === 0) return { logLower: -Infinity, logUpper: 0 };
  if (x === Infinity) return { logLower: 0, logUpper: -Infinity };
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let term = 1 / a;
    let sum = term;
    for (let i = 0; i < MAX_ITER; i++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    const logLower = logPrefix + Math.log(sum);
    return { logLower, logUpper: log1mexp(logLower) };
  }
  // Modified Lentz evaluation of the continued fraction for Q (Numerical Recipes, gcf).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const logUpper = logPrefix + Math.log(h);
  return { logLower: log1mexp(logUpper), logUpper };
}

/** Regularised lower incomplete gamma P(a, x). */
export function gammaP(a: number, x: number): number {
  return Math.exp(logGammaTails(a, x).logLower);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), computed directly. */
export function gammaQ(a: number, x: number): number {
  return Math.exp(logGammaTails(a, x).logUpper);
}

/** ln Q(a, x), finite where Q itself underflows. */
export function logGammaQ(a: number, x: number): number {
  return logGammaTails(a, x).logUpper;
}

// Continued fraction for I_x(a, b) (Numerical Recipes, betacf), modified Lentz.
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/**
 * ln I_x(a, b) and ln (1 - I_x(a, b)). `y` is 1 - x, passed separately so that callers who know it
 * exactly (the t distribution: x = df / (df + t²), y = t² / (df + t²)) do not lose it to rounding.
 */
export function logBetaTails(x: number, a: number, b: number, y: number = 1 - x): LogTails {
  if (!(a > 0) || !(b > 0) || Number.isNaN(x) || x < 0 || x > 1) return { logLower: NaN, logUpper: NaN };
  if (x === 0) return { logLower: -Infinity, logUpper: 0 };
  if (y === 0) return { logLower: 0, logUpper: -Infinity };
  const logPrefix = a * Math.log(x) + b * Math.log(y) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const logLower = logPrefix + Math.log(betaContinuedFraction(a, b, x) / a);
    return { logLower, logUpper: log1mexp(logLower) };
  }
  const logUpper = logPrefix + Math.log(betaContinuedFraction(b, a, y) / b);
  return { logLower: log1mexp(logUpper), logUpper };
}

/** Regularised incomplete beta I_x(a, b). */
export function betaInc(x: number, a: number, b: number): number {
  return Math.exp(logBetaTails(x, a, b).logLower);
}

/** 1 - I_x(a, b), computed directly (= I_{1-x}(b, a)). */
export function betaIncUpper(x: number, a: number, b: number): number {
  return Math.exp(logBetaTails(x, a, b).logUpper);
}

/** Complementary error function; accurate in the far tail (erfc(x) = Q(1/2, x²) for x >= 0). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 0) return gammaQ(0.5, x * x);
  return 1 + gammaP(0.5, x * x);
}

/** ln P(Z > z) for a standard normal Z. */
export function logNormalSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tails = logGammaTails(0.5, (z * z) / 2);
  // P(Z > z) = Q(1/2, z²/2) / 2 for z >= 0; for z < 0 it is 1 - that.
  return z >= 0 ? tails.logUpper - Math.LN2 : Math.log1p(-Math.exp(tails.logUpper - Math.LN2));
}

/** P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  return Math.exp(logNormalSf(z));
}

/** ln of the two-sided Student t tail P(|T| > |t|) with `df` degrees of freedom (df may be fractional: Welch). */
export function logStudentTTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return -Infinity;
  const t2 = t * t;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2).
  return logBetaTails(df / (df + t2), df / 2, 0.5, t2 / (df + t2)).logLower;
}

/** Two-sided Student t tail P(|T| > |t|). */
export function studentTTwoSided(t: number, df: number): number {
  return Math.exp(logStudentTTwoSided(t, df));
}

/** One-sided upper tail P(T > t). */
export function studentTSf(t: number, df: number): number {
  const half = 0.5 * studentTTwoSided(t, df);
  return t >= 0 ? half : 1 - half;
}

/** ln P(X > x) for X ~ χ²(k). */
export function logChiSquareSf(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return NaN;
  if (x <= 0) return 0;
  return logGammaQ(k / 2, x / 2);
}

/** P(X > x) for X ~ χ²(k). */
export function chiSquareSf(x: number, k: number): number {
  return Math.exp(logChiSquareSf(x, k));
}

/** Standard normal quantile (Acklam's algorithm with one Halley step: relative error below 1e-15). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let x: number;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pLow) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One Halley step against the accurate tail; P(Z <= x) = 1 - sf(x), taken from the smaller side.
  const cdf = x < 0 ? normalSf(-x) : 1 - normalSf(x);
  const e = cdf - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** z for a two-sided interval at `level` (0.95 → 1.959963984540054). */
export function zForLevel(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}
