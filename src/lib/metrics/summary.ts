// Mean and spread of a figure across cross-validation folds.

export interface MeanSd {
  readonly mean: number;
  /** Sample standard deviation (n - 1): the folds are a sample of the splits one could have drawn. */
  readonly sd: number;
}

export function meanSd(values: readonly number[]): MeanSd {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, sd: NaN };
  const ss = values.reduce((s, v) => s + (v - mean) * (v - mean), 0);
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}
