// Number and feature wording shared by the rules writer and the prompt. Locale-free on purpose:
// toLocaleString differs between Node builds and browsers, and the same profile must give the same text
// (and the same prompt, hence the same cache key) everywhere.

import { columnSpec } from "../data/schema.js";
import type { DistinctiveFeature, Level } from "../segments/types.js";

/** 5630 -> "5,630". */
export function formatCount(n: number): string {
  const rounded = Math.round(n);
  const digits = String(Math.abs(rounded));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return rounded < 0 ? `-${grouped}` : grouped;
}

/** A mean in original units: one decimal below 100, whole (grouped) above. */
export function formatMean(v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  if (Math.abs(v) >= 100) return formatCount(v);
  const s = v.toFixed(1);
  return s === "-0.0" ? "0.0" : s;
}

/** 0.1683 -> "16.8%". */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return "n/a";
  const s = (p * 100).toFixed(1);
  return `${s === "-0.0" ? "0.0" : s}%`;
}

/** 1.94 -> "1.9×". */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return "n/a";
  return `${r.toFixed(1)}×`;
}

/** Signed standardised difference, "+0.84 sd" / "-1.20 sd". */
export function formatSd(d: number): string {
  if (!Number.isFinite(d)) return "n/a";
  const s = d.toFixed(2);
  return `${d >= 0 && !s.startsWith("-") ? "+" : ""}${s === "-0.00" ? "0.00" : s} sd`;
}

/** "PreferedOrderCat = Mobile Phone" -> {column, value}; a numeric feature has no value. */
export function splitFeature(feature: string): { column: string; value: string | null } {
  const at = feature.indexOf(" = ");
  if (at < 0) return { column: feature, value: null };
  return { column: feature.slice(0, at), value: feature.slice(at + 3) };
}

/** Columns whose mean is a share (0/1 flags), so they read as percentages. */
const FLAG_COLUMNS = new Set(["Complain"]);

/** Whether the feature's values are shares (categories and 0/1 flags) rather than means. */
export function isShareFeature(feature: string): boolean {
  const { column, value } = splitFeature(feature);
  return value !== null || FLAG_COLUMNS.has(column);
}

export function formatFeatureValue(feature: string, v: number): string {
  if (isShareFeature(feature)) return formatPercent(v);
  const spec = columnSpec(splitFeature(feature).column);
  const unit = spec && spec.kind === "numeric" ? spec.unit : undefined;
  if (unit === "percent") return `${formatMean(v)}%`;
  if (unit === "days" || unit === "months" || unit === "hours" || unit === "km") return `${formatMean(v)} ${unit}`;
  return formatMean(v);
}

// Plain-language phrases for the columns of this data set; an unknown column still reads correctly through
// the generic phrasing below, so a new input column never breaks the text.
const NUMERIC_PHRASES: Readonly<Record<string, (v: string) => string>> = {
  Tenure: (v) => `tenure averages ${v}`,
  CityTier: (v) => `the average city tier is ${v}`,
  WarehouseToHome: (v) => `they live ${v} from the warehouse on average`,
  HourSpendOnApp: (v) => `they spend ${v} on the app`,
  NumberOfDeviceRegistered: (v) => `they have ${v} devices registered`,
  SatisfactionScore: (v) => `their satisfaction score averages ${v} out of 5`,
  NumberOfAddress: (v) => `they have ${v} saved addresses`,
  Complain: (v) => `${v} complained in the last month`,
  OrderAmountHikeFromlastYear: (v) => `order amounts grew ${v} on last year`,
  CouponUsed: (v) => `they used ${v} coupons last month`,
  OrderCount: (v) => `they placed ${v} orders last month`,
  DaySinceLastOrder: (v) => `their last order was ${v} ago`,
  CashbackAmount: (v) => `cashback averages ${v}`,
};

const CATEGORY_PHRASES: Readonly<Record<string, (share: string, value: string) => string>> = {
  PreferredLoginDevice: (s, v) => `${s} log in mainly from a ${v.toLowerCase()}`,
  PreferredPaymentMode: (s, v) => `${s} pay mainly by ${v}`,
  Gender: (s, v) => `${s} are ${v.toLowerCase()}`,
  PreferedOrderCat: (s, v) => `${s} prefer ${v === "Others" ? "other categories" : v}`,
  MaritalStatus: (s, v) => `${s} are ${v.toLowerCase()}`,
};

/** "tenure averages 2.1 months (base 10.2 months)". */
export function describeDistinctive(f: DistinctiveFeature): string {
  const { column, value } = splitFeature(f.feature);
  const cluster = formatFeatureValue(f.feature, f.clusterValue);
  const base = formatFeatureValue(f.feature, f.baseValue);
  if (value !== null) {
    const phrase = CATEGORY_PHRASES[column];
    // "0.0% prefer Mobile Phone" reads like a rounding accident; "none" is what it means.
    if (f.clusterValue < 0.0005) {
      const none = phrase ? phrase("none", value) : `none have ${column} = ${value}`;
      return `${none} (base ${base})`;
    }
    return `${phrase ? phrase(cluster, value) : `${cluster} have ${column} = ${value}`} (base ${base})`;
  }
  const phrase = NUMERIC_PHRASES[column];
  return `${phrase ? phrase(cluster) : `${column} averages ${cluster}`} (base ${base})`;
}

const SHORT_NAMES: Readonly<Record<string, readonly [low: string, high: string]>> = {
  Tenure: ["newer customers", "long-standing customers"],
  Complain: ["few complaints", "complainers"],
  SatisfactionScore: ["low satisfaction", "high satisfaction"],
  WarehouseToHome: ["close to the warehouse", "far from the warehouse"],
  HourSpendOnApp: ["little app time", "heavy app users"],
  CouponUsed: ["few coupons", "coupon users"],
  CityTier: ["tier-1 cities", "tier-2/3 cities"],
  NumberOfDeviceRegistered: ["few devices", "many devices"],
  NumberOfAddress: ["few addresses", "many addresses"],
  OrderAmountHikeFromlastYear: ["flat spend", "growing spend"],
};

/** A few words naming what a feature says about the group, for telling similar personas apart. */
export function shortFeatureLabel(f: DistinctiveFeature): string {
  const { column, value } = splitFeature(f.feature);
  if (value !== null) return f.standardisedDifference >= 0 ? `mostly ${value}` : `few ${value}`;
  const names = SHORT_NAMES[column];
  if (names) return f.standardisedDifference >= 0 ? names[1] : names[0];
  return `${f.standardisedDifference >= 0 ? "high" : "low"} ${column}`;
}

/** How a level reads for each RFM axis; recency "low" means few days since the last order. */
export const LEVEL_WORDS: Readonly<Record<"recency" | "frequency" | "monetary", Readonly<Record<Level, string>>>> = {
  recency: { low: "more recent than most", mid: "typical", high: "further back than most" },
  frequency: { low: "below most", mid: "typical", high: "above most" },
  monetary: { low: "below most", mid: "typical", high: "above most" },
};
