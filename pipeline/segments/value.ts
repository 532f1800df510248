// The value stage: what the retention-offer view ranks clusters by. Per customer p(churn) x M (the money
// column standing in for value), averaged over the cluster, with p the out-of-sample prediction where there is
// one. The page turns these into expected values of an offer as the reader moves the assumptions
// (src/lib/segments/value.ts).
import type { ClusterRiskValue } from "../../src/lib/segments/value.js";

export interface ClusterValueInput {
  readonly id: number;
  readonly name: string;
  /** Table rows of the cluster. */
  readonly members: readonly number[];
  readonly churnRate: number;
  /** Mean out-of-sample prediction of the members, or null when none has one. */
  readonly meanPredicted: number | null;
  /** Out-of-sample churn probability per table row (NaN where none), or null when no model ran. */
  readonly oofProbability: Float64Array | null;
  readonly churn: Uint8Array;
  /** M per table row, blanks imputed. */
  readonly monetary: Float64Array;
}

/**
 * p is the customer's prediction where available, else the cluster's mean prediction, else the observed
 * churn flag; the cluster's p(churn) is its mean prediction when a model ran, else its churn rate.
 */
export function clusterValue(input: ClusterValueInput): ClusterRiskValue {
  const { id, name, members, churnRate, meanPredicted, oofProbability, churn, monetary } = input;
  const size = members.length;
  let riskValue = 0;
  let value = 0;
  for (const i of members) {
    const p = oofProbability
      ? Number.isFinite(oofProbability[i])
        ? oofProbability[i]
        : (meanPredicted ?? churn[i])
      : churn[i];
    riskValue += p * monetary[i];
    value += monetary[i];
  }
  return {
    id,
    name,
    size,
    meanPChurn: oofProbability && meanPredicted !== null ? meanPredicted : churnRate,
    meanCashback: size > 0 ? value / size : 0,
    meanRiskCashback: size > 0 ? riskValue / size : 0,
  };
}
