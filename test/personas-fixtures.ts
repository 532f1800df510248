// Constructed cluster profiles, shaped like the segments stage's output on the real data (5,630
// customers, 16.8% churn), so the persona tests do not depend on the segments stage running.

import type { BaseProfile, ClusterProfile } from "../src/lib/segments/types.js";

export const BASE: BaseProfile = {
  size: 5630,
  churnRate: 0.1684,
  mean: { recency: 4.54, frequency: 3.01, monetary: 177.2 },
  median: { recency: 3, frequency: 2, monetary: 163.3 },
};

/** Low churn, frequent, high cashback, long tenure. */
export const LOYAL: ClusterProfile = {
  id: 0,
  name: "Cluster 0",
  size: 1480,
  share: 1480 / 5630,
  churnRate: 0.0649,
  churnRateLow: 0.0532,
  churnRateHigh: 0.0789,
  meanPredicted: 0.071,
  centre: { recency: 8.1, frequency: 5.9, monetary: 232.4 },
  mean: { recency: 8.3, frequency: 6.1, monetary: 236.9 },
  median: { recency: 8, frequency: 5, monetary: 221.5 },
  levels: { recency: "high", frequency: "high", monetary: "high" },
  churnLevel: "low",
  distinctive: [
    { feature: "Tenure", clusterValue: 15.2, baseValue: 10.19, standardisedDifference: 0.59 },
    { feature: "CouponUsed", clusterValue: 3.1, baseValue: 1.75, standardisedDifference: 0.71 },
    { feature: "PreferedOrderCat = Grocery", clusterValue: 0.21, baseValue: 0.073, standardisedDifference: 0.52 },
    { feature: "Complain", clusterValue: 0.22, baseValue: 0.285, standardisedDifference: -0.14 },
  ],
};

/** Middling on everything, churn near the base. */
export const MAINSTREAM: ClusterProfile = {
  id: 1,
  name: "Cluster 1",
  size: 2410,
  share: 2410 / 5630,
  churnRate: 0.1532,
  churnRateLow: 0.1393,
  churnRateHigh: 0.1682,
  meanPredicted: 0.158,
  centre: { recency: 3.9, frequency: 2.1, monetary: 170.2 },
  mean: { recency: 4.0, frequency: 2.2, monetary: 171.5 },
  median: { recency: 3, frequency: 2, monetary: 160.1 },
  levels: { recency: "mid", frequency: "mid", monetary: "mid" },
  churnLevel: "mid",
  distinctive: [
    { feature: "PreferedOrderCat = Laptop & Accessory", clusterValue: 0.47, baseValue: 0.364, standardisedDifference: 0.22 },
    { feature: "HourSpendOnApp", clusterValue: 2.9, baseValue: 2.93, standardisedDifference: -0.04 },
  ],
};

/** High churn: recent, light buyers, new and complaining. */
export const AT_RISK: ClusterProfile = {
  id: 2,
  name: "Cluster 2",
  size: 1740,
  share: 1740 / 5630,
  churnRate: 0.3126,
  churnRateLow: 0.2912,
  churnRateHigh: 0.3348,
  meanPredicted: 0.297,
  centre: { recency: 1.6, frequency: 1.5, monetary: 139.8 },
  mean: { recency: 1.7, frequency: 1.6, monetary: 141.2 },
  median: { recency: 1, frequency: 1, monetary: 135.9 },
  levels: { recency: "low", frequency: "low", monetary: "low" },
  churnLevel: "high",
  distinctive: [
    { feature: "Tenure", clusterValue: 4.1, baseValue: 10.19, standardisedDifference: -0.72 },
    { feature: "Complain", clusterValue: 0.39, baseValue: 0.285, standardisedDifference: 0.23 },
    { feature: "PreferedOrderCat = Mobile Phone", clusterValue: 0.36, baseValue: 0.226, standardisedDifference: 0.33 },
    { feature: "WarehouseToHome", clusterValue: 17.9, baseValue: 15.64, standardisedDifference: 0.27 },
  ],
};

export const PROFILES: readonly ClusterProfile[] = [LOYAL, MAINSTREAM, AT_RISK];

/** A valid model answer (what the mock returns for "ok"). */
export const GOOD_ANSWER = {
  name: "New, unhappy mobile shoppers",
  who: "1,740 customers (30.9% of the base) who ordered 1.7 days ago on average and churn at 31.3% against 16.8%.",
  risk: "They leave early: almost a third churned, and complaints run above the base.",
  actions: ["Call back complainers within 48 hours.", "Run a first-90-days programme."],
  priority: "high",
} as const;
