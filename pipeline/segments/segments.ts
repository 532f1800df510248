// The segments stage: RFM features -> k-means -> clusters in a stable order with names and profiles, the
// classic RFM scores and segments, and the inputs of the retention-offer priority view.

import { findDuplicates } from "../../src/lib/data/duplicates.js";
import { FEATURE_COLUMNS } from "../../src/lib/data/schema.js";
import { distinctRows } from "../../src/lib/data/split.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import type { KSelectionRow, SegmentCluster, SegmentsArtifact } from "../../src/lib/segments/artifact.js";
import {
  extractRfm,
  fitRfmScaler,
  imputeRfmFeatures,
  nearestCentre,
  MONETARY_NOTE,
  RFM_COLUMNS,
  type RfmFeatures,
  type RfmKey,
  type RfmScaler,
  type SegmentModel,
  standardiseRfmFeatures,
  unstandardiseRfm,
} from "../../src/lib/segments/rfm.js";
import { fitRfmQuintiles, RFM_SEGMENTS, rfmSegment, scoreRfm } from "../../src/lib/segments/rfm-scores.js";
import type { BaseProfile, DistinctiveFeature, Level, RfmTriple } from "../../src/lib/segments/types.js";
import { type ClusterRiskValue, DEFAULT_OFFER_ASSUMPTIONS } from "../../src/lib/segments/value.js";
import { median } from "../../src/lib/stats/quantile.js";
import { wilsonInterval } from "../../src/lib/stats/tests.js";
import { chooseK, DEFAULT_RESTARTS, fitKMeans, type KMeansFit, silhouetteScore } from "./kmeans.js";

export interface BuildSegmentsOptions {
  readonly table: ChurnTable;
  /**
   * Rows to cluster: the distinct customers, so a customer copied under another ID does not weigh twice in
   * the centres, sizes and churn rates. The pipeline passes distinctRows(input.duplicates.duplicateOf).
   * Default: first occurrences by findDuplicates(table), which without the file's spellings compares
   * normalised values and can merge a row or two more than the reader's report (one on the Kaggle file).
   */
  readonly rows?: ArrayLike<number>;
  /** Rows the imputation and scaling statistics are fitted on (the training split). Default: `rows`. */
  readonly trainRows?: ArrayLike<number>;
  /** Out-of-sample churn probability per table row (NaN where none), or null when no model ran. */
  readonly oofProbability: Float64Array | null;
  readonly k?: number;
  readonly seed: number;
  readonly restarts?: number;
  /** The k range for the inertia/silhouette table (default 2..10; always widened to include k). */
  readonly kMin?: number;
  readonly kMax?: number;
  /** How many distinctive features to keep per cluster. */
  readonly nDistinctive?: number;
}

export interface SegmentsResult {
  readonly artifact: SegmentsArtifact;
  readonly model: SegmentModel;
  /** Stable cluster id of every table row (clustered rows and the rest alike, by nearest centre). */
  readonly clusterOfRow: Int32Array;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function meanAt(values: ArrayLike<number>, rows: ArrayLike<number>): number {
  let s = 0;
  let m = 0;
  for (let k = 0; k < rows.length; k++) {
    const v = values[rows[k]];
    if (Number.isFinite(v)) {
      s += v;
      m++;
    }
  }
  return m > 0 ? s / m : NaN;
}

function triple(f: (key: RfmKey) => number): RfmTriple {
  return { recency: f("recency"), frequency: f("frequency"), monetary: f("monetary") };
}

/**
 * Where "low", "mid" and "high" meet: mean -/+ 0.4307 sd of the scaler's base, the terciles of a normal
 * distribution with the base's mean and sd. Not the base's own terciles: OrderCount is 1 or 2 for about
 * two thirds of customers, so its 1/3 and 2/3 quantiles are both 2, and a cluster averaging 2.02 orders (the
 * typical customer) would be called "frequent".
 */
export const LEVEL_Z = 0.4307272992954576;

function levelCuts(scaler: RfmScaler, key: RfmKey): [number, number] {
  return [scaler.means[key] - LEVEL_Z * scaler.sds[key], scaler.means[key] + LEVEL_Z * scaler.sds[key]];
}

function levelOf(value: number, [lo, hi]: readonly [number, number]): Level {
  return value < lo ? "low" : value > hi ? "high" : "mid";
}

const NAME_WORDS: Record<RfmKey, Record<Level, string>> = {
  // Recency is in days: a low value is a recent customer.
  recency: { low: "Recent", mid: "Cooling", high: "Lapsed" },
  frequency: { low: "infrequent", mid: "regular", high: "frequent" },
  monetary: { low: "low-cashback", mid: "mid-cashback", high: "high-cashback" },
};

/** "Recent, frequent, high-cashback". */
export function clusterName(levels: Record<RfmKey, Level>): string {
  return `${NAME_WORDS.recency[levels.recency]}, ${NAME_WORDS.frequency[levels.frequency]}, ${NAME_WORDS.monetary[levels.monetary]}`;
}

const QUALIFIERS: Record<RfmKey, readonly [string, string]> = {
  recency: ["more recent", "less recent"],
  frequency: ["fewer orders", "more orders"],
  monetary: ["less cashback", "more cashback"],
};
const QUALIFIER_KEYS: readonly RfmKey[] = ["recency", "frequency", "monetary"];

/**
 * Unique names. A group of namesakes is told apart along the standardised dimension where their centres
 * spread most: two get "(fewer orders)" / "(more orders)"; three or more get "(orders: 1 of 3)" and so on,
 * counting from the low end. Names that are already unique are left alone.
 */
export function disambiguate(names: readonly string[], centres: readonly (readonly number[])[]): string[] {
  const out = [...names];
  const groups = new Map<string, number[]>();
  names.forEach((nm, id) => groups.set(nm, [...(groups.get(nm) ?? []), id]));
  for (const [nm, ids] of groups) {
    if (ids.length < 2) continue;
    let dim = 0;
    let spread = -1;
    for (let j = 0; j < 3; j++) {
      let low = Infinity;
      let high = -Infinity;
      for (const id of ids) {
        low = Math.min(low, centres[id][j]);
        high = Math.max(high, centres[id][j]);
      }
      const s = high - low;
      if (s > spread) {
        spread = s;
        dim = j;
      }
    }
    const key = QUALIFIER_KEYS[dim];
    const ranked = [...ids].sort((a, b) => centres[a][dim] - centres[b][dim] || a - b);
    ranked.forEach((id, r) => {
      const q =
        ranked.length === 2
          ? QUALIFIERS[key][r]
          : `${key === "recency" ? "days since order" : key === "frequency" ? "orders" : "cashback"}: ${r + 1} of ${ranked.length}`;
      out[id] = `${nm} (${q})`;
    });
  }
  return out;
}

/** Every schema feature (numeric mean, category-value share) in the cluster against the whole base. */
function distinctiveFeatures(
  table: ChurnTable,
  base: ArrayLike<number>,
  members: ArrayLike<number>,
  top: number,
): DistinctiveFeature[] {
  const out: DistinctiveFeature[] = [];
  for (const spec of FEATURE_COLUMNS) {
    if (spec.kind === "numeric") {
      const col = table.numeric[spec.name];
      if (!col) continue;
      const baseMean = meanAt(col, base);
      let ss = 0;
      let m = 0;
      for (let k = 0; k < base.length; k++) {
        const v = col[base[k]];
        if (Number.isFinite(v)) {
          ss += (v - baseMean) ** 2;
          m++;
        }
      }
      const sd = m > 0 ? Math.sqrt(ss / m) : 0;
      const clusterMean = meanAt(col, members);
      if (!(sd > 0) || !Number.isFinite(clusterMean)) continue;
      out.push({
        feature: spec.name,
        clusterValue: clusterMean,
        baseValue: baseMean,
        standardisedDifference: (clusterMean - baseMean) / sd,
      });
    } else {
      const col = table.category[spec.name];
      if (!col) continue;
      const share = (rows: ArrayLike<number>, value: string): number => {
        let hit = 0;
        let seen = 0;
        for (let k = 0; k < rows.length; k++) {
          const v = col[rows[k]];
          if (v === null) continue;
          seen++;
          if (v === value) hit++;
        }
        return seen > 0 ? hit / seen : NaN;
      };
      for (const value of spec.values) {
        const pb = share(base, value);
        const pc = share(members, value);
        const sd = Math.sqrt(pb * (1 - pb));
        if (!(sd > 0) || !Number.isFinite(pc)) continue;
        out.push({
          feature: `${spec.name} = ${value}`,
          clusterValue: pc,
          baseValue: pb,
          standardisedDifference: (pc - pb) / sd,
        });
      }
    }
  }
  // Sort is stable, so equal differences keep schema order.
  out.sort((a, b) => Math.abs(b.standardisedDifference) - Math.abs(a.standardisedDifference));
  return out.slice(0, top);
}

/**
 * Stable order of the k-means clusters: churn rate, lowest first; equal rates by centre (R, then F, then M).
 * Returns order[id] = k-means cluster index.
 */
function stableOrder(fit: KMeansFit, churnRates: Float64Array): number[] {
  const { d } = fit;
  return Array.from({ length: fit.k }, (_, c) => c).sort((a, b) => {
    const dr = churnRates[a] - churnRates[b];
    if (dr !== 0) return dr;
    for (let j = 0; j < d; j++) {
      const dc = fit.centres[a * d + j] - fit.centres[b * d + j];
      if (dc !== 0) return dc;
    }
    return a - b;
  });
}

export function buildSegments(options: BuildSegmentsOptions): SegmentsResult {
  const { table, oofProbability, seed } = options;
  const k = options.k ?? 6;
  const restarts = options.restarts ?? DEFAULT_RESTARTS;
  const churn = table.churn;
  if (!churn) throw new Error("Segments need the Churn column (cluster churn rates order and describe the clusters)");
  if (oofProbability && oofProbability.length !== table.nRows) {
    throw new Error(`oofProbability has ${oofProbability.length} entries for ${table.nRows} rows`);
  }
  const rows = options.rows ? Int32Array.from(options.rows) : distinctRows(findDuplicates(table).duplicateOf);
  const n = rows.length;
  if (n < k) throw new Error(`Cannot make ${k} clusters from ${n} customers`);

  const raw: RfmFeatures = extractRfm(table);
  const scaler = fitRfmScaler(raw, options.trainRows ?? rows);
  const imputed = imputeRfmFeatures(scaler, raw);
  const points = standardiseRfmFeatures(scaler, raw, rows);

  // k-means for the whole range, the chosen k among them, so the table and the clusters come from one fit.
  const kMin = Math.min(options.kMin ?? 2, k);
  const kMax = Math.max(options.kMax ?? 10, k);
  const choice = chooseK(points, 3, { seed, restarts, kMin, kMax });
  const fit = choice.fits.get(k) ?? fitKMeans(points, 3, k, { seed, restarts });
  const kSelection: KSelectionRow[] = choice.rows.map((r) => ({
    k: r.k,
    inertia: r.inertia,
    silhouette: Number.isFinite(r.silhouette) ? r.silhouette : null,
  }));
  const chosen = choice.rows.find((r) => r.k === k);
  const silhouette = chosen ? chosen.silhouette : silhouetteScore(points, 3, fit.labels, k);

  // Members of each k-means cluster, as table rows.
  const membersRaw: number[][] = Array.from({ length: k }, () => []);
  for (let s = 0; s < n; s++) membersRaw[fit.labels[s]].push(rows[s]);
  const rawChurn = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let y = 0;
    for (const i of membersRaw[c]) y += churn[i];
    rawChurn[c] = membersRaw[c].length > 0 ? y / membersRaw[c].length : Infinity;
  }
  const order = stableOrder(fit, rawChurn);
  const idOf = new Int32Array(k);
  order.forEach((c, id) => (idOf[c] = id));

  // Base profile and the cuts behind the levels.
  let baseChurn = 0;
  for (const i of rows) baseChurn += churn[i];
  const baseRate = baseChurn / n;
  const cuts = {
    recency: levelCuts(scaler, "recency"),
    frequency: levelCuts(scaler, "frequency"),
    monetary: levelCuts(scaler, "monetary"),
  };
  const base: BaseProfile = {
    size: n,
    churnRate: baseRate,
    mean: triple((key) => meanAt(raw[key], rows)),
    median: triple((key) => median(raw[key], rows)),
  };

  // Classic RFM scores, edges fitted on the base after imputation.
  const quintiles = fitRfmQuintiles(imputed, rows);
  const segIndex = new Map<string, number>(RFM_SEGMENTS.map((s, i) => [s, i]));
  const segmentOfRow = new Int32Array(table.nRows).fill(-1);
  const scoreSum = Array.from({ length: k }, () => ({ r: 0, f: 0, m: 0 }));
  const scoreCounts = {
    r: new Array<number>(5).fill(0),
    f: new Array<number>(5).fill(0),
    m: new Array<number>(5).fill(0),
  };
  const crossTable = Array.from({ length: k }, () => new Array<number>(RFM_SEGMENTS.length).fill(0));
  const segmentSizes = new Array<number>(RFM_SEGMENTS.length).fill(0);
  const segmentChurn = new Array<number>(RFM_SEGMENTS.length).fill(0);
  const clusterOfPoint = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const i = rows[s];
    const id = idOf[fit.labels[s]];
    clusterOfPoint[s] = id;
    const sc = scoreRfm(quintiles, imputed.recency[i], imputed.frequency[i], imputed.monetary[i]);
    const seg = segIndex.get(rfmSegment(sc)) as number;
    segmentOfRow[i] = seg;
    crossTable[id][seg]++;
    segmentSizes[seg]++;
    segmentChurn[seg] += churn[i];
    scoreSum[id].r += sc.r;
    scoreSum[id].f += sc.f;
    scoreSum[id].m += sc.m;
    scoreCounts.r[sc.r - 1]++;
    scoreCounts.f[sc.f - 1]++;
    scoreCounts.m[sc.m - 1]++;
  }

  const riskSource: "predicted" | "observed" = oofProbability ? "predicted" : "observed";
  const nDistinctive = options.nDistinctive ?? 6;
  const clusters: SegmentCluster[] = [];
  const names: string[] = [];
  const centres: [number, number, number][] = [];
  for (let id = 0; id < k; id++) {
    const c = order[id];
    const members = membersRaw[c];
    const size = members.length;
    let y = 0;
    for (const i of members) y += churn[i];
    const churnRate = size > 0 ? y / size : NaN;
    const ci = wilsonInterval(y, size);
    let pSum = 0;
    let pN = 0;
    if (oofProbability) {
      for (const i of members) {
        const p = oofProbability[i];
        if (Number.isFinite(p)) {
          pSum += p;
          pN++;
        }
      }
    }
    const meanPredicted = pN > 0 ? pSum / pN : null;
    const zCentre: [number, number, number] = [fit.centres[c * 3], fit.centres[c * 3 + 1], fit.centres[c * 3 + 2]];
    const centre = unstandardiseRfm(scaler, zCentre);
    const levels = {
      recency: levelOf(centre.recency, cuts.recency),
      frequency: levelOf(centre.frequency, cuts.frequency),
      monetary: levelOf(centre.monetary, cuts.monetary),
    };
    // "Low churn" means the interval lies wholly below the base rate: a difference the data supports.
    const churnLevel: Level = ci.high < baseRate ? "low" : ci.low > baseRate ? "high" : "mid";

    // Risk x value: per-customer p x cashback, p predicted where available, else the cluster's mean
    // prediction, else the observed flag.
    let riskCashback = 0;
    let cashback = 0;
    for (const i of members) {
      const p = oofProbability
        ? Number.isFinite(oofProbability[i])
          ? oofProbability[i]
          : (meanPredicted ?? churn[i])
        : churn[i];
      riskCashback += p * imputed.monetary[i];
      cashback += imputed.monetary[i];
    }
    const name = clusterName(levels);
    names.push(name);
    centres.push(zCentre);
    const risk: ClusterRiskValue = {
      id,
      name,
      size,
      meanPChurn: riskSource === "predicted" && meanPredicted !== null ? meanPredicted : churnRate,
      meanCashback: size > 0 ? cashback / size : 0,
      meanRiskCashback: size > 0 ? riskCashback / size : 0,
    };
    clusters.push({
      id,
      name,
      size,
      share: size / n,
      churnRate,
      churnRateLow: ci.low,
      churnRateHigh: ci.high,
      meanPredicted,
      centre,
      mean: triple((key) => meanAt(raw[key], members)),
      median: triple((key) => median(raw[key], members)),
      levels,
      churnLevel,
      distinctive: distinctiveFeatures(table, rows, members, nDistinctive),
      meanScores:
        size > 0
          ? { r: scoreSum[id].r / size, f: scoreSum[id].f / size, m: scoreSum[id].m / size }
          : { r: NaN, f: NaN, m: NaN },
      risk,
    });
  }
  // Two clusters can share their levels (on this data, two "Lapsed, frequent, high-cashback" groups with 3 and
  // 13 orders). Such names get the dimension on which the namesakes' centres differ most, in words.
  const renamed = disambiguate(names, centres);
  for (let id = 0; id < k; id++) {
    if (renamed[id] !== names[id]) {
      names[id] = renamed[id];
      clusters[id] = { ...clusters[id], name: renamed[id], risk: { ...clusters[id].risk, name: renamed[id] } };
    }
  }

  const model: SegmentModel = { version: 1, scaler, centres, names, quintiles };

  // Every table row gets a cluster (duplicates too), by the same nearest-centre rule the page uses.
  const clusterOfRow = new Int32Array(table.nRows);
  const allPoints = standardiseRfmFeatures(scaler, raw);
  for (let i = 0; i < table.nRows; i++) {
    clusterOfRow[i] = nearestCentre(centres, allPoints[3 * i], allPoints[3 * i + 1], allPoints[3 * i + 2]);
  }
  // The clustered rows keep their k-means label; it equals the nearest centre except on exact ties.
  for (let s = 0; s < n; s++) clusterOfRow[rows[s]] = clusterOfPoint[s];

  const share = (counts: number[]): number[] => counts.map((c) => c / n);
  const artifact: SegmentsArtifact = {
    version: 1,
    columns: { ...RFM_COLUMNS },
    monetaryNote: MONETARY_NOTE,
    k,
    seed,
    restarts,
    nCustomers: n,
    nScalerRows: scaler.nFit,
    kSelection,
    silhouette: Number.isFinite(silhouette) ? silhouette : null,
    inertia: fit.inertia,
    base,
    levelCuts: cuts,
    scaler: { medians: scaler.medians, means: scaler.means, sds: scaler.sds },
    clusters,
    rfm: {
      quintiles,
      segments: [...RFM_SEGMENTS],
      segmentSizes,
      segmentChurnRates: segmentSizes.map((size, s) => (size > 0 ? segmentChurn[s] / size : null)),
      crossTable,
      scoreShares: { r: share(scoreCounts.r), f: share(scoreCounts.f), m: share(scoreCounts.m) },
    },
    priority: { riskSource, defaults: DEFAULT_OFFER_ASSUMPTIONS },
    points: {
      id: Array.from(rows, (i) => table.ids[i]),
      recency: Array.from(rows, (i) => round(imputed.recency[i], 3)),
      frequency: Array.from(rows, (i) => round(imputed.frequency[i], 3)),
      monetary: Array.from(rows, (i) => round(imputed.monetary[i], 3)),
      cluster: Array.from(clusterOfPoint),
      probability: Array.from(rows, (i) => {
        const p = oofProbability ? oofProbability[i] : NaN;
        return Number.isFinite(p) ? round(p, 4) : null;
      }),
      churn: Array.from(rows, (i) => churn[i]),
      segment: Array.from(rows, (i) => segmentOfRow[i]),
    },
  };
  return { artifact, model, clusterOfRow };
}
