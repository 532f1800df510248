// Platt scaling: a sigmoid p = 1 / (1 + exp(a f + b)) fitted to decision values f by maximum likelihood, with
// Platt's smoothed targets, by the Newton method with backtracking of Lin, Lin and Weng (2007), the algorithm
// libsvm itself uses (sigmoid_train). Deterministic: the caller supplies out-of-fold decision values from
// folds it chose with a seed, unlike libsvm's -b 1, which draws its folds from the C library's rand().

export interface PlattParams {
  readonly a: number;
  readonly b: number;
}

export function fitPlatt(decision: ArrayLike<number>, y: ArrayLike<number>): PlattParams {
  const n = decision.length;
  let prior1 = 0;
  for (let i = 0; i < n; i++) prior1 += y[i] === 1 ? 1 : 0;
  const prior0 = n - prior1;
  const hiTarget = (prior1 + 1) / (prior1 + 2);
  const loTarget = 1 / (prior0 + 2);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = y[i] === 1 ? hiTarget : loTarget;
  const maxIterations = 100;
  const minStep = 1e-10;
  const sigma = 1e-12;
  const eps = 1e-5;
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  const objective = (A: number, B: number) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const z = decision[i] * A + B;
      f += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
    }
    return f;
  };
  let fval = objective(a, b);
  for (let iter = 0; iter < maxIterations; iter++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const z = decision[i] * a + b;
      let p: number;
      let q: number;
      if (z >= 0) {
        p = Math.exp(-z) / (1 + Math.exp(-z));
        q = 1 / (1 + Math.exp(-z));
      } else {
        p = 1 / (1 + Math.exp(z));
        q = Math.exp(z) / (1 + Math.exp(z));
      }
      const d2 = p * q;
      h11 += decision[i] * decision[i] * d2;
      h22 += d2;
      h21 += decision[i] * d2;
      const d1 = t[i] - p;
      g1 += decision[i] * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < eps && Math.abs(g2) < eps) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= minStep) {
      const newA = a + step * dA;
      const newB = b + step * dB;
      const newF = objective(newA, newB);
      if (newF < fval + 0.0001 * step * gd) {
        a = newA;
        b = newB;
        fval = newF;
        break;
      }
      step /= 2;
    }
    if (step < minStep) break;
  }
  return { a, b };
}
