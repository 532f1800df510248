// Constructed cluster profiles, shaped like the segments stage's output on the real data (5,630
// customers, 16.8% churn), so the persona tests do not depend on the segments stage running.

import type { BaseProfile, ClusterProfile } from "../src/lib/segments/types.js";

/** R, F and M in that order: figures in original units, or their levels against the base. */
function rfm<T>(recency: T, frequency: T, monetary: T): { recency: T; frequency: T; monetary: T } {
  return { recency, frequency, monetary };
}

export const BASE: BaseProfile = {
  size: 5630,
  churnRate: 0.1684,
  mean: rfm(4.54, 3.01, 177.2),
  median: rfm(3, 2, 163.3),
};

/** A profile named and sized as the segments stage writes it: "Cluster <id>", its share of the base. */
function cluster(
  id: number,
  size: number,
  figures: Omit<ClusterProfile, "id" | "name" | "size" | "share">,
): ClusterProfile {
  return { id, name: `Cluster ${id}`, size, share: size / BASE.size, ...figures };
}

/** Low churn, frequent, high cashback, long tenure. */
export const LOYAL = cluster(0, 1480, {
  churnRate: 0.0649,
  churnRateLow: 0.0532,
  churnRateHigh: 0.0789,
  meanPredicted: 0.071,
  centre: rfm(8.1, 5.9, 232.4),
  mean: rfm(8.3, 6.1, 236.9),
  median: rfm(8, 5, 221.5),
  levels: rfm("high", "high", "high"),
  churnLevel: "low",
  distinctive: [
    { feature: "Tenure", clusterValue: 15.2, baseValue: 10.19, standardisedDifference: 0.59 },
    { feature: "CouponUsed", clusterValue: 3.1, baseValue: 1.75, standardisedDifference: 0.71 },
    { feature: "PreferedOrderCat = Grocery", clusterValue: 0.21, baseValue: 0.073, standardisedDifference: 0.52 },
    { feature: "Complain", clusterValue: 0.22, baseValue: 0.285, standardisedDifference: -0.14 },
  ],
});

/** Middling on everything, churn near the base. */
export const MAINSTREAM = cluster(1, 2410, {
  churnRate: 0.1532,
  churnRateLow: 0.1393,
  churnRateHigh: 0.1682,
  meanPredicted: 0.158,
  centre: rfm(3.9, 2.1, 170.2),
  mean: rfm(4.0, 2.2, 171.5),
  median: rfm(3, 2, 160.1),
  levels: rfm("mid", "mid", "mid"),
  churnLevel: "mid",
  distinctive: [
    {
      feature: "PreferedOrderCat = Laptop & Accessory",
      clusterValue: 0.47,
      baseValue: 0.364,
      standardisedDifference: 0.22,
    },
    { feature: "HourSpendOnApp", clusterValue: 2.9, baseValue: 2.93, standardisedDifference: -0.04 },
  ],
});

/** High churn: recent, light buyers, new and complaining. */
export const AT_RISK = cluster(2, 1740, {
  churnRate: 0.3126,
  churnRateLow: 0.2912,
  churnRateHigh: 0.3348,
  meanPredicted: 0.297,
  centre: rfm(1.6, 1.5, 139.8),
  mean: rfm(1.7, 1.6, 141.2),
  median: rfm(1, 1, 135.9),
  levels: rfm("low", "low", "low"),
  churnLevel: "high",
  distinctive: [
    { feature: "Tenure", clusterValue: 4.1, baseValue: 10.19, standardisedDifference: -0.72 },
    { feature: "Complain", clusterValue: 0.39, baseValue: 0.285, standardisedDifference: 0.23 },
    { feature: "PreferedOrderCat = Mobile Phone", clusterValue: 0.36, baseValue: 0.226, standardisedDifference: 0.33 },
    { feature: "WarehouseToHome", clusterValue: 17.9, baseValue: 15.64, standardisedDifference: 0.27 },
  ],
});

export const PROFILES: readonly ClusterProfile[] = [LOYAL, MAINSTREAM, AT_RISK];

/** A valid model answer (what the mock returns for "ok"). */
export const GOOD_ANSWER = {
  name: "New, unhappy mobile shoppers",
  who: "1,740 customers (30.9% of the base) who ordered 1.7 days ago on average and churn at 31.3% against 16.8%.",
  risk: "They leave early: almost a third churned, and complaints run above the base.",
  actions: ["Call back complainers within 48 hours.", "Run a first-90-days programme."],
  priority: "high",
} as const;
