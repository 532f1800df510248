// The evaluation's first stage: which customers train and which are held out for the test, and, at the end,
// the way back from those two sets to every row of the table. Exact copies of another row are in neither set:
// a customer copied under a second ID must not sit on both sides of the split.
import { idColumn } from "../../src/lib/data/schema.js";
import { distinctRows, splitByIds, stratifiedSplit } from "../../src/lib/data/split.js";
import type { ChurnTable } from "../../src/lib/data/table.js";

export interface HoldoutOptions {
  /** Customer IDs of the test set (the --test-ids file); otherwise a stratified, seeded share. */
  readonly testIds?: readonly (string | number)[] | null;
  /** Where the test IDs came from, for errors (default "test IDs"). */
  readonly testIdsFile?: string;
  readonly testFraction: number;
  readonly seed: number;
}

export interface Holdout {
  /** Table rows, ascending. */
  readonly train: Int32Array;
  readonly test: Int32Array;
  /** How the test set was chosen. */
  readonly testSet: "ids" | "seeded";
  /** IDs of the --test-ids file that name no distinct customer. */
  readonly excluded: readonly string[];
}

/** Train and test rows among the distinct customers (duplicateOf[i] === -1). */
export function holdOut(
  table: ChurnTable,
  labels: Uint8Array,
  duplicateOf: Int32Array,
  options: HoldoutOptions,
): Holdout {
  const candidates = distinctRows(duplicateOf);
  if (options.testIds) {
    const s = splitByIds(table.ids, candidates, options.testIds, options.testIdsFile, idColumn(table.schema).name);
    return { train: s.train, test: s.test, testSet: "ids", excluded: s.excluded };
  }
  const s = stratifiedSplit(labels, candidates, options.testFraction, options.seed);
  return { train: s.train, test: s.test, testSet: "seeded", excluded: [] };
}

/** Where each customer's out-of-sample probability came from. */
export const PROBABILITY_SOURCE = { outOfFold: 0, test: 1, copy: 2 } as const;

export interface RowProbabilities {
  readonly probability: Float64Array;
  /** PROBABILITY_SOURCE per row. */
  readonly source: Uint8Array;
}

/**
 * A probability for every row of the table, always out of sample: training rows get their out-of-fold
 * probability, test rows the final model's, and a copy its original's (copies are in neither set, and their
 * original never trained a model that scored it).
 */
export function rowProbabilities(
  split: { readonly train: Int32Array; readonly test: Int32Array },
  duplicateOf: Int32Array,
  outOfFold: Float64Array,
  test: Float64Array,
): RowProbabilities {
  const n = duplicateOf.length;
  const probability = new Float64Array(n).fill(NaN);
  const source = new Uint8Array(n);
  split.train.forEach((row, pos) => {
    probability[row] = outOfFold[pos];
    source[row] = PROBABILITY_SOURCE.outOfFold;
  });
  split.test.forEach((row, pos) => {
    probability[row] = test[pos];
    source[row] = PROBABILITY_SOURCE.test;
  });
  for (let i = 0; i < n; i++) {
    if (duplicateOf[i] >= 0) {
      probability[i] = probability[duplicateOf[i]];
      source[i] = PROBABILITY_SOURCE.copy;
    }
  }
  return { probability, source };
}
