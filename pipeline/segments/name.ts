// The naming stage: each cluster's R, F and M against the whole base ("low", "mid", "high"), a name from
// those levels ("Recent, frequent, high-cashback"), and namesakes told apart. The words come with the
// segment roles (src/lib/segments/rfm.ts), since what each axis stands for depends on the data.
import type { AxisWords, RfmKey, RfmScaler } from "../../src/lib/segments/rfm.js";
import type { Level, RfmTriple } from "../../src/lib/segments/types.js";

/**
 * Where "low", "mid" and "high" meet: mean -/+ 0.4307 sd of the scaler's base, the terciles of a normal
 * distribution with the base's mean and sd. Not the base's own terciles: OrderCount is 1 or 2 for about
 * two thirds of customers, so its 1/3 and 2/3 quantiles are both 2, and a cluster averaging 2.02 orders (the
 * typical customer) would be called "frequent".
 */
export const LEVEL_Z = 0.4307272992954576;

export type LevelCuts = Record<RfmKey, [number, number]>;
export type Levels = Record<RfmKey, Level>;

export function levelCuts(scaler: RfmScaler): LevelCuts {
  const cut = (key: RfmKey): [number, number] => [
    scaler.means[key] - LEVEL_Z * scaler.sds[key],
    scaler.means[key] + LEVEL_Z * scaler.sds[key],
  ];
  return { recency: cut("recency"), frequency: cut("frequency"), monetary: cut("monetary") };
}

function levelOf(value: number, [lo, hi]: readonly [number, number]): Level {
  return value < lo ? "low" : value > hi ? "high" : "mid";
}

/** Levels of a point in original units. */
export function levelsOf(point: RfmTriple, cuts: LevelCuts): Levels {
  return {
    recency: levelOf(point.recency, cuts.recency),
    frequency: levelOf(point.frequency, cuts.frequency),
    monetary: levelOf(point.monetary, cuts.monetary),
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Recent, frequent, high-cashback", with the Kaggle preset's words. */
export function clusterName(levels: Levels, words: AxisWords): string {
  return `${capitalise(words.recency[levels.recency])}, ${words.frequency[levels.frequency]}, ${words.monetary[levels.monetary]}`;
}

const QUALIFIER_KEYS: readonly RfmKey[] = ["recency", "frequency", "monetary"];

/**
 * Unique names. A group of namesakes is told apart along the standardised dimension where their centres
 * spread most: two get "(fewer orders)" / "(more orders)"; three or more get "(orders: 1 of 3)" and so on,
 * counting from the low end. Names that are already unique are left alone.
 */
export function disambiguate(
  names: readonly string[],
  centres: readonly (readonly number[])[],
  words: AxisWords,
): string[] {
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
          ? [words[key].less, words[key].more][r]
          : `${words[key].counting}: ${r + 1} of ${ranked.length}`;
      out[id] = `${nm} (${q})`;
    });
  }
  return out;
}

export interface ClusterNames {
  readonly levels: Levels[];
  readonly names: string[];
}

/**
 * Levels and unique names of the clusters, from their centres in original units (`centres`) and in
 * standardised space (`zCentres`, which tell namesakes apart). Two clusters can share their levels (on the
 * real data, two "Lapsed, frequent, high-cashback" groups with 3 and 13 orders).
 */
export function nameClusters(
  centres: readonly RfmTriple[],
  zCentres: readonly (readonly number[])[],
  cuts: LevelCuts,
  words: AxisWords,
): ClusterNames {
  const levels = centres.map((c) => levelsOf(c, cuts));
  const names = disambiguate(
    levels.map((l) => clusterName(l, words)),
    zCentres,
    words,
  );
  return { levels, names };
}
