// Build-time personas through the real @google/genai SDK against the loopback mock.

import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import {
  toPersonasArtifact,
  writePersonas,
  type GeminiEnv,
  type WritePersonasResult,
} from "../pipeline/personas/gemini-build.js";
import { GEMINI_DEFAULT_MODEL } from "../src/lib/personas/gemini-live.js";
import { writePersonaByRules } from "../src/lib/personas/rules.js";
import { buildPersonaPrompt, PERSONA_RESPONSE_SCHEMA } from "../src/lib/personas/prompt.js";
import { startMockGemini, type MockBehaviour, type MockGemini } from "./helpers/mock-gemini.js";
import { AT_RISK, BASE, GOOD_ANSWER, PROFILES } from "./fixtures/personas.js";

const KEY = "AIzaSyTEST-secret-key-0123456789abcdef";
const MODEL = "gemini-test-flash";
/** For the tests of a hang: short, so they finish soon. */
const SHORT_TIMEOUT_MS = 300;
/** For every other test: far above the mock's answer time on a loaded machine, so a slow answer is no timeout. */
const ANSWER_TIMEOUT_MS = 10_000;

let mock: MockGemini;
let dir: string;
let cacheDir: string;

before(async () => {
  mock = await startMockGemini();
});
after(async () => {
  await mock.close();
});
beforeEach(async () => {
  mock.requests.length = 0;
  mock.setBehaviour({ kind: "ok", body: GOOD_ANSWER });
  dir = await mkdtemp(join(tmpdir(), "personas-build-"));
  cacheDir = join(dir, "cache");
});

function env(extra: Partial<GeminiEnv> = {}): GeminiEnv {
  return { GEMINI_API_KEY: KEY, GEMINI_MODEL: MODEL, GEMINI_BASE_URL: mock.baseUrl, ...extra };
}

async function run(
  options: { env?: GeminiEnv; lines?: string[]; profiles?: typeof PROFILES; timeoutMs?: number } = {},
): Promise<WritePersonasResult> {
  const lines = options.lines ?? [];
  return writePersonas({
    profiles: options.profiles ?? PROFILES,
    base: BASE,
    env: options.env ?? env(),
    cacheDir,
    timeoutMs: options.timeoutMs ?? ANSWER_TIMEOUT_MS,
    log: (line) => lines.push(line),
  });
}

test("without a key every card is written by the rules and nothing is requested", async () => {
  const lines: string[] = [];
  const result = await run({ env: { GEMINI_BASE_URL: mock.baseUrl }, lines });
  assert.equal(result.requests, 0);
  assert.equal(mock.requests.length, 0);
  assert.equal(result.model, null);
  assert.deepEqual(result.fallbacks, []);
  assert.deepEqual(
    result.cards,
    PROFILES.map((p) => writePersonaByRules(p, BASE, PROFILES)),
  );
  assert.match(lines.join("\n"), /GEMINI_API_KEY not set/);
  await rm(dir, { recursive: true, force: true });
});

test("success: one request per cluster, key in the header, the schema in the body", async () => {
  const result = await run();
  assert.equal(result.requests, 3);
  assert.equal(mock.requests.length, 3);
  assert.deepEqual(result.fallbacks, []);
  for (const [i, card] of result.cards.entries()) {
    assert.equal(card.clusterId, PROFILES[i]!.id);
    assert.deepEqual(card.source, { kind: "gemini-build", model: MODEL });
    assert.equal(card.name, GOOD_ANSWER.name);
    assert.equal(card.fallback, undefined);
  }
  const first = mock.requests[0]!;
  assert.equal(first.method, "POST");
  assert.equal(first.url, `/v1beta/models/${MODEL}:generateContent`);
  assert.equal(first.headers["x-goog-api-key"], KEY);
  assert.ok(!first.url.includes(KEY));
  assert.deepEqual(first.body, {
    contents: [{ role: "user", parts: [{ text: buildPersonaPrompt(PROFILES[0]!, BASE) }] }],
    generationConfig: { responseMimeType: "application/json", responseJsonSchema: PERSONA_RESPONSE_SCHEMA },
  });
  await rm(dir, { recursive: true, force: true });
});

test("GEMINI_MODEL unset: the default model is asked", async () => {
  const result = await run({ env: env({ GEMINI_MODEL: undefined }), profiles: [AT_RISK] });
  assert.equal(mock.requests[0]!.url, `/v1beta/models/${GEMINI_DEFAULT_MODEL}:generateContent`);
  assert.deepEqual(result.cards[0]!.source, { kind: "gemini-build", model: GEMINI_DEFAULT_MODEL });
  assert.equal(GEMINI_DEFAULT_MODEL, "gemini-2.5-flash");
  await rm(dir, { recursive: true, force: true });
});

// Each failure gives the rules card for that cluster, the reason on the card and in `fallbacks`.
const FAILURES: { name: string; behaviour: MockBehaviour; reason: RegExp }[] = [
  { name: "invalid JSON", behaviour: { kind: "text", text: '{"name": "Half' }, reason: /^invalid JSON$/ },
  {
    name: "a missing field",
    behaviour: { kind: "ok", body: { ...GOOD_ANSWER, risk: undefined } },
    reason: /^missing field 'risk'$/,
  },
  {
    name: "HTTP 429",
    behaviour: { kind: "status", status: 429, message: "Quota exceeded" },
    reason: /^HTTP 429 from Gemini \(rate limit or quota reached\): Quota exceeded$/,
  },
  {
    name: "HTTP 500",
    behaviour: { kind: "status", status: 500, message: "Internal error" },
    reason: /^HTTP 500 from Gemini \(server error\): Internal error$/,
  },
  { name: "HTTP 503", behaviour: { kind: "status", status: 503 }, reason: /^HTTP 503 from Gemini \(server error\)/ },
  {
    name: "a refusal",
    behaviour: { kind: "blocked", blockReason: "SAFETY" },
    reason: /^refused: prompt blocked \(SAFETY\)$/,
  },
  { name: "a hang past the timeout", behaviour: { kind: "hang" }, reason: /^timed out after 300 ms$/ },
  {
    name: "a success that is not JSON",
    behaviour: { kind: "raw", status: 200, body: "<html>Bad gateway</html>", contentType: "text/html" },
    reason: /^the endpoint answered HTTP 200 but not in JSON \(it began "<html>Bad gateway<\/html>"\)$/,
  },
  {
    name: "a body cut off mid-JSON",
    behaviour: { kind: "raw", status: 200, body: '{"candidates": [{"content"' },
    reason: /^the endpoint answered HTTP 200 but not in JSON/,
  },
  {
    name: "an error status whose body is a proxy's page, not the API's JSON",
    behaviour: { kind: "raw", status: 502, body: "<html>proxy error</html>" },
    reason: /^HTTP 502 from Gemini \(server error\): <html>proxy error<\/html>$/,
  },
  {
    name: "a body far larger than any answer",
    behaviour: { kind: "huge", bytes: 64 * 1024 * 1024 },
    reason: /^the answer was larger than 1024 KB, so it was not read$/,
  },
];

for (const failure of FAILURES) {
  test(`${failure.name}: falls back to the rules, once per cluster, no retry`, async () => {
    mock.setBehaviour(failure.behaviour);
    const started = performance.now();
    const result = await run(failure.behaviour.kind === "hang" ? { timeoutMs: SHORT_TIMEOUT_MS } : {});
    const elapsed = performance.now() - started;
    assert.equal(result.requests, 3, "one request per cluster");
    assert.equal(mock.requests.length, 3, "the SDK did not retry");
    assert.equal(result.fallbacks.length, 3);
    for (const [i, card] of result.cards.entries()) {
      const profile = PROFILES[i]!;
      const rules = writePersonaByRules(profile, BASE, PROFILES);
      assert.deepEqual({ ...card, fallback: undefined }, { ...rules, fallback: undefined });
      assert.deepEqual(card.source, { kind: "rules" });
      assert.match(card.fallback!.reason, failure.reason);
      assert.deepEqual(result.fallbacks[i], { clusterId: profile.id, reason: card.fallback!.reason });
    }
    if (failure.behaviour.kind === "hang") assert.ok(elapsed < 3 * SHORT_TIMEOUT_MS + 8000, `took ${elapsed} ms`);
    // Failures are not cached: the next build asks again.
    mock.setBehaviour({ kind: "ok", body: GOOD_ANSWER });
    const again = await run();
    assert.equal(again.requests, 3);
    assert.deepEqual(again.fallbacks, []);
    await rm(dir, { recursive: true, force: true });
  });
}

test("an unreachable endpoint is a network error", async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const p = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(p));
    });
  });
  const result = await run({ env: env({ GEMINI_BASE_URL: `http://127.0.0.1:${port}` }), profiles: [AT_RISK] });
  assert.equal(result.fallbacks.length, 1);
  assert.match(result.fallbacks[0]!.reason, /^network error: fetch failed \(ECONNREFUSED\)$/);
  await rm(dir, { recursive: true, force: true });
});

test("only the failing cluster falls back; the report says which and why", async () => {
  mock.setBehaviour((_req, index) =>
    index === 1 ? { kind: "status", status: 429 } : { kind: "ok", body: GOOD_ANSWER },
  );
  const lines: string[] = [];
  const result = await run({ lines });
  assert.deepEqual(
    result.cards.map((c) => c.source.kind),
    ["gemini-build", "rules", "gemini-build"],
  );
  assert.equal(result.fallbacks.length, 1);
  assert.equal(result.fallbacks[0]!.clusterId, 1);
  assert.match(result.fallbacks[0]!.reason, /^HTTP 429 from Gemini/);
  assert.ok(
    lines.some((l) => /cluster 1: fell back to rules: HTTP 429/.test(l)),
    lines.join("\n"),
  );
  const artifact = toPersonasArtifact(result);
  assert.deepEqual(artifact.generator, { kind: "gemini-build", model: MODEL });
  assert.deepEqual(artifact.fallbacks, result.fallbacks);
  assert.ok(!("requests" in artifact));
  await rm(dir, { recursive: true, force: true });
});

test("cache: a second build makes no request; a changed profile asks again for that cluster only", async () => {
  const first = await run();
  assert.equal(first.requests, 3);
  const second = await run();
  assert.equal(second.requests, 0);
  assert.equal(mock.requests.length, 3);
  assert.deepEqual(second.cards, first.cards);
  assert.deepEqual(toPersonasArtifact(second), toPersonasArtifact(first));

  const changed = PROFILES.map((p) => (p.id === AT_RISK.id ? { ...p, churnRate: 0.35 } : p));
  const third = await run({ profiles: changed });
  assert.equal(third.requests, 1);
  assert.equal(mock.requests.length, 4);

  // Another model is another question.
  const other = await run({ env: env({ GEMINI_MODEL: "gemini-other" }) });
  assert.equal(other.requests, 3);
  await rm(dir, { recursive: true, force: true });
});

test("cache: answers from one endpoint are not reused with another", async () => {
  assert.equal((await run()).requests, 3);
  const other = await startMockGemini({ kind: "ok", body: { ...GOOD_ANSWER, name: "Other Endpoint Persona" } });
  try {
    const result = await run({ env: env({ GEMINI_BASE_URL: other.baseUrl }) });
    assert.equal(result.requests, 3);
    assert.equal(other.requests.length, 3);
    assert.ok(result.cards.every((c) => c.name === "Other Endpoint Persona"));
    // A trailing slash is the same endpoint.
    assert.equal((await run({ env: env({ GEMINI_BASE_URL: `${other.baseUrl}/` }) })).requests, 0);
  } finally {
    await other.close();
  }
  await rm(dir, { recursive: true, force: true });
});

test("cache: a corrupt entry, or one that no longer validates, is a miss", async () => {
  await run({ profiles: [AT_RISK] });
  const [file] = await readdir(cacheDir);
  assert.ok(file);
  await writeFile(join(cacheDir, file), "{torn", "utf8");
  assert.equal((await run({ profiles: [AT_RISK] })).requests, 1);
  const entry = JSON.parse(await readFile(join(cacheDir, file), "utf8")) as Record<string, unknown>;
  await writeFile(
    join(cacheDir, file),
    JSON.stringify({ ...entry, text: JSON.stringify({ name: "only a name" }) }),
    "utf8",
  );
  const lines: string[] = [];
  const result = await run({ profiles: [AT_RISK], lines });
  assert.equal(result.requests, 1);
  assert.ok(lines.some((l) => /cached answer no longer valid \(missing field 'who'\)/.test(l)));
  await rm(dir, { recursive: true, force: true });
});

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

test("the key appears in no output file, artifact, reason or log line, even when the server echoes it", async () => {
  const lines: string[] = [];
  const outDir = join(dir, "out");
  await mkdir(outDir, { recursive: true });
  const results: WritePersonasResult[] = [];
  mock.setBehaviour({ kind: "ok", body: GOOD_ANSWER });
  results.push(await run({ lines }));
  results.push(await run({ lines }));
  mock.setBehaviour({ kind: "status", status: 400, echoKey: true });
  results.push(await run({ lines, profiles: PROFILES.map((p) => ({ ...p, size: p.size + 1 })) }));
  mock.setBehaviour({ kind: "hang" });
  results.push(
    await run({ lines, profiles: PROFILES.map((p) => ({ ...p, size: p.size + 2 })), timeoutMs: SHORT_TIMEOUT_MS }),
  );
  for (const [i, r] of results.entries()) {
    await writeFile(join(outDir, `personas-${i}.json`), JSON.stringify(toPersonasArtifact(r), null, 2));
  }
  // The echo really happened, and was redacted.
  assert.match(results[2]!.fallbacks[0]!.reason, /^HTTP 400 from Gemini: API key not valid: \[redacted\]$/);
  assert.ok(mock.requests.every((r) => r.headers["x-goog-api-key"] === KEY && !r.url.includes(KEY)));

  const files = await filesUnder(dir);
  assert.ok(files.length >= 4 + 3, `expected cache entries and artifacts, got ${files.length}`);
  for (const file of files) {
    assert.ok(!(await readFile(file, "utf8")).includes(KEY), `key found in ${file}`);
  }
  assert.ok(lines.length > 0);
  for (const line of lines) assert.ok(!line.includes(KEY), `key in log line: ${line}`);
  for (const r of results) assert.ok(!JSON.stringify(r).includes(KEY));
  await rm(dir, { recursive: true, force: true });
});

test("Korean cards: Gemini is asked in Korean, the rules write the Korean fallback, and the cache keeps the languages apart", async () => {
  const ask = (lang: "en" | "ko") =>
    // A timeout well above the mock's answer time: this test counts requests, not timeouts.
    writePersonas({ profiles: PROFILES, base: BASE, env: env(), cacheDir, timeoutMs: 10_000, lang });
  const english = await ask("en");
  assert.equal(english.requests, 3);
  // The English answers are cached; they are not Korean answers, so the Korean cards are asked for afresh.
  const korean = await ask("ko");
  assert.equal(korean.requests, 3, "an English answer in the cache was served for a Korean card");
  assert.equal(mock.requests.length, 6);
  for (const [i, request] of mock.requests.slice(3).entries()) {
    const body = request.body as { contents: { parts: { text: string }[] }[] };
    const prompt = body.contents[0]!.parts[0]!.text;
    assert.equal(prompt, buildPersonaPrompt(PROFILES[i]!, BASE, undefined, "ko"));
    assert.match(prompt, /in Korean \(한국어\)/);
  }
  for (const request of mock.requests.slice(0, 3)) {
    assert.doesNotMatch(JSON.stringify(request.body), /Korean|한국어/, "an English card was asked in Korean");
  }
  // Each language's answers come back from its own cache entries.
  assert.equal((await ask("ko")).requests, 0);
  assert.equal((await ask("en")).requests, 0);
  // A failure for a Korean card gives the Korean rules card, with the reason.
  await rm(cacheDir, { recursive: true, force: true });
  mock.setBehaviour({ kind: "status", status: 429, message: "quota" });
  const failed = await ask("ko");
  assert.equal(failed.fallbacks.length, 3);
  for (const [i, card] of failed.cards.entries()) {
    const rules = writePersonaByRules(PROFILES[i]!, BASE, PROFILES, undefined, "ko");
    assert.equal(card.who, rules.who);
    assert.match(card.who, /[\uac00-\ud7a3]/);
    assert.match(card.fallback?.reason ?? "", /429/);
  }
  await rm(dir, { recursive: true, force: true });
});
