// A build with a Gemini key, against the mock on 127.0.0.1: the persona cards come from Gemini, a card
// whose request failed falls back to the rules and says why, and the key is written nowhere: not in any
// file of the built site, not in the build's output.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { startMockGemini, type MockGemini } from "./helpers/mock-gemini.js";
import { GOOD_ANSWER } from "./fixtures/personas.js";

const KEY = "AIzaSyBUILD-test-key-9f8e7d6c5b4a";
const MODEL = "mock-model-for-build-tests";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("npm run build with GEMINI_API_KEY", () => {
  let mock: MockGemini;
  let dist: string;
  let build: { status: number | null; stdout: string; stderr: string };
  before(async () => {
    mock = await startMockGemini((_request, index) =>
      index === 0 ? { kind: "status", status: 429 } : { kind: "ok", body: GOOD_ANSWER },
    );
    dist = mkdtempSync(join(tmpdir(), "churn-dist-gemini-"));
    // The mock's answers are cached like real ones; a run of its own keeps this test's cache out of the way.
    rmSync(join(PROJECT_ROOT, ".cache", "gemini"), { recursive: true, force: true });
    // Asynchronously: the mock answers from this process's event loop while the build runs.
    build = await new Promise((resolve, reject) => {
      const child = spawn(
        join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
        [join(PROJECT_ROOT, "scripts", "build.ts")],
        {
          cwd: PROJECT_ROOT,
          env: {
            ...process.env,
            CHURN_DATA: "",
            CHURN_DIST: dist,
            GEMINI_API_KEY: KEY,
            GEMINI_MODEL: MODEL,
            GEMINI_BASE_URL: mock.baseUrl,
          },
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
  });
  after(async () => {
    await mock.close();
    rmSync(dist, { recursive: true, force: true });
    rmSync(join(PROJECT_ROOT, ".cache", "gemini"), { recursive: true, force: true });
  });

  it("builds, asking Gemini once per cluster with the key in the header only", () => {
    assert.equal(build.status, 0, build.stderr);
    assert.ok(mock.requests.length >= 2, `expected a request per cluster, saw ${mock.requests.length}`);
    for (const request of mock.requests) {
      assert.equal(request.headers["x-goog-api-key"], KEY);
      assert.ok(!request.url.includes(KEY), "the key must not be in the URL");
      assert.ok(request.url.includes(MODEL));
    }
  });

  it("writes Gemini's cards, and the failed one from the rules with its reason", () => {
    const personasFile = filesUnder(dist).find((f) => /personas\.[0-9a-f]+\.json$/.test(f));
    assert.ok(personasFile, "the built site has a personas artifact");
    const personas = JSON.parse(readFileSync(personasFile, "utf-8")) as {
      cards: { clusterId: number; name: string; source: { kind: string; model?: string } }[];
      fallbacks: { clusterId: number; reason: string }[];
    };
    const fromGemini = personas.cards.filter((c) => c.source.kind === "gemini-build");
    assert.equal(fromGemini.length, personas.cards.length - 1);
    assert.ok(fromGemini.every((c) => c.source.model === MODEL && c.name === GOOD_ANSWER.name));
    assert.equal(personas.fallbacks.length, 1);
    assert.match(personas.fallbacks[0].reason, /429/);
  });

  it("leaves the key in no file of the site and no line of the build's output", () => {
    for (const file of filesUnder(dist)) {
      assert.ok(!readFileSync(file).includes(KEY), `the key was written into ${file}`);
    }
    assert.ok(!build.stdout.includes(KEY) && !build.stderr.includes(KEY), "the key was printed by the build");
  });
});
