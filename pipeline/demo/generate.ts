// The embedded demo data: synthetic customers with the real data's schema, ranges, spellings, blank rates and
// duplicate rate, and a churn that depends on the features in the directions the real data shows and with its
// shape: concentrated in small high-risk pockets (thresholds and interactions, not slopes), so tree ensembles
// beat logistic regression here as they do there. Written from published facts about the real
// data (its README, aggregate statistics in reference/statistics.json, and churn rates by group computed
// from ../shared/data/ecommerce-churn.csv: the counts quoted below), never from its rows. Deterministic from
// the seed: the committed data/demo-churn.csv must regenerate byte for byte.
import { deriveSeed, mulberry32, randomNormal, shuffleInPlace, type Random } from "../../src/lib/random.js";
import { SCHEMA } from "../../src/lib/data/schema.js";

export const DEMO_SEED = 20240517;
export const DEMO_ROWS = 5630;
/** Share of rows that copy another customer's data under a new ID (real data: 556 of 5,630). */
export const DUPLICATE_SHARE = 0.0988;
/** Target churn probability (real data: 16.84%). */
export const TARGET_CHURN = 0.168;
const FIRST_ID = 50001;

export interface DemoData {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

type Weighted<T> = readonly (readonly [T, number])[];

function pick<T>(random: Random, options: Weighted<T>): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let u = random() * total;
  for (const [value, w] of options) {
    u -= w;
    if (u < 0) return value;
  }
  return options[options.length - 1][0];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const exponential = (random: Random, mean: number) => -mean * Math.log(1 - random());
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A customer before blanks and spellings are applied: canonical values, every feature present. */
interface Customer {
  tenure: number;
  login: string;
  tier: number;
  warehouse: number;
  payment: string;
  gender: string;
  hours: number;
  devices: number;
  orderCat: string;
  satisfaction: number;
  marital: string;
  addresses: number;
  complain: number;
  hike: number;
  noLastYear: boolean;
  coupons: number;
  orders: number;
  daysSince: number;
  cashback: number;
}

// Category shares from the real data's published value counts (variants folded into their canonical value).
const LOGIN: Weighted<string> = [
  ["Mobile Phone", 0.71],
  ["Computer", 0.29],
];
const PAYMENT: Weighted<string> = [
  ["Debit Card", 0.411],
  ["Credit Card", 0.315],
  ["E wallet", 0.109],
  ["UPI", 0.074],
  ["Cash on Delivery", 0.091],
];
const ORDER_CAT: Weighted<string> = [
  ["Laptop & Accessory", 0.364],
  ["Mobile Phone", 0.369],
  ["Fashion", 0.147],
  ["Grocery", 0.073],
  ["Others", 0.047],
];
const MARITAL: Weighted<string> = [
  ["Married", 0.53],
  ["Single", 0.319],
  ["Divorced", 0.151],
];
const TIER: Weighted<number> = [
  [1, 0.651],
  [2, 0.043],
  [3, 0.306],
];
const SATISFACTION: Weighted<number> = [
  [1, 0.207],
  [2, 0.104],
  [3, 0.302],
  [4, 0.191],
  [5, 0.196],
];
const HOURS: Weighted<number> = [
  [0, 0.001],
  [1, 0.006],
  [2, 0.28],
  [3, 0.5],
  [4, 0.212],
  [5, 0.001],
];
/** Share of each canonical value written in its variant spelling (e.g. 1,231 "Phone" of 3,996 mobile logins). */
const VARIANT_SHARE: Readonly<Record<string, Readonly<Record<string, readonly [string, number]>>>> = {
  PreferredLoginDevice: { "Mobile Phone": ["Phone", 0.308] },
  PreferredPaymentMode: { "Credit Card": ["CC", 0.154], "Cash on Delivery": ["COD", 0.71] },
  PreferedOrderCat: { "Mobile Phone": ["Mobile", 0.389] },
};
/**
 * Blank rate of each nullable column (real data: 4.5% to 5.5%). OrderAmountHikeFromlastYear is drawn with the
 * customer (it bears on churn), Tenure by order category below.
 */
const BLANK_RATE: Readonly<Record<string, number>> = {
  WarehouseToHome: 0.045,
  HourSpendOnApp: 0.045,
  CouponUsed: 0.045,
  OrderCount: 0.046,
  DaySinceLastOrder: 0.05,
};
/**
 * Blank tenure by order category: in the real data 253 of the 264 blanks are mobile-phone buyers (and churn
 * 31%), so a blank says something, as there. 4.7% overall.
 */
const TENURE_BLANK_BY_CAT: Readonly<Record<string, number>> = {
  "Mobile Phone": 0.12,
  "Laptop & Accessory": 0.005,
  Fashion: 0.003,
  Grocery: 0.003,
  Others: 0.003,
};
const CASHBACK_BY_CAT: Readonly<Record<string, number>> = {
  "Mobile Phone": 140,
  "Laptop & Accessory": 165,
  Fashion: 210,
  Grocery: 245,
  Others: 285,
};

/**
 * Share of each category's customers in their first two months (real data: 42% of mobile-phone buyers,
 * 17% of laptop, 10% of fashion, under 1% of grocery and others), and the mean tenure of the rest
 * (10 to 21 months). Churn concentrates in the new customers, so this is where most of it comes from.
 */
const NEW_SHARE_BY_CAT: Readonly<Record<string, number>> = {
  "Mobile Phone": 0.42,
  "Laptop & Accessory": 0.17,
  Fashion: 0.1,
  Grocery: 0.006,
  Others: 0.008,
};
const TENURE_MEAN_BY_CAT: Readonly<Record<string, number>> = {
  "Mobile Phone": 10.4,
  "Laptop & Accessory": 11.4,
  Fashion: 13.5,
  Grocery: 20.6,
  Others: 20.3,
};

function drawCustomer(random: Random): Customer {
  const orderCat = pick(random, ORDER_CAT);
  const tenure =
    random() < NEW_SHARE_BY_CAT[orderCat]
      ? random() < 0.42
        ? 0
        : 1 // 508 at tenure 0, 690 at 1
      : clamp(Math.round(2 + exponential(random, TENURE_MEAN_BY_CAT[orderCat] - 2)), 2, 61);
  const hours = pick(random, HOURS);
  const devices = clamp(Math.round(hours + 0.7 + randomNormal(random) * 0.9), 1, 6);
  const orders = clamp(1 + Math.round(exponential(random, 2)), 1, 16);
  const coupons = clamp(Math.round(orders * random() * 1.1), 0, 16);
  const extremeTrip = random() < 0.001;
  const extremeGap = random() < 0.002;
  const lowCashback = random() < 0.004;
  return {
    tenure,
    login: pick(random, LOGIN),
    tier: pick(random, TIER),
    warehouse: extremeTrip ? 100 + Math.floor(random() * 28) : clamp(5 + Math.round(exponential(random, 10.6)), 5, 36),
    payment: pick(random, PAYMENT),
    gender: random() < 0.6 ? "Male" : "Female",
    hours,
    devices,
    orderCat,
    satisfaction: pick(random, SATISFACTION),
    marital: pick(random, MARITAL),
    addresses: clamp(1 + Math.round(exponential(random, 3.2)), 1, 22),
    complain: random() < 0.285 ? 1 : 0,
    hike: clamp(11 + Math.round(exponential(random, 4.7)), 11, 26),
    // "No purchase last year" (a blank hike) is likelier for newer customers; drawn here, not with the other
    // blanks, because it bears on churn.
    noLastYear: random() < (tenure < 12 ? 0.064 : 0.012),
    coupons,
    orders,
    // New customers ordered more recently (real data: 3.3 days on average at tenure 0-1, 5.5 after a year).
    daysSince: extremeGap
      ? 30 + Math.floor(random() * 17)
      : clamp(
          Math.round(exponential(random, tenure <= 1 ? 3.3 : 4.6 + Math.min(tenure, 24) / 24) - 0.2 * (orders - 3)),
          0,
          29,
        ),
    cashback: lowCashback
      ? round2(random() * 20)
      : round2(clamp(CASHBACK_BY_CAT[orderCat] + 1.3 * Math.min(tenure, 30) + randomNormal(random) * 22, 80, 325)),
  };
}

const between = (x: number, lo: number, hi: number) => x >= lo && x <= hi;

/**
 * High-risk pockets: conjunctions of thresholds, bands and categories. Each holds 20 to 150 of the ~5,000
 * distinct customers and churns at about 90%; outside them nobody churns. That is the shape of the real
 * data, where tree ensembles reach ROC-AUC 0.99 and logistic regression stops at 0.88: churn there sits in
 * such pockets (tenure 0-1 churns about 50%, months 2-5 about 9%, over a year 1-5%), which a sum of
 * per-feature slopes cannot draw. Every pocket is written from an aggregate fact of the real data:
 */
const POCKETS: readonly ((c: Customer) => boolean)[] = [
  // Tenure 0-1 (1,198 customers, 52% churn). Complaints compound with it (73% vs 39%), mostly at a
  // satisfaction score of 3 or more (complainers churn 35-39% at 3-5, 21-25% at 1-2).
  (c) => c.tenure <= 1 && c.complain === 1 && c.satisfaction >= 3 && c.warehouse >= 9,
  // Single customers in tier 3 churn most of all marital-by-tier groups (36%).
  (c) => c.tenure <= 1 && c.marital === "Single" && c.tier === 3,
  // New fashion buyers churn 78%, new mobile-phone buyers 53%; cashback 120-140 churns 25%, 101-120 48%.
  (c) => c.tenure <= 1 && c.orderCat === "Fashion",
  (c) => c.tenure <= 1 && c.orderCat === "Mobile Phone" && between(c.cashback, 135, 145),
  // Married customers in tier 2 churn 25% (single ones there only 8%).
  (c) => c.tenure <= 1 && c.marital === "Married" && c.tier === 2,
  (c) => c.tenure <= 1 && c.orderCat === "Laptop & Accessory" && c.tier === 3 && c.warehouse >= 20,
  // Computer logins (20% vs 16%) paying cash on delivery (25%) or by e-wallet (23%).
  (c) => c.tenure <= 1 && c.login === "Computer" && (c.payment === "Cash on Delivery" || c.payment === "E wallet"),
  // Months 2-5: complainers churn 24% (non-complainers 4%); trips over 20 churn 18-22% against 13-15%.
  (c) => between(c.tenure, 2, 6) && c.complain === 1 && between(c.warehouse, 20, 36),
  // The few grocery and "others" buyers in months 2-5 churn far more (14 of 22) than those categories do (5-8%).
  (c) => between(c.tenure, 2, 3) && (c.orderCat === "Grocery" || c.orderCat === "Others"),
  // Five or six registered devices churn 23% and 35% (one or two: 9%).
  (c) => c.tenure <= 15 && c.marital === "Single" && c.tier === 3 && c.devices >= 5,
  (c) => between(c.tenure, 2, 5) && c.marital === "Married" && c.tier === 2,
  // A cashback band, not a slope (nobody under 100 churns), with a high satisfaction score (5 churns 24%, 1 12%).
  (c) => c.tenure <= 12 && between(c.cashback, 118, 130) && c.satisfaction >= 4,
  // An order in the last day churns 30-34% (over 12 days: 6%); 6-12 addresses churn 20% (4-5: 11%).
  (c) => c.tenure <= 12 && c.daysSince <= 1 && between(c.addresses, 9, 14),
  (c) => c.tenure <= 30 && c.payment === "Cash on Delivery" && c.tier === 3 && c.complain === 1,
  // Over a year, churners still complain (55% vs 27%) and order more recently.
  (c) => c.tenure > 12 && c.complain === 1 && c.satisfaction === 5 && c.daysSince <= 2,
];

/**
 * Churn log-odds before the intercept: -7 (about 0.1%) outside every pocket, +11 per pocket, so nearly every
 * customer is sure to stay or to go and the labels carry little noise (the calibrated intercept puts a
 * one-pocket customer at about 90%). Six devices add a little; a blank order-amount hike ("no purchase last
 * year") churns 5% in the real data against 17%, so it takes a customer nearly out of risk.
 */
function churnScore(c: Customer): number {
  let z = -7;
  for (const inPocket of POCKETS) if (inPocket(c)) z += 11;
  if (c.devices >= 6) z += 1;
  if (c.noLastYear) z -= 6;
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The intercept giving the target mean churn probability over these customers (bisection: deterministic). */
function calibrate(scores: readonly number[], target: number): number {
  let lo = -20;
  let hi = 20;
  for (let it = 0; it < 80; it++) {
    const mid = (lo + hi) / 2;
    let mean = 0;
    for (const s of scores) mean += sigmoid(s + mid);
    if (mean / scores.length > target) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

function spell(random: Random, column: string, value: string): string {
  const variant = VARIANT_SHARE[column]?.[value];
  return variant && random() < variant[1] ? variant[0] : value;
}

function blankOr(random: Random, column: string, value: number): string {
  return random() < (BLANK_RATE[column] ?? 0) ? "" : String(value);
}

/** The demo rows (header in schema order, CustomerID first), deterministic from the seed. */
export function generateDemoRows(seed: number = DEMO_SEED, n: number = DEMO_ROWS): DemoData {
  const nCopies = Math.round(n * DUPLICATE_SHARE);
  const nBase = n - nCopies;
  const featureRandom = mulberry32(deriveSeed(seed, "demo:features"));
  const customers = Array.from({ length: nBase }, () => drawCustomer(featureRandom));
  const scores = customers.map(churnScore);
  const intercept = calibrate(scores, TARGET_CHURN);
  const churnRandom = mulberry32(deriveSeed(seed, "demo:churn"));
  const churn = scores.map((s) => (churnRandom() < sigmoid(s + intercept) ? 1 : 0));

  const cellRandom = mulberry32(deriveSeed(seed, "demo:cells"));
  const base: string[][] = customers.map((c, i) => {
    const cells: Record<string, string> = {
      CustomerID: "",
      Churn: String(churn[i]),
      Tenure: cellRandom() < TENURE_BLANK_BY_CAT[c.orderCat] ? "" : String(c.tenure),
      PreferredLoginDevice: spell(cellRandom, "PreferredLoginDevice", c.login),
      CityTier: String(c.tier),
      WarehouseToHome: blankOr(cellRandom, "WarehouseToHome", c.warehouse),
      PreferredPaymentMode: spell(cellRandom, "PreferredPaymentMode", c.payment),
      Gender: c.gender,
      HourSpendOnApp: blankOr(cellRandom, "HourSpendOnApp", c.hours),
      NumberOfDeviceRegistered: String(c.devices),
      PreferedOrderCat: spell(cellRandom, "PreferedOrderCat", c.orderCat),
      SatisfactionScore: String(c.satisfaction),
      MaritalStatus: c.marital,
      NumberOfAddress: String(c.addresses),
      Complain: String(c.complain),
      OrderAmountHikeFromlastYear: c.noLastYear ? "" : String(c.hike),
      CouponUsed: blankOr(cellRandom, "CouponUsed", c.coupons),
      OrderCount: blankOr(cellRandom, "OrderCount", c.orders),
      DaySinceLastOrder: blankOr(cellRandom, "DaySinceLastOrder", c.daysSince),
      CashbackAmount: String(c.cashback),
    };
    return SCHEMA.map((spec) => cells[spec.name]);
  });

  // Copies: distinct customers repeated once each under a new ID, spread through the file.
  const copyRandom = mulberry32(deriveSeed(seed, "demo:copies"));
  const sources = shuffleInPlace(
    Int32Array.from({ length: nBase }, (_, i) => i),
    copyRandom,
  ).subarray(0, nCopies);
  const all = [...base, ...Array.from(sources, (s) => base[s].slice())];
  shuffleInPlace(all, copyRandom);
  all.forEach((row, i) => (row[0] = String(FIRST_ID + i)));
  return { header: SCHEMA.map((c) => c.name), rows: all };
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text with LF line ends and no byte-order mark. */
export function formatCsv(data: DemoData): string {
  return formatCsvLines([data.header, ...data.rows]);
}

/** Rows as RFC 4180 lines, each ended by LF: the pieces formatCsv joins. */
export function formatCsvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}
