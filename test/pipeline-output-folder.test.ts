import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { removeStaleStaging, replaceFolder, stagingFolderFor } from "../pipeline/output-folder.js";

const root = mkdtempSync(join(tmpdir(), "churn-output-folder-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function folder(files: Record<string, string>): string {
  const dir = join(root, `f${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("replaceFolder", () => {
  it("puts the staging folder in place of the previous one: none of the old files remain", () => {
    const dir = folder({ "index.html": "old", "stale.css": "old" });
    const staging = folder({ "index.html": "new" });
    replaceFolder(staging, dir);
    assert.deepEqual(readdirSync(dir), ["index.html"]);
    assert.equal(readFileSync(join(dir, "index.html"), "utf-8"), "new");
    assert.equal(existsSync(staging), false);
    assert.deepEqual(
      readdirSync(root).filter((name) => name.includes(".previous-")),
      [],
    );
  });
  it("moves the staging folder to a new folder", () => {
    const staging = folder({ "a.json": "new" });
    const dir = join(root, `fresh${n++}`);
    replaceFolder(staging, dir);
    assert.equal(readFileSync(join(dir, "a.json"), "utf-8"), "new");
  });
});

describe("removeStaleStaging", () => {
  it("removes the staging folders of runs whose process is gone, and no others", () => {
    const dir = join(root, `out${n++}`);
    for (const pid of [111, 222]) mkdirSync(stagingFolderFor(dir, pid));
    removeStaleStaging(dir, (pid) => pid === 222);
    assert.equal(existsSync(stagingFolderFor(dir, 111)), false);
    assert.equal(existsSync(stagingFolderFor(dir, 222)), true);
  });
});
