import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { acquireLock, LockRefused } from "../pipeline/lock.js";
import { PROJECT_ROOT } from "../pipeline/settings.js";

const root = mkdtempSync(join(tmpdir(), "churn-lock-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const lockPath = () => join(root, `l${n++}.lock`);

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  assert.ok(child.pid);
  return child.pid;
}

function leaveLock(dir: string, pid: number, purpose: string): void {
  mkdirSync(dir);
  const since = new Date().toISOString();
  writeFileSync(join(dir, "owner.json"), JSON.stringify({ pid, host: hostname(), purpose, since }));
}

describe("acquireLock", () => {
  it("waits for a live owner, saying whom it waits for and again while it waits, then takes the lock", async () => {
    const dir = lockPath();
    const release = await acquireLock(dir, { purpose: "building the site", log: () => {} });
    const said: string[] = [];
    let got = false;
    const second = acquireLock(dir, { purpose: "b", log: (l) => said.push(l), pollMs: 10, remindMs: 60 }).then((r) => {
      got = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(got, false);
    assert.match(
      said[0],
      new RegExp(`^lock: waiting for pid ${process.pid}, building the site since \\d\\d:\\d\\d:\\d\\d UTC`),
    );
    assert.ok(
      said.some((l) => /^lock: still waiting after \d+ s for pid/.test(l)),
      said.join("\n"),
    );
    release();
    (await second)();
    assert.equal(existsSync(dir), false);
  });

  it("takes over the lock of a process that is gone, and says so", async () => {
    const dir = lockPath();
    const pid = deadPid();
    leaveLock(dir, pid, "running the pipeline on x.csv");
    const said: string[] = [];
    const release = await acquireLock(dir, { purpose: "b", log: (l) => said.push(l) });
    assert.deepEqual(said, [
      `lock: taking over ${dir}: pid ${pid} (running the pipeline on x.csv) is no longer running`,
    ]);
    release();
  });

  it("takes over from a process killed with SIGKILL while it held the lock", async () => {
    const dir = lockPath();
    const child = spawn(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [
      join(PROJECT_ROOT, "test", "fixtures", "hold-lock.ts"),
      dir,
      "fitting models",
    ]);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
      child.on("exit", () => reject(new Error("the holder ended early")));
    });
    // tsx runs the script in a child process of its own: kill the process that holds the lock, as kill -9 would.
    const holder = JSON.parse(readFileSync(join(dir, "owner.json"), "utf-8")) as { pid: number };
    process.kill(holder.pid, "SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    const said: string[] = [];
    const release = await acquireLock(dir, { purpose: "b", log: (l) => said.push(l), pollMs: 20 });
    assert.match(
      said.join("\n"),
      new RegExp(`taking over .*: pid ${holder.pid} \\(fitting models\\) is no longer running`),
    );
    release();
  });

  it("a lock folder its maker never named is taken over once it is old", async () => {
    const dir = lockPath();
    mkdirSync(dir);
    const old = new Date(Date.now() - 60_000);
    utimesSync(dir, old, old);
    const said: string[] = [];
    (await acquireLock(dir, { purpose: "b", log: (l) => said.push(l) }))();
    assert.match(said[0], /taking over .*: a lock left without an owner/);
  });

  it("refuses instead of waiting when the caller says so", async () => {
    const dir = lockPath();
    const release = await acquireLock(dir, { purpose: "previewing (npm run dev)", log: () => {} });
    await assert.rejects(
      acquireLock(dir, {
        purpose: "b",
        log: () => {},
        refuse: (owner) => (owner.purpose.startsWith("previewing") ? `stop pid ${owner.pid} first` : null),
      }),
      (error: unknown) => error instanceof LockRefused && error.message === `stop pid ${process.pid} first`,
    );
    release();
  });

  it("release removes only its own lock", async () => {
    const dir = lockPath();
    const release = await acquireLock(dir, { purpose: "a", log: () => {} });
    rmSync(dir, { recursive: true });
    leaveLock(dir, process.pid, "someone else");
    release();
    assert.equal(existsSync(dir), true);
  });
});
