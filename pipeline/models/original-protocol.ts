// The original project's protocol, for contrast: all rows including exact copies, a stratified 80/20 split
// (copies of a test customer sit in the training set), and the threshold with the best F1 read off the test
// set itself. Each model run that way is shown beside the same model under this report's protocol.
import { stratifiedSplit, type Split } from "../../src/lib/data/split.js";
import { take } from "../../src/lib/matrix.js";
import type { ModelEntry, OriginalProtocol } from "../../src/lib/models/artifact.js";
import { softVote } from "../../src/lib/models/predict.js";
import { averagePrecision } from "../../src/lib/metrics/pr.js";
import { brier } from "../../src/lib/metrics/probability.js";
import { rocAuc } from "../../src/lib/metrics/roc.js";
import { deriveSeed } from "../../src/lib/random.js";
import { chooseThreshold } from "../../src/lib/threshold.js";
import { decisionSummary, round6 } from "./figures.js";
import type { FitJob } from "./jobs.js";
import { baseModel, type EnsembleDefinition } from "./registry.js";

/**
 * Base models to run the original's way: none (false), those listed, or all (true). By default all but the
 * SVM: its probabilities come from Platt scaling on cross-validated decision values, and without
 * cross-validation there it would need inner folds, four fits for one row of a comparison the other models
 * already make.
 */
export function originalModelIds(baseIds: readonly string[], option?: boolean | readonly string[]): string[] {
  if (option === false) return [];
  if (Array.isArray(option)) return baseIds.filter((id) => option.includes(id));
  return baseIds.filter((id) => option === true || baseModel(id).calibration === undefined);
}

/** The original's split: every row of the table, copies included, stratified and seeded. */
export function originalSplit(labels: Uint8Array, testFraction: number, seed: number): Split {
  const all = Int32Array.from({ length: labels.length }, (_, i) => i);
  return stratifiedSplit(labels, all, testFraction, seed);
}

/** One fit per model on the original's training rows, scoring its test rows. */
export function originalJobs(ids: readonly string[], split: Split, seed: number): FitJob[] {
  return ids.map((modelId) => ({
    modelId,
    fitRows: split.train,
    predictRows: [split.test],
    seed: deriveSeed(seed, `${modelId}:original`),
    keepModel: false,
  }));
}

export interface OriginalProtocolInput {
  /** Churn label of every row of the table. */
  readonly labels: Uint8Array;
  readonly duplicateOf: Int32Array;
  readonly split: Split;
  /** Each base model's probabilities on the original's test rows, in originalModelIds order. */
  readonly probabilities: ReadonlyMap<string, Float64Array>;
  /** The voting ensemble, if evaluated: added when all its members ran the original's way. */
  readonly voting?: EnsembleDefinition;
  /** The same models under this report's protocol, and their test probabilities. */
  readonly entries: readonly ModelEntry[];
  readonly honestTest: ReadonlyMap<string, Float64Array>;
  readonly yTest: Uint8Array;
}

export function originalProtocol(input: OriginalProtocolInput): OriginalProtocol {
  const { labels, duplicateOf, split, probabilities, voting, entries, honestTest, yTest } = input;
  const yOrig = take(labels, split.test);
  const group = (i: number) => (duplicateOf[i] === -1 ? i : duplicateOf[i]);
  const inTrain = new Set(Array.from(split.train, group));
  const withCopy = Array.from(split.test).filter((i) => inTrain.has(group(i))).length;
  const rows = [...probabilities].map(([id, p]) => ({ id, p }));
  if (voting && voting.members.every((m) => probabilities.has(m)))
    rows.push({ id: voting.id, p: softVote(voting.members.map((m) => probabilities.get(m)!)) });
  return {
    description:
      "The original project's protocol: all rows including exact copies, a stratified 80/20 split (copies of a test customer sit in the " +
      "training set), and the threshold with the best F1 read off the test set itself. Beside it, the same model under this report's protocol.",
    rows: labels.length,
    trainRows: split.train.length,
    testRows: split.test.length,
    testRowsWithCopyInTrain: withCopy,
    models: rows
      .filter((r) => entries.some((m) => m.id === r.id))
      .map(({ id, p }) => {
        const entry = entries.find((m) => m.id === id)!;
        const pTest = honestTest.get(id)!;
        const tuned = chooseThreshold({ y: yOrig, p }, { kind: "best-f1" });
        const honestTuned = chooseThreshold({ y: yTest, p: pTest }, { kind: "best-f1" });
        return {
          id,
          name: entry.name,
          original: {
            rocAuc: round6(rocAuc(yOrig, p)),
            averagePrecision: round6(averagePrecision(yOrig, p)),
            brier: round6(brier(yOrig, p)),
            atHalf: decisionSummary(yOrig, p, 0.5),
            testTuned: decisionSummary(yOrig, p, tuned.threshold),
          },
          honest: {
            rocAuc: entry.test.rocAuc.estimate,
            averagePrecision: entry.test.averagePrecision.estimate,
            brier: entry.test.brier.estimate,
            atHalf: decisionSummary(yTest, pTest, 0.5),
            oofTuned: decisionSummary(yTest, pTest, entry.thresholds["best-f1"].threshold ?? Infinity),
            testTuned: decisionSummary(yTest, pTest, honestTuned.threshold),
          },
        };
      }),
  };
}
