import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { checkOutputFolder, OutputFolderError } from "../scripts/site-output.js";

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
