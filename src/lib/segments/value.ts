// The arithmetic of a retention offer, browser-safe so the page recomputes it as the reader moves the
// assumption sliders. Nothing here is fitted: every number that is not data is an assumption the reader sets.
//
// Expected value of offering a customer a retention incentive:
//   EV = p(churn) x value x p(offer saves | would churn) - offer cost
// The cost is paid for every customer offered, churner or not; the value is only kept for a churner the
// offer saves. Value here is a proxy: the data has no revenue column, so value = CashbackAmount x a
// multiplier the reader chooses (e.g. 10 if cashback is about 10% of what the customer brings in).

export interface OfferInput {
  /** Probability the customer churns without the offer (0-1). */
  readonly pChurn: number;
  /** What keeping the customer is worth, in money units. */
  readonly value: number;
  /** Probability the offer keeps a customer who would otherwise churn (0-1). */
  readonly pSave: number;
  /** Cost of making the offer to one customer. */
  readonly offerCost: number;
}

/** p(churn) x value x p(save) - cost. */
export function offerExpectedValue({ pChurn, value, pSave, offerCost }: OfferInput): number {
  return pChurn * value * pSave - offerCost;
}

export interface OfferAssumptions {
  /** Customer value per unit of CashbackAmount. */
  readonly valuePerCashback: number;
  readonly pSave: number;
  readonly offerCost: number;
}

/** Defaults for the page's sliders: round numbers meant to be changed, not estimates. */
export const DEFAULT_OFFER_ASSUMPTIONS: OfferAssumptions = { valuePerCashback: 10, pSave: 0.3, offerCost: 50 };

/** Customer value proxy from CashbackAmount. */
export function customerValue(cashback: number, assumptions: Pick<OfferAssumptions, "valuePerCashback">): number {
  return cashback * assumptions.valuePerCashback;
}

/** What the page needs per cluster to rank it; produced by the segments stage. */
export interface ClusterRiskValue {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  /** Mean churn probability used for the ranking (predicted when a model ran, else the observed rate). */
  readonly meanPChurn: number;
  /** Mean CashbackAmount of the cluster. */
  readonly meanCashback: number;
  /**
   * Mean over the cluster's customers of p(churn) x CashbackAmount. EV is linear in value, so the mean of the
   * per-customer EVs is meanRiskCashback x valuePerCashback x pSave - cost exactly; using the product of the
   * two means instead would ignore that risk and value go together (or against each other) within a cluster.
   */
  readonly meanRiskCashback: number;
}

export interface ClusterPriority {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  /** Expected value of offering every customer of the cluster, per customer. */
  readonly evPerCustomer: number;
  /** The same for the whole cluster. */
  readonly evTotal: number;
  /** An offer to the whole cluster pays for itself on average. */
  readonly worthOffering: boolean;
  /** 1 = highest evTotal. */
  readonly rank: number;
}

/** Per-cluster expected value of an offer to everyone in the cluster, ranked by total EV (ties by id). */
export function clusterPriorities(
  clusters: readonly ClusterRiskValue[],
  assumptions: OfferAssumptions,
): ClusterPriority[] {
  const rows = clusters.map((c) => {
    const evPerCustomer = offerExpectedValue({
      pChurn: 1,
      value: c.meanRiskCashback * assumptions.valuePerCashback,
      pSave: assumptions.pSave,
      offerCost: assumptions.offerCost,
    });
    return {
      id: c.id,
      name: c.name,
      size: c.size,
      evPerCustomer,
      evTotal: evPerCustomer * c.size,
      worthOffering: evPerCustomer > 0,
    };
  });
  const order = rows.map((_, i) => i).sort((a, b) => rows[b].evTotal - rows[a].evTotal || rows[a].id - rows[b].id);
  const ranks = new Array<number>(rows.length);
  order.forEach((i, r) => (ranks[i] = r + 1));
  return rows.map((row, i) => ({ ...row, rank: ranks[i] }));
}

/**
 * Smallest p(churn) at which an offer to a customer of this value breaks even: cost / (value x pSave).
 * Infinity when the offer can never pay (no value or no chance of saving).
 */
export function breakEvenPChurn(value: number, pSave: number, offerCost: number): number {
  const gain = value * pSave;
  return gain > 0 ? offerCost / gain : Infinity;
}

export type RiskValueQuadrant =
  "High risk, high value" | "High risk, low value" | "Low risk, high value" | "Low risk, low value";

/** Quadrant of the risk x value view; at a cut counts as high. */
export function riskValueQuadrant(pChurn: number, value: number, riskCut: number, valueCut: number): RiskValueQuadrant {
  const risk = pChurn >= riskCut ? "High risk" : "Low risk";
  const val = value >= valueCut ? "high value" : "low value";
  return `${risk}, ${val}` as RiskValueQuadrant;
}
