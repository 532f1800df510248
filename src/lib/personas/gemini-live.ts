// Gemini live: the reader pastes their own key on the segments page and regenerates a card from the
// browser. Plain fetch rather than the SDK: the request is one POST whose shape the SDK itself sends
// (checked against the mock), and the SDK's browser build would add hundreds of kilobytes to a page
// for that one call, plus an npm: import that Framework would have to fetch from a CDN.
//
// The key is an argument only: it is never stored, logged or put in a URL; it travels in the
// x-goog-api-key header to the Gemini endpoint and nowhere else. Errors come back as values, so the page
// can show them on the card and keep the previous text.

import type { BaseProfile, ClusterProfile } from "../segments/types.js";
import { AnswerTooLarge, readAnswerText } from "./answer-body.js";
import type { PersonaCard } from "./card.js";
import { httpReason, redact, serverMessage, timeoutReason } from "./errors.js";
import type { RfmColumns } from "../segments/rfm.js";
import {
  buildPersonaPrompt,
  extractResponseText,
  parsePersonaResponse,
  PERSONA_RESPONSE_SCHEMA,
  type CardLang,
} from "./prompt.js";

export const GEMINI_DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";
/** The model asked when none is named: GEMINI_MODEL at build time, the model field on the page. */
export const GEMINI_DEFAULT_MODEL = "gemini-2.5-flash";
/** The API version @google/genai 2.32 uses for the Gemini API (seen by the mock: /v1beta/models/...). */
export const GEMINI_API_VERSION = "v1beta";
export const LIVE_DEFAULT_TIMEOUT_MS = 30_000;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface LiveRequest {
  readonly apiKey: string;
  readonly model: string;
  /** Defaults to the public endpoint; a proxy or the tests' mock otherwise. */
  readonly baseUrl?: string;
  readonly profile: ClusterProfile;
  readonly base: BaseProfile;
  /** The columns the segments grouped on (segments.json's columns); the Kaggle preset's by default. */
  readonly axes?: RfmColumns;
  /** The page's language: the card is asked for in it. */
  readonly lang?: CardLang;
  /** Injected in tests; the global fetch otherwise. */
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  /** Lets the page cancel a request the reader no longer wants. */
  readonly signal?: AbortSignal;
}

export type LiveErrorKind = "config" | "network" | "timeout" | "aborted" | "http" | "refused" | "invalid";

export interface LiveError {
  readonly kind: LiveErrorKind;
  /** A sentence for the card; never contains the key. */
  readonly message: string;
  readonly status?: number;
}

export type LiveResult =
  { readonly ok: true; readonly card: PersonaCard } | { readonly ok: false; readonly error: LiveError };

/** Model ids are path segments: anything else could redirect the request to another path. */
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function generateContentUrl(baseUrl: string, model: string): string {
  const root = baseUrl.replace(/\/+$/, "");
  return `${root}/${GEMINI_API_VERSION}/models/${model}:generateContent`;
}

/** The request body: the same contents and generationConfig the SDK sends at build time. */
export function generateContentBody(prompt: string): string {
  return JSON.stringify({
    contents: [{ role: "user", parts: [{ text: prompt }] }],
    generationConfig: { responseMimeType: "application/json", responseJsonSchema: PERSONA_RESPONSE_SCHEMA },
  });
}

function fail(kind: LiveErrorKind, message: string, apiKey: string, status?: number): LiveResult {
  const error: LiveError = { kind, message: redact(message, apiKey), ...(status === undefined ? {} : { status }) };
  return { ok: false, error };
}

export async function generateCardLive(request: LiveRequest): Promise<LiveResult> {
  const { apiKey, profile, base } = request;
  const model = request.model.trim().replace(/^models\//, "");
  if (apiKey.trim() === "") return fail("config", "enter a Gemini API key first", apiKey);
  if (!MODEL_ID.test(model)) return fail("config", `"${model.slice(0, 60)}" is not a model name`, apiKey);
  const fetchFn: FetchLike = request.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = request.timeoutMs ?? LIVE_DEFAULT_TIMEOUT_MS;
  const url = generateContentUrl(request.baseUrl ?? GEMINI_DEFAULT_BASE_URL, model);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  request.signal?.addEventListener("abort", onCallerAbort);
  if (request.signal?.aborted) controller.abort();

  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-goog-api-key": apiKey.trim() },
        body: generateContentBody(buildPersonaPrompt(profile, base, request.axes, request.lang ?? "en")),
        signal: controller.signal,
        // Nothing about the page (cookies, its address) needs to reach the API.
        credentials: "omit",
        referrerPolicy: "no-referrer",
      });
    } catch (e) {
      if (timedOut) return fail("timeout", timeoutReason(timeoutMs), apiKey);
      if (controller.signal.aborted) return fail("aborted", "cancelled", apiKey);
      return fail("network", `network error: ${e instanceof Error ? e.message : String(e)}`, apiKey);
    }
    let bodyText: string;
    try {
      bodyText = await readAnswerText(response);
    } catch (e) {
      if (timedOut) return fail("timeout", timeoutReason(timeoutMs), apiKey);
      if (controller.signal.aborted) return fail("aborted", "cancelled", apiKey);
      if (e instanceof AnswerTooLarge) return fail("invalid", e.message, apiKey);
      return fail(
        "network",
        `network error while reading the answer: ${e instanceof Error ? e.message : String(e)}`,
        apiKey,
      );
    }
    if (!response.ok) {
      return fail("http", httpReason(response.status, serverMessage(bodyText)), apiKey, response.status);
    }
    let json: unknown;
    try {
      json = JSON.parse(bodyText);
    } catch {
      return fail("invalid", "the endpoint did not answer in JSON", apiKey);
    }
    const extracted = extractResponseText(json);
    if (!extracted.ok) {
      return fail(extracted.reason.startsWith("refused") ? "refused" : "invalid", extracted.reason, apiKey);
    }
    const card = parsePersonaResponse(
      extracted.text,
      profile.id,
      { kind: "gemini-live", model },
      extracted.finishReason,
    );
    if (typeof card === "string") return fail("invalid", card, apiKey);
    return { ok: true, card };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener("abort", onCallerAbort);
  }
}
