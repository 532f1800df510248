// Staleness is impossible by construction: the cache key moves with the data bytes, the file's name, the
// settings and every pipeline module, and stays put when none of them changes.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { contentKey } from "../pipeline/content-key.js";
import type { PipelineSettings } from "../pipeline/settings.js";

function fakeProject(): { root: string; data: string; settings: PipelineSettings } {
  const root = mkdtempSync(join(tmpdir(), "churn-key-"));
  mkdirSync(join(root, "pipeline"));
  mkdirSync(join(root, "src", "lib"), { recursive: true });
  writeFileSync(join(root, "pipeline", "stage.ts"), "export const a = 1;\n");
  writeFileSync(join(root, "src", "lib", "score.ts"), "export const b = 2;\n");
  writeFileSync(join(root, "package-lock.json"), "{}\n");
  const data = join(root, "customers.csv");
  writeFileSync(data, "CustomerID,Churn\n1,0\n");
  const settings: PipelineSettings = {
    dataPath: data,
    demo: false,
    testIdsPath: null,
    seed: 42,
    k: 6,
    schema: {},
    baselineDir: null,
    gemini: { apiKey: null, model: "m", baseUrl: null },
  };
  return { root, data, settings };
}

describe("pipeline cache key", () => {
  it("is the same for the same data, code and settings", () => {
    const { root, settings } = fakeProject();
    assert.equal(contentKey(settings, root), contentKey(settings, root));
  });
  it("changes with the data bytes", () => {
    const { root, data, settings } = fakeProject();
    const before = contentKey(settings, root);
    writeFileSync(data, "CustomerID,Churn\n1,1\n");
    assert.notEqual(contentKey(settings, root), before);
  });
  it("changes with any pipeline module, in pipeline/ or src/lib/", () => {
    const { root, settings } = fakeProject();
    const before = contentKey(settings, root);
    writeFileSync(join(root, "pipeline", "stage.ts"), "export const a = 2;\n");
    const afterLoader = contentKey(settings, root);
    assert.notEqual(afterLoader, before);
    writeFileSync(join(root, "src", "lib", "new-module.ts"), "export {};\n");
    assert.notEqual(contentKey(settings, root), afterLoader);
  });
  it("changes with the seed, k, and whether a Gemini key is set, but never contains the key", () => {
    const { root, settings } = fakeProject();
    const base = contentKey(settings, root);
    assert.notEqual(contentKey({ ...settings, seed: 7 }, root), base);
    assert.notEqual(contentKey({ ...settings, k: 5 }, root), base);
    const withKey = contentKey({ ...settings, gemini: { ...settings.gemini, apiKey: "secret-key" } }, root);
    assert.notEqual(withKey, base);
    assert.equal(withKey, contentKey({ ...settings, gemini: { ...settings.gemini, apiKey: "another-key" } }, root));
  });
});
