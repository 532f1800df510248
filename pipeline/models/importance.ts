// Permutation importance on the test set: shuffle one input column across the test rows (a category's
// one-hot features together, with the same shuffle), score again, and report how much ROC-AUC falls. Done
// for every model on the same shuffles; voting and stacking reuse their members' shuffled predictions.
//
// Rescoring is the costly part (90 shuffles of every test row, per model), and a shuffle moves only a few
// features of some rows, so each scorer does only the work a shuffle can change, and its output is exactly
// what scoring the shuffled matrix afresh would give from the same arithmetic:
//   - every scorer keeps the unshuffled scores and reuses them for a row whose shuffled features are equal
//     to its own (perm[i] = i, or a copied value equal to the original), and remembers the score of a row
//     given the same values by an earlier shuffle of the same columns (remembering);
//   - tree ensembles keep, per row and tree, the leaf the row reaches and the features on its path: a tree
//     whose path tests none of the shuffled features ends in the same leaf, so only the others are walked
//     again, and the leaf values are added in tree order as predictMargin adds them;
//   - distance models (KNN, the SVM) compute the squared distances from every test row to every training
//     row or support vector once and then correct them feature by feature for a shuffle, one row at a time.
//     The corrected sums can differ from fresh ones in the last bits, which moves an importance by far less
//     than its spread across repeats.
import type { FeatureMatrix } from "../../src/lib/matrix.js";
import { rocAuc } from "../../src/lib/metrics/roc.js";
import { meanSd } from "../../src/lib/metrics/summary.js";
import { insertNeighbour, knnVote, scaledTraining } from "../../src/lib/models/knn.js";
import { predictProbability, softVote, stack } from "../../src/lib/models/predict.js";
import { scaleRows } from "../../src/lib/models/scaler.js";
import { plattProbability, scaledVectors } from "../../src/lib/models/svm.js";
import type { ExportedModel, KnnModel, SvmModel } from "../../src/lib/models/types.js";
import type { TreeEnsembleModel } from "../../src/lib/trees/model.js";
import { flatten, leafOf, sigmoid } from "../../src/lib/trees/predict.js";
import { deriveSeed, mulberry32, shuffleInPlace } from "../../src/lib/random.js";

/** Scores X with the given columns' values taken from row perm[i] instead of row i. */
export type PermutedScorer = (columns: readonly number[], perm: Int32Array) => Float64Array;

/** Rows whose shuffled features differ from their own, in order. */
function changedRows(values: Float64Array, d: number, nRows: number, columns: readonly number[], perm: Int32Array) {
  const changed: number[] = [];
  for (let i = 0; i < nRows; i++) {
    const from = perm[i];
    if (from === i) continue;
    for (const c of columns) {
      const old = values[i * d + c];
      const now = values[from * d + c];
      // NaN (a tree model's blank) equals NaN here: both take the same branch.
      if (old !== now && (old === old || now === now)) {
        changed.push(i);
        break;
      }
    }
  }
  return changed;
}

function genericScorer(model: ExportedModel, X: FeatureMatrix): PermutedScorer {
  const base = predictProbability(model, X);
  const d = X.nCols;
  return (columns, perm) => {
    const out = base.slice();
    const changed = changedRows(X.values, d, X.nRows, columns, perm);
    if (changed.length === 0) return out;
    const rows = new Float64Array(changed.length * d);
    changed.forEach((i, r) => {
      rows.set(X.values.subarray(i * d, (i + 1) * d), r * d);
      for (const c of columns) rows[r * d + c] = X.values[perm[i] * d + c];
    });
    const scored = predictProbability(model, { ...X, nRows: changed.length, values: rows });
    changed.forEach((i, r) => (out[i] = scored[r]));
    return out;
  };
}

/** Tree ensembles: leaves cached per row and tree with the features each row's path tests. */
function treeScorer(model: TreeEnsembleModel, X: FeatureMatrix): PermutedScorer {
  if (X.nCols !== model.featureNames.length)
    throw new Error(`tree model expects ${model.featureNames.length} features, got ${X.nCols}`);
  const flat = flatten(model);
  const { roots, feature, threshold, left, right, defaultLeft, value } = flat;
  const { nRows, nCols: d, values } = X;
  const nTrees = roots.length;
  const words = Math.ceil(d / 32) || 1;
  // Tree-major (index t * nRows + i): a shuffle walks one tree over the changed rows, in row order, so what it
  // reads of these arrays is contiguous.
  const leaf = new Int32Array(nRows * nTrees);
  const pathMask = new Uint32Array(nRows * nTrees * words);
  for (let i = 0; i < nRows; i++) {
    for (let t = 0; t < nTrees; t++) {
      const at = t * nRows + i;
      let node = roots[t];
      let f = feature[node];
      while (f >= 0) {
        pathMask[at * words + (f >>> 5)] |= 1 << (f & 31);
        const x = values[i * d + f];
        if (x !== x) node = defaultLeft[node] === 1 ? left[node] : right[node];
        else node = x <= threshold[node] ? left[node] : right[node];
        f = feature[node];
      }
      leaf[at] = node;
    }
  }
  const finish = (sum: number) => {
    const m = model.baseScore + sum * (model.kind === "forest" ? (nTrees > 0 ? 1 / nTrees : 0) : 1);
    return model.kind === "gbdt" ? sigmoid(m) : m;
  };
  const base = new Float64Array(nRows);
  for (let i = 0; i < nRows; i++) {
    let sum = 0;
    for (let t = 0; t < nTrees; t++) sum += value[leaf[t * nRows + i]];
    base[i] = finish(sum);
  }
  const mask = new Uint32Array(words);
  return (columns, perm) => {
    const out = base.slice();
    mask.fill(0);
    for (const c of columns) mask[c >>> 5] |= 1 << (c & 31);
    const changed = changedRows(values, d, nRows, columns, perm);
    const m = changed.length;
    const rows = new Float64Array(m * d);
    changed.forEach((i, r) => {
      rows.set(values.subarray(i * d, (i + 1) * d), r * d);
      for (const c of columns) rows[r * d + c] = values[perm[i] * d + c];
    });
    // Tree by tree over the changed rows (a tree's nodes stay in cache); each row still adds its trees'
    // leaf values in tree order.
    const sums = new Float64Array(m);
    for (let t = 0; t < nTrees; t++) {
      const root = roots[t];
      const tree = t * nRows;
      for (let r = 0; r < m; r++) {
        const at = tree + changed[r];
        let touched = false;
        for (let w = 0; w < words; w++) if ((pathMask[at * words + w] & mask[w]) !== 0) touched = true;
        sums[r] += value[touched ? leafOf(flat, root, rows, r * d) : leaf[at]];
      }
    }
    for (let r = 0; r < m; r++) out[changed[r]] = finish(sums[r]);
    return out;
  };
}

/**
 * Squared distances from every query row to every reference row, corrected for a shuffle one changed row at
 * a time; `score` turns one row's distances into its score. Rows the shuffle leaves alone keep their score.
 */
function distanceScorer(
  Q: Float64Array,
  R: Float64Array,
  d: number,
  score: (dist2: Float64Array, from: number, nR: number) => number,
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
  const baseScores = new Float64Array(nQ);
  for (let q = 0; q < nQ; q++) baseScores[q] = score(base, q * nR, nR);
  // The reference rows column by column: a shuffle's correction runs down one feature of every reference row.
  const byColumn = new Float64Array(nR * d);
  for (let t = 0; t < nR; t++) for (let j = 0; j < d; j++) byColumn[j * nR + t] = R[t * d + j];
  const work = new Float64Array(nR);
  return (columns, perm) => {
    const out = baseScores.slice();
    for (let q = 0; q < nQ; q++) {
      const from = perm[q];
      if (from === q) continue;
      let moved = false;
      for (const c of columns) {
        const old = Q[q * d + c];
        const now = Q[from * d + c];
        if (old === now) continue;
        if (!moved) work.set(base.subarray(q * nR, (q + 1) * nR));
        moved = true;
        const column = c * nR;
        for (let t = 0; t < nR; t++) {
          const r = byColumn[column + t];
          const v = work[t] + (now - r) * (now - r) - (old - r) * (old - r);
          work[t] = v > 0 ? v : 0;
        }
      }
      if (moved) out[q] = score(work, 0, nR);
    }
    return out;
  };
}

function knnScorer(model: KnnModel, X: FeatureMatrix): PermutedScorer {
  const k = Math.min(model.k, model.labels.length);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  return distanceScorer(scaleRows(X, model.scaler), scaledTraining(model), X.nCols, (dist2, from, nR) => {
    bestD.fill(Infinity);
    bestI.fill(-1);
    for (let t = 0; t < nR; t++) insertNeighbour(bestD, bestI, dist2[from + t], t);
    return knnVote(bestD, bestI, model.labels, model.weights);
  });
}

function svmScorer(model: SvmModel, X: FeatureMatrix, raw: boolean): PermutedScorer {
  const coefficients = Float64Array.from(model.coefficients);
  const { gamma, rho } = model;
  return distanceScorer(scaleRows(X, model.scaler), scaledVectors(model), X.nCols, (dist2, from, nR) => {
    let f = -rho;
    for (let s = 0; s < nR; s++) f += coefficients[s] * Math.exp(-gamma * dist2[from + s]);
    return raw ? f : plattProbability(f, model.platt.a, model.platt.b);
  });
}

/** A value as a key part that tells -0 from 0 (NaN is "NaN"), so equal keys mean identical inputs. */
function keyPart(v: number): string {
  return v === 0 && 1 / v < 0 ? "-0" : String(v);
}

/**
 * Remembers each shuffled row's score by the row and the values it took: a row scores the same whenever it
 * takes the same values for the same columns, and a column with few distinct values (a flag, a category, a
 * 1-to-5 score) hands most rows a value some earlier repeat already gave them. Every scorer scores each row
 * on its own, so a remembered row is passed to it unshuffled and its remembered score put back: the output is
 * bit for bit what scoring it again would give.
 */
function remembering(scorer: PermutedScorer, X: FeatureMatrix): PermutedScorer {
  const { nRows, nCols: d, values } = X;
  const seen = new Map<string, number>();
  return (columns, perm) => {
    const group = columns.join(",");
    const reduced = perm.slice();
    const hits: number[] = [];
    const misses: number[] = [];
    const keys: string[] = [];
    for (let i = 0; i < nRows; i++) {
      const from = perm[i];
      if (from === i) continue;
      let key = `${group}|${i}`;
      for (const c of columns) key += "|" + keyPart(values[from * d + c]);
      const known = seen.get(key);
      if (known === undefined) {
        misses.push(i);
        keys.push(key);
      } else {
        reduced[i] = i;
        hits.push(i, known);
      }
    }
    const out = scorer(columns, reduced);
    for (let h = 0; h < hits.length; h += 2) out[hits[h]] = hits[h + 1];
    misses.forEach((i, m) => seen.set(keys[m], out[i]));
    return out;
  };
}

/** raw: an SVM's decision values instead of probabilities (its Platt scaling is fitted afterwards). */
export function permutedScorer(model: ExportedModel, X: FeatureMatrix, raw = false): PermutedScorer {
  if (model.kind === "knn") return remembering(knnScorer(model, X), X);
  if (model.kind === "svm") return remembering(svmScorer(model, X, raw), X);
  if (model.kind === "tree-ensemble") return remembering(treeScorer(model.model, X), X);
  return remembering(genericScorer(model, X), X);
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
