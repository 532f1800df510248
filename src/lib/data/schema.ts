// The input schema: the columns the report needs, their kinds and valid ranges, and the known spelling
// variants of category values. Validation, normalisation, profiling, encoding and the demo generator all
// read this one table, so a column is described once.

export type ColumnKind = "id" | "target" | "numeric" | "category";

interface BaseColumn {
  readonly name: string;
  /** Plain-language meaning, used when the input has no data dictionary. */
  readonly description: string;
}

export interface IdColumn extends BaseColumn {
  readonly kind: "id";
}

export interface TargetColumn extends BaseColumn {
  readonly kind: "target";
}

export interface NumericColumn extends BaseColumn {
  readonly kind: "numeric";
  /** Smallest and largest valid value (inclusive). Outside this range a value is an input error. */
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (counts, scores, tiers). */
  readonly integer: boolean;
  /** Blank cells allowed (imputed later). */
  readonly nullable: boolean;
  readonly unit?: string;
}

export interface CategoryColumn extends BaseColumn {
  readonly kind: "category";
  /** Canonical values, in display order. */
  readonly values: readonly string[];
  /** Known variant spelling -> canonical value. */
  readonly variants: Readonly<Record<string, string>>;
  readonly nullable: boolean;
}

export type ColumnSpec = IdColumn | TargetColumn | NumericColumn | CategoryColumn;

export const ID_COLUMN = "CustomerID";
export const TARGET_COLUMN = "Churn";

export const SCHEMA: readonly ColumnSpec[] = [
  { name: "CustomerID", kind: "id", description: "Unique customer ID" },
  { name: "Churn", kind: "target", description: "Churn flag: 1 if the customer left, 0 if they stayed" },
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
  { name: "OrderAmountHikeFromlastYear", kind: "numeric", min: 0, max: 1000, integer: false, nullable: true, unit: "percent", description: "Percentage increase in order amount from last year (blank: no purchase last year)" },
  { name: "CouponUsed", kind: "numeric", min: 0, max: 1000, integer: true, nullable: true, description: "Total number of coupons used in the last month" },
  { name: "OrderCount", kind: "numeric", min: 0, max: 1000, integer: true, nullable: true, description: "Total number of orders placed in the last month" },
  { name: "DaySinceLastOrder", kind: "numeric", min: 0, max: 3650, integer: true, nullable: true, unit: "days", description: "Days since the customer's last order" },
  { name: "CashbackAmount", kind: "numeric", min: 0, max: 100000, integer: false, nullable: false, unit: "money", description: "Average cashback in the last month" },
];

export const FEATURE_COLUMNS: readonly (NumericColumn | CategoryColumn)[] = SCHEMA.filter(
  (c): c is NumericColumn | CategoryColumn => c.kind === "numeric" || c.kind === "category",
);

export function columnSpec(name: string): ColumnSpec | undefined {
  return SCHEMA.find((c) => c.name === name);
}
