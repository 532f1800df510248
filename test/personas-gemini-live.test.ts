// Gemini live (the reader's key, plain fetch) against the loopback mock.

import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCardLive, type FetchLike, type LiveResult } from "../src/lib/personas/gemini-live.js";
import { writePersonas } from "../pipeline/personas/gemini-build.js";
import type { PersonaCard } from "../src/lib/personas/card.js";
import { startMockGemini, type MockGemini } from "./helpers/mock-gemini.js";
import { AT_RISK, BASE, GOOD_ANSWER } from "./fixtures/personas.js";

const KEY = "AIzaSyLIVE-reader-key-9876543210";
const MODEL = "gemini-2.5-flash";

let mock: MockGemini;
before(async () => {
  mock = await startMockGemini();
});
after(async () => {
  await mock.close();
});
beforeEach(() => {
  mock.requests.length = 0;
  mock.setBehaviour({ kind: "ok", body: GOOD_ANSWER });
});

function live(extra: Partial<Parameters<typeof generateCardLive>[0]> = {}): Promise<LiveResult> {
  return generateCardLive({
    apiKey: KEY,
    model: MODEL,
    baseUrl: mock.baseUrl,
    profile: AT_RISK,
    base: BASE,
    timeoutMs: 5000,
    ...extra,
  });
}

function card(result: LiveResult): PersonaCard {
  assert.ok(result.ok, result.ok ? "" : result.error.message);
  return result.card;
}

function error(result: LiveResult): { kind: string; message: string; status?: number } {
  assert.ok(!result.ok, "expected a failure");
  return result.error;
}

test("success: a live card, the key only in the x-goog-api-key header", async () => {
  const c = card(await live({ baseUrl: `${mock.baseUrl}/` }));
  assert.equal(c.clusterId, AT_RISK.id);
  assert.equal(c.name, GOOD_ANSWER.name);
  assert.deepEqual(c.source, { kind: "gemini-live", model: MODEL });
  assert.equal(mock.requests.length, 1);
  const req = mock.requests[0]!;
  assert.equal(req.method, "POST");
  assert.equal(req.url, `/v1beta/models/${MODEL}:generateContent`);
  assert.equal(req.headers["x-goog-api-key"], KEY);
  assert.equal(req.headers["content-type"], "application/json");
  assert.ok(!req.url.includes(KEY));
});

test("the live path asks exactly what the SDK asks at build time", async () => {
  await live();
  const dir = await mkdtemp(join(tmpdir(), "personas-live-"));
  await writePersonas({
    profiles: [AT_RISK],
    base: BASE,
    env: { GEMINI_API_KEY: KEY, GEMINI_MODEL: MODEL, GEMINI_BASE_URL: mock.baseUrl },
    cacheDir: dir,
    timeoutMs: 1000,
  });
  await rm(dir, { recursive: true, force: true });
  assert.equal(mock.requests.length, 2);
  const [fromLive, fromSdk] = mock.requests;
  assert.equal(fromLive!.url, fromSdk!.url);
  assert.deepEqual(fromLive!.body, fromSdk!.body);
  assert.equal(fromLive!.headers["x-goog-api-key"], fromSdk!.headers["x-goog-api-key"]);
});

test("on a Korean page the card is asked in Korean, as the build asks for personas-ko.json", async () => {
  const axes = { recency: "last_login_days", frequency: "support_calls", monetary: "monthly_fee" };
  await live({ lang: "ko", axes });
  const dir = await mkdtemp(join(tmpdir(), "personas-live-"));
  await writePersonas({
    profiles: [AT_RISK],
    base: BASE,
    axes,
    lang: "ko",
    env: { GEMINI_API_KEY: KEY, GEMINI_MODEL: MODEL, GEMINI_BASE_URL: mock.baseUrl },
    cacheDir: dir,
    timeoutMs: 1000,
  });
  await rm(dir, { recursive: true, force: true });
  assert.equal(mock.requests.length, 2);
  const [fromLive, fromSdk] = mock.requests;
  assert.deepEqual(fromLive!.body, fromSdk!.body);
  const prompt = JSON.stringify(fromLive!.body);
  assert.match(prompt, /in Korean \(한국어\)/);
  // The table's own columns, not the Kaggle preset's.
  assert.match(prompt, /support_calls/);
  assert.doesNotMatch(prompt, /cashback/i);
  // Without a language the English prompt, which asks for no other language.
  mock.requests.length = 0;
  await live();
  assert.doesNotMatch(JSON.stringify(mock.requests[0]!.body), /Korean|한국어/);
});

test("HTTP errors come back typed, with the status", async () => {
  mock.setBehaviour({ kind: "status", status: 429, message: "Resource has been exhausted" });
  assert.deepEqual(error(await live()), {
    kind: "http",
    status: 429,
    message: "HTTP 429 from Gemini (rate limit or quota reached): Resource has been exhausted",
  });
  mock.setBehaviour({ kind: "status", status: 500 });
  const e500 = error(await live());
  assert.equal(e500.kind, "http");
  assert.equal(e500.status, 500);
  assert.match(e500.message, /^HTTP 500 from Gemini \(server error\)/);
  assert.equal(mock.requests.length, 2, "no retries");
});

test("invalid JSON, a missing field and a refusal are reported precisely", async () => {
  mock.setBehaviour({ kind: "text", text: "Sure! Here is your card: {" });
  assert.deepEqual(error(await live()), { kind: "invalid", message: "invalid JSON" });
  mock.setBehaviour({ kind: "ok", body: { ...GOOD_ANSWER, actions: undefined } });
  assert.deepEqual(error(await live()), { kind: "invalid", message: "missing field 'actions'" });
  mock.setBehaviour({ kind: "blocked", blockReason: "PROHIBITED_CONTENT" });
  assert.deepEqual(error(await live()), { kind: "refused", message: "refused: prompt blocked (PROHIBITED_CONTENT)" });
  mock.setBehaviour({ kind: "text", text: "", finishReason: "SAFETY" });
  assert.deepEqual(error(await live()), { kind: "refused", message: "refused: finish reason SAFETY" });
});

test("a hang ends at the timeout; a caller's abort reads as cancelled", async () => {
  mock.setBehaviour({ kind: "hang" });
  const started = performance.now();
  assert.deepEqual(error(await live({ timeoutMs: 200 })), { kind: "timeout", message: "timed out after 200 ms" });
  assert.ok(performance.now() - started < 2000);
  const controller = new AbortController();
  const pending = live({ timeoutMs: 5000, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  assert.deepEqual(error(await pending), { kind: "aborted", message: "cancelled" });
});

test("the key never appears in an error, even when the server echoes it", async () => {
  mock.setBehaviour({ kind: "status", status: 400, echoKey: true });
  const e = error(await live());
  assert.equal(e.message, "HTTP 400 from Gemini: API key not valid: [redacted]");
  assert.ok(!JSON.stringify(e).includes(KEY));
});

test("configuration problems are caught before any request", async () => {
  assert.equal(error(await live({ apiKey: "  " })).kind, "config");
  assert.equal(error(await live({ model: "../../upload/v1beta/files?x=" })).kind, "config");
  assert.equal(mock.requests.length, 0);
  // "models/" prefixes, as the API lists them, are accepted.
  assert.equal(card(await live({ model: `models/${MODEL}` })).source.kind, "gemini-live");
  assert.equal(mock.requests[0]!.url, `/v1beta/models/${MODEL}:generateContent`);
});

test("an injected fetch is used, and a network failure is typed", async () => {
  const seen: string[] = [];
  const failing: FetchLike = async (input) => {
    seen.push(input);
    throw new TypeError("Failed to fetch");
  };
  assert.deepEqual(error(await live({ fetch: failing })), {
    kind: "network",
    message: "network error: Failed to fetch",
  });
  assert.deepEqual(seen, [`${mock.baseUrl}/v1beta/models/${MODEL}:generateContent`]);
  assert.equal(mock.requests.length, 0);
});

test("markup in a model answer survives as literal text", async () => {
  const img = "<img src=x onerror=alert(1)>";
  const js = "javascript:alert(document.domain)";
  mock.setBehaviour({
    kind: "ok",
    body: { ...GOOD_ANSWER, name: img, risk: `See <a href="${js}">details</a>`, actions: [`Open ${js}`, "Call them."] },
  });
  const c = card(await live());
  assert.equal(c.name, img);
  assert.equal(c.risk, `See <a href="${js}">details</a>`);
  assert.deepEqual(c.actions, [`Open ${js}`, "Call them."]);
});
