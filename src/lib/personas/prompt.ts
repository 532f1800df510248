// What Gemini is asked, and how its answer is read. The build-time path (the SDK) and the live path
// (fetch from the page) share this module so both ask the same question and accept the same answers.
// The prompt carries only the cluster's aggregates: no customer-level row ever leaves the machine.

import type { BaseProfile, ClusterProfile } from "../segments/types.js";
import { CARD_LIMITS, validateCard, type CardSource, type CardValidation } from "./card.js";
import { columnSpec } from "../data/schema.js";
import { RFM_COLUMNS, type RfmColumns } from "../segments/rfm.js";
import { formatCount, formatFeatureValue, formatMean, formatPercent, formatSd, splitFeature } from "./format.js";

/** The languages a card can be asked for (the report's languages, src/i18n/lang.ts). */
export type CardLang = "en" | "ko";
export const CARD_LANGUAGES: readonly CardLang[] = ["en", "ko"];

/**
 * What the prompt adds for each language. English adds nothing (the prompt is written in it); any other
 * language asks for every text field in it, with the figures, column names and priority word kept as given
 * so that the answer can still be checked against the page's numbers and validated.
 */
const LANGUAGE_LINES: Readonly<Record<CardLang, readonly string[]>> = {
  en: [],
  ko: [
    "",
    "Write the text fields (name, who, risk, actions) in Korean (한국어), as a Korean retention analyst would write",
    "them for Korean business readers: natural Korean, not a word-for-word translation. Keep the figures exactly",
    'as given and column names as written; priority stays "high", "medium" or "low" in English.',
  ],
};

/** Bump when the prompt or schema changes meaning, so cached answers to the old question are not reused. */
export const PROMPT_VERSION = 1;

/**
 * JSON Schema for the answer, sent as `generationConfig.responseJsonSchema` (plain JSON Schema, which the
 * SDK passes through unchanged and the REST API accepts as is; `responseSchema` would need the OpenAPI
 * subset with upper-case type names). Only keywords the API documents for structured output are used;
 * length limits live in the descriptions. validateCard still checks every answer: a schema is a request
 * to the model, not a guarantee.
 */
export const PERSONA_RESPONSE_SCHEMA = {
  type: "object",
  properties: {
    name: { type: "string", description: `A short persona name, 2 to 5 words, under ${CARD_LIMITS.name} characters.` },
    who: {
      type: "string",
      description: `Who these customers are, quoting the figures given; under ${CARD_LIMITS.who} characters.`,
    },
    risk: { type: "string", description: `The main risk this group carries; under ${CARD_LIMITS.risk} characters.` },
    actions: {
      type: "array",
      description: `Concrete actions for a retention team, one sentence of under ${CARD_LIMITS.action} characters each.`,
      items: { type: "string" },
      minItems: CARD_LIMITS.minActions,
      maxItems: CARD_LIMITS.maxActions,
    },
    priority: { type: "string", enum: ["high", "medium", "low"] },
  },
  required: ["name", "who", "risk", "actions", "priority"],
} as const;

function rfmLine(
  label: string,
  cluster: number,
  clusterMedian: number,
  base: number,
  baseMedian: number,
  level: string,
): string {
  return (
    `- ${label}: mean ${formatMean(cluster)}, median ${formatMean(clusterMedian)} ` +
    `(whole base: mean ${formatMean(base)}, median ${formatMean(baseMedian)}); level against the base: ${level}`
  );
}

/**
 * The prompt for one cluster. Numbers are rounded the way the page shows them, which also keeps the
 * cache key stable against floating-point noise in the profile.
 */
export function buildPersonaPrompt(
  profile: ClusterProfile,
  base: BaseProfile,
  axes: RfmColumns = RFM_COLUMNS,
  lang: CardLang = "en",
): string {
  // The Kaggle preset's R, F and M are orders and cashback; another table's axes are named by their columns.
  const preset =
    axes.recency === RFM_COLUMNS.recency &&
    axes.frequency === RFM_COLUMNS.frequency &&
    axes.monetary === RFM_COLUMNS.monetary;
  const labels = preset
    ? {
        recency: "Recency, days since the last order (lower is more recent)",
        frequency: "Frequency, orders in the last month",
        monetary: "Monetary, average cashback in the last month (the data has no spend column)",
      }
    : {
        recency: `Recency axis, column ${axes.recency}`,
        frequency: `Frequency axis, column ${axes.frequency}`,
        monetary: `Monetary axis, column ${axes.monetary}`,
      };
  const lines: string[] = [
    ...(preset
      ? [
          "You are a customer-retention analyst at an e-commerce company. Write a persona card for one customer",
          "segment. The segments come from k-means clustering on recency, frequency and monetary value (RFM).",
        ]
      : [
          "You are a customer-retention analyst. Write a persona card for one customer segment. The segments",
          `come from k-means clustering on three columns: ${axes.recency}, ${axes.frequency} and ${axes.monetary}.`,
        ]),
    "",
    "The segment's figures (aggregates only; you have no data on individual customers):",
    `- Customers: ${formatCount(profile.size)}, which is ${formatPercent(profile.share)} of ${formatCount(base.size)}`,
    `- Churn rate: ${formatPercent(profile.churnRate)} (95% interval ${formatPercent(profile.churnRateLow)} to ` +
      `${formatPercent(profile.churnRateHigh)}); whole base: ${formatPercent(base.churnRate)}; level against the base: ${profile.churnLevel}`,
  ];
  if (profile.meanPredicted !== null) {
    lines.push(`- Mean predicted churn probability from the churn model: ${formatPercent(profile.meanPredicted)}`);
  }
  lines.push(
    rfmLine(
      labels.recency,
      profile.mean.recency,
      profile.median.recency,
      base.mean.recency,
      base.median.recency,
      profile.levels.recency,
    ),
    rfmLine(
      labels.frequency,
      profile.mean.frequency,
      profile.median.frequency,
      base.mean.frequency,
      base.median.frequency,
      profile.levels.frequency,
    ),
    rfmLine(
      labels.monetary,
      profile.mean.monetary,
      profile.median.monetary,
      base.mean.monetary,
      base.median.monetary,
      profile.levels.monetary,
    ),
  );
  const distinctive = profile.distinctive.filter((f) => Number.isFinite(f.standardisedDifference)).slice(0, 6);
  if (distinctive.length > 0) {
    lines.push("- Features that most set the segment apart (segment vs whole base, standardised difference):");
    for (const f of distinctive) {
      const { column } = splitFeature(f.feature);
      // The preset's data dictionary says what its columns mean; another table's columns speak by their names
      // (a column of that table named like one of the preset's is not the preset's).
      const spec = preset ? columnSpec(column) : undefined;
      const meaning = spec ? ` [${spec.description}]` : "";
      lines.push(
        `  - ${f.feature}${meaning}: ${formatFeatureValue(f.feature, f.clusterValue)} vs ` +
          `${formatFeatureValue(f.feature, f.baseValue)} (${formatSd(f.standardisedDifference)})`,
      );
    }
  }
  lines.push(
    "",
    "Write the card as JSON with these fields:",
    `- name: a short, plain persona name of 2 to 5 words; no segment numbers.`,
    `- who: 2 or 3 sentences on who these customers are, quoting the figures above: size and share, churn rate`,
    preset
      ? `  against the base, and the mean recency, frequency and cashback against the base.`
      : `  against the base, and the means of ${axes.recency}, ${axes.frequency} and ${axes.monetary} against the base.`,
    `- risk: 1 to 3 sentences on the main risk this group carries. Describe differences as associations;`,
    `  do not claim causes the figures cannot show.`,
    `- actions: ${CARD_LIMITS.minActions} to ${CARD_LIMITS.maxActions} concrete actions a retention team could start next month,`,
    `  one sentence each, tied to what sets this group apart.`,
    `- priority: "high", "medium" or "low". High when churn is well above the base and the group holds a real`,
    `  share of all churners; low when churn is well below the base or the group is too small to matter.`,
    "",
    "Use plain language for a business reader. Plain text only: no markdown, no HTML, no links.",
    "Use only the figures above; do not invent others.",
  );
  for (const line of LANGUAGE_LINES[lang]) lines.push(line);
  return lines.join("\n");
}

/** The text of an answer, or why there is none (a refusal, an empty answer). */
export type ResponseText =
  | { readonly ok: true; readonly text: string; readonly finishReason: string | null }
  | {
      readonly ok: false;
      readonly reason: string;
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a generateContent answer in the REST shape (which the SDK's response object shares): the first
 * candidate's text parts, skipping "thought" parts; a blocked prompt or a candidate stopped for safety
 * reads as a refusal.
 */
export function extractResponseText(response: unknown): ResponseText {
  if (!isRecord(response)) return { ok: false, reason: "empty response" };
  const feedback = response.promptFeedback;
  if (isRecord(feedback) && typeof feedback.blockReason === "string" && feedback.blockReason !== "") {
    return { ok: false, reason: `refused: prompt blocked (${feedback.blockReason})` };
  }
  const candidates = response.candidates;
  const first = Array.isArray(candidates) ? (candidates[0] as unknown) : undefined;
  if (!isRecord(first)) return { ok: false, reason: "empty response: no candidates" };
  const finishReason = typeof first.finishReason === "string" ? first.finishReason : null;
  const content = first.content;
  const parts = isRecord(content) && Array.isArray(content.parts) ? (content.parts as unknown[]) : [];
  let text = "";
  for (const part of parts) {
    if (isRecord(part) && typeof part.text === "string" && part.thought !== true) text += part.text;
  }
  if (text.trim() === "") {
    if (finishReason !== null && finishReason !== "STOP")
      return { ok: false, reason: `refused: finish reason ${finishReason}` };
    return { ok: false, reason: "empty response" };
  }
  return { ok: true, text, finishReason };
}

/**
 * Parses and validates the model's JSON text into a card for `clusterId`. The source defaults to
 * Gemini at build time; the live path passes its own.
 */
export function parsePersonaResponse(
  text: string,
  clusterId: number,
  source: CardSource = { kind: "gemini-build", model: "unknown" },
  finishReason: string | null = null,
): CardValidation {
  let body = text.trim();
  // JSON mode should not fence its answer, but some models still do; unwrapping a fence is harmless.
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(body);
  if (fenced && fenced[1] !== undefined) body = fenced[1];
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const truncated = finishReason === "MAX_TOKENS" ? " (the answer was cut off at the token limit)" : "";
    return `invalid JSON${truncated}`;
  }
  return validateCard(value, clusterId, source);
}
