import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../src/lib/data/errors.js";
import { distinctRows, splitByIds, stratifiedKFold, stratifiedSplit } from "../src/lib/data/split.js";

/** 1000 rows, 170 churners spread through. */
const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 100 < 17 ? 1 : 0));
const all = Int32Array.from({ length: 1000 }, (_, i) => i);

describe("distinctRows", () => {
  it("keeps first occurrences", () => {
    assert.deepEqual(Array.from(distinctRows([-1, -1, 0, 1, -1, 0])), [0, 1, 4]);
  });
});

describe("stratifiedSplit", () => {
  it("sizes as scikit-learn (test = ceil), class shares kept, disjoint, covering, sorted", () => {
    const { train, test } = stratifiedSplit(labels, all, 0.2, 42);
    assert.equal(test.length, 200);
    assert.equal(train.length, 800);
    const churnersInTest = Array.from(test).filter((i) => labels[i] === 1).length;
    assert.equal(churnersInTest, 34);
    const seen = new Set([...train, ...test]);
    assert.equal(seen.size, 1000);
    for (let k = 1; k < test.length; k++) assert.ok(test[k] > test[k - 1]);
    for (let k = 1; k < train.length; k++) assert.ok(train[k] > train[k - 1]);
  });

  it("splits millions of rows: nothing rests on the size of the call stack", () => {
    const n = 2_000_000;
    const many = Uint8Array.from({ length: n }, (_, i) => (i % 6 === 0 ? 1 : 0));
    const { train, test } = stratifiedSplit(
      many,
      Int32Array.from({ length: n }, (_, i) => i),
      0.2,
      42,
    );
    assert.equal(test.length, 400_000);
    assert.equal(train.length + test.length, n);
  });

  it("splits only the candidates, with largest-remainder quotas", () => {
    // 5074 candidates of which 841 churners, as the real data's distinct rows: 1015 test rows, 168 churners.
    const n = 5074;
    const lab = Uint8Array.from({ length: n + 10 }, (_, i) => (i < 841 ? 1 : 0));
    const candidates = Int32Array.from({ length: n }, (_, i) => i);
    const { train, test } = stratifiedSplit(lab, candidates, 0.2, 7);
    assert.equal(test.length, 1015);
    assert.equal(Array.from(test).filter((i) => lab[i] === 1).length, 168);
    assert.equal(train.length + test.length, n);
    assert.ok(Array.from(train).every((i) => i < n));
  });

  it("same seed same split; another seed another split", () => {
    const a = stratifiedSplit(labels, all, 0.2, 1);
    assert.deepEqual(stratifiedSplit(labels, all, 0.2, 1), a);
    assert.notDeepEqual(stratifiedSplit(labels, all, 0.2, 2).test, a.test);
  });

  it("refuses a fraction outside (0, 1)", () => {
    assert.throws(() => stratifiedSplit(labels, all, 1, 1), RangeError);
  });
});

describe("splitByIds", () => {
  const ids = ["a", "b", "c", "d", "e"];
  const candidates = Int32Array.from([0, 1, 2, 4]);

  it("test rows by ID; IDs of non-candidate rows are left out and listed", () => {
    const split = splitByIds(ids, candidates, ["c", "a", "d"]);
    assert.deepEqual(Array.from(split.test), [0, 2]);
    assert.deepEqual(Array.from(split.train), [1, 4]);
    assert.deepEqual(split.excluded, ["d"]);
  });

  it("accepts numeric IDs (JSON arrays of numbers)", () => {
    assert.deepEqual(Array.from(splitByIds(["50001", "50002"], Int32Array.from([0, 1]), [50002]).test), [1]);
  });

  it("text IDs are matched as written in the file (case and leading zeros kept), spaces around them aside", () => {
    const textIds = ["A-0042-XK", "A-0043-XL", "007", "B-1"];
    const rows = Int32Array.from([0, 1, 2, 3]);
    const split = splitByIds(textIds, rows, [" A-0042-XK ", "007"]);
    assert.deepEqual(Array.from(split.test), [0, 2]);
    assert.throws(() => splitByIds(textIds, rows, ["a-0042-xk"]), /"a-0042-xk" is not a value of the ID column/);
    // 7 is not 007: the file writes the ID with its zeros, so the test IDs must too.
    assert.throws(() => splitByIds(textIds, rows, [7]), /"7" is not a value/);
  });

  it("unknown IDs are an error naming them and the ID column", () => {
    assert.throws(
      () => splitByIds(ids, candidates, ["a", "zz", "yy"], "test-ids.json", "customer_code"),
      (error: unknown) =>
        error instanceof InputError &&
        error.total === 2 &&
        /test-ids\.json[^]*customer_code[^]*"zz" is not a value of the ID column customer_code[^]*"yy"/.test(
          error.message,
        ),
    );
  });
});

describe("stratifiedKFold", () => {
  it("balanced folds, each with its class share, deterministic", () => {
    const folds = stratifiedKFold(labels, 5, 3);
    const size = [0, 0, 0, 0, 0];
    const churners = [0, 0, 0, 0, 0];
    for (let i = 0; i < folds.length; i++) {
      size[folds[i]]++;
      churners[folds[i]] += labels[i];
    }
    assert.deepEqual(size, [200, 200, 200, 200, 200]);
    assert.deepEqual(churners, [34, 34, 34, 34, 34]);
    assert.deepEqual(stratifiedKFold(labels, 5, 3), folds);
    assert.notDeepEqual(stratifiedKFold(labels, 5, 4), folds);
  });

  it("sizes differ by at most one when k does not divide the classes", () => {
    const lab = Uint8Array.from({ length: 23 }, (_, i) => (i < 7 ? 1 : 0));
    const folds = stratifiedKFold(lab, 5, 1);
    const size = [0, 0, 0, 0, 0];
    const pos = [0, 0, 0, 0, 0];
    folds.forEach((f, i) => {
      size[f]++;
      pos[f] += lab[i];
    });
    assert.ok(Math.max(...size) - Math.min(...size) <= 1, String(size));
    assert.ok(Math.max(...pos) - Math.min(...pos) <= 1, String(pos));
  });

  it("refuses k < 2", () => {
    assert.throws(() => stratifiedKFold(labels, 1, 0), RangeError);
  });
});
