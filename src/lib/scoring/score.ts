// Scoring a table of customers with the exported model bundle: churn probability, the decision at a
// threshold, the segment, and the reasons for each score. Pure and browser-safe: the scoring worker, the
// what-if form and the Node tests call the same function, and it calls the same preprocessing, model and
// cluster-assignment code the pipeline used, so a customer gets the pipeline's numbers.
import { encode, type EncoderSpec } from "../data/encode.js";
import type { ChurnTable } from "../data/table.js";
import type { FeatureMatrix } from "../matrix.js";
import { predictProbability } from "../models/predict.js";
import { checkFeatures, scaleRows } from "../models/scaler.js";
import type { LogisticModel } from "../models/types.js";
import { assignClusters } from "../segments/rfm.js";
import { treeShap } from "../trees/shap.js";
import type { ModelBundle } from "./bundle.js";

/** Per-customer contributions to the explained model's output, summed from encoded features to source columns. */
export interface Reasons {
  /** "TreeSHAP on <member>" etc., for the page. */
  readonly method: string;
  /** What a contribution is measured in: log-odds (gbdt margin) or probability (forest). */
  readonly units: "log-odds" | "probability";
  /** Source columns, in encoder order (a one-hot group or the NoLastYearPurchase flag counts as its column). */
  readonly columns: readonly string[];
  /** nRows x columns.length, row-major. */
  readonly contributions: Float64Array;
  /** The explained model's output with no feature known; expected + sum of a row's contributions = its output. */
  readonly expected: number;
}

export interface ScoreResult {
  readonly probability: Float64Array;
  /** 1 when probability >= threshold (the report's rule: flag scores at or above it). */
  readonly decision: Uint8Array;
  readonly threshold: number;
  /** Stable cluster id (index into bundle.segments.names). */
  readonly cluster: Int32Array;
  /** null when the bundle has no explainer or reasons were not asked for. */
  readonly reasons: Reasons | null;
}

export interface ScoreOptions {
  /** Default: the bundle's threshold. */
  readonly threshold?: number;
  /** Compute TreeSHAP reasons (the slow part); default true. */
  readonly reasons?: boolean;
}

/** Scores every row of the table. */
export function scoreTable(bundle: ModelBundle, table: ChurnTable, options: ScoreOptions = {}): ScoreResult {
  const threshold = options.threshold ?? bundle.threshold.value;
  const X = encode(table, bundle.encoder, { impute: bundle.impute });
  const probability = predictProbability(bundle.model, X);
  const decision = decide(probability, threshold);
  const cluster = assignClusters(bundle.segments, table);
  const reasons = options.reasons === false ? null : explainTable(bundle, table, X);
  return { probability, decision, threshold, cluster, reasons };
}

/** The reasons alone (null when the bundle has no explainer). `X`: the bundle's encoding of the table, if at hand. */
function explainTable(bundle: ModelBundle, table: ChurnTable, X?: FeatureMatrix): Reasons | null {
  if (bundle.explainer.kind === "none") return null;
  if (bundle.explainer.kind === "linear") {
    const XE = X && !bundle.impute ? X : encode(table, bundle.encoder, { impute: false });
    return explainLinear(bundle.encoder, XE, bundle.explainer.model);
  }
  const { model, impute, memberName } = bundle.explainer;
  const XE = X && impute === bundle.impute ? X : encode(table, bundle.encoder, { impute });
  return explain(bundle.encoder, XE, model, memberName);
}

export function decide(probability: Float64Array, threshold: number): Uint8Array {
  const out = new Uint8Array(probability.length);
  for (let i = 0; i < probability.length; i++) out[i] = probability[i] >= threshold ? 1 : 0;
  return out;
}

/** The source column of each encoded feature, and the distinct source columns in order. */
export function featureGroups(encoder: EncoderSpec): { columns: string[]; groupOf: Int32Array } {
  const columns: string[] = [];
  const index = new Map<string, number>();
  const groupOf = new Int32Array(encoder.features.length);
  encoder.features.forEach((f, j) => {
    let g = index.get(f.column);
    if (g === undefined) {
      g = columns.length;
      index.set(f.column, g);
      columns.push(f.column);
    }
    groupOf[j] = g;
  });
  return { columns, groupOf };
}

function explain(
  encoder: EncoderSpec,
  X: FeatureMatrix,
  model: Extract<ModelBundle["explainer"], { kind: "treeshap" }>["model"],
  memberName: string,
): Reasons {
  const shap = treeShap(model, X);
  const { columns, groupOf } = featureGroups(encoder);
  const m = columns.length;
  const { nRows, nCols } = X;
  const contributions = new Float64Array(nRows * m);
  for (let i = 0; i < nRows; i++) {
    const from = i * nCols;
    const to = i * m;
    for (let j = 0; j < nCols; j++) contributions[to + groupOf[j]] += shap.values[from + j];
  }
  return {
    method: `TreeSHAP (exact Shapley values of the ${model.kind === "gbdt" ? "gradient-boosted trees" : "random forest"}${memberName ? `, ${memberName}` : ""})`,
    units: model.kind === "gbdt" ? "log-odds" : "probability",
    columns,
    contributions,
    expected: shap.expected,
  };
}

/**
 * A logistic regression's exact reasons: its log-odds are the intercept plus coefficient x standardised value
 * per feature, so each feature's term is its contribution, and a column's is the sum over its features.
 * Measured from the average training customer (standardised value 0), as the Shapley values of a linear
 * model on independent features are.
 */
function explainLinear(encoder: EncoderSpec, X: FeatureMatrix, model: LogisticModel): Reasons {
  checkFeatures(model.featureNames, X, "logistic regression");
  const z = scaleRows(X, model.scaler);
  const { columns, groupOf } = featureGroups(encoder);
  const m = columns.length;
  const { nRows, nCols } = X;
  const contributions = new Float64Array(nRows * m);
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) contributions[i * m + groupOf[j]] += model.coefficients[j] * z[i * nCols + j];
  }
  return {
    method: "the logistic regression's exact contributions (coefficient × standardised value)",
    units: "log-odds",
    columns,
    contributions,
    expected: model.intercept,
  };
}

export interface Reason {
  readonly column: string;
  /** The customer's value as text; null for a missing cell, which each language words (BLANK_VALUE in English). */
  readonly value: string | null;
  readonly contribution: number;
}

/** A missing cell in a reason, in English: "Tenure = blank" (the npm run score file and the English pages). */
export const BLANK_VALUE = "blank";

/** The customer's value of a source column, as text (null when missing). */
function valueText(table: ChurnTable, column: string, i: number): string | null {
  const num = table.numeric[column];
  if (num) return Number.isNaN(num[i]) ? null : String(num[i]);
  const cat = table.category[column];
  if (cat) return cat[i] ?? null;
  return "";
}

/** The k columns raising row i's risk most (positive, largest first) and lowering it most (negative, most negative first). */
export function topReasons(reasons: Reasons, table: ChurnTable, i: number, k = 3): { up: Reason[]; down: Reason[] } {
  const m = reasons.columns.length;
  const items: Reason[] = [];
  for (let g = 0; g < m; g++) {
    const c = reasons.contributions[i * m + g];
    if (c !== 0)
      items.push({ column: reasons.columns[g], value: valueText(table, reasons.columns[g], i), contribution: c });
  }
  const up = items
    .filter((r) => r.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, k);
  const down = items
    .filter((r) => r.contribution < 0)
    .sort((a, b) => a.contribution - b.contribution)
    .slice(0, k);
  return { up, down };
}

/** "Complain = 1; Tenure = blank; …" for tables and downloads; `blank` is the page language's word for a missing cell. */
export function formatReasons(list: readonly Reason[], blank = BLANK_VALUE): string {
  return list.map((r) => `${r.column} = ${r.value ?? blank}`).join("; ");
}

/** The top reasons of every row of a table, formatted (null when the bundle has no explainer). */
export function explainAsText(
  bundle: ModelBundle,
  table: ChurnTable,
  topK: number,
  blank = BLANK_VALUE,
): { up: string[]; down: string[] } | null {
  const reasons = explainTable(bundle, table);
  if (!reasons) return null;
  const up = new Array<string>(table.nRows);
  const down = new Array<string>(table.nRows);
  for (let k = 0; k < table.nRows; k++) {
    const top = topReasons(reasons, table, k, topK);
    up[k] = formatReasons(top.up, blank);
    down[k] = formatReasons(top.down, blank);
  }
  return { up, down };
}
