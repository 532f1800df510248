// A lock on something several processes share (one pipeline run's cache folder, the Framework cache and the
// site being built): a folder made with mkdir, which succeeds for exactly one process, holding a note of who
// took it and why. A holder killed outright (kill -9, a crash, a closed terminal) leaves its lock behind, so a
// process that finds the owner gone takes the lock over and says so; one that waits for a live owner says whom
// it is waiting for, and keeps saying so, instead of sitting silent.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { join } from "node:path";

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** What the owner is doing, for the messages of those who wait: "building the site". */
  readonly purpose: string;
  /** When it took the lock (ISO time). */
  readonly since: string;
  /**
   * Unique to one taking of the lock, so a release removes only its own: pid and time alone can repeat when
   * one process takes a lock again within the same millisecond.
   */
  readonly token: string;
}

export interface LockOptions {
  readonly purpose: string;
  readonly log: (line: string) => void;
  /**
   * Called with a live owner: a message to refuse with instead of waiting (the lock is held by something that
   * will not let go soon, such as a preview server), or null to wait.
   */
  readonly refuse?: (owner: LockOwner) => string | null;
  readonly pollMs?: number;
  /** How often the waiting message is repeated. */
  readonly remindMs?: number;
  /** Whether a process of this machine is running; injectable for tests. */
  readonly isAlive?: (pid: number) => boolean;
}

/** Thrown when `refuse` says so: the caller reports it and stops. */
export class LockRefused extends Error {}

/** A lock of another machine (a shared folder) cannot be checked for life: it is taken over only this old. */
const FOREIGN_STALE_MS = 20 * 60 * 1000;
/** A lock folder without its owner note yet: its maker was killed between mkdir and writing, or is writing now. */
const UNNAMED_STALE_MS = 10 * 1000;

const OWNER_FILE = "owner.json";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(dir: string): LockOwner | null {
  try {
    const value = JSON.parse(readFileSync(join(dir, OWNER_FILE), "utf-8")) as Partial<LockOwner>;
    if (typeof value.pid === "number" && typeof value.host === "string") {
      return {
        pid: value.pid,
        host: value.host,
        purpose: String(value.purpose ?? ""),
        since: String(value.since ?? ""),
        token: String(value.token ?? ""),
      };
    }
  } catch {
    // Missing or torn: treated as a lock without a note.
  }
  return null;
}

function ageMs(dir: string): number | null {
  try {
    return Date.now() - statSync(dir).mtimeMs;
  } catch {
    return null;
  }
}

function tryMake(dir: string, owner: LockOwner): boolean {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify(owner) + "\n");
  return true;
}

/**
 * Moves a dead owner's lock aside and removes it. Only one of several processes doing this at once gets the
 * folder; if what it moved is no longer the dead owner's (another process took over in between), it puts
 * it back.
 */
function takeOver(dir: string, dead: LockOwner | null): boolean {
  const grave = `${dir}.dead-${process.pid}`;
  try {
    renameSync(dir, grave);
  } catch {
    return false;
  }
  const moved = readOwner(grave);
  const same =
    dead === null
      ? moved === null
      : moved !== null && moved.pid === dead.pid && moved.since === dead.since && moved.token === dead.token;
  if (!same) {
    try {
      renameSync(grave, dir);
    } catch {
      // The new owner's folder is gone and another took its place: the new owner will find out when it
      // releases; nothing better can be done without an atomic exchange.
    }
    return false;
  }
  rmSync(grave, { recursive: true, force: true });
  return true;
}

function describeOwner(owner: LockOwner): string {
  const since = owner.since ? ` since ${owner.since.slice(11, 19)} UTC` : "";
  return `pid ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ""}, ${owner.purpose}${since}`;
}

/** Takes the lock `dir`, waiting for a live owner and taking over from a dead one. Returns its release. */
export async function acquireLock(dir: string, options: LockOptions): Promise<() => void> {
  const { log } = options;
  const pollMs = options.pollMs ?? 250;
  const remindMs = options.remindMs ?? 30_000;
  const isAlive = options.isAlive ?? processIsAlive;
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    purpose: options.purpose,
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  let waitingSince: number | null = null;
  let lastSaid = 0;
  for (;;) {
    if (tryMake(dir, me)) break;
    const owner = readOwner(dir);
    const age = ageMs(dir);
    if (age === null) continue; // released between our mkdir and our look: try again at once
    let dead: boolean;
    let reason: string;
    if (owner === null) {
      dead = age > UNNAMED_STALE_MS;
      reason = "a lock left without an owner";
    } else if (owner.host === hostname()) {
      dead = !isAlive(owner.pid);
      reason = `pid ${owner.pid} (${owner.purpose}) is no longer running`;
    } else {
      dead = age > FOREIGN_STALE_MS;
      reason = `the lock of ${describeOwner(owner)} is ${Math.round(age / 60_000)} minutes old`;
    }
    if (dead) {
      if (takeOver(dir, owner)) log(`lock: taking over ${dir}: ${reason}`);
      continue;
    }
    if (owner) {
      const refusal = options.refuse?.(owner);
      if (refusal) throw new LockRefused(refusal);
    }
    const now = Date.now();
    if (waitingSince === null) {
      waitingSince = now;
      lastSaid = now;
      log(`lock: waiting for ${owner ? describeOwner(owner) : "another process"} (${dir})`);
    } else if (now - lastSaid >= remindMs) {
      lastSaid = now;
      log(
        `lock: still waiting after ${Math.round((now - waitingSince) / 1000)} s for ${owner ? describeOwner(owner) : "another process"}`,
      );
    }
    await sleep(pollMs);
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off("exit", release);
    // Only our own lock: if we were taken over (say, after a long stop), the folder is someone else's now.
    const owner = readOwner(dir);
    if (owner && owner.token === me.token) rmSync(dir, { recursive: true, force: true });
  };
  // A process ending normally or through process.exit() lets go; a killed one is taken over by the next.
  process.on("exit", release);
  return release;
}
