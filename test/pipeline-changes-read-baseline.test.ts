// Finding a previous run's artifacts in both layouts it may come in (a pipeline --out folder, a built site
// with Framework's hashed file names), and the errors for a folder that is neither.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { locateBaseline } from "../pipeline/changes/read-baseline.js";

const NAMES = ["summary", "cleaned", "model", "segments", "models", "personas"];

function folder(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "churn-baseline-"));
  for (const file of files) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), "{}");
  }
  return dir;
}

describe("locateBaseline", () => {
  it("a pipeline output folder: DIR/<name>.json", () => {
    const dir = folder(NAMES.map((n) => `${n}.json`));
    const found = locateBaseline(dir);
    assert.equal(found.layout, "pipeline output");
    assert.equal(found.paths.cleaned, join(dir, "cleaned.json"));
    assert.equal(found.paths.models, join(dir, "models.json"));
  });
  it("a built site's root: _file/data/<name>.<8 hex>.json", () => {
    const dir = folder([
      ...NAMES.map((n, i) => `_file/data/${n}.${String(i).repeat(8)}.json`),
      "_file/data/sample-customers.070a18c6.csv",
      "index.html",
    ]);
    const found = locateBaseline(dir);
    assert.equal(found.layout, "published site");
    assert.equal(found.paths.summary, join(dir, "_file", "data", "summary.00000000.json"));
    assert.equal(found.paths.segments, join(dir, "_file", "data", "segments.33333333.json"));
  });
  it("the site's data folder itself, without models.json (optional)", () => {
    const dir = folder([
      "summary.1b932d1a.json",
      "cleaned.89a6a084.json",
      "model.e9b9dfef.json",
      "segments.d3e79099.json",
    ]);
    const found = locateBaseline(dir);
    assert.equal(found.paths.model, join(dir, "model.e9b9dfef.json"));
    assert.equal(found.paths.models, undefined);
  });
  it("a folder that is neither names what is missing", () => {
    const dir = folder(["summary.json", "notes.txt"]);
    assert.throws(() => locateBaseline(dir), /cleaned\.json, model\.json, segments\.json not found/);
  });
  it("a site folder holding two builds' copies of an artifact is refused rather than guessed", () => {
    const dir = folder([
      "_file/data/summary.11111111.json",
      "_file/data/cleaned.11111111.json",
      "_file/data/cleaned.22222222.json",
      "_file/data/model.11111111.json",
      "_file/data/segments.11111111.json",
    ]);
    assert.throws(() => locateBaseline(dir), /2 copies of cleaned/);
  });
  it("a file instead of a folder", () => {
    const dir = folder(["summary.json"]);
    assert.throws(() => locateBaseline(join(dir, "summary.json")), /is not a folder/);
  });
});
