// The "what changed" stage: this build against a baseline (a previous run's artifacts). Produces
// changes.json: per-column drift, the churn rate then and now, the baseline's model on this build's
// customers beside the new model, and the customers' moves between segments. With an unlabelled file the
// baseline's model scores it instead (no new model is trained) and the churn rate now is an expectation.
import type {
  BacktestSection,
  BuildSide,
  ChangesArtifact,
  DriftedInModel,
  DriftSection,
  OwnCalibration,
  ReportedFigures,
} from "../../src/lib/changes/artifact.js";
import { basename } from "node:path";
import { InputError } from "../../src/lib/data/errors.js";
import { distinctRows } from "../../src/lib/data/split.js";
import type { Summary } from "../../src/lib/data/summary.js";
import { selectTableRows, type ChurnTable } from "../../src/lib/data/table.js";
import type { ModelsArtifact } from "../../src/lib/models/artifact.js";
import { deriveSeed } from "../../src/lib/random.js";
import { scoreTable } from "../../src/lib/scoring/score.js";
import type { SegmentModel } from "../../src/lib/segments/rfm.js";
import type { SegmentsArtifact } from "../../src/lib/segments/artifact.js";
import { expectedCount } from "../../src/lib/stats/expected-count.js";
import { rateDifference, wilsonInterval, type RateDifference, type RateInterval } from "../../src/lib/stats/tests.js";
import { backtest, reportedFigures } from "./backtest.js";
import { columnDrift } from "./column-drift.js";
import type { Baseline } from "./read-baseline.js";
import { segmentMoves, type SegmentAssignment } from "./segment-moves.js";

export interface ChangesInput {
  readonly baseline: Baseline;
  readonly summary: Summary;
  readonly table: ChurnTable;
  readonly duplicateOf: ArrayLike<number>;
  readonly seed: number;
  /** What this build trained; null for an unlabelled file (the baseline's model scores it). */
  readonly trained: {
    readonly models: ModelsArtifact;
    readonly segmentModel: SegmentModel;
    readonly segments: SegmentsArtifact;
  } | null;
}

/** The baseline's model or segments failing on this file is a mismatch between the two builds: say so, naming the file. */
function scoreWithBaseline<T>(baseline: Baseline, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw InputError.fileProblem(
      baseline.files.paths.model ?? baseline.files.dir,
      `cannot be applied to this build's data: ${(error as Error).message}`,
    );
  }
}

function side(summary: Summary, customers: number): BuildSide {
  return { file: summary.source.file, sha256: summary.source.sha256, rows: summary.rows, customers };
}

function churnRateOf(churn: Uint8Array): RateInterval {
  let x = 0;
  for (let i = 0; i < churn.length; i++) x += churn[i];
  return wilsonInterval(x, churn.length);
}

/** How the baseline's model was calibrated on its own held-out customers, as its models.json reports them. */
function ownCalibration(figures: ReportedFigures): OwnCalibration {
  const c = figures.calibration;
  return { customers: figures.customers, meanPredicted: c.meanPredicted, observedRate: c.observedRate, ece: c.ece };
}

/**
 * Each drifted column's rank in the baseline model's permutation importance on its test set (1: the column the
 * model leans on most): a drifted column the model leans on is where its probabilities are least to be trusted.
 */
function driftedInModel(drift: DriftSection, models: ModelsArtifact): DriftedInModel[] {
  const selected = models.models.find((m) => m.id === models.selected.id);
  const ranked = [...(selected?.test.importance.permutation ?? [])].sort((a, b) => b.mean - a.mean);
  return drift.columns.flatMap((d) => {
    const at = ranked.findIndex((r) => r.column === d.column);
    return d.drifted && at >= 0 ? [{ column: d.column, rank: at + 1, of: ranked.length }] : [];
  });
}

export function buildChanges(input: ChangesInput): ChangesArtifact {
  const { baseline, trained } = input;
  const then = selectTableRows(baseline.table, distinctRows(baseline.duplicateOf));
  const now = selectTableRows(input.table, distinctRows(input.duplicateOf));
  if (!then.churn) throw new Error("baseline cleaned.json has no churn column: it is not a trained build");
  const labelled = now.churn !== null;
  if (labelled !== (trained !== null)) throw new Error("buildChanges: a labelled file needs the build's models");

  const drift = columnDrift(then, now);
  const rateThen = churnRateOf(then.churn);
  const baselineIds = new Set(baseline.table.ids);

  let backtestSection: BacktestSection | null = null;
  let churnNow: RateInterval | null = null;
  let difference: RateDifference | null = null;
  let expected: ChangesArtifact["churnRate"]["expected"] = null;
  let nowAssignment: SegmentAssignment;
  const thenPoints = baseline.segments.points;
  const thenAssignment: SegmentAssignment = {
    model: baseline.bundle.segments,
    ids: thenPoints.id,
    cluster: thenPoints.cluster,
    churn: thenPoints.churn,
  };
  if (trained && now.churn) {
    backtestSection = scoreWithBaseline(
      baseline,
      () =>
        backtest({
          bundle: baseline.bundle,
          table: now,
          baselineIds,
          baselineModels: baseline.models,
          newModels: trained.models,
          seed: deriveSeed(input.seed, "changes:backtest"),
        }).section,
    );
    churnNow = churnRateOf(now.churn);
    difference = rateDifference(churnNow.x, churnNow.n, rateThen.x, rateThen.n);
    const points = trained.segments.points;
    nowAssignment = { model: trained.segmentModel, ids: points.id, cluster: points.cluster, churn: points.churn };
  } else {
    // No labels: the baseline's model and segments score this file, as the Score page would.
    const scored = scoreWithBaseline(baseline, () => scoreTable(baseline.bundle, now, { reasons: false }));
    let flagged = 0;
    for (let i = 0; i < scored.decision.length; i++) flagged += scored.decision[i] ? 1 : 0;
    expected = {
      ...expectedCount(scored.probability),
      note:
        "expected from the baseline model's probabilities, which were calibrated on the baseline's customers: " +
        "if the customers drifted, the probabilities may no longer be calibrated",
      flagged,
      baselineTest: baseline.models ? ownCalibration(reportedFigures(baseline.models)) : null,
      driftedInModel: baseline.models ? driftedInModel(drift, baseline.models) : null,
    };
    nowAssignment = { model: baseline.bundle.segments, ids: now.ids, cluster: scored.cluster, churn: null };
  }

  return {
    version: 1,
    baseline: {
      // A large baseline sent its pages a sample of its customers: the count is the whole table's.
      ...side(baseline.summary, baseline.cleanedSample ? baseline.cleanedSample.distinct : then.nRows),
      folder: basename(baseline.files.dir),
      layout: baseline.files.layout,
      model: {
        id: baseline.bundle.modelId,
        name: baseline.bundle.modelName,
        threshold: baseline.bundle.threshold.value,
        policy: baseline.bundle.threshold.policy,
      },
    },
    current: { ...side(input.summary, now.nRows), labelled },
    drift,
    churnRate: { then: rateThen, now: churnNow, difference, expected },
    backtest: backtestSection,
    segments: scoreWithBaseline(baseline, () => segmentMoves(thenAssignment, nowAssignment)),
  };
}
