// The tree engine on the real data (../shared), on the reference split with duplicates removed: the
// models must rank test customers about as well as scikit-learn and XGBoost do (anchors.md: HistGB 0.9903,
// XGBoost 0.9883, RandomForest 0.9843), and contributions must add up on real rows too.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadChurnSplit, realDataMissing, type ChurnSplit } from "../bench/fixtures/churn-split.js";
import { trainForest } from "../pipeline/trees/train-forest.js";
import { trainGbdt } from "../pipeline/trees/train-gbdt.js";
import { rocAuc } from "../src/lib/metrics/roc.js";
import { modelFromJSON, modelToJSON } from "../src/lib/trees/model.js";
import { predictMargin, predictProba } from "../src/lib/trees/predict.js";
import { treeShap } from "../src/lib/trees/shap.js";

const missing = realDataMissing();
const skip = missing ? `real data not here: ${missing}` : false;

describe("tree engine on the real churn data", { skip }, () => {
  let data: ChurnSplit;
  before(async () => {
    data = await loadChurnSplit();
  });

  it("has the reference split: 4,059 training and 1,015 test rows, 168 test churners", () => {
    assert.equal(data.train.X.nRows, 4059);
    assert.equal(data.test.X.nRows, 1015);
    assert.equal(
      data.test.y.reduce((a, b) => a + b, 0),
      168,
    );
  });

  it("gradient boosting: test ROC-AUC above 0.98; the exported model scores the same", () => {
    const model = trainGbdt(data.train.X, data.train.y, { rounds: 300, maxDepth: 6, learningRate: 0.1 });
    const p = predictProba(model, data.test.X);
    const auc = rocAuc(data.test.y, p);
    assert.ok(auc > 0.98, `ROC-AUC ${auc}`);
    assert.deepEqual(predictProba(modelFromJSON(modelToJSON(model)), data.test.X), p);
    const { values, expected } = treeShap(model, data.test.X);
    const margin = predictMargin(model, data.test.X);
    const d = data.test.X.nCols;
    for (let i = 0; i < data.test.X.nRows; i++) {
      let sum = expected;
      for (let j = 0; j < d; j++) sum += values[i * d + j];
      assert.ok(Math.abs(sum - margin[i]) < 1e-8);
    }
  });

  it("random forest: test ROC-AUC above 0.975", () => {
    const model = trainForest(data.train.X, data.train.y, { trees: 200 });
    const auc = rocAuc(data.test.y, predictProba(model, data.test.X));
    assert.ok(auc > 0.975, `ROC-AUC ${auc}`);
  });
});
