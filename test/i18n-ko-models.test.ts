// The Korean Models page's rewriting of the artifact's English: every protocol note pipeline/models/evaluate.ts
// writes (the rare ones too: sampled permutation importance, bounded forest trees, sampled fits) comes out in
// Korean with its figures and names; an unknown note or model stays as the artifact wrote it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MODELS } from "../pipeline/models/registry.js";
import { enModels } from "../src/i18n/en-models.js";
import { koModels } from "../src/i18n/ko-models.js";
import { formatters } from "../src/i18n/format.js";

const hangul = /[\uac00-\ud7a3]/;

test("every protocol note the pipeline writes reads in Korean, with its figures and model names", () => {
  const notes: [string, readonly string[]][] = [
    [
      "Exact copies of another row (ignoring CustomerID) are removed before splitting, so no test customer has a copy in training.",
      ["CustomerID 열"],
    ],
    [
      "Exact copies of another row (ignoring the line number) are removed before splitting, so no test customer has a copy in training.",
      ["행 번호"],
    ],
    [
      "Preprocessing (median imputation, the NoLastYearPurchase and NoCoupon flags, one-hot categories; scaling for the models that need it) is fitted on training rows only, and refitted inside each of the 5 folds.",
      ["NoLastYearPurchase·NoCoupon", "5개 폴드"],
    ],
    [
      "Preprocessing (median imputation, one-hot categories; scaling for the models that need it) is fitted on training rows only, and refitted inside each of the 3 folds.",
      ["3개 폴드"],
    ],
    [
      "Thresholds are chosen on out-of-fold predictions of the training set; the test set is scored once, at those thresholds.",
      [],
    ],
    [
      "Cross-validated F1, precision and recall: each fold at the threshold chosen on the other folds' out-of-fold predictions.",
      [],
    ],
    [
      "Test intervals: 1000 bootstrap resamples, churners and stayers resampled separately (stratified), 95% percentile intervals; the same resamples for every model.",
      ["1000회"],
    ],
    [
      "SVM probabilities: Platt scaling fitted on out-of-fold decision values (deterministic, unlike libsvm's own): the final model's on all of them; in each fold, on the other folds' (a slight optimism in the SVM's CV log-loss and Brier score only).",
      ["Platt"],
    ],
    [
      "Stacking's cross-validated figures reuse the members' out-of-fold probabilities: in each fold the meta-model is fitted on the other folds' ones, which came from members that had seen the scored fold, a slight optimism. Its test figures are exact: members refitted on the whole training set, the meta-model fitted on their out-of-fold probabilities.",
      ["스태킹"],
    ],
    [
      "Permutation importance: each input column shuffled across the test rows (a category's one-hot features together), drop in test ROC-AUC, mean and sd over the repeats.",
      [],
    ],
    [
      "Permutation importance is computed on a seeded stratified sample of 20,000 of the 250,000 test rows (every other test figure uses all of them).",
      ["20,000개", "250,000개"],
    ],
    [
      "random forest: each tree grown on a bootstrap draw of 20,000 rows (scikit-learn's max_samples) rather than as many as the 800,000 training rows, so a full-depth tree's cost and size stay bounded.",
      ["랜덤 포레스트", "20,000행", "800,000개"],
    ],
    [
      "k-nearest neighbours and support vector machine (RBF): fitted on a seeded stratified sample of at most 5,000 training rows (the final fit on 5,000 of 800,000; each fold's fit on as many of its rows), since their cost grows faster than the rows; their preprocessing is fitted on all training rows, and they are scored on every out-of-fold and test row.",
      ["k-최근접 이웃·서포트 벡터 머신(RBF)", "5,000개", "800,000개 중 5,000개"],
    ],
  ];
  for (const [english, parts] of notes) {
    const korean = koModels.protocolNote(english);
    assert.notEqual(korean, english, `not translated: ${english}`);
    assert.match(korean, hangul);
    for (const part of parts) assert.ok(korean.includes(part), `${korean} lacks ${part}`);
    assert.equal(enModels.protocolNote(english), english);
  }
  assert.equal(
    koModels.protocolNote("A note the pipeline has never written."),
    "A note the pipeline has never written.",
  );
});

test("every registered model has a Korean name, family, original row and implementation", () => {
  for (const m of MODELS) {
    assert.match(koModels.modelName(m.id, m.name), hangul, m.id);
    assert.match(koModels.family(m.family), hangul, m.family);
    // LogisticRegression is the original's row name, the same in both languages.
    if (m.id !== "logistic") assert.notEqual(koModels.standsFor(m.id, m.standsFor), m.standsFor, m.id);
    assert.match(koModels.implementation(m.id, m.implementation), hangul, m.id);
  }
  // An edited English sentence shows as English rather than as an outdated Korean one.
  assert.equal(koModels.standsFor("knn", "KNN (k = 7)"), "KNN (k = 7)");
  assert.equal(koModels.modelName("new-model", "new model"), "new model");
});

test("Korean sentences are written from the figures, not copied from English", () => {
  const f = formatters("ko");
  assert.equal(koModels.withInterval("0.534", koModels.range("0.467", "0.609")), "0.534(0.467~0.609)");
  assert.equal(enModels.withInterval("0.534", enModels.range("0.467", "0.609")), "0.534 (0.467–0.609)");
  assert.equal(koModels.ordinal(3), "3위");
  assert.equal(enModels.ordinal(2), "second");
  assert.equal(enModels.ordinal(5), "5th");
  const chosen = koModels.chosen({
    name: "그래디언트 부스팅(리프 단위)",
    cvPr: "0.810 ± 0.020",
    cvRoc: "0.950 ± 0.010",
    testPr: "0.800(0.760~0.840)",
    testRoc: "0.940(0.920~0.960)",
    whyNotLeader: koModels.whyNotLeader({
      leaderFirst: false,
      rank: 2,
      leader: "스태킹",
      diff: "0.004",
      leaderCv: "0.814 ± 0.020",
      selectedCv: "0.810 ± 0.020",
      gapSmaller: true,
      members: ["랜덤 포레스트", "k-최근접 이웃"],
      leaderTest: "0.820(0.780~0.860)",
      selectedTest: "0.800(0.760~0.840)",
    }),
    threshold: "0.3125",
    policy: koModels.policyLabels["best-f1"],
    precision: "0.700(0.640~0.760)",
    recall: f.percent(0.8),
  });
  assert.match(chosen, /\*\*그래디언트 부스팅\(리프 단위\)\*\*입니다/);
  assert.match(chosen, /전체 순위는 2위입니다/);
  assert.match(chosen, /모델 2개\(랜덤 포레스트, k-최근접 이웃\)/);
  assert.match(chosen, /최고 F1 기준으로 고른 0\.3125/);
  assert.doesNotMatch(chosen, /[A-Za-z]{4,}/, "an English word in the Korean sentence");
});
