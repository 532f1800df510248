import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import {
  checkOutputFolder,
  OutputFolderError,
  removeStaleStaging,
  replaceFolder,
  stagingFolderFor,
} from "../scripts/site-output.js";

const root = mkdtempSync(join(tmpdir(), "churn-site-output-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A folder holding what a build leaves: Framework's runtime folder and pages. */
function site(files: Record<string, string>): string {
  const dir = join(root, `site${n++}`);
  mkdirSync(join(dir, "_observablehq"), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("checkOutputFolder", () => {
  it("accepts a new folder, an empty one, and a previous build", () => {
    checkOutputFolder(join(root, "absent"));
    const empty = join(root, `empty${n++}`);
    mkdirSync(empty);
    checkOutputFolder(empty);
    checkOutputFolder(site({ "index.html": "old" }));
  });
  it("refuses a folder of other files, which the swap would replace, and a file", () => {
    const other = join(root, `home${n++}`);
    mkdirSync(other);
    writeFileSync(join(other, "thesis.docx"), "years of work");
    assert.throws(
      () => checkOutputFolder(other),
      (e: unknown) =>
        e instanceof OutputFolderError && /not empty and holds no previous build .*thesis\.docx/.test(e.message),
    );
    assert.throws(() => checkOutputFolder(join(other, "thesis.docx")), OutputFolderError);
  });
});

describe("replaceFolder", () => {
  it("puts the staging folder in place of the previous build: none of the old files remain", () => {
    const dist = site({ "index.html": "old", "stale.css": "old" });
    const staging = site({ "index.html": "new" });
    replaceFolder(staging, dist);
    assert.deepEqual(readdirSync(dist).sort(), ["_observablehq", "index.html"]);
    assert.equal(readFileSync(join(dist, "index.html"), "utf-8"), "new");
    assert.equal(existsSync(staging), false);
    assert.deepEqual(
      readdirSync(root).filter((name) => name.includes(".previous-")),
      [],
    );
  });
  it("moves the staging folder to a new output folder", () => {
    const staging = site({ "index.html": "new" });
    const dist = join(root, `fresh${n++}`);
    replaceFolder(staging, dist);
    assert.equal(readFileSync(join(dist, "index.html"), "utf-8"), "new");
  });
});

describe("removeStaleStaging", () => {
  it("removes the staging folders of builds whose process is gone, and no others", () => {
    const dist = join(root, `out${n++}`);
    for (const pid of [111, 222]) mkdirSync(stagingFolderFor(dist, pid));
    removeStaleStaging(dist, (pid) => pid === 222);
    assert.equal(existsSync(stagingFolderFor(dist, 111)), false);
    assert.equal(existsSync(stagingFolderFor(dist, 222)), true);
  });
});
