// Personas at build time. Without GEMINI_API_KEY every card is written by the rules. With a key, Gemini is
// asked once per cluster through @google/genai for the card as schema-constrained JSON; any failure for a
// cluster (network, timeout, HTTP error, refusal, invalid JSON, a missing field) gives that cluster the
// rules card with the reason attached, and the build carries on.
//
// Policy, and why:
// - Clusters are asked one after another, not in parallel: a handful of requests, and a burst is what
//   earns a 429 on a free-tier key.
// - No retries. The SDK retries nothing unless `retryOptions` is set (checked in 2.32: one request per
//   429), and we leave it unset: a 429 on a free key is usually a quota that a second request a moment
//   later will hit again, a failure costs only that card (the rules card is a complete answer), and the
//   next build asks again because failures are never cached: neither here nor in the pipeline's run cache,
//   whose personas artifact a later build redoes when it holds a fallback (refresh-personas.ts).
// - Each request is bounded by `timeoutMs` through an AbortSignal, covering the response body as well.
// - Successful, validated answers are cached on disk under a sha256 of (prompt version, endpoint, model,
//   language, prompt, response schema), never the key: another endpoint (a proxy, a mock) is asked afresh,
//   and a Korean card is never served for an English one.
// - Each language's cards are one call of writePersonas (the pipeline makes one per language, each its own
//   artifact: personas.json in English, personas-ko.json in Korean), asked in that language. A cached
//   answer is re-validated when read, so a stricter validator cannot be bypassed by an old cache entry.
// - The body is read through answerFetch: at most MAX_ANSWER_BYTES, and a success that is not JSON is named
//   as such rather than as a network error.
// - The key goes to the SDK only. Every reason and log line passes through `redact`, and the base URL is
//   never logged (a proxy URL may carry credentials of its own).

import type { PipelineSettings } from "../settings.js";
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ApiError, GoogleGenAI } from "@google/genai";
import type { RfmColumns } from "../../src/lib/segments/rfm.js";
import type { BaseProfile, ClusterProfile } from "../../src/lib/segments/types.js";
import type { PersonaCard, PersonasArtifact } from "../../src/lib/personas/card.js";
import { writePersonaByRules } from "../../src/lib/personas/rules.js";
import { writeFileAtomic } from "../write-atomic.js";
import {
  buildPersonaPrompt,
  extractResponseText,
  parsePersonaResponse,
  PERSONA_RESPONSE_SCHEMA,
  PROMPT_VERSION,
  type CardLang,
} from "../../src/lib/personas/prompt.js";
import { formatDuration, httpReason, redact, serverMessage, timeoutReason } from "../../src/lib/personas/errors.js";
import { AnswerNotJson, AnswerTooLarge, answerFetch } from "../../src/lib/personas/answer-body.js";
import { GEMINI_DEFAULT_BASE_URL, GEMINI_DEFAULT_MODEL } from "../../src/lib/personas/gemini-live.js";

/** A current, inexpensive model with structured output; GEMINI_MODEL overrides it. */
/** Generous for a short JSON answer from a flash model, short enough that a hung endpoint cannot stall a build. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** The three variables as the pipeline's settings hold them. */
export function geminiEnv(settings: Pick<PipelineSettings, "gemini">): GeminiEnv {
  return {
    GEMINI_API_KEY: settings.gemini.apiKey ?? undefined,
    GEMINI_MODEL: settings.gemini.model,
    GEMINI_BASE_URL: settings.gemini.baseUrl ?? undefined,
  };
}

export interface GeminiEnv {
  readonly GEMINI_API_KEY?: string;
  readonly GEMINI_MODEL?: string;
  readonly GEMINI_BASE_URL?: string;
}

export interface WritePersonasOptions {
  readonly profiles: readonly ClusterProfile[];
  readonly base: BaseProfile;
  /** The columns the segments grouped on (the rules cards name them); default the Kaggle preset's. */
  readonly axes?: RfmColumns;
  /** The language the cards are written in, by the rules and by Gemini; English by default. */
  readonly lang?: CardLang;
  /** Only these three variables are read; pass `process.env` or a test's own object. */
  readonly env: GeminiEnv;
  /** Where answers are cached (created when needed). */
  readonly cacheDir: string;
  readonly timeoutMs?: number;
  /** Progress lines (to stderr in a loader: stdout is the artifact). */
  readonly log?: (line: string) => void;
}

export interface PersonaFallback {
  readonly clusterId: number;
  readonly reason: string;
}

export interface WritePersonasResult {
  readonly cards: PersonaCard[];
  readonly fallbacks: PersonaFallback[];
  /** HTTP requests made to Gemini in this run (cache hits make none). */
  readonly requests: number;
  /** The model asked, or null when no key was set and the rules wrote everything. */
  readonly model: string | null;
}

interface CacheEntry {
  readonly promptVersion: number;
  readonly model: string;
  /** The model's answer text, as returned. */
  readonly text: string;
}

export function personaCacheKey(endpoint: string, model: string, prompt: string, lang: CardLang = "en"): string {
  return createHash("sha256")
    .update(
      JSON.stringify([PROMPT_VERSION, endpoint.replace(/\/+$/, ""), model, lang, prompt, PERSONA_RESPONSE_SCHEMA]),
    )
    .digest("hex");
}

async function readCache(path: string): Promise<CacheEntry | null> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(raw) as Partial<CacheEntry>;
    if (typeof value.text === "string" && typeof value.model === "string" && value.promptVersion === PROMPT_VERSION) {
      return { promptVersion: value.promptVersion, model: value.model, text: value.text };
    }
  } catch {
    // A torn or hand-edited entry is a miss; the fresh answer overwrites it.
  }
  return null;
}

async function writeCache(dir: string, path: string, entry: CacheEntry): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Written whole or not at all, so a build killed mid-write never leaves half an entry that a later build trusts.
  writeFileAtomic(path, `${JSON.stringify(entry, null, 2)}\n`);
}

function errorCode(e: unknown): string | null {
  const cause = e instanceof Error ? (e as Error & { cause?: unknown }).cause : undefined;
  if (typeof cause === "object" && cause !== null) {
    const code = (cause as Record<string, unknown>).code;
    if (typeof code === "string") return code;
  }
  return null;
}

function failureReason(e: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return timeoutReason(timeoutMs);
  if (e instanceof AnswerTooLarge || e instanceof AnswerNotJson) return e.message;
  if (e instanceof SyntaxError) return `the endpoint's answer was not valid JSON (${e.message})`;
  if (e instanceof ApiError) return httpReason(e.status, serverMessage(e.message));
  const code = errorCode(e);
  const message = e instanceof Error ? e.message : String(e);
  return `network error: ${message}${code ? ` (${code})` : ""}`;
}

export async function writePersonas(options: WritePersonasOptions): Promise<WritePersonasResult> {
  const { profiles, base, env, cacheDir } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const apiKey = env.GEMINI_API_KEY?.trim() ?? "";
  const lang = options.lang ?? "en";
  // The English log lines stay as they were; another language's name the language they are for.
  const tag = lang === "en" ? "personas" : `personas (${lang})`;
  const say = (line: string): void => options.log?.(redact(line.replace(/^personas:/, `${tag}:`), apiKey));
  const rulesCards = profiles.map((p) => writePersonaByRules(p, base, profiles, options.axes, lang));

  if (apiKey === "") {
    say(`personas: GEMINI_API_KEY not set; ${profiles.length} cards written by rules`);
    return { cards: rulesCards, fallbacks: [], requests: 0, model: null };
  }

  const model = env.GEMINI_MODEL?.trim() || GEMINI_DEFAULT_MODEL;
  const customEndpoint = (env.GEMINI_BASE_URL?.trim() ?? "") !== "";
  const endpoint = customEndpoint ? (env.GEMINI_BASE_URL?.trim() ?? "") : GEMINI_DEFAULT_BASE_URL;
  const ai = new GoogleGenAI({
    apiKey,
    // Explicit, so the SDK's own environment variables (GOOGLE_GENAI_USE_VERTEXAI, GOOGLE_GEMINI_BASE_URL)
    // cannot send the request somewhere the caller did not choose.
    vertexai: false,
    httpOptions: { baseUrl: endpoint, fetch: answerFetch() },
  });
  say(
    `personas: asking ${model}${customEndpoint ? " at GEMINI_BASE_URL" : ""} for ${profiles.length} cards ` +
      `(timeout ${formatDuration(timeoutMs)}, no retries)`,
  );

  const cards: PersonaCard[] = [];
  const fallbacks: PersonaFallback[] = [];
  let requests = 0;
  let cached = 0;

  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i]!;
    const rulesCard = rulesCards[i]!;
    const source = { kind: "gemini-build", model } as const;
    const prompt = buildPersonaPrompt(profile, base, options.axes, lang);
    const cachePath = join(cacheDir, `gemini-${personaCacheKey(endpoint, model, prompt, lang)}.json`);

    const hit = await readCache(cachePath);
    if (hit) {
      const card = parsePersonaResponse(hit.text, profile.id, source);
      if (typeof card !== "string") {
        cached++;
        cards.push(card);
        say(`personas: cluster ${profile.id}: cached answer from ${model}`);
        continue;
      }
      say(`personas: cluster ${profile.id}: cached answer no longer valid (${card}); asking again`);
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let outcome: PersonaCard | string;
    let answerText: string | null = null;
    try {
      requests++;
      const response = await ai.models.generateContent({
        model,
        contents: prompt,
        config: {
          responseMimeType: "application/json",
          responseJsonSchema: PERSONA_RESPONSE_SCHEMA,
          abortSignal: controller.signal,
        },
      });
      const extracted = extractResponseText(response);
      if (extracted.ok) {
        answerText = extracted.text;
        outcome = parsePersonaResponse(extracted.text, profile.id, source, extracted.finishReason);
      } else {
        outcome = extracted.reason;
      }
    } catch (e) {
      outcome = failureReason(e, timedOut, timeoutMs);
    } finally {
      clearTimeout(timer);
    }

    if (typeof outcome === "string") {
      const reason = redact(outcome, apiKey);
      fallbacks.push({ clusterId: profile.id, reason });
      cards.push({ ...rulesCard, fallback: { reason } });
      say(`personas: cluster ${profile.id}: fell back to rules: ${reason}`);
      continue;
    }
    cards.push(outcome);
    say(`personas: cluster ${profile.id}: answer from ${model}`);
    if (answerText !== null) {
      try {
        await writeCache(cacheDir, cachePath, { promptVersion: PROMPT_VERSION, model, text: answerText });
      } catch (e) {
        // A read-only cache costs a request next build, not this build.
        say(
          `personas: could not cache the answer for cluster ${profile.id}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
  }

  const fromGemini = cards.length - fallbacks.length;
  say(
    `personas: ${fromGemini} cards from ${model} (${cached} cached), ${fallbacks.length} by rules after a failure; ` +
      `${requests} requests`,
  );
  return { cards, fallbacks, requests, model };
}

/** The personas.json artifact: what the page shows; no request counts, so rebuilds are byte-identical. */
export function toPersonasArtifact(result: WritePersonasResult): PersonasArtifact {
  return {
    version: 1,
    generator: result.model === null ? { kind: "rules" } : { kind: "gemini-build", model: result.model },
    cards: result.cards,
    fallbacks: result.fallbacks,
  };
}
