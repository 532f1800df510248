// The built-in preset for the Kaggle "E-commerce Customer Churn" table, the data the report was first built
// on: its columns with their ranges, spellings and data dictionary, the original report's three hypotheses
// and RFM roles. Chosen when a file has all of its columns (infer-schema.ts); the only module that names them.
import type { ClaimSpec, ColumnSpec, FeatureColumn, Schema } from "../schema.js";

export const KAGGLE_PRESET_ID = "kaggle-ecommerce";
export const KAGGLE_ID = "CustomerID";
export const KAGGLE_TARGET = "Churn";

// prettier-ignore
export const KAGGLE_COLUMNS: readonly ColumnSpec[] = [
  { name: "CustomerID", kind: "id", description: "Unique customer ID" },
  { name: "Churn", kind: "target", positive: "1", negative: "0", description: "Churn flag: 1 if the customer left, 0 if they stayed" },
  { name: "Tenure", kind: "numeric", min: 0, max: 120, integer: true, nullable: true, unit: "months", description: "Tenure of the customer in the organisation" },
  {
    name: "PreferredLoginDevice", kind: "category", nullable: false,
    values: ["Mobile Phone", "Computer"], variants: { Phone: "Mobile Phone" },
    description: "Preferred login device of the customer",
  },
  { name: "CityTier", kind: "numeric", min: 1, max: 3, integer: true, nullable: false, description: "City tier" },
  { name: "WarehouseToHome", kind: "numeric", min: 0, max: 1000, integer: false, nullable: true, unit: "km", description: "Distance between the warehouse and the customer's home" },
  {
    name: "PreferredPaymentMode", kind: "category", nullable: false,
    values: ["Debit Card", "Credit Card", "E wallet", "UPI", "Cash on Delivery"],
    variants: { CC: "Credit Card", COD: "Cash on Delivery" },
    description: "Preferred payment method of the customer",
  },
  { name: "Gender", kind: "category", nullable: false, values: ["Female", "Male"], variants: {}, description: "Gender of the customer" },
  { name: "HourSpendOnApp", kind: "numeric", min: 0, max: 24, integer: false, nullable: true, unit: "hours", description: "Number of hours spent on the mobile application or website" },
  { name: "NumberOfDeviceRegistered", kind: "numeric", min: 0, max: 50, integer: true, nullable: false, description: "Total number of devices registered to this customer" },
  {
    name: "PreferedOrderCat", kind: "category", nullable: false,
    values: ["Laptop & Accessory", "Mobile Phone", "Fashion", "Grocery", "Others"],
    variants: { Mobile: "Mobile Phone" },
    description: "Preferred order category of the customer in the last month",
  },
  { name: "SatisfactionScore", kind: "numeric", min: 1, max: 5, integer: true, nullable: false, description: "Satisfaction score of the customer with the service" },
  { name: "MaritalStatus", kind: "category", nullable: false, values: ["Single", "Married", "Divorced"], variants: {}, description: "Marital status of the customer" },
  { name: "NumberOfAddress", kind: "numeric", min: 0, max: 100, integer: true, nullable: false, description: "Total number of addresses added for this customer" },
  { name: "Complain", kind: "numeric", min: 0, max: 1, integer: true, nullable: false, description: "1 if the customer raised a complaint in the last month" },
  { name: "OrderAmountHikeFromlastYear", kind: "numeric", min: 0, max: 1000, integer: false, nullable: true, unit: "percent", missingFlag: "NoLastYearPurchase", description: "Percentage increase in order amount from last year (blank: no purchase last year)" },
  { name: "CouponUsed", kind: "numeric", min: 0, max: 1000, integer: true, nullable: true, description: "Total number of coupons used in the last month" },
  { name: "OrderCount", kind: "numeric", min: 0, max: 1000, integer: true, nullable: true, description: "Total number of orders placed in the last month" },
  { name: "DaySinceLastOrder", kind: "numeric", min: 0, max: 3650, integer: true, nullable: true, unit: "days", description: "Days since the customer's last order" },
  { name: "CashbackAmount", kind: "numeric", min: 0, max: 100000, integer: false, nullable: false, unit: "money", description: "Average cashback in the last month" },
];

export const KAGGLE_FEATURES: readonly FeatureColumn[] = KAGGLE_COLUMNS.filter(
  (c): c is FeatureColumn => c.kind === "numeric" || c.kind === "category",
);

export function kaggleColumn(name: string): ColumnSpec | undefined {
  return KAGGLE_COLUMNS.find((c) => c.name === name);
}

/** The original report's three claims, worded as it tested them. */
export const KAGGLE_HYPOTHESES: readonly ClaimSpec[] = [
  {
    id: "satisfaction",
    name: "Satisfaction and churn",
    claim: "Customers with lower satisfaction churn more.",
    column: "SatisfactionScore",
    direction: "lower",
    noun: "satisfaction score",
    more: "higher",
    less: "lower",
    digits: 2,
  },
  {
    id: "complaint",
    name: "Complaints and churn",
    claim: "Customers who complained churn more.",
    column: "Complain",
    direction: "higher",
    level: "1",
    who: "customers who complained",
    others: "those who did not",
    comparison: "churn rate of customers who complained minus that of customers who did not",
  },
  {
    id: "recency",
    name: "Time since the last order and churn",
    claim: "Customers whose last order was longer ago churn more.",
    column: "DaySinceLastOrder",
    direction: "higher",
    noun: "time since their last order",
    more: "longer",
    less: "shorter",
    digits: 1,
    unit: "days",
  },
];

export const KAGGLE_ECOMMERCE: Schema = {
  preset: KAGGLE_PRESET_ID,
  columns: KAGGLE_COLUMNS,
  ignored: [],
  blankTokens: [],
  roles: { recency: "DaySinceLastOrder", frequency: "OrderCount", monetary: "CashbackAmount" },
  hypotheses: KAGGLE_HYPOTHESES,
  keepLeaks: [],
  decisions: [],
  roleWords: {
    recency: { low: "Recent", mid: "Cooling", high: "Lapsed", less: "more recent", more: "less recent", counting: "days since order" },
    frequency: { low: "infrequent", mid: "regular", high: "frequent", less: "fewer orders", more: "more orders", counting: "orders" },
    monetary: { low: "low-cashback", mid: "mid-cashback", high: "high-cashback", less: "less cashback", more: "more cashback", counting: "cashback" },
  },
  monetaryNote:
    "The data has no revenue or spend column. M is CashbackAmount (average cashback in the last month), " +
    "the only money column: a proxy for value, not the customer's spend.",
};
