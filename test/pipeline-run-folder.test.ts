import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { checkRunFolder, removeRunOutputs, RunFolderError, writeRunFolder } from "../pipeline/run-folder.js";

const root = mkdtempSync(join(tmpdir(), "churn-run-folder-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const PREVIOUS: [string, string][] = [
  ["summary.json", "previous summary\n"],
  ["model.json", "previous model\n"],
  ["scores.csv", "previous scores\n"],
];

function previousRun(): string {
  const dir = join(root, `out${n++}`);
  mkdirSync(dir);
  for (const [name, text] of PREVIOUS) writeFileSync(join(dir, name), text);
  return dir;
}

const contents = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(join(dir, name), "utf-8")]);
const leftovers = (dir: string) => readdirSync(dirname(dir)).filter((name) => name.startsWith(`.${basename(dir)}.`));

describe("writeRunFolder", () => {
  it("replaces the previous run's files with the new set", () => {
    const dir = previousRun();
    writeRunFolder(dir, [
      ["summary.json", "new summary\n"],
      ["cleaned.json", "new cleaned\n"],
    ]);
    assert.deepEqual(contents(dir), [
      ["cleaned.json", "new cleaned\n"],
      ["summary.json", "new summary\n"],
    ]);
    assert.deepEqual(leftovers(dir), []);
  });

  it("a run that dies while writing leaves the previous complete set as it was", () => {
    const dir = previousRun();
    const before = contents(dir);
    let writes = 0;
    const dying = (path: string, text: string) => {
      if (++writes === 2) throw new Error("killed");
      writeFileSync(path, text);
    };
    assert.throws(
      () =>
        writeRunFolder(
          dir,
          [
            ["summary.json", "new summary\n"],
            ["model.json", "new model\n"],
            ["scores.csv", "new scores\n"],
          ],
          dying,
        ),
      /killed/,
    );
    assert.deepEqual(contents(dir), before);
    assert.deepEqual(leftovers(dir), []);
  });

  it("creates the folder when it is new", () => {
    const dir = join(root, `new${n++}`, "out");
    mkdirSync(dirname(dir));
    writeRunFolder(dir, [["summary.json", "s\n"]]);
    assert.deepEqual(contents(dir), [["summary.json", "s\n"]]);
  });
});

describe("checkRunFolder", () => {
  it("accepts a new folder, an empty one and a previous run's", () => {
    checkRunFolder(join(root, "absent"));
    checkRunFolder(previousRun());
  });
  it("refuses a folder holding other files, which replacing it would take", () => {
    const dir = previousRun();
    writeFileSync(join(dir, "notes.txt"), "mine");
    assert.throws(
      () => checkRunFolder(dir),
      (e: unknown) =>
        e instanceof RunFolderError && /holds files that are not this pipeline's \(notes\.txt\)/.test(e.message),
    );
  });
});

describe("removeRunOutputs", () => {
  it("removes a previous run's files and nothing else", () => {
    const dir = previousRun();
    writeFileSync(join(dir, "notes.txt"), "mine");
    removeRunOutputs(dir);
    assert.deepEqual(readdirSync(dir), ["notes.txt"]);
  });
});
