// The test set, scored once by each model fitted on the whole training set: ROC-AUC, PR-AUC, log-loss and
// Brier score, the decisions at each policy's threshold (chosen beforehand on out-of-fold probabilities), all
// with stratified bootstrap intervals on the same resamples for every model; the curves; importance.
import { calibrationBins } from "../../src/lib/metrics/calibration.js";
import { liftAndGains } from "../../src/lib/metrics/gains.js";
import { prCurve } from "../../src/lib/metrics/pr.js";
import { rocCurve } from "../../src/lib/metrics/roc.js";
import { testSetIntervals } from "../../src/lib/metrics/test-set-bootstrap.js";
import type { TestAtThreshold, TestFigures } from "../../src/lib/models/artifact.js";
import type { ExportedModel } from "../../src/lib/models/types.js";
import {
  expectedCostPerCustomer,
  figuresAt,
  POLICY_KINDS,
  type Costs,
  type PolicyKind,
} from "../../src/lib/threshold.js";
import { gainImportance } from "../../src/lib/trees/shap.js";
import { intervalFigure, round6, roundAll, thresholdValue } from "./figures.js";
import { thinCurve } from "./thin-curve.js";

export interface TestFiguresInput {
  /** Test labels and the model's test probabilities. */
  readonly y: Uint8Array;
  readonly p: Float64Array;
  /** Each policy's threshold, chosen on out-of-fold probabilities (Infinity: flag nobody). */
  readonly thresholds: Readonly<Record<PolicyKind, number>>;
  readonly costs: Costs;
  /** Bootstrap resamples, and their seed (the same for every model, so they share resamples). */
  readonly reps: number;
  readonly seed: number;
  /** The final model: a tree ensemble's gain importance is read from it. */
  readonly model: ExportedModel;
  /** Permutation importance on the test set (importance.ts), in column order. */
  readonly permutation: readonly { readonly column: string; readonly mean: number; readonly sd: number }[];
}

export function testFigures(input: TestFiguresInput): TestFigures {
  const { y, p, thresholds, costs, reps, seed, model, permutation } = input;
  const iv = testSetIntervals(y, p, thresholds, { reps, seed });
  const atThreshold = Object.fromEntries(
    POLICY_KINDS.map((kind): [PolicyKind, TestAtThreshold] => {
      const t = thresholds[kind];
      const f = figuresAt(y, p, t);
      return [
        kind,
        {
          threshold: thresholdValue(t),
          confusion: { tp: f.tp, fp: f.fp, tn: f.tn, fn: f.fn },
          precision: intervalFigure(iv.at[kind].precision),
          recall: intervalFigure(iv.at[kind].recall),
          f1: intervalFigure(iv.at[kind].f1),
          accuracy: intervalFigure(iv.at[kind].accuracy),
          costPerCustomer: round6(expectedCostPerCustomer(f, costs)),
        },
      ];
    }),
  ) as Record<PolicyKind, TestAtThreshold>;
  const half = figuresAt(y, p, 0.5);
  const roc = rocCurve(y, p);
  const pr = prCurve(y, p);
  const gain =
    model.kind === "tree-ensemble"
      ? Array.from(gainImportance(model.model), (share, j) => ({
          feature: model.model.featureNames[j],
          share: round6(share),
        }))
      : null;
  return {
    rocAuc: intervalFigure(iv.rocAuc),
    averagePrecision: intervalFigure(iv.averagePrecision),
    logLoss: intervalFigure(iv.logLoss),
    brier: intervalFigure(iv.brier),
    atThreshold,
    atHalf: {
      precision: round6(half.precision),
      recall: round6(half.recall),
      f1: round6(half.f1),
      accuracy: round6(half.accuracy),
    },
    curves: {
      roc: thinCurve({ fpr: roundAll(roc.fpr), tpr: roundAll(roc.tpr) }),
      pr: thinCurve({ recall: roundAll(pr.recall), precision: roundAll(pr.precision) }),
      calibration: calibrationBins(y, p, { bins: 10 }).map((b) => ({
        ...b,
        meanPredicted: round6(b.meanPredicted),
        observedRate: round6(b.observedRate),
        lo: round6(b.lo),
        hi: round6(b.hi),
      })),
      gains: liftAndGains(y, p, { points: 20 }).map((g) => ({
        ...g,
        gain: round6(g.gain),
        lift: round6(g.lift),
        stepRate: round6(g.stepRate),
      })),
    },
    importance: {
      permutation: permutation.map((r) => ({ column: r.column, mean: round6(r.mean), sd: round6(r.sd) })),
      gain,
    },
  };
}
