// A build on a file without a churn column (given a baseline, whose model scores it) trains nothing: it has no
// models, segments, hypotheses or personas. Their data files then hold this stub instead, and the pages that
// need labels hold their cells back and say why (src/components/no-labels.ts).
import type { Summary } from "./summary.js";

export interface WithoutLabels {
  readonly version: 1;
  readonly labelled: false;
  readonly reason: string;
}

export const WITHOUT_LABELS: WithoutLabels = {
  version: 1,
  labelled: false,
  reason: "the build's file has no churn column: it was scored with the baseline's model and nothing was trained",
};

/** Whether a build's summary is of a file with churn labels (an unlabelled file counts no churners). */
export function hasLabels(summary: Pick<Summary, "churners">): boolean {
  return summary.churners !== null;
}
