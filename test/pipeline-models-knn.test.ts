import { test } from "node:test";
import assert from "node:assert/strict";
import { predictProbability } from "../src/lib/models/predict.js";
import type { KnnModel } from "../src/lib/models/types.js";
import { trainKnn } from "../pipeline/models/knn.js";
import { matrix } from "./fixtures/matrices.js";

test("k-nearest neighbours by hand: 1/distance weights; an exact match decides alone; ties to the earlier row", () => {
  // Standardisation of a single column [0, 1, 3, 4]: mean 2, sd sqrt(2.5).
  const X = matrix([[0], [1], [3], [4]]);
  const y = Uint8Array.from([1, 0, 1, 1]);
  const m: KnnModel = trainKnn(X, y, { k: 2 });
  const s = Math.sqrt(2.5);
  // Query 0.5: neighbours 0 (d .5/s, churn) and 1 (d .5/s, stay) -> equal weights -> 0.5.
  // Query 2.5: neighbours 3 (d .5, churn) and 1 (d 1.5, stay) -> (1/.5) / (1/.5 + 1/1.5) = 0.75.
  const p = predictProbability(m, matrix([[0.5], [2.5], [4]]));
  assert.ok(Math.abs(p[0] - 0.5) < 1e-12);
  assert.ok(Math.abs(p[1] - 1 / (0.5 / s) / (1 / (0.5 / s) + 1 / (1.5 / s))) < 1e-12);
  assert.equal(p[2], 1);
  // Equal distances with k = 1 (a column with mean 0 and sd 1, so the distances are exact): row 0 wins.
  const one = trainKnn(matrix([[-1], [1], [-1], [1]]), Uint8Array.from([1, 0, 0, 1]), { k: 1 });
  assert.equal(predictProbability(one, matrix([[0]]))[0], 1);
});
