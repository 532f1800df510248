// The segments stage: R, F, M features -> k-means -> clusters in a stable order with names and profiles, the
// classic RFM scores and segments, and the inputs of the retention-offer priority view. Each step is a module
// of its own (cluster.ts, name.ts, profile.ts, rfm-scores.ts, value.ts); this file says in which order they
// run. Which columns play R, F and M is the caller's to say (`roles`).
import { findDuplicates } from "../../src/lib/data/duplicates.js";
import { featureColumns } from "../../src/lib/data/schema.js";
import { distinctRows, stratifiedSplit } from "../../src/lib/data/split.js";
import { deriveSeed } from "../../src/lib/random.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import type { SegmentCluster, SegmentsArtifact } from "../../src/lib/segments/artifact.js";
import {
  extractRfm,
  fitRfmScaler,
  imputeRfmFeatures,
  type SegmentModel,
  type SegmentRoles,
  standardiseRfmFeatures,
  unstandardiseRfm,
} from "../../src/lib/segments/rfm.js";
import { DEFAULT_OFFER_ASSUMPTIONS } from "../../src/lib/segments/value.js";
import { clusterCustomers, clusterOfEveryRow } from "./cluster.js";
import { DEFAULT_RESTARTS } from "./kmeans.js";
import { levelCuts, nameClusters } from "./name.js";
import { baseProfile, clusterProfile } from "./profile.js";
import { scoreSegments } from "./rfm-scores.js";
import { clusterValue } from "./value.js";

/** Customers drawn one dot each on the Segments page; above it, a sample of this many. */
export const POINTS_SAMPLE_CAP = 20_000;

export interface BuildSegmentsOptions {
  readonly table: ChurnTable;
  /** Which columns are R, F and M, what M stands for and the word names use for it. */
  readonly roles: SegmentRoles;
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
  /** Customers above which the k range is fitted on a sample (KMEANS_SAMPLE_CAP); tests lower it. */
  readonly kmeansCap?: number;
  /** Most customers drawn as points (POINTS_SAMPLE_CAP); tests lower it. */
  readonly pointsCap?: number;
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

/** Options of the clustering, which reads no model: everything but the out-of-sample risk. */
export type ClusterSegmentsOptions = Omit<BuildSegmentsOptions, "oofProbability">;

/** The segments up to what needs the models' risk: the pipeline runs it while the models are fitted. */
export interface ClusteredSegments {
  readonly finish: (oofProbability: Float64Array | null) => SegmentsResult;
}

export function buildSegments(options: BuildSegmentsOptions): SegmentsResult {
  return clusterSegments(options).finish(options.oofProbability);
}

export function clusterSegments(options: ClusterSegmentsOptions): ClusteredSegments {
  const { table, roles, seed } = options;
  const k = options.k ?? 6;
  const restarts = options.restarts ?? DEFAULT_RESTARTS;
  const churn = table.churn;
  if (!churn) throw new Error("Segments need the Churn column (cluster churn rates order and describe the clusters)");
  const rows = options.rows ? Int32Array.from(options.rows) : distinctRows(findDuplicates(table).duplicateOf);
  const n = rows.length;
  if (n < k) throw new Error(`Cannot make ${k} clusters from ${n} customers`);

  const raw = extractRfm(table, roles.columns);
  const scaler = fitRfmScaler(raw, roles.columns, options.trainRows ?? rows);
  const imputed = imputeRfmFeatures(scaler, raw);
  const points = standardiseRfmFeatures(scaler, raw, rows);

  const clustering = clusterCustomers(points, rows, churn, {
    k,
    seed,
    restarts,
    kMin: options.kMin ?? 2,
    kMax: options.kMax ?? 10,
    sampleCap: options.kmeansCap,
  });
  const { centres, members, clusterOfPoint } = clustering;
  const base = baseProfile(raw, rows, churn);
  const cuts = levelCuts(scaler);
  const centresInUnits = centres.map((z) => unstandardiseRfm(scaler, z));
  const { levels, names } = nameClusters(centresInUnits, centres, cuts, roles.words);
  const scores = scoreSegments(imputed, rows, clusterOfPoint, churn, k, table.nRows);

  const nDistinctive = options.nDistinctive ?? 6;
  const model: SegmentModel = { version: 1, scaler, centres, names, quintiles: scores.quintiles };
  const clusterOfRow = clusterOfEveryRow(centres, standardiseRfmFeatures(scaler, raw), rows, clusterOfPoint);

  // Points the page draws: every customer up to the cap, else a seeded sample stratified by churn (the
  // scatter says so); every other figure is computed on all of them.
  const cap = options.pointsCap ?? POINTS_SAMPLE_CAP;
  const positions = Int32Array.from({ length: n }, (_, s) => s);
  const byPosition = Uint8Array.from(rows, (i) => churn[i]);
  const shown =
    n > cap
      ? stratifiedSplit(byPosition, positions, (cap - 0.5) / n, deriveSeed(seed, "segments:points")).test
      : positions;
  const shownRows = Array.from(shown, (s) => rows[s]);

  return {
    finish(oofProbability) {
      if (oofProbability && oofProbability.length !== table.nRows) {
        throw new Error(`oofProbability has ${oofProbability.length} entries for ${table.nRows} rows`);
      }
      const clusters: SegmentCluster[] = names.map((name, id) => {
        const profile = clusterProfile({
          id,
          name,
          members: members[id],
          base: rows,
          baseChurnRate: base.churnRate,
          churn,
          oofProbability,
          raw,
          centre: centresInUnits[id],
          levels: levels[id],
          table,
          columns: featureColumns(table.schema),
          nDistinctive,
        });
        const risk = clusterValue({
          id,
          name,
          members: members[id],
          churnRate: profile.churnRate,
          meanPredicted: profile.meanPredicted,
          oofProbability,
          churn,
          monetary: imputed.monetary,
        });
        return { ...profile, meanScores: scores.meanScores[id], risk };
      });

      const artifact: SegmentsArtifact = {
        version: 1,
        columns: { ...roles.columns },
        monetaryNote: roles.monetaryNote,
        ...(roles.axes ? { axes: roles.axes } : {}),
        k,
        seed,
        restarts,
        nCustomers: n,
        nScalerRows: scaler.nFit,
        kSelection: clustering.kSelection,
        silhouette: Number.isFinite(clustering.silhouette) ? clustering.silhouette : null,
        inertia: clustering.inertia,
        base,
        levelCuts: cuts,
        scaler: { medians: scaler.medians, means: scaler.means, sds: scaler.sds },
        clusters,
        rfm: scores.table,
        priority: { riskSource: oofProbability ? "predicted" : "observed", defaults: DEFAULT_OFFER_ASSUMPTIONS },
        points: {
          id: Array.from(shownRows, (i) => table.ids[i]),
          recency: Array.from(shownRows, (i) => round(imputed.recency[i], 3)),
          frequency: Array.from(shownRows, (i) => round(imputed.frequency[i], 3)),
          monetary: Array.from(shownRows, (i) => round(imputed.monetary[i], 3)),
          cluster: Array.from(shown, (s) => clusterOfPoint[s]),
          probability: Array.from(shownRows, (i) => {
            const p = oofProbability ? oofProbability[i] : NaN;
            return Number.isFinite(p) ? round(p, 4) : null;
          }),
          churn: Array.from(shownRows, (i) => churn[i]),
          segment: Array.from(shownRows, (i) => scores.segmentOfRow[i]),
        },
        ...(shown.length < n ? { pointsSample: { of: n, seed } } : {}),
        ...(clustering.kSelectionRows !== null ? { kSelectionSample: { rows: clustering.kSelectionRows, of: n } } : {}),
      };
      return { artifact, model, clusterOfRow };
    },
  };
}
