// Permutation importance on the test set: shuffle one input column across the test rows (a category's
// one-hot features together, with the same shuffle), score again, and report how much ROC-AUC falls. Done
// for every model on the same shuffles; voting and stacking reuse their members' shuffled predictions.
//
// Distance-based models are the slow ones to rescore (every test row against every training row or support
// vector), and a shuffle changes only a few features: their squared distances are computed once and then
// corrected feature by feature instead of computed afresh for every shuffle. The corrected sums can differ
// from fresh ones in the last bits, which moves an importance by far less than its spread across repeats.
import type { FeatureMatrix } from "../../src/lib/matrix.js";
import { rocAuc } from "../../src/lib/metrics/roc.js";
import { meanSd } from "../../src/lib/metrics/summary.js";
import { insertNeighbour, knnVote, scaledTraining } from "../../src/lib/models/knn.js";
import { predictProbability, softVote, stack } from "../../src/lib/models/predict.js";
import { scaleRows } from "../../src/lib/models/scaler.js";
import { plattProbability, scaledVectors } from "../../src/lib/models/svm.js";
import type { ExportedModel, KnnModel, SvmModel } from "../../src/lib/models/types.js";
import { deriveSeed, mulberry32, shuffleInPlace } from "../../src/lib/random.js";

/** Scores X with the given columns' values taken from row perm[i] instead of row i. */
export type PermutedScorer = (columns: readonly number[], perm: Int32Array) => Float64Array;

function genericScorer(model: ExportedModel, X: FeatureMatrix): PermutedScorer {
  const buffer = new Float64Array(X.values.length);
  return (columns, perm) => {
    buffer.set(X.values);
    const d = X.nCols;
    for (let i = 0; i < X.nRows; i++) for (const c of columns) buffer[i * d + c] = X.values[perm[i] * d + c];
    return predictProbability(model, { ...X, values: buffer });
  };
}

/** Squared distances from every query row to every reference row, then corrected for a shuffle. */
function distanceScorer(
  Q: Float64Array,
  R: Float64Array,
  d: number,
  finish: (dist2: Float64Array, nQ: number, nR: number) => Float64Array,
): PermutedScorer {
  const nQ = Q.length / d;
  const nR = R.length / d;
  const base = new Float64Array(nQ * nR);
  for (let q = 0; q < nQ; q++) {
    for (let t = 0; t < nR; t++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = R[t * d + j] - Q[q * d + j];
        s += diff * diff;
      }
      base[q * nR + t] = s;
    }
  }
  const work = new Float64Array(nQ * nR);
  return (columns, perm) => {
    work.set(base);
    for (let q = 0; q < nQ; q++) {
      const from = perm[q];
      if (from === q) continue;
      for (const c of columns) {
        const old = Q[q * d + c];
        const now = Q[from * d + c];
        if (old === now) continue;
        for (let t = 0; t < nR; t++) {
          const r = R[t * d + c];
          const at = q * nR + t;
          const v = work[at] + (now - r) * (now - r) - (old - r) * (old - r);
          work[at] = v > 0 ? v : 0;
        }
      }
    }
    return finish(work, nQ, nR);
  };
}

function knnScorer(model: KnnModel, X: FeatureMatrix): PermutedScorer {
  const k = Math.min(model.k, model.labels.length);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  return distanceScorer(scaleRows(X, model.scaler), scaledTraining(model), X.nCols, (dist2, nQ, nR) => {
    const out = new Float64Array(nQ);
    for (let q = 0; q < nQ; q++) {
      bestD.fill(Infinity);
      bestI.fill(-1);
      for (let t = 0; t < nR; t++) insertNeighbour(bestD, bestI, dist2[q * nR + t], t);
      out[q] = knnVote(bestD, bestI, model.labels, model.weights);
    }
    return out;
  });
}

function svmScorer(model: SvmModel, X: FeatureMatrix, raw: boolean): PermutedScorer {
  return distanceScorer(scaleRows(X, model.scaler), scaledVectors(model), X.nCols, (dist2, nQ, nR) => {
    const out = new Float64Array(nQ);
    for (let q = 0; q < nQ; q++) {
      let f = -model.rho;
      for (let s = 0; s < nR; s++) f += model.coefficients[s] * Math.exp(-model.gamma * dist2[q * nR + s]);
      out[q] = raw ? f : plattProbability(f, model.platt.a, model.platt.b);
    }
    return out;
  });
}

/** raw: an SVM's decision values instead of probabilities (its Platt scaling is fitted afterwards). */
export function permutedScorer(model: ExportedModel, X: FeatureMatrix, raw = false): PermutedScorer {
  if (model.kind === "knn") return knnScorer(model, X);
  if (model.kind === "svm") return svmScorer(model, X, raw);
  return genericScorer(model, X);
}

export interface ColumnGroup {
  readonly column: string;
  /** Encoded feature indices of the column. */
  readonly features: number[];
}

export interface Permutation {
  /** Encoded feature indices shuffled together. */
  readonly columns: readonly number[];
  /** Row i takes those features from row perm[i]. */
  readonly perm: Int32Array;
}

/** The shuffles, group by group, `repeats` each (index g * repeats + r); each seeded by its column's name. */
export function makePermutations(
  groups: readonly ColumnGroup[],
  repeats: number,
  nRows: number,
  seed: number,
): Permutation[] {
  const identity = Int32Array.from({ length: nRows }, (_, i) => i);
  const out: Permutation[] = [];
  for (const group of groups) {
    for (let r = 0; r < repeats; r++) {
      out.push({
        columns: group.features,
        perm: shuffleInPlace(identity.slice(), mulberry32(deriveSeed(seed, `permutation:${group.column}:${r}`))),
      });
    }
  }
  return out;
}

export interface PermutationResult {
  readonly column: string;
  readonly mean: number;
  readonly sd: number;
}

export interface ImportanceInput {
  readonly y: Uint8Array;
  readonly groups: readonly ColumnGroup[];
  readonly repeats: number;
  /** Base models' test probabilities, unshuffled. */
  readonly baseline: ReadonlyMap<string, Float64Array>;
  /** Base models' test probabilities under each permutation of makePermutations. */
  readonly permuted: ReadonlyMap<string, readonly Float64Array[]>;
  /** Voting and stacking models; their members must be among the base models. */
  readonly ensembles: ReadonlyMap<string, ExportedModel>;
}

function combine(model: ExportedModel, predictions: (id: string) => Float64Array): Float64Array {
  if (model.kind !== "voting" && model.kind !== "stacking") throw new Error(`not an ensemble: ${model.kind}`);
  const members = model.memberIds.map(predictions);
  return model.kind === "voting" ? softVote(members) : stack(model, members);
}

/** Drop in ROC-AUC per model and column, mean and sd over the repeats; ensembles from their members' shuffles. */
export function permutationImportance(input: ImportanceInput): Map<string, PermutationResult[]> {
  const { y, groups, repeats, baseline, permuted, ensembles } = input;
  const get = (map: ReadonlyMap<string, Float64Array>) => (id: string) => {
    const p = map.get(id);
    if (!p) throw new Error(`ensemble member ${id} is not among the base models`);
    return p;
  };
  const out = new Map<string, PermutationResult[]>();
  const reference = new Map<string, number>();
  for (const [id, p] of baseline) reference.set(id, rocAuc(y, p));
  for (const [id, model] of ensembles) reference.set(id, rocAuc(y, combine(model, get(baseline))));
  for (const id of reference.keys()) out.set(id, []);
  groups.forEach((group, g) => {
    const drops = new Map<string, number[]>([...reference.keys()].map((id) => [id, []]));
    for (let r = 0; r < repeats; r++) {
      const at = g * repeats + r;
      const shuffled = new Map<string, Float64Array>();
      for (const [id, list] of permuted) {
        shuffled.set(id, list[at]);
        drops.get(id)!.push(reference.get(id)! - rocAuc(y, list[at]));
      }
      for (const [id, model] of ensembles)
        drops.get(id)!.push(reference.get(id)! - rocAuc(y, combine(model, get(shuffled))));
    }
    for (const [id, values] of drops) {
      const s = meanSd(values);
      out.get(id)!.push({ column: group.column, mean: s.mean, sd: s.sd });
    }
  });
  return out;
}
