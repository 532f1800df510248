// A cached pipeline run whose persona cards partly fell back after a Gemini failure: a later build asks
// again for those cards only (the others come from the answer cache), a data loader does not.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { PipelineOutput } from "../pipeline/artifacts.js";
import { geminiEnv, toPersonasArtifact, writePersonas } from "../pipeline/personas/gemini-build.js";
import { ensurePipelineRun } from "../pipeline/run-cached.js";
import type { PipelineSettings } from "../pipeline/settings.js";
import type { PersonasArtifact } from "../src/lib/personas/card.js";
import { BASE, GOOD_ANSWER, PROFILES } from "./fixtures/personas.js";
import { startMockGemini, type MockGemini } from "./helpers/mock-gemini.js";

const root = mkdtempSync(join(tmpdir(), "churn-refresh-personas-"));
const cacheRoot = join(root, "runs");
const geminiCacheDir = join(root, "gemini");
let mock: MockGemini;
let settings: PipelineSettings;

before(async () => {
  mock = await startMockGemini((_request, index) =>
    index === 0 ? { kind: "status", status: 429 } : { kind: "ok", body: GOOD_ANSWER },
  );
  const dataPath = join(root, "customers.csv");
  writeFileSync(dataPath, "CustomerID,Churn\n1,1\n");
  settings = {
    dataPath,
    demo: false,
    testIdsPath: null,
    baselineDir: null,
    seed: 42,
    k: 3,
    schema: {},
    gemini: { apiKey: "AIzaSy-refresh-test-key", model: "mock-model", baseUrl: mock.baseUrl },
  };
});
after(async () => {
  await mock.close();
  rmSync(root, { recursive: true, force: true });
});

/** The personas stage of a pipeline, on the fixtures' clusters. */
async function standIn(s: PipelineSettings): Promise<PipelineOutput> {
  const result = await writePersonas({ profiles: PROFILES, base: BASE, env: geminiEnv(s), cacheDir: geminiCacheDir });
  return {
    artifacts: { segments: { clusters: PROFILES, base: BASE }, personas: toPersonasArtifact(result) },
    exports: {},
  };
}

const personasOf = (runDir: string) =>
  JSON.parse(readFileSync(join(runDir, "personas.json"), "utf-8")) as PersonasArtifact;

describe("a cached run's failed persona cards", () => {
  it("are asked again by the next build, and only they", async () => {
    const options = { cacheRoot, geminiCacheDir, run: standIn };
    const runDir = await ensurePipelineRun(settings, () => {}, options);
    assert.equal(personasOf(runDir).fallbacks.length, 1);
    assert.equal(mock.requests.length, PROFILES.length);

    // A data loader reuses the run as it is.
    await ensurePipelineRun(settings, () => {}, options);
    assert.equal(mock.requests.length, PROFILES.length);
    assert.equal(personasOf(runDir).fallbacks.length, 1);

    const said: string[] = [];
    await ensurePipelineRun(settings, (line) => said.push(line), { ...options, refreshPersonas: true });
    assert.equal(mock.requests.length, PROFILES.length + 1, "only the card that failed is asked again");
    const personas = personasOf(runDir);
    assert.deepEqual(personas.fallbacks, []);
    assert.ok(personas.cards.every((card) => card.source.kind === "gemini-build"));
    assert.ok(
      said.some((l) => /1 of the cached run's cards fell back to the rules; asking again/.test(l)),
      said.join("\n"),
    );

    // Nothing failed now: the next build asks nothing.
    await ensurePipelineRun(settings, () => {}, { ...options, refreshPersonas: true });
    assert.equal(mock.requests.length, PROFILES.length + 1);
  });
});
