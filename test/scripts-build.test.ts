// The build script: builds take turns in a checkout and keep the previous site when they fail; then a build
// with a Gemini key, against the mock on 127.0.0.1: the persona cards come from Gemini, a card
// whose request failed falls back to the rules and says why, and the key is written nowhere: not in any
// file of the built site, not in the build's output.
import assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { acquireLock } from "../pipeline/lock.js";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { FRAMEWORK_LOCK, PREVIEW_PURPOSE } from "../scripts/framework-cache.js";
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

interface BuildRun {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the build printed so far. */
  readonly stderr: () => string;
  readonly done: Promise<{ status: number | null; stdout: string; stderr: string }>;
}

function startBuild(env: NodeJS.ProcessEnv): BuildRun {
  const child = spawn(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "scripts", "build.ts")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, GEMINI_API_KEY: "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const done = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
  return { child, stderr: () => stderr, done };
}

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A folder holding a previous build. */
function previousBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "churn-dist-previous-"));
  mkdirSync(join(dir, "_observablehq"));
  writeFileSync(join(dir, "index.html"), "the previous build");
  return dir;
}

describe("npm run build: one build at a time, and a failed one keeps the previous site", () => {
  const folders: string[] = [];
  after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("waits for a build already running in the checkout, saying for whom, before touching anything", async () => {
    const release = await acquireLock(FRAMEWORK_LOCK, { purpose: "building the site into elsewhere", log: () => {} });
    const dist = previousBuild();
    folders.push(dist);
    const run = startBuild({ CHURN_DATA: "", CHURN_DIST: dist });
    try {
      await until(() => run.stderr().includes("lock: waiting for"), "the waiting message");
      assert.match(run.stderr(), new RegExp(`lock: waiting for pid ${process.pid}, building the site into elsewhere`));
      assert.doesNotMatch(run.stderr(), /pipeline:/);
    } finally {
      run.child.kill("SIGTERM");
      await run.done;
      release();
    }
    assert.equal(readFileSync(join(dist, "index.html"), "utf-8"), "the previous build");
  });

  it("refuses while a preview holds the checkout's Framework cache", async () => {
    const release = await acquireLock(FRAMEWORK_LOCK, { purpose: PREVIEW_PURPOSE, log: () => {} });
    try {
      const result = await startBuild({ CHURN_DATA: "", CHURN_DIST: join(tmpdir(), "churn-never-built") }).done;
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`error: a preview \\(npm run dev, pid ${process.pid}\\) is using`));
    } finally {
      release();
    }
  });

  it("a build that fails leaves the previous site as it was", async () => {
    const dist = previousBuild();
    folders.push(dist);
    const bad = join(dist, "..", `churn-bad-${process.pid}.csv`);
    writeFileSync(bad, "CustomerID,Churn\n1,2\n");
    folders.push(bad);
    const result = await startBuild({ CHURN_DATA: bad, CHURN_DIST: dist }).done;
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      new RegExp(`build stopped: ${dist.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} was left as it was`),
    );
    assert.deepEqual(readdirSync(dist).sort(), ["_observablehq", "index.html"]);
    assert.equal(readFileSync(join(dist, "index.html"), "utf-8"), "the previous build");
  });

  it("refuses an output folder that holds other files rather than replace them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "churn-dist-foreign-"));
    folders.push(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    const result = await startBuild({ CHURN_DATA: "", CHURN_DIST: dir }).done;
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is not empty and holds no previous build of the report \(it has notes\.txt\)/);
    assert.deepEqual(readdirSync(dir), ["notes.txt"]);
  });
});

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
    // A previous build in the folder, as a second build outside the checkout finds it.
    mkdirSync(join(dist, "_observablehq"));
    writeFileSync(join(dist, "index.html"), "the previous build");
    writeFileSync(join(dist, "stale.css"), "from the previous build");
    // Asynchronously: the mock answers from this process's event loop while the build runs.
    build = await startBuild({
      CHURN_DATA: "",
      CHURN_DIST: dist,
      GEMINI_API_KEY: KEY,
      GEMINI_MODEL: MODEL,
      GEMINI_BASE_URL: mock.baseUrl,
    }).done;
  });
  after(async () => {
    await mock.close();
    rmSync(dist, { recursive: true, force: true });
    rmSync(join(PROJECT_ROOT, ".cache", "gemini"), { recursive: true, force: true });
  });

  it("builds into a folder outside the checkout that holds a previous build, replacing it whole", () => {
    assert.equal(build.status, 0, build.stderr);
    assert.equal(existsSync(join(dist, "stale.css")), false);
    assert.notEqual(readFileSync(join(dist, "index.html"), "utf-8"), "the previous build");
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
