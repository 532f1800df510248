import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../src/lib/data/csv.js";
import {
  countValues,
  profileNumbers,
  profileTable,
  type CategoryProfile,
  type NumericProfile,
} from "../src/lib/data/profile.js";
import { validateRawTable } from "../src/lib/data/validate.js";
import { HEADER, toCsv, validRows } from "./fixtures/data.js";

describe("profileNumbers", () => {
  it("hand-checked: [1, 2, blank, 4, 10]", () => {
    const p = profileNumbers("x", [1, 2, NaN, 4, 10]);
    assert.equal(p.missing, 1);
    assert.equal(p.distinct, 4);
    assert.equal(p.min, 1);
    assert.equal(p.max, 10);
    assert.equal(p.mean, 4.25);
    assert.equal(p.median, 3);
    // squares about 4.25: 10.5625 + 5.0625 + 0.0625 + 33.0625 = 48.75; / 3 = 16.25
    assert.equal(p.sd, Math.sqrt(16.25));
  });

  it("odd count median, repeated values, all blank", () => {
    const p = profileNumbers("x", [3, 1, 3]);
    assert.equal(p.median, 3);
    assert.equal(p.distinct, 2);
    assert.deepEqual(profileNumbers("x", [NaN, NaN]), {
      name: "x",
      kind: "numeric",
      missing: 2,
      distinct: 0,
      min: null,
      max: null,
      mean: null,
      median: null,
      sd: null,
    });
    assert.equal(profileNumbers("x", [5]).sd, null);
  });
});

describe("countValues", () => {
  it("listed values first (zeros kept), then the rest by count", () => {
    const { counts, missing } = countValues(["b", "z", null, "z", "y", "b", "z"], ["a", "b"]);
    assert.equal(missing, 1);
    assert.deepEqual(counts, [
      { value: "a", count: 0 },
      { value: "b", count: 2 },
      { value: "z", count: 3 },
      { value: "y", count: 1 },
    ]);
  });
});

describe("profileTable", () => {
  it("one profile per column in schema order, then extras", () => {
    const rows = validRows(4, { 0: { Tenure: "" }, 2: { PreferedOrderCat: "Mobile" } }).map((r) => ({
      ...r,
      Note: "n",
    }));
    const { table } = validateRawTable(parseCsv(toCsv(rows, [...HEADER, "Note"]), "p.csv"), {
      requireTarget: true,
      minClassCount: 1,
    });
    const profile = profileTable(table);
    assert.deepEqual(
      profile.map((p) => p.name),
      [...HEADER, "Note"],
    );
    assert.deepEqual(profile[0], { name: "CustomerID", kind: "id", missing: 0, distinct: 4 });
    const churn = profile[1] as CategoryProfile;
    assert.deepEqual(churn.counts, [
      { value: "0", count: 2 },
      { value: "1", count: 2 },
    ]);
    const tenure = profile.find((p) => p.name === "Tenure") as NumericProfile;
    assert.deepEqual([tenure.missing, tenure.min, tenure.max, tenure.mean, tenure.median], [1, 1, 3, 2, 2]);
    const cat = profile.find((p) => p.name === "PreferedOrderCat") as CategoryProfile;
    assert.equal(cat.kind, "category");
    assert.deepEqual(
      cat.counts.map((c) => c.count),
      [1, 2, 0, 1, 0],
    );
    assert.equal(cat.distinct, 3);
    assert.deepEqual(profile.at(-1), {
      name: "Note",
      kind: "extra",
      missing: 0,
      distinct: 1,
      counts: [{ value: "n", count: 4 }],
    });
  });
});
