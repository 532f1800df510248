// Cluster profiles: size, churn rate with its interval, the mean out-of-sample prediction, R, F and M in
// original units (centre, mean, median), and the features that set the cluster apart from the whole base.
import type { CategoryColumn, NumericColumn } from "../../src/lib/data/schema.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import type { RfmFeatures, RfmKey } from "../../src/lib/segments/rfm.js";
import type {
  BaseProfile,
  ClusterProfile,
  DistinctiveFeature,
  Level,
  RfmTriple,
} from "../../src/lib/segments/types.js";
import { median } from "../../src/lib/stats/quantile.js";
import { wilsonInterval } from "../../src/lib/stats/tests.js";

/** Mean of the finite values at the given rows; NaN when there is none. */
export function meanAt(values: ArrayLike<number>, rows: ArrayLike<number>): number {
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

/** The whole base: its size, churn rate, and mean and median R, F, M (blanks left out). */
export function baseProfile(raw: RfmFeatures, rows: Int32Array, churn: Uint8Array): BaseProfile {
  let churned = 0;
  for (const i of rows) churned += churn[i];
  return {
    size: rows.length,
    churnRate: churned / rows.length,
    mean: triple((key) => meanAt(raw[key], rows)),
    median: triple((key) => median(raw[key], rows)),
  };
}

/** Mean of the members' out-of-sample predictions (those that have one); null when none has. */
export function meanPredicted(oofProbability: Float64Array | null, members: readonly number[]): number | null {
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
  return pN > 0 ? pSum / pN : null;
}

/**
 * Every given feature column (numeric mean, category-value share) in the cluster against the whole base,
 * the `top` largest standardised differences.
 */
export function distinctiveFeatures(
  table: ChurnTable,
  columns: readonly (NumericColumn | CategoryColumn)[],
  base: ArrayLike<number>,
  members: ArrayLike<number>,
  top: number,
): DistinctiveFeature[] {
  const out: DistinctiveFeature[] = [];
  for (const spec of columns) {
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
  // Sort is stable, so equal differences keep the columns' order.
  out.sort((a, b) => Math.abs(b.standardisedDifference) - Math.abs(a.standardisedDifference));
  return out.slice(0, top);
}

export interface ClusterProfileInput {
  readonly id: number;
  readonly name: string;
  /** Table rows of the cluster, and of the whole clustered base. */
  readonly members: readonly number[];
  readonly base: Int32Array;
  readonly baseChurnRate: number;
  readonly churn: Uint8Array;
  readonly oofProbability: Float64Array | null;
  /** R, F, M per table row, blanks as NaN. */
  readonly raw: RfmFeatures;
  /** The cluster's centre in original units, and its levels. */
  readonly centre: RfmTriple;
  readonly levels: Record<RfmKey, Level>;
  readonly table: ChurnTable;
  /** Columns compared for the distinctive features, and how many to keep. */
  readonly columns: readonly (NumericColumn | CategoryColumn)[];
  readonly nDistinctive: number;
}

export function clusterProfile(input: ClusterProfileInput): ClusterProfile {
  const { id, name, members, base, baseChurnRate, churn, oofProbability, raw, centre, levels } = input;
  const size = members.length;
  let y = 0;
  for (const i of members) y += churn[i];
  const ci = wilsonInterval(y, size);
  return {
    id,
    name,
    size,
    share: size / base.length,
    churnRate: size > 0 ? y / size : NaN,
    churnRateLow: ci.low,
    churnRateHigh: ci.high,
    meanPredicted: meanPredicted(oofProbability, members),
    centre,
    mean: triple((key) => meanAt(raw[key], members)),
    median: triple((key) => median(raw[key], members)),
    levels,
    // "Low churn" means the interval lies wholly below the base rate: a difference the data supports.
    churnLevel: ci.high < baseChurnRate ? "low" : ci.low > baseChurnRate ? "high" : "mid",
    distinctive: distinctiveFeatures(input.table, input.columns, base, members, input.nDistinctive),
  };
}
