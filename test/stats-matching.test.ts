// Assignment by cost, checked against scipy's linear_sum_assignment and by brute force on small matrices.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assignmentCost, distanceMatrix, minCostAssignment } from "../src/lib/stats/matching.js";
import { mulberry32 } from "../src/lib/random.js";

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]),
  );
}

describe("minCostAssignment", () => {
  it("3 x 3 as scipy: rows 0,1,2 -> columns 1,0,2 (cost 1 + 2 + 2 = 5)", () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    const a = minCostAssignment(cost);
    assert.deepEqual(a, [1, 0, 2]);
    assert.equal(assignmentCost(cost, a), 5);
  });
  it("more rows than columns: the costliest row is left over (scipy: rows 1, 2 -> columns 1, 0)", () => {
    assert.deepEqual(
      minCostAssignment([
        [1, 2],
        [3, 1],
        [0.5, 5],
      ]),
      [-1, 1, 0],
    );
  });
  it("more columns than rows: each row gets its own column", () => {
    assert.deepEqual(minCostAssignment([[5, 1, 9]]), [1]);
  });
  it("matches brute force on random 6 x 6 matrices", () => {
    const random = mulberry32(7);
    const perms = permutations(6);
    for (let t = 0; t < 20; t++) {
      const cost = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => Math.round(random() * 20)));
      const best = Math.min(...perms.map((p) => assignmentCost(cost, p)));
      const a = minCostAssignment(cost);
      assert.equal(new Set(a).size, 6);
      assert.equal(assignmentCost(cost, a), best);
    }
  });
  it("refuses non-finite costs", () => {
    assert.throws(() => minCostAssignment([[NaN]]), /finite/);
  });
});

describe("distanceMatrix", () => {
  it("a 3-4-5 triangle", () => {
    assert.deepEqual(
      distanceMatrix(
        [[0, 0]],
        [
          [3, 4],
          [0, 0],
        ],
      ),
      [[5, 0]],
    );
  });
});
