// The cached pipeline run around a stand-in pipeline: one run per key however many ask at once, and a run
// killed while it held its lock does not block the next one (it used to wait, silent, for 20 minutes).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { PipelineOutput } from "../pipeline/artifacts.js";
import { contentKey } from "../pipeline/content-key.js";
import { ensurePipelineRun } from "../pipeline/run-cached.js";
import type { PipelineSettings } from "../pipeline/settings.js";

const root = mkdtempSync(join(tmpdir(), "churn-run-cached-"));
after(() => rmSync(root, { recursive: true, force: true }));

function settingsFor(name: string): PipelineSettings {
  const dataPath = join(root, name);
  writeFileSync(dataPath, `CustomerID,Churn\n${name},1\n`);
  return {
    dataPath,
    demo: false,
    testIdsPath: null,
    seed: 42,
    k: 6,
    schema: {},
    baselineDir: null,
    gemini: { apiKey: null, model: "m", baseUrl: null },
  };
}

const standIn =
  (calls: string[]) =>
  async (settings: PipelineSettings): Promise<PipelineOutput> => {
    calls.push(settings.dataPath);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { artifacts: { summary: { file: settings.dataPath } }, exports: {} };
  };

describe("ensurePipelineRun", () => {
  it("runs once for several callers at once, and the others read its artifacts", async () => {
    const settings = settingsFor("a.csv");
    const calls: string[] = [];
    const cacheRoot = join(root, "cache-a");
    const dirs = await Promise.all(
      [0, 1, 2].map(() => ensurePipelineRun(settings, () => {}, { cacheRoot, run: standIn(calls) })),
    );
    assert.equal(calls.length, 1);
    assert.equal(new Set(dirs).size, 1);
    assert.deepEqual(JSON.parse(readFileSync(join(dirs[0], "summary.json"), "utf-8")), { file: settings.dataPath });
  });

  it("takes over the lock of a run that was killed, and says so", async () => {
    const settings = settingsFor("b.csv");
    const cacheRoot = join(root, "cache-b");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const lock = join(cacheRoot, `${contentKey(settings)}.lock`);
    mkdirSync(lock, { recursive: true });
    const owner = { pid: dead, host: hostname(), purpose: "running the pipeline", since: new Date().toISOString() };
    writeFileSync(join(lock, "owner.json"), JSON.stringify(owner));
    const said: string[] = [];
    const calls: string[] = [];
    const started = Date.now();
    await ensurePipelineRun(settings, (l) => said.push(l), { cacheRoot, run: standIn(calls) });
    assert.ok(Date.now() - started < 10_000);
    assert.equal(calls.length, 1);
    assert.ok(
      said.some((l) => l.includes(`pid ${dead} (running the pipeline) is no longer running`)),
      said.join("\n"),
    );
  });
});
