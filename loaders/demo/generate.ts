// The embedded demo data: synthetic customers with the real data's schema, ranges, spellings, blank rates and
// duplicate rate, and a churn that depends on the features in the directions the real data shows, so the
// report's models, tests and segments have something to find. Written from published facts about the real
// data (its README and aggregate statistics: /work/shared/data/README.md, reference/statistics.json), never
// from its rows. Deterministic from the seed: the committed data/demo-churn.csv must regenerate byte for byte.
import { deriveSeed, mulberry32, randomNormal, shuffleInPlace, type Random } from "../../src/lib/random.js";
import { SCHEMA } from "../../src/lib/data/schema.js";

export const DEMO_SEED = 20240517;
export const DEMO_ROWS = 5630;
/** Share of rows that copy another customer's data under a new ID (real data: 556 of 5,630). */
export const DUPLICATE_SHARE = 0.0988;
/** Target churn probability (real data: 16.84%). */
export const TARGET_CHURN = 0.165;
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
  coupons: number;
  orders: number;
  daysSince: number;
  cashback: number;
}

// Category shares from the real data's published value counts (variants folded into their canonical value).
const LOGIN: Weighted<string> = [["Mobile Phone", 0.71], ["Computer", 0.29]];
const PAYMENT: Weighted<string> = [["Debit Card", 0.411], ["Credit Card", 0.315], ["E wallet", 0.109], ["UPI", 0.074], ["Cash on Delivery", 0.091]];
const ORDER_CAT: Weighted<string> = [["Laptop & Accessory", 0.364], ["Mobile Phone", 0.369], ["Fashion", 0.147], ["Grocery", 0.073], ["Others", 0.047]];
const MARITAL: Weighted<string> = [["Married", 0.53], ["Single", 0.319], ["Divorced", 0.151]];
const TIER: Weighted<number> = [[1, 0.651], [2, 0.043], [3, 0.306]];
const SATISFACTION: Weighted<number> = [[1, 0.207], [2, 0.104], [3, 0.302], [4, 0.191], [5, 0.196]];
const HOURS: Weighted<number> = [[0, 0.001], [1, 0.006], [2, 0.28], [3, 0.5], [4, 0.212], [5, 0.001]];
/** Share of each canonical value written in its variant spelling (e.g. 1,231 "Phone" of 3,996 mobile logins). */
const VARIANT_SHARE: Readonly<Record<string, Readonly<Record<string, readonly [string, number]>>>> = {
  PreferredLoginDevice: { "Mobile Phone": ["Phone", 0.308] },
  PreferredPaymentMode: { "Credit Card": ["CC", 0.154], "Cash on Delivery": ["COD", 0.71] },
  PreferedOrderCat: { "Mobile Phone": ["Mobile", 0.389] },
};
/** Blank rate of each nullable column (real data: 4.5% to 5.5%). OrderAmountHike is handled with tenure. */
const BLANK_RATE: Readonly<Record<string, number>> = {
  Tenure: 0.047, WarehouseToHome: 0.045, HourSpendOnApp: 0.045, CouponUsed: 0.045, OrderCount: 0.046, DaySinceLastOrder: 0.05,
};
const CASHBACK_BY_CAT: Readonly<Record<string, number>> = {
  "Mobile Phone": 140, "Laptop & Accessory": 165, Fashion: 210, Grocery: 245, Others: 285,
};

function drawCustomer(random: Random): Customer {
  // A quarter are brand-new customers: the group where the real data's churn concentrates.
  const tenure = random() < 0.25 ? Math.floor(random() * 3) : clamp(Math.round(3 + exponential(random, 10)), 0, 61);
  const hours = pick(random, HOURS);
  const devices = clamp(Math.round(hours + 0.7 + randomNormal(random) * 0.9), 1, 6);
  const orders = clamp(1 + Math.round(exponential(random, 2)), 1, 16);
  const coupons = clamp(Math.round(orders * random() * 1.1), 0, 16);
  const orderCat = pick(random, ORDER_CAT);
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
    coupons,
    orders,
    daysSince: extremeGap ? 30 + Math.floor(random() * 17) : clamp(Math.round(exponential(random, 4.5) - 0.2 * (orders - 3)), 0, 29),
    cashback: lowCashback
      ? round2(random() * 20)
      : round2(clamp(CASHBACK_BY_CAT[orderCat] + 1.3 * Math.min(tenure, 30) + randomNormal(random) * 22, 80, 325)),
  };
}

/**
 * Churn log-odds before the intercept. Signs follow the real data: short tenure (most of all the first two
 * months), complaints, city tiers 2 and 3, single customers, more devices and addresses, a longer trip from
 * the warehouse, mobile-phone orders, cash on delivery and e-wallets raise churn; and, against intuition but as
 * measured, a higher satisfaction score and fewer days since the last order go with more churn.
 */
function churnScore(c: Customer): number {
  const catEffect: Record<string, number> = { "Mobile Phone": 0.55, Fashion: 0.1, "Laptop & Accessory": -0.45, Grocery: -0.6, Others: -0.2 };
  const payEffect: Record<string, number> = { "Cash on Delivery": 0.5, "E wallet": 0.35, UPI: 0, "Credit Card": -0.15, "Debit Card": 0 };
  return (
    -0.13 * Math.min(c.tenure, 30) +
    (c.tenure <= 1 ? 1.3 : 0) +
    1.5 * c.complain +
    (c.tier === 3 ? 0.55 : c.tier === 2 ? 0.45 : 0) +
    (c.marital === "Single" ? 0.95 : c.marital === "Divorced" ? 0.3 : 0) +
    0.33 * (c.satisfaction - 3) -
    0.09 * c.daysSince +
    0.22 * (c.devices - 3) +
    0.07 * (c.addresses - 3) +
    0.025 * (c.warehouse - 14) +
    catEffect[c.orderCat] +
    payEffect[c.payment] +
    (c.login === "Computer" ? 0.3 : 0) +
    (c.gender === "Male" ? 0.15 : 0) -
    0.004 * (c.cashback - 177)
  );
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
    // "No purchase last year" is likelier for newer customers.
    const hikeBlank = cellRandom() < (c.tenure < 12 ? 0.07 : 0.015);
    const cells: Record<string, string> = {
      CustomerID: "",
      Churn: String(churn[i]),
      Tenure: blankOr(cellRandom, "Tenure", c.tenure),
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
      OrderAmountHikeFromlastYear: hikeBlank ? "" : String(c.hike),
      CouponUsed: blankOr(cellRandom, "CouponUsed", c.coupons),
      OrderCount: blankOr(cellRandom, "OrderCount", c.orders),
      DaySinceLastOrder: blankOr(cellRandom, "DaySinceLastOrder", c.daysSince),
      CashbackAmount: String(c.cashback),
    };
    return SCHEMA.map((spec) => cells[spec.name]);
  });

  // Copies: distinct customers repeated once each under a new ID, spread through the file.
  const copyRandom = mulberry32(deriveSeed(seed, "demo:copies"));
  const sources = shuffleInPlace(Int32Array.from({ length: nBase }, (_, i) => i), copyRandom).subarray(0, nCopies);
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
  return [data.header, ...data.rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}
