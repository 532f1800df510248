// Last build's model on this build's customers: the baseline's deployed model and threshold score the new
// labelled customers, as the Score page would have scored them, and the figures are set beside the new
// model's honest test-set figures (and the baseline model's own test-set figures, when it has them).
import type { BacktestSection, ModelFigures, ReportedFigures } from "../../src/lib/changes/artifact.js";
import type { ChurnTable } from "../../src/lib/data/table.js";
import { bootstrapIntervals, type Interval } from "../../src/lib/metrics/bootstrap.js";
import { calibrationBins, expectedCalibrationError } from "../../src/lib/metrics/calibration.js";
import { confusionAt, precisionOf, recallOf } from "../../src/lib/threshold.js";
import { averagePrecision } from "../../src/lib/metrics/pr.js";
import { brier } from "../../src/lib/metrics/probability.js";
import { rocAuc } from "../../src/lib/metrics/roc.js";
import type { ModelsArtifact } from "../../src/lib/models/artifact.js";
import type { ModelBundle } from "../../src/lib/scoring/bundle.js";
import { scoreTable } from "../../src/lib/scoring/score.js";

export const BACKTEST_REPS = 1000;

/**
 * The selected model's test-set figures as its models.json reports them (intervals from that build's own
 * bootstrap); the mean prediction comes from the stored test predictions.
 */
export function reportedFigures(models: ModelsArtifact): ReportedFigures {
  const selected = models.models.find((m) => m.id === models.selected.id);
  if (!selected) throw new Error(`models.json: the selected model ${models.selected.id} is not among the models`);
  const policy = models.selected.policy;
  const test = selected.test;
  const at = test.atThreshold[policy];
  const { y, p } = models.selectedPredictions.test;
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const interval = (f: { estimate: number; lo: number; hi: number }): Interval => ({
    estimate: f.estimate,
    lo: f.lo,
    hi: f.hi,
  });
  return {
    id: selected.id,
    name: selected.name,
    policy,
    customers: y.length,
    churners: sum(y),
    threshold: at.threshold ?? Number.MAX_VALUE,
    rocAuc: interval(test.rocAuc),
    prAuc: interval(test.averagePrecision),
    brier: interval(test.brier),
    precision: interval(at.precision),
    recall: interval(at.recall),
    flagged: at.confusion.tp + at.confusion.fp,
    calibration: {
      meanPredicted: y.length ? sum(p) / y.length : NaN,
      observedRate: y.length ? sum(y) / y.length : NaN,
      ece: expectedCalibrationError(test.curves.calibration),
      bins: test.curves.calibration,
    },
  };
}

/** Figures of probabilities `p` for outcomes `y` at `threshold`, with stratified bootstrap intervals. */
export function modelFigures(y: Uint8Array, p: Float64Array, threshold: number, seed: number): ModelFigures {
  const metrics = {
    rocAuc: (yb: Uint8Array, pb: Float64Array) => rocAuc(yb, pb),
    prAuc: (yb: Uint8Array, pb: Float64Array) => averagePrecision(yb, pb),
    brier: (yb: Uint8Array, pb: Float64Array) => brier(yb, pb),
    precision: (yb: Uint8Array, pb: Float64Array) => precisionOf(confusionAt(yb, pb, threshold)),
    recall: (yb: Uint8Array, pb: Float64Array) => recallOf(confusionAt(yb, pb, threshold)),
  };
  const figures = bootstrapIntervals(metrics, y, p, { reps: BACKTEST_REPS, seed });
  const bins = calibrationBins(y, p, { bins: 10 });
  let sumP = 0;
  let churners = 0;
  for (let i = 0; i < y.length; i++) {
    sumP += p[i];
    churners += y[i];
  }
  const c = confusionAt(y, p, threshold);
  return {
    customers: y.length,
    churners,
    threshold,
    ...figures,
    flagged: c.tp + c.fp,
    calibration: {
      meanPredicted: y.length ? sumP / y.length : NaN,
      observedRate: y.length ? churners / y.length : NaN,
      ece: expectedCalibrationError(bins),
      bins,
    },
  };
}

/** The baseline's bundle scores `table` (labelled); its probabilities are returned for the segments and tests. */
export function backtest(options: {
  readonly bundle: ModelBundle;
  readonly table: ChurnTable;
  readonly baselineIds: ReadonlySet<string>;
  readonly baselineModels: ModelsArtifact | null;
  readonly newModels: ModelsArtifact;
  readonly seed: number;
}): { section: BacktestSection; probability: Float64Array } {
  const { bundle, table, newModels } = options;
  if (!table.churn) throw new Error("backtest: the new table has no churn column");
  const probability = scoreTable(bundle, table, { reasons: false }).probability;
  const onNewCustomers = modelFigures(table.churn, probability, bundle.threshold.value, options.seed);
  const idsInBaseline = table.ids.filter((id) => options.baselineIds.has(id)).length;

  const newModel = reportedFigures(newModels);
  const baselineOnItsTest = options.baselineModels ? reportedFigures(options.baselineModels) : null;
  return {
    probability,
    section: {
      baselineModel: { id: bundle.modelId, name: bundle.modelName, policy: bundle.threshold.policy },
      onNewCustomers,
      idsInBaseline,
      newModel,
      baselineOnItsTest,
      method:
        `95% intervals from ${BACKTEST_REPS} stratified bootstrap resamples of the customers scored; precision and ` +
        `recall at each model's own deployed threshold; the test sets' figures are read from each build's models.json`,
    },
  };
}
