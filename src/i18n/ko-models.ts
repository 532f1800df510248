// 모델 페이지: the Models page as a Korean analyst would write it (keys as in models-strings.ts). Sentences
// avoid particles straight after a model's or a column's name (가/이, 는/은 depend on how the name ends), and
// the artifact's English (model names, what each stands for, how it is fitted, the protocol's notes) is
// rewritten from the English the pipeline writes; a sentence it does not know stays in English rather than
// being guessed.
import type { PageNames } from "./strings.js";
import type { ModelsStrings } from "./models-strings.js";

export const koModelsPage: PageNames = {
  title: "모델",
  headings: {
    main: "어떤 모델을, 얼마나 믿을 수 있나?",
    protocol: "모델을 검증한 방법",
    models: "비교한 모델",
    leaderboard: "모델 순위",
    selected: "보고서가 쓰는 모델",
    test: "테스트셋 성능",
    threshold: "임계값 정하기",
    tryOwn: "직접 정해 보기",
    drivers: "예측을 좌우하는 요인",
    original: "원 분석의 수치가 지나치게 좋았던 이유",
  },
};

/** Model names by the pipeline's ids (pipeline/models/registry.ts). */
const NAMES: Readonly<Record<string, string>> = {
  logistic: "로지스틱 회귀",
  knn: "k-최근접 이웃",
  svm: "서포트 벡터 머신(RBF)",
  "gbdt-depthwise": "그래디언트 부스팅(깊이 단위)",
  "gbdt-leafwise": "그래디언트 부스팅(리프 단위)",
  forest: "랜덤 포레스트",
  voting: "소프트 보팅",
  stacking: "스태킹",
};
/** The same names by the registry's English names, for the notes that name a model in English. */
const NAMES_BY_ENGLISH: Readonly<Record<string, string>> = {
  "logistic regression": NAMES.logistic,
  "k-nearest neighbours": NAMES.knn,
  "support vector machine (RBF)": NAMES.svm,
  "gradient boosting, depth-wise": NAMES["gbdt-depthwise"],
  "gradient boosting, leaf-wise": NAMES["gbdt-leafwise"],
  "random forest": NAMES.forest,
  "soft voting": NAMES.voting,
  stacking: NAMES.stacking,
};
const FAMILIES: Readonly<Record<string, string>> = {
  linear: "선형",
  neighbours: "최근접 이웃",
  kernel: "커널",
  boosting: "부스팅",
  bagging: "배깅",
  ensemble: "앙상블",
};
// Keyed by the registry's English, so an edited English sentence shows as English rather than an outdated Korean one.
const STANDS_FOR: Readonly<Record<string, string>> = {
  LogisticRegression: "LogisticRegression",
  "KNN (k = 5, distance-weighted)": "KNN(k = 5, 거리 가중)",
  "SVC (RBF, Platt probabilities); tuned C and gamma where the original used scikit-learn's defaults":
    "SVC(RBF, Platt 확률). 원 분석은 scikit-learn 기본값을 썼지만 여기서는 C와 gamma를 조정",
  "XGBoost (hist, depth-wise) and scikit-learn's GradientBoosting (depth-3 trees on exact splits); depth 8 here, chosen by CV":
    "XGBoost(hist, 깊이 단위)와 scikit-learn GradientBoosting(정확 분할, 깊이 3 트리). 여기서는 교차 검증으로 고른 깊이 8",
  "LightGBM and scikit-learn's HistGradientBoosting (both leaf-wise, 31 leaves); 63 leaves here, chosen by CV":
    "LightGBM과 scikit-learn HistGradientBoosting(둘 다 리프 단위, 리프 31개). 여기서는 교차 검증으로 고른 리프 63개",
  "RandomForest (300 trees, square root of the features per split)":
    "RandomForest(트리 300개, 분할마다 특성 수의 제곱근만큼 후보)",
  "Voting (soft; the same five members)": "Voting(소프트, 같은 다섯 모델)",
  "Stacking (logistic regression over 5-fold out-of-fold member probabilities)":
    "Stacking(멤버들의 5-폴드 폴드 외 확률 위에 로지스틱 회귀)",
};
const IMPLEMENTATIONS: Readonly<Record<string, string>> = {
  "written here (pipeline/models/logistic.ts): Newton/IRLS with L2 and an intercept; ml-logistic-regression fits no intercept":
    "직접 구현(pipeline/models/logistic.ts): L2 정규화와 절편을 둔 Newton/IRLS. ml-logistic-regression은 절편을 적합하지 않음",
  "written here (pipeline/models/knn.ts, src/lib/models/knn.ts): brute force on standardised features; ml-knn gives labels only":
    "직접 구현(pipeline/models/knn.ts, src/lib/models/knn.ts): 표준화한 특성에서 전수 탐색. ml-knn은 레이블만 돌려줌",
  "libsvm-js 0.2.1 solves the SVM; Platt scaling (on out-of-fold decision values) and scoring written here":
    "SVM 풀이는 libsvm-js 0.2.1, Platt 스케일링(폴드 외 결정값 기반)과 점수 계산은 직접 구현",
  "the project's tree engine (pipeline/trees/train-gbdt.ts)": "프로젝트 자체 트리 엔진(pipeline/trees/train-gbdt.ts)",
  "the project's tree engine (pipeline/trees/train-forest.ts); ml-random-forest is too slow and drops a tree's vote":
    "프로젝트 자체 트리 엔진(pipeline/trees/train-forest.ts). ml-random-forest는 너무 느리고 트리 하나의 투표를 빠뜨림",
  "written here: the mean of the members' probabilities": "직접 구현: 멤버 확률의 평균",
  "written here: the logistic regression above, fitted on the members' out-of-fold probabilities":
    "직접 구현: 위의 로지스틱 회귀를 멤버들의 폴드 외 확률에 적합",
};
const SETTING_VALUES: Readonly<Record<string, string>> = {
  "logistic regression, C = 1, on probabilities": "로지스틱 회귀, C = 1, 확률을 입력으로",
};

const nameOf = (english: string): string => NAMES_BY_ENGLISH[english] ?? english;
const namesOf = (english: string): string => english.split(" and ").map(nameOf).join("·");

/** models.json's protocol notes (pipeline/models/evaluate.ts), each as a pattern and its Korean. */
const NOTES: readonly [RegExp, (...m: string[]) => string][] = [
  [
    /^Exact copies of another row \(ignoring (.+?)\) are removed before splitting, so no test customer has a copy in training\.$/,
    (id) =>
      `다른 행과 완전히 같은 행(${id === "the line number" ? "행 번호" : `${id} 열`}은 비교에서 제외)은 분할 전에 ` +
      "제거하므로, 학습셋에 복사본이 있는 테스트 고객은 없습니다.",
  ],
  [
    /^Preprocessing \(median imputation, (.*)one-hot categories; scaling for the models that need it\) is fitted on training rows only, and refitted inside each of the (\d+) folds\.$/,
    (flags, k) => {
      const names = /^the (.+) flags?, $/.exec(flags)?.[1].split(" and ") ?? [];
      return (
        `전처리(중앙값 대체, ${names.length ? `결측 표시 열 ${names.join("·")}, ` : ""}범주형 원-핫 인코딩, ` +
        `필요한 모델의 표준화)는 학습 행에서만 적합하고, ${k}개 폴드 안에서도 폴드마다 다시 적합합니다.`
      );
    },
  ],
  [
    /^Thresholds are chosen on out-of-fold predictions of the training set; the test set is scored once, at those thresholds\.$/,
    () => "임계값은 학습셋의 폴드 외 예측에서 고르고, 테스트셋은 그 임계값으로 한 번만 평가합니다.",
  ],
  [
    /^Cross-validated F1, precision and recall: each fold at the threshold chosen on the other folds' out-of-fold predictions\.$/,
    () => "교차 검증 F1·정밀도·재현율: 각 폴드는 나머지 폴드의 폴드 외 예측에서 고른 임계값으로 평가합니다.",
  ],
  [
    /^Test intervals: ([\d,]+) bootstrap resamples, churners and stayers resampled separately \(stratified\), 95% percentile intervals; the same resamples for every model\.$/,
    (reps) =>
      `테스트 구간: 부트스트랩 재표본 ${reps}회(이탈 고객과 잔류 고객을 따로 뽑는 층화 방식), 95% 백분위수 구간. ` +
      "모든 모델에 같은 재표본을 씁니다.",
  ],
  [
    /^SVM probabilities: Platt scaling fitted on out-of-fold decision values \(deterministic, unlike libsvm's own\): the final model's on all of them; in each fold, on the other folds' \(a slight optimism in the SVM's CV log-loss and Brier score only\)\.$/,
    () =>
      "SVM 확률: Platt 스케일링을 폴드 외 결정값에 적합합니다(libsvm 자체 방식과 달리 결과가 늘 같음). 최종 모델은 " +
      "전체 폴드 외 결정값으로, 각 폴드에서는 나머지 폴드의 값으로 적합합니다(SVM의 교차 검증 로그 손실과 Brier " +
      "점수만 약간 낙관적).",
  ],
  [
    /^Stacking's cross-validated figures reuse the members' out-of-fold probabilities: in each fold the meta-model is fitted on the other folds' ones, which came from members that had seen the scored fold, a slight optimism\. Its test figures are exact: members refitted on the whole training set, the meta-model fitted on their out-of-fold probabilities\.$/,
    () =>
      "스태킹의 교차 검증 수치는 멤버들의 폴드 외 확률을 재사용합니다. 각 폴드에서 메타 모델은 나머지 폴드의 확률로 " +
      "적합하는데, 그 확률은 평가 대상 폴드를 이미 본 멤버들이 낸 것이어서 약간 낙관적입니다. 테스트 수치는 " +
      "정확합니다. 멤버는 전체 학습셋으로 다시 적합하고, 메타 모델은 그 멤버들의 폴드 외 확률로 적합합니다.",
  ],
  [
    /^Permutation importance: each input column shuffled across the test rows \(a category's one-hot features together\), drop in test ROC-AUC, mean and sd over the repeats\.$/,
    () =>
      "순열 중요도: 입력 열 하나를 테스트 행 사이에서 섞고(범주형은 원-핫 특성을 함께) 테스트 ROC-AUC가 떨어지는 " +
      "폭을 잽니다. 반복한 결과의 평균과 표준편차를 씁니다.",
  ],
  [
    /^Permutation importance is computed on a seeded stratified sample of ([\d,]+) of the ([\d,]+) test rows \(every other test figure uses all of them\)\.$/,
    (sample, rows) =>
      `순열 중요도는 테스트 행 ${rows}개 중 시드를 고정한 층화 표본 ${sample}개로 계산합니다(다른 테스트 수치는 ` +
      "모두 전체 행을 씁니다).",
  ],
  [
    /^(.+): each tree grown on a bootstrap draw of ([\d,]+) rows \(scikit-learn's max_samples\) rather than as many as the ([\d,]+) training rows, so a full-depth tree's cost and size stay bounded\.$/,
    (name, draw, rows) =>
      `${nameOf(name)}: 트리마다 학습 행 ${rows}개 전체가 아니라 ${draw}행의 부트스트랩 표본으로 키웁니다` +
      "(scikit-learn의 max_samples). 끝까지 자라는 트리의 계산량과 크기를 제한하기 위해서입니다.",
  ],
  [
    /^(.+): fitted on a seeded stratified sample of at most ([\d,]+) training rows \(the final fit on ([\d,]+) of ([\d,]+); each fold's fit on as many of its rows\), since their cost grows faster than the rows; their preprocessing is fitted on all training rows, and they are scored on every out-of-fold and test row\.$/,
    (names, cap, rows, of) =>
      `${namesOf(names)}: 계산량이 행 수보다 빠르게 늘어나므로 시드를 고정한 층화 표본(학습 행 최대 ${cap}개)으로 ` +
      `적합합니다(최종 모델은 ${of}개 중 ${rows}개, 각 폴드도 같은 수). 전처리는 전체 학습 행으로 적합하고, ` +
      "폴드 외 행과 테스트 행은 모두 평가합니다.",
  ],
];

const listItems = (items: readonly string[]): string => items.join("; ");

export const koModels: ModelsStrings = {
  notAvailable: "없음",
  flagNobody: "아무도 분류하지 않음",
  range: (lo, hi) => `${lo}~${hi}`,
  withInterval: (estimate, range) => `${estimate}(${range})`,
  ordinal: (n) => `${n}위`,

  intro:
    "이탈 고객과 잔류 고객을 가려내도록 모델 8개를 학습했습니다. 이 페이지는 새 고객에게도 그대로 나올 수치로 " +
    "모델을 비교하고, 각 모델이 어디에서 강하고 어디에서 약한지 보여 줍니다. 몇 명에게 연락할지 직접 정해 볼 수 " +
    "있고, 보고서가 어떤 모델을 왜 쓰는지도 설명합니다. 아래 숫자는 모두 페이지를 열 때 파이프라인의 결과 " +
    "파일에서 읽어 옵니다.",
  testing: (p) =>
    `파일에는 ${p.rows}행이 있습니다. 이 중 ${p.duplicates}행은 다른 고객의 행을 그대로 복사한 것이어서 먼저 ` +
    "제거했습니다. 같은 고객이 분할의 양쪽에 함께 들어가지 않게 하려는 것입니다. 중복을 뺀 고객 " +
    `${p.distinct}명 가운데 ${p.testRows}명(이탈 ${p.testChurners}명)을 ` +
    `${p.byIds ? "테스트 ID 파일이 지정한 대로" : `층화 추출(시드 ${p.seed})로`} 테스트셋으로 떼어 두고, 맨 ` +
    "마지막에 한 번만 평가했습니다. 모델 선택과 임계값 선택을 포함한 나머지는 모두 학습 고객 " +
    `${p.trainRows}명(이탈 ${p.trainChurners}명)과 이들에 대한 ${p.folds}-폴드 교차 검증으로 했습니다. 각 폴드는 ` +
    "그 폴드를 보지 않은 모델이 예측하므로, 학습 고객마다 *폴드 외(out-of-fold)* 확률이 하나씩 생깁니다.",
  protocolSummary: "검증 절차 자세히 보기",
  modelsIntro:
    "원 프로젝트의 표는 모델을 학습시킨 소프트웨어의 이름을 썼지만, 여기서는 각 행에 모델 자체의 이름을 " +
    "붙였습니다. 각 모델이 원 분석의 어느 행에 해당하는지, 어떻게 학습했고 어떤 설정을 썼는지는 표 아래 메모에 " +
    "있습니다.",
  modelsHeaders: ["모델", "계열"],
  buildSummary: "각 모델이 원 분석의 어느 행에 해당하고 어떻게 학습했는지",
  buildIntro:
    "원 프로젝트의 표는 라이브러리 이름(XGBoost, LightGBM, HistGradientBoosting)을 썼습니다. 이 보고서는 그 " +
    "라이브러리들이 쓰는 두 가지 트리 성장 방식을 자체 트리 엔진으로 학습하므로, 각 행이 원 분석의 어느 행에 " +
    "해당하고 어디가 다른지 함께 적었습니다.",
  buildHeaders: ["모델", "원 분석에서 해당하는 행", "구현", "설정"],
  settingNone: "없음",
  fitSample: (rows, of) =>
    `학습 행 ${of}개 중 시드를 고정한 층화 표본 ${rows}개로 학습(계산량이 행 수보다 빠르게 늘어나므로), 평가는 전체 행에서`,

  leaderboard: (p) => {
    const st = p.stacking;
    const stacking = !st
      ? ""
      : st.first
        ? `테스트셋에서 스태킹의 PR-AUC는 ${st.test}(95% 구간 ${st.lo}~${st.hi})입니다. `
        : `스태킹은 모델 ${st.of}개 중 ${st.rank}위(${st.cv})이고, 테스트셋에서는 ${st.test}(95% 구간 ` +
          `${st.lo}~${st.hi})입니다. `;
    return (
      `교차 검증 PR-AUC 평균으로 줄을 세우면 1위는 ${p.folds}개 폴드 평균 ${p.leaderCv}인 **${p.leader}**, ` +
      `최하위는 ${p.lastCv}인 **${p.last}**입니다. ${stacking}PR-AUC를 핵심 지표로 삼은 것은 이탈 고객이 전체의 ` +
      `${p.churnShare}에 불과하고, 리텐션 팀은 위험 목록의 맨 위부터 차례로 연락하기 때문입니다. PR-AUC는 바로 그 ` +
      "구간을 재지만, ROC-AUC는 순위를 매기기 쉬운 다수의 잔류 고객 덕분에 높게 나옵니다. ± 값은 폴드 간 " +
      "편차이고, 테스트 수치에는 95% 부트스트랩 구간을 붙였습니다. 두 모델의 구간이 크게 겹치면 테스트셋으로는 " +
      "둘을 구별할 수 없습니다."
    );
  },
  leaderboardCaption:
    "열 제목을 누르면 정렬됩니다. CV: 학습셋 폴드별 값의 평균과 그 아래 표준편차. 테스트: 추정값과 그 아래 95% 부트스트랩 구간.",
  leaderboardHeaders: {
    model: "모델",
    cvPr: "CV PR-AUC",
    cvRoc: "CV ROC-AUC",
    cvF1: "CV F1(최고 F1 임계값)",
    cvBrier: "CV Brier",
    testPr: "테스트 PR-AUC",
    testRoc: "테스트 ROC-AUC",
    testF1: "테스트 F1(OOF 임계값)",
  },
  usedByReport: (name) => `${name} · 보고서 사용 모델`,
  stackingNoteTitle: "스태킹의 교차 검증 수치는 약간 낙관적입니다. ",
  stackingNote:
    "메타 모델은 멤버 모델들의 폴드 외 확률로 학습하는데, 각 폴드에서 그 확률은 평가 대상 폴드를 이미 본 멤버들이 " +
    "낸 것입니다. 테스트 수치는 정확하므로, 교차 검증 순위만 보지 말고 위 표의 두 열을 함께 비교하시기 바랍니다.",

  whyNotLeader: (p) =>
    p.leaderFirst
      ? "전체 순위에서도 1위입니다."
      : `전체 순위는 ${p.rank}위입니다. 1위인 ${p.leader} 모델의 교차 검증 PR-AUC 평균이 ${p.diff} 더 높은데` +
        `(${p.leaderCv} 대 ${p.selectedCv}), 이 차이는 폴드 간 편차보다 ${p.gapSmaller ? "작습니다" : "큽니다"}. ` +
        (p.members
          ? `하지만 이 모델은 모델 ${p.members.length}개(${p.members.join(", ")})를 섞은 것이라 점수를 고객의 각 ` +
            "열로 정확히 나눌 수 없고, 파일을 채점하려면 브라우저에서 멤버 모델을 모두 돌려야 합니다."
          : "하지만 이 모델의 점수는 고객의 각 열로 정확히 나눌 수 없습니다. 그렇게 나눌 수 있는 것은 트리 앙상블과 " +
            "로지스틱 회귀뿐입니다.") +
        ` 테스트셋에서 두 모델의 PR-AUC는 각각 ${p.leaderTest}, ${p.selectedTest}입니다.`,
  chosen: (p) =>
    `보고서가 고객 채점에 쓰는 모델은 **${p.name}**입니다. 고객별 점수를 정확히 설명할 수 있는 모델(트리 앙상블과 ` +
    `로지스틱 회귀) 가운데 교차 검증 PR-AUC 평균이 가장 높은 모델로, 그 값은 ${p.cvPr}(ROC-AUC ${p.cvRoc})입니다. ` +
    `선택에 전혀 쓰이지 않은 테스트셋에서는 PR-AUC ${p.testPr}, ROC-AUC ${p.testRoc}입니다. ${p.whyNotLeader} ` +
    "채점 페이지에는 이렇게 정확히 설명되는 모델이 필요합니다. 그래야 고객마다 점수의 이유를 정확히 보여 주고, 큰 " +
    `파일도 브라우저에서 몇 초 만에 채점할 수 있습니다. 기본 임계값은 폴드 외 예측에서 ${p.policy} 기준으로 고른 ` +
    `${p.threshold}이며, 이 임계값에서 테스트셋의 정밀도는 ${p.precision}, 재현율은 ${p.recall}입니다.`,
  reasonsSummary: "점수의 이유는 어떻게 계산하나",
  reasonsNote:
    "트리 앙상블의 이유는 TreeSHAP으로 구합니다. 트리를 따라가며 고객 한 명의 점수를 각 열의 몫으로 정확히 나누는 " +
    "방법입니다. 로지스틱 회귀는 모형 자체의 항, 즉 계수에 고객의 표준화된 값을 곱한 값을 열별로 더해 절편에서 " +
    "출발하는 로그 오즈로 나타냅니다. KNN, SVM과 두 혼합 모델(보팅, 스태킹)은 고객별 정확한 이유가 없어서, 배포 " +
    "규칙에 따라 순위표에만 남습니다. 채점 페이지는 배포된 모델(model.json)을 브라우저의 별도 스레드에서 돌리며, " +
    "어떤 파일도 외부로 올리지 않습니다.",

  testIntro: (testRows) =>
    `학습에 쓰지 않고 떼어 둔 고객 ${testRows}명에서 각 모델이 순위를 얼마나 잘 매기는지, 그 확률을 얼마나 믿을 수 ` +
    "있는지 보여 줍니다.",
  testHeaders: ["모델", "ROC-AUC", "PR-AUC", "Brier", "로그 손실", "0.5에서 F1"],
  testCaption: (testRows, churners, reps) =>
    `테스트셋(고객 ${testRows}명, 이탈 ${churners}명): 추정값(95% 부트스트랩 구간, 층화 재표본 ${reps}회).`,
  curvesLabel: "곡선에 표시할 모델",
  curvesIntro: (selected) =>
    "ROC 곡선은 잔류 고객을 잘못 분류하는 비율에 따라 이탈 고객을 얼마나 찾아내는지, 정밀도-재현율 곡선은 이탈 " +
    `위험으로 분류한 고객 중 실제로 떠나는 비율이 얼마인지 보여 줍니다. 굵은 선이 ${selected}입니다. 곡선은 ` +
    "점추정치이며, 곡선 아래 면적과 그 구간은 위 표에 있습니다.",
  calibrationIntro: (p) =>
    "모델이 잘 보정되었다는 것은 이탈 위험을 30%로 예측한 고객 중 실제로 30% 정도가 떠난다는 뜻입니다. 대각선보다 " +
    `위에 있는 점은 예측보다 더 자주 이탈한 고객입니다. ${p.name}의 경우 고객이 10명 이상인 구간 중 예측과 실제의 ` +
    `차이가 가장 큰 곳은 ${
      p.worst
        ? `${p.worst.lo}~${p.worst.hi} 구간으로, 예측 ${p.worst.predicted} 대 실제 ${p.worst.observed}(고객 ${p.worst.count}명)입니다`
        : "잴 수 없습니다"
    }. Brier 점수는 ${p.brier}입니다. 각 구간에는 95% 신뢰구간을 표시했고, 점 크기는 그 구간의 고객 수입니다.`,
  calibrationLabel: "보정을 볼 모델",
  gainsIntro: (p) =>
    `누적 이득 곡선은 리텐션 팀의 질문에 바로 답합니다. ${p.name}의 점수로 위험이 가장 높은 상위 10% 고객에게 ` +
    `연락하면 전체 이탈 고객의 ${p.gain10}에 닿고(무작위로 연락할 때보다 리프트 ${p.lift10}), 상위 20%에게 ` +
    `연락하면 ${p.gain20}에 닿습니다.`,

  thresholdIntro:
    "모델은 확률을 내놓지만 리텐션 팀에게 필요한 것은 연락할 명단입니다. 확률이 임계값 이상인 고객을 이탈 위험으로 " +
    "분류하며, 보고서는 이 임계값을 **학습셋의 폴드 외 예측만으로** 세 가지 기준에 따라 고릅니다.",
  policyItems: (p) => [
    "**최고 F1**: 정밀도와 재현율의 균형인 F1이 가장 높은 임계값.",
    `**목표 재현율**: 이탈 고객을 ${p.targetRecall} 이상 찾아내는 임계값 중 정밀도가 가장 높은 것.`,
    `**최저 기대 비용**: 놓친 이탈 고객 1명의 비용을 ${p.missed}, 불필요한 제안 1건의 비용을 ${p.offer}(금액이 아닌 상대 단위)로 두고 총비용이 가장 작아지는 임계값.`,
  ],
  thresholdApplied: "그런 다음 각 임계값을 테스트셋에 한 번씩 적용했습니다.",
  policyLabels: { "best-f1": "최고 F1", "target-recall": "목표 재현율", "min-cost": "최저 기대 비용" },
  policyRule: (kind, p) =>
    kind === "best-f1"
      ? "F1이 가장 높은 값"
      : kind === "target-recall"
        ? `재현율을 ${p.targetRecall} 이상으로 지키면서 정밀도가 가장 높은 값`
        : `기대 비용이 가장 낮은 값(놓친 이탈 고객 ${p.missed}, 불필요한 제안 ${p.offer})`,
  policyHeaders: [
    "기준",
    "고르는 방법",
    "임계값",
    "OOF 정밀도 / 재현율",
    "테스트 정밀도",
    "테스트 재현율",
    "테스트 F1",
    "테스트 혼동 행렬",
  ],
  policyCaption: (model, trainRows) =>
    `${model}: 학습셋의 폴드 외 예측 ${trainRows}개에서 임계값을 고른 뒤 테스트셋에 한 번 적용했습니다.`,
  confusionCells: (p) => ({ main: `TP ${p.tp}, FP ${p.fp}`, sub: `FN ${p.fn}, TN ${p.tn}` }),
  policyButton: (p) => `${p.policy}: ${p.threshold}(OOF 재현율 ${p.recall}, 정밀도 ${p.precision})`,

  sliderNoteTitle: "슬라이더를 움직이면 테스트셋을 들여다보게 됩니다. ",
  sliderNote: (testRows, sample) =>
    `아래 수치는 슬라이더를 움직일 때마다 테스트 고객 ${testRows}명에서 다시 계산됩니다. 그러니 이 수치를 보면서 ` +
    "고른 임계값은 테스트셋에 맞춘 것이고, 바로 원 프로젝트가 저지른 실수입니다. 보고서의 임계값은 폴드 외 " +
    "예측에서 골랐으며, 버튼을 누르면 직접 정한 비용과 목표 재현율로 같은 방식으로 다시 고릅니다." +
    (sample
      ? ` 고객이 많아서 페이지에는 이탈 여부로 층화하고 시드를 고정한 표본(테스트 고객 ${sample.test}명, 폴드 외 ` +
        `예측 ${sample.oof}개)만 보냅니다. 아래 수치는 이 표본으로, 페이지의 나머지는 전체 고객으로 계산했습니다.`
      : ""),
  missedLabel: "놓친 이탈 고객 1명의 비용",
  offerLabel: "불필요한 제안 1건의 비용",
  targetLabel: "목표 재현율",
  thresholdLabel: "임계값",
  decision: (p) =>
    `임계값 ${p.threshold}에서는 테스트 고객 ${p.n}명 중 ${p.flagged}명이 이탈 위험으로 분류됩니다. 이탈 고객 ` +
    `${p.churners}명 중 ${p.caught}명을 찾아내고(재현율 ${p.recall}), 떠나지 않았을 고객 ${p.needless}명에게도 ` +
    `제안이 갑니다(정밀도 ${p.precision}). 지정한 비용으로 계산하면 총비용은 ${p.total}, 아무에게도 연락하지 ` +
    `않을 때는 ${p.nobody}입니다.`,
  confusionCaption: (n, threshold) => `테스트셋, 고객 ${n}명, 임계값 ${threshold}`,
  confusionFlagged: "위험 분류(제안 발송)",
  confusionNotFlagged: "분류 안 됨",
  confusionChurned: "이탈",
  confusionStayed: "잔류",
  figuresCaption: "이 임계값에서의 테스트셋 수치. 95% 구간은 브라우저에서 계산한 층화 부트스트랩 재표본에서 구했습니다",
  figureLabels: {
    precision: "정밀도",
    recall: "재현율",
    f1: "F1",
    flagged: "분류된 고객",
    cost: "기대 비용",
  },
  precisionFigure: (interval, flagged, churned) => `${interval}: 분류된 ${flagged}명 중 ${churned}명 이탈`,
  recallFigure: (interval, caught, churners) => `${interval}: 이탈 고객 ${churners}명 중 ${caught}명 찾아냄`,
  flaggedFigure: (flagged, interval) => `${flagged}명(${interval})`,
  costFigure: (p) =>
    `고객당 ${p.perCustomer}(${p.range}), 테스트셋 전체 ${p.total}. 아무에게도 연락하지 않으면 ${p.nobody}, 모두에게 ` +
    `연락하면 ${p.everyone}(놓친 이탈 고객 ${p.missed}, 불필요한 제안 ${p.offer} 기준)`,

  importanceIntro: (p) =>
    "순열 중요도는 입력 열 하나를 테스트 고객 사이에서 무작위로 섞은 뒤 테스트 ROC-AUC가 얼마나 떨어지는지 잽니다. " +
    `모델이 크게 기대는 열일수록 섞었을 때 손실이 큽니다. ${p.name}에서 하락 폭이 가장 큰 열은 ` +
    `${p.top.map((r) => `${r.column}(${r.mean} ± ${r.sd})`).join(", ")}입니다. 그리드는 모든 모델의 같은 지표를 ` +
    `보여 주며, 열은 ${p.name}의 순서대로 놓았습니다. 중요도가 곧 원인은 아닙니다. 어떤 열은 다른 열을 대신해서 ` +
    "중요해 보일 수 있습니다.",
  modelLabel: "모델",
  notTree: (name) => `${name} 모델은 트리 모델이 아니어서 분할 이득이 없습니다. 순열 중요도는 왼쪽에 있습니다.`,
  gainNote:
    "트리 모델의 이득 중요도는 학습 중 각 특성의 분할이 가져온 개선이 전체에서 차지하는 몫입니다. 학습 데이터에서 " +
    "잰 값이고 고유값이 많은 특성에 유리하므로, 순열 중요도를 대신하지 말고 옆에 두고 함께 읽어야 합니다.",

  originalNoteTitle: "비교를 위해 원 프로젝트의 검증 방식을 재현했습니다. ",
  originalNote: (p) =>
    "원 분석은 임계값 0.1375에서 정확도 0.994, 재현율 1.0을 보고했습니다. 복사본을 포함한 " +
    `${p.rows}행을 모두 그대로 쓰고, 임계값도 테스트셋에서 골랐습니다. 그 방식에서는 테스트 행 ${p.testRows}개 중 ` +
    `${p.copies}개와 똑같은 행이 학습셋에도 있습니다. 모델이 이미 정답을 본 셈입니다.`,
  originalNotRun: "이번 빌드에서는 원 프로젝트의 검증 방식을 실행하지 않았습니다.",
  original: (p) =>
    "같은 모델을 두 방식으로 돌렸습니다. 원 분석의 " +
    `${p.behindClaim ? "HistGradientBoosting 행, 즉 그 주장의 근거가 된 행" : "위 메모의 표에 적힌 행"}에 해당하는 ` +
    `${p.name} 모델의 경우, 원래 방식으로는 테스트셋에서 고른 임계값 ${p.threshold}에서 정확도 ${p.accuracy}, 재현율 ${p.recall}, ` +
    `F1 ${p.f1}입니다. 복사본만 제거해도 F1이 ${p.copiesRemovedF1}까지 내려가고, 이 보고서처럼 임계값까지 폴드 외 ` +
    `예측에서 고르면 ${p.honestF1}(정확도 ${p.honestAccuracy}, 재현율 ${p.honestRecall})입니다. 새 고객에게 실제로 ` +
    "나올 수치는 이 마지막 값입니다.",
  originalHeaders: ["모델", "검증 방식", "임계값", "정확도", "정밀도", "재현율", "F1", "ROC-AUC", "PR-AUC"],
  protocols: {
    original: "원래 방식: 복사본이 양쪽에, 임계값은 테스트셋에서",
    distinctTestTuned: "중복 제거, 임계값은 여전히 테스트셋에서",
    report: "이 보고서: 중복 제거, 임계값은 폴드 외 예측에서",
  },
  originalCaption: (p) =>
    `원래 방식: ${p.rows}행, 학습 ${p.trainRows} / 테스트 ${p.testRows}, 학습셋에 복사본이 있는 테스트 행 ${p.copies}개.`,

  metricLabels: {
    averagePrecision: "PR-AUC(평균 정밀도)",
    rocAuc: "ROC-AUC",
    brier: "Brier 점수",
    logLoss: "로그 손실",
  },
  lowerIsBetter: "(낮을수록 좋음)",
  series: {
    cv: "교차 검증: 폴드 평균 ± 1 표준편차",
    test: "테스트: 추정값과 95% 부트스트랩 구간",
  },
  scoreTitle: (metric) => `모델별 ${metric}: 교차 검증과 테스트셋`,
  scoreItem: (p) => `${p.name}: CV ${p.cv} ± ${p.sd}, 테스트 ${p.test}(${p.lo}~${p.hi})`,
  axis: (label) => `${label} →`,
  axisUp: (label) => `↑ ${label}`,

  rocTitle: "테스트셋 ROC 곡선(모델별)",
  rocDescription: (items) =>
    "임계값을 낮춰 가며 본 테스트셋의 위양성률 대비 진양성률(재현율). " +
    listItems(items.map((m) => `${m.name}: ROC-AUC ${m.auc}(${m.lo}~${m.hi})`)) +
    ". 점선 대각선은 무작위 순위입니다.",
  rocX: "위양성률(잘못 분류된 잔류 고객) →",
  rocY: "↑ 진양성률(찾아낸 이탈 고객)",
  prTitle: "테스트셋 정밀도-재현율 곡선(모델별)",
  prDescription: (items, base) =>
    "임계값을 낮춰 가며 본 테스트셋의 재현율 대비 정밀도. " +
    listItems(items.map((m) => `${m.name}: PR-AUC ${m.auc}(${m.lo}~${m.hi})`)) +
    `. 점선은 테스트셋의 이탈률(${base})로, 무작위로 분류할 때의 정밀도입니다.`,
  prX: "재현율(찾아낸 이탈 고객 비율) →",
  prY: "↑ 정밀도(분류된 고객 중 실제 이탈 비율)",
  calibrationTitle: (name) => `테스트셋에서 본 ${name}의 보정: 예측 확률 대비 실제 이탈률`,
  calibrationDescription: (bins) =>
    "예측 확률로 고객을 폭 0.1짜리 구간 열 개로 나눴습니다. 가로축은 구간의 평균 예측값, 세로축은 실제 이탈률과 95% " +
    "Wilson 구간이며, 점선 대각선은 완벽한 보정입니다. " +
    bins.map((b) => `예측 ${b.predicted}, 실제 ${b.observed}(${b.count}명)`).join(", "),
  calibrationX: "평균 예측 확률 →",
  calibrationY: "↑ 실제 이탈률",
  customers: "고객 수",
  gainsTitle: "테스트셋 누적 이득 곡선(모델별)",
  gainsDescription: (items) =>
    "위험이 높은 순서로 고객 일부에게 연락할 때 전체 이탈 고객 중 닿는 비율(테스트셋). " +
    listItems(items.map((m) => `${m.name}: 상위 10%는 ${m.top10}, 상위 20%는 ${m.top20}`)) +
    ". 점선 대각선은 무작위 연락입니다.",
  gainsX: "연락한 고객 비율(위험 높은 순) →",
  gainsY: "↑ 닿은 이탈 고객 비율",
  liftTitle: "테스트셋 리프트(모델별)",
  liftDescription: (items) =>
    "연락한 고객의 이탈률을 테스트셋 전체 이탈률로 나눈 값(연락 비율별). " +
    listItems(items.map((m) => `${m.name}: 상위 ${m.share}에서 리프트 ${m.lift}`)) +
    ". 리프트 1은 무작위 연락입니다.",
  liftY: "↑ 리프트(기준 이탈률의 배수)",
  thresholdFigures: { precision: "정밀도", recall: "재현율", F1: "F1" },
  thresholdTitle: "임계값에 따른 테스트셋 정밀도, 재현율, F1",
  thresholdDescription: (threshold, policies) =>
    "임계값이 높아질수록 분류되는 고객이 줄어, 정밀도는 대체로 오르고 재현율은 떨어집니다. 실선 세로줄은 " +
    `슬라이더로 정한 임계값(${threshold}), 점선은 각 기준이 폴드 외 예측에서 고른 임계값입니다: ` +
    `${policies.map((p) => `${p.label} ${p.threshold}`).join(", ")}.`,
  thresholdX: "임계값(이 확률 이상인 고객을 분류) →",
  thresholdY: "↑ 테스트셋 수치",
  gridTitle: "테스트셋 순열 중요도: 모든 모델과 입력 열",
  gridDescription: (items) =>
    "입력 열 하나를 섞었을 때 테스트 ROC-AUC가 떨어지는 폭(반복 평균). 색이 진할수록 중요하며, 열은 선택된 모델의 " +
    "중요도 순입니다. " +
    listItems(items.map((m) => `${m.name}: ${m.top.map((r) => `${r.column} ${r.mean}`).join(", ")}`)),
  gridDrop: "ROC-AUC 하락",
  gridSd: "표준편차",
  permutationTitle: (name) => `${name}의 순열 중요도`,
  permutationDescription: (items) =>
    `각 열을 섞었을 때 테스트 ROC-AUC가 떨어지는 폭, 반복 평균 ± 표준편차: ${listItems(items.map((r) => `${r.column} ${r.mean} ± ${r.sd}`))}.`,
  permutationX: "섞었을 때 테스트 ROC-AUC 하락 →",
  gainTitle: (name) => `${name}의 이득 중요도`,
  gainDescription: (items) =>
    `전체 분할 이득에서 차지하는 몫, 상위 특성 ${items.length}개: ${listItems(items.map((r) => `${r.feature} ${r.share}`))}.`,
  gainX: "전체 분할 이득 중 몫 →",
  originalFigures: { f1: "F1", recall: "재현율", accuracy: "정확도", precision: "정밀도" },
  originalTitle: (figure) => `모델별 테스트 ${figure}: 원래 방식과 이 보고서의 방식`,
  originalDescription: (items) =>
    listItems(items.map((m) => `${m.name}: 원래 방식 ${m.original}, 이 보고서 ${m.report}`)) + ".",
  originalX: (figure) => `테스트셋 ${figure} →`,

  modelName: (id, english) => NAMES[id] ?? english,
  family: (english) => FAMILIES[english] ?? english,
  standsFor: (_id, english) => STANDS_FOR[english] ?? english,
  implementation: (_id, english) => IMPLEMENTATIONS[english] ?? english,
  settingValue: (english) => SETTING_VALUES[english] ?? english,
  protocolNote: (english) => {
    for (const [pattern, korean] of NOTES) {
      const m = pattern.exec(english);
      if (m) return korean(...m.slice(1));
    }
    return english;
  },
};
