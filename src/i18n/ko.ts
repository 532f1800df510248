// 한국어: the report as a Korean analyst would write it, from the same numbers (keys as in strings.ts).
import type { HypothesisResult, MeanGroup, RateGroup } from "../lib/stats/hypotheses.js";
import { describeD } from "../lib/stats/tests.js";
import type { Formatters } from "./format.js";
import { df, MAGNITUDE, pClause } from "./ko-test-words.js";
import { koChanges } from "./ko-changes.js";
import { koScore } from "./ko-score.js";
import { koAnyTable } from "./ko-anytable.js";
import type { Strings } from "./strings.js";
import { koSegments } from "./ko-segments.js";
import { koModels, koModelsPage } from "./ko-models.js";
import { koUnlabelled } from "./ko-unlabelled.js";

const NAMES: Record<HypothesisResult["id"], string> = {
  satisfaction: "만족도와 이탈",
  complaint: "불만 제기와 이탈",
  recency: "마지막 주문 후 경과 기간과 이탈",
};
const CLAIMS: Record<HypothesisResult["id"], string> = {
  satisfaction: "만족도가 낮은 고객일수록 더 많이 이탈한다.",
  complaint: "불만을 제기한 고객이 더 많이 이탈한다.",
  recency: "마지막 주문이 오래된 고객일수록 더 많이 이탈한다.",
};
const TEST_NAMES: Record<string, string> = {
  "Welch's t-test": "Welch t-검정",
  "Student's t-test": "Student t-검정",
  "Mann-Whitney U": "Mann-Whitney U 검정",
  "Chi-square test of independence": "카이제곱 독립성 검정",
  "Chi-square test of independence with Yates's correction": "카이제곱 독립성 검정(Yates 보정)",
  "Chi-square test of independence without correction": "카이제곱 독립성 검정(보정 없음)",
  "Cramér's V": "Cramér's V",
  "Cohen's d (stayed − churned)": "Cohen's d(잔류 − 이탈)",
  "Difference in churn rate": "이탈률 차이",
};
const COLUMN_MEANINGS: Record<string, string> = {
  CustomerID: "고객 고유 ID",
  Churn: "이탈 여부: 떠났으면 1, 남았으면 0",
  Tenure: "고객의 거래 기간",
  PreferredLoginDevice: "주로 쓰는 로그인 기기",
  CityTier: "도시 등급",
  WarehouseToHome: "물류창고에서 고객 집까지의 거리",
  PreferredPaymentMode: "주로 쓰는 결제 수단",
  Gender: "성별",
  HourSpendOnApp: "모바일 앱이나 웹사이트에서 보낸 시간",
  NumberOfDeviceRegistered: "등록된 기기 수",
  PreferedOrderCat: "지난달 주로 주문한 카테고리",
  SatisfactionScore: "서비스 만족도 점수",
  MaritalStatus: "혼인 상태",
  NumberOfAddress: "등록된 주소 수",
  Complain: "지난달 불만을 제기했으면 1",
  OrderAmountHikeFromlastYear: "작년 대비 주문 금액 증가율(빈 값: 작년 구매 없음)",
  CouponUsed: "지난달 사용한 쿠폰 수",
  OrderCount: "지난달 주문 횟수",
  DaySinceLastOrder: "마지막 주문 후 경과일",
  CashbackAmount: "지난달 평균 캐시백",
};
function numericVerdict(h: HypothesisResult, f: Formatters): string {
  const [stayed, churned] = h.groups as readonly MeanGroup[];
  const recency = h.id === "recency";
  const noun = recency ? "마지막 주문 후 경과일" : "만족도 점수";
  const value = (x: number): string => (recency ? `${f.number(x, 1)}일` : f.number(x, 2));
  const churnedPart = `이탈 고객(${value(churned.mean)}, n = ${f.count(churned.n)})`;
  const stayedPart = `잔류 고객(${value(stayed.mean)}, n = ${f.count(stayed.n)})`;
  const higher = churned.mean > stayed.mean;
  const word = recency ? (higher ? "길었습니다" : "짧았습니다") : higher ? "높았습니다" : "낮았습니다";
  let opening: string;
  if (h.statistic === null || Number.isNaN(h.statistic)) {
    opening = "이 데이터로는 검정할 수 없습니다.";
  } else if (h.direction === "no evidence") {
    opening =
      `유의수준 ${h.alpha * 100}%에서 어느 쪽으로도 근거가 없습니다. ${churnedPart}과 ${stayedPart}의 평균 ${noun} ` +
      "차이는 우연으로 설명할 수 있는 수준입니다.";
  } else {
    const lead = h.direction === "supports" ? "데이터가 주장을 뒷받침합니다" : "데이터는 주장과 반대입니다";
    const tail = h.direction === "contradicts" ? " 주장이 예상한 방향과 정반대입니다." : "";
    // 점수 ends in a vowel (가), 경과일 in a consonant (이).
    opening = `${lead}. ${churnedPart}의 평균 ${noun}${recency ? "이" : "가"} ${stayedPart}보다 ${word}.${tail}`;
  }
  const mw = h.otherTests.find((t) => t.test.startsWith("Mann"));
  const d = h.effect;
  const numbers =
    `Welch t = ${f.number(h.statistic, 2)}(자유도 ${df(f, h.df)}), ${pClause(f, h.p, h.logP)}; ` +
    (mw ? `Mann-Whitney ${pClause(f, mw.p, mw.logP)}; ` : "") +
    `Cohen's d(잔류 − 이탈) = ${f.number(d.value, 2)}(95% 신뢰구간 ${f.interval(d.low, d.high)}), ` +
    `효과 크기는 ${MAGNITUDE[describeD(d.value)]}입니다.`;
  return `${opening} ${numbers}`;
}

function complaintVerdict(h: HypothesisResult, f: Formatters): string {
  const [without, withC] = h.groups as readonly RateGroup[];
  const rate = (g: RateGroup): string =>
    `${f.percent(g.rate)}(95% 신뢰구간 ${f.interval(g.low, g.high, (x) => f.percent(x))}, n = ${f.count(g.n)})`;
  const diff = h.effect;
  let opening: string;
  if (h.statistic === null || Number.isNaN(h.statistic)) {
    opening = "이 데이터로는 검정할 수 없습니다.";
  } else if (h.direction === "no evidence") {
    opening =
      `유의수준 ${h.alpha * 100}%에서 어느 쪽으로도 근거가 없습니다. 불만을 제기한 고객의 이탈률은 ${rate(withC)}, ` +
      `그렇지 않은 고객은 ${rate(without)}로, 이 정도 차이는 우연으로도 생길 수 있습니다.`;
  } else {
    const lead = h.direction === "supports" ? "데이터가 주장을 뒷받침합니다" : "데이터는 주장과 반대입니다";
    const tail = h.direction === "contradicts" ? " 주장이 예상한 방향과 정반대입니다." : "";
    opening =
      `${lead}. 불만을 제기한 고객의 이탈률은 ${rate(withC)}로, 불만이 없던 고객의 ${rate(without)}보다 ` +
      `${diff.value > 0 ? "높았습니다" : "낮았습니다"}.${tail}`;
  }
  const v = h.otherTests.find((t) => t.test.startsWith("Cram"));
  const numbers =
    `차이 ${f.points(diff.value)}(95% 신뢰구간 ${f.pointsInterval(diff.low, diff.high)}); ` +
    `Yates 보정 χ² = ${f.number(h.statistic, 1)}(자유도 ${df(f, h.df)}), ${pClause(f, h.p, h.logP)}` +
    (v ? `; Cramér's V = ${f.number(v.statistic, 2)}.` : ".");
  return `${opening} ${numbers}`;
}

export const ko: Strings = {
  score: koScore,
  changes: koChanges,
  common: {
    languageName: "한국어",
    switchLabel: "이 페이지를 한국어로 보기",
    languageSwitchName: "언어",
    siteTitle: "고객 이탈 보고서",
    footer: "고객 이탈 보고서: 전자상거래 이탈 분석을 정직하게 다시 만든 결과입니다.",
    toggleSidebar: "사이드바 열기/닫기",
    readMore: "자세히 보기 →",
    demoBannerTitle: "합성 데모 데이터입니다. ",
    demoBanner: (rows, file) =>
      `이 수치는 실제 쇼핑몰이 아니라 생성된 가상 고객(${file}, ${rows}행)에서 나온 것입니다. ` +
      "자사 데이터로 보려면 CHURN_DATA=파일경로 로 빌드하세요.",
    dataBannerTitle: "데이터: ",
    dataBanner: (file, rows, sha) => `${file}, ${rows}행, sha256 ${sha}…`,
    downloadGroup: (title) => `${title} 내려받기`,
    downloadAs: (title, format) => `${title}: ${format} 파일로 내려받기`,
    downloadFailed: (format, reason) => `${format} 파일을 만들지 못했습니다: ${reason}`,
  },
  pages: {
    index: {
      title: "개요",
      headings: {
        main: "곧 떠날 고객은 누구인가?",
        holds: "믿을 수 있는 수치와 그렇지 않은 수치",
        guide: "보고서 읽는 법",
        provenance: "데이터 출처",
      },
    },
    data: {
      title: "데이터와 정제",
      headings: {
        main: "데이터와 정제",
        file: "입력 파일",
        blanks: "빈 셀",
        spellings: "통일한 표기",
        duplicates: "중복 고객",
        columns: "열별 요약",
      },
    },
    eda: {
      title: "탐색적 분석",
      headings: {
        main: "누가 이탈하는가? 첫 번째 살펴보기",
        share: "얼마나 많은 고객이 떠나는가",
        satisfaction: "만족도 점수별 이탈률",
        tier: "도시 등급별 이탈률",
        pairs: "앱 사용 시간과 주문 횟수",
        complaint: "불만 제기 여부별 이탈률",
        growth: "주문 금액 증가율",
        columns: "이탈을 가장 크게 가르는 열",
        ranking: "어디를 봐야 하나: 이탈을 가르는 열",
        explorer: "원하는 열 살펴보기",
      },
    },
    hypotheses: {
      title: "가설 검정",
      headings: {
        main: "이탈에 관한 세 가지 주장 검정",
        satisfaction: "만족도가 낮은 고객이 더 많이 이탈하는가?",
        complaint: "불만을 제기한 고객이 더 많이 이탈하는가?",
        recency: "마지막 주문이 오래된 고객이 더 많이 이탈하는가?",
        claims: "주장별 검정 결과",
        explorer: "원하는 열로 이탈과의 관계 검정하기",
      },
    },
    models: koModelsPage,
    segments: koSegments.page,
    score: {
      title: "고객 점수 매기기",
      headings: {
        main: "우리 고객의 이탈 위험 점수 매기기",
        threshold: "판정 임계값",
        customers: "고객",
        segments: "세그먼트별",
        downloads: "내려받기",
        whatIf: "값을 바꿔 보면?",
      },
    },
    changes: { title: "변경 사항", headings: { main: "지난 빌드 이후 달라진 점" } },
  },
  index: {
    whatChanged: "지난 빌드 대비 변경 사항",
    intro:
      "이 보고서는 전자상거래 팀이 어떤 고객이 떠날 가능성이 높은지, 왜 떠나는지, 고객이 어떤 그룹으로 나뉘는지, " +
      "그리고 리텐션 예산을 어느 그룹에 먼저 써야 하는지 판단하도록 돕습니다. 한 학생 프로젝트의 분석을 다시 " +
      "구축하면서, 모델이 한 번도 보지 못한 고객에게서도 유지되는 수치만 남겼습니다.",
    churnedLabel: "이탈 고객 비율",
    churnedDetail: (churners, rows, duplicates) =>
      `전체 ${rows}행 중 ${churners}명 이탈. 다른 고객을 그대로 복사한 행이 ${duplicates}개 있었습니다`,
    modelLabel: "처음 보는 고객에 대한 모델 성능",
    modelValue: (auc) => `ROC-AUC ${auc}`,
    modelDetail: (model, interval, testRows) =>
      `${model} 기준, 학습에 쓰지 않은 고객 ${testRows}명에서 95% 신뢰구간 ${interval}`,
    caughtLabel: "찾아낸 이탈 고객",
    caughtDetail: (threshold, precision) =>
      `임계값 ${threshold}에서 테스트셋 이탈 고객 중 찾아낸 비율. 이탈 위험으로 분류한 고객 중 ${precision}가 실제로 떠났습니다`,
    groupLabel: "가장 먼저 지켜야 할 그룹",
    groupValue: (id) => `그룹 ${id}`,
    groupDetail: (name, size, churn) => `${name}: 고객 ${size}명, 이탈률 ${churn} (기본 오퍼 가정 기준)`,
    holds: (duplicates, testRows) =>
      "원래 분석은 정확도 0.994, 재현율 1.0을 내세웠습니다. 그러나 이는 같은 고객의 복사본이 학습셋과 테스트셋 " +
      "양쪽에 들어가 있었고, 결정 임계값까지 테스트셋에서 골랐기 때문에 나온 수치입니다. 이 보고서는 분할 전에 " +
      `중복 행 ${duplicates}개를 제거하고, 모든 임계값을 학습셋의 out-of-fold 예측으로 정하며, 테스트 고객 ` +
      `${testRows}명은 단 한 번만 평가합니다. 그렇게 얻은 정직한 수치는 더 낮지만 신뢰구간이 함께 제시됩니다. ` +
      "두 방식의 결과는 [모델](./models) 페이지에서 나란히 비교할 수 있습니다.",
    comparison: (model, original, copies, honest) =>
      `${model}의 경우, 원래 방식(테스트셋에서 임계값 선택, 학습셋에 복사본이 있는 테스트 행 ${copies}개)으로는 ` +
      `정확도 ${original.accuracy}, 재현율 ${original.recall}이지만, 정직하게 평가하면 정확도 ${honest.accuracy}, ` +
      `재현율 ${honest.recall}입니다.`,
    hypotheses: (contradicted) =>
      (contradicted === 0
        ? "원래 분석의 세 가설 가운데 이 데이터와 어긋나는 가설은 없습니다."
        : `원래 분석의 세 가설 가운데 ${contradicted}개는 이 데이터에서 오히려 반대 방향을 가리킵니다.`) +
      " 자세한 내용은 [가설 검정](./hypotheses) 페이지에 있습니다.",
    guide: {
      data: "[데이터와 정제](./data): 파일에 무엇이 들어 있었고, 어떤 처리를 거쳤는지.",
      eda: "[탐색적 분석](./eda): 원래 분석의 차트 여섯 개를 신뢰구간과 함께, 그리고 모든 열을 살펴볼 수 있는 탐색 도구.",
      hypotheses: "[가설 검정](./hypotheses): 세 가지 주장을 효과 크기와 함께 검정하고 알기 쉬운 결론으로 정리.",
      models: (count) =>
        `[모델](./models): 교차 검증 후 테스트셋에서 한 번만 평가한 모델 ${count}개, 임계값과 비용 슬라이더.`,
      segments: (k) =>
        `[세그먼트와 페르소나](./segments): 최근성·구매 빈도·캐시백으로 나눈 ${k}개 그룹, 그룹별 특징과 대응 방안.`,
      score: "[고객 점수 매기기](./score): 자사 고객 파일을 올리면 브라우저 안에서 이탈 위험, 이유, 세그먼트를 계산.",
      changes: "[변경 사항](./changes): 기준 빌드와 비교한 데이터 드리프트, 지난 모델의 성능, 세그먼트 이동.",
    },
    provenance: (p) =>
      `${p.builtAt}에 ${p.file}(${p.format}, ${p.rows}행, SHA-256 ${p.sha256})로 빌드했습니다. ` +
      `${p.demo ? "보고서에 포함된 합성 데모 데이터" : "보고서를 만든 팀이 제공한 데이터"}이며, 난수 시드는 ${p.seed}입니다.`,
  },
  hypothesis: {
    // The preset's three in their own words; the config's and exploratory claims from their fields.
    name: (h) => NAMES[h.id] ?? koAnyTable.claimName(h),
    claim: (h) => CLAIMS[h.id] ?? koAnyTable.claimText(h),
    verdict: (h, f) =>
      !(h.id in NAMES)
        ? koAnyTable.claimVerdict(h, f)
        : h.id === "complaint"
          ? complaintVerdict(h, f)
          : numericVerdict(h, f),
  },
  data: {
    intro:
      "모델이 데이터를 보기 전에 파이프라인이 입력에 한 모든 처리를 정리했습니다. 어떤 열을 기대하는지, 어디가 " +
      "비어 있었는지, 어떤 표기를 하나로 합쳤는지, 어떤 행이 다른 행의 복사본이었는지, 그리고 각 열의 분포입니다.",
    file: (p) =>
      `이 보고서는 **${p.file}**(${p.format}${p.sheet ? `, 시트 "${p.sheet}"` : ""}, ${p.bytes}바이트, ` +
      `SHA-256 \`${p.sha256}\`)로 만들었습니다. 전체 ${p.rows}행 중 ${p.churners}명(${p.churnRate})이 이탈했습니다. ` +
      `열 설명은 ${p.fromFile ? "워크북에 들어 있는 데이터 사전" : "프로젝트 스키마(파일에 데이터 사전이 없음)"}에서 가져왔습니다.`,
    extraColumns: (count, names) =>
      `파일에는 보고서가 사용하지 않는 열이 ${count}개 더 있으며, 손대지 않고 그대로 유지했습니다: ${names}.`,
    blanks: (columns, cells) =>
      `빈 셀이 있는 열은 ${columns}개, 빈 셀은 모두 ${cells}개입니다. 빈 셀이 오류는 아닙니다. 모델은 빈 값을 ` +
      "학습 행의 중앙값으로만 채우므로 테스트 고객의 정보가 학습에 새어 들어가지 않습니다. 또한 " +
      "`OrderAmountHikeFromlastYear`가 비어 있다는 것은 작년에 구매가 없었다는 뜻이어서, 별도의 0/1 특성 " +
      "`NoLastYearPurchase`로도 만듭니다. 트리 모델은 빈 값을 스스로 분기 처리하므로 빈 값 그대로 봅니다.",
    noBlanks: "빈 셀이 있는 열이 없습니다.",
    blankChartTitle: "열별 빈 셀",
    blankChartDescription: (list) => `빈 셀: ${list}. 나머지 열에는 빈 셀이 없습니다.`,
    blankChartAxis: "빈 셀(전체 행 대비 비율)",
    spellingsIntro:
      "일부 범주형 열에는 같은 값이 여러 가지로 표기되어 있습니다. 파이프라인은 변형 표기를 하나의 이름으로 " +
      "통일하고, 바뀐 셀 수를 셉니다.",
    spellingsCount: (cells, mappings) => `모두 ${mappings}개 규칙으로 셀 ${cells}개를 바꿨습니다.`,
    noSpellings: "다르게 표기된 값이 없습니다.",
    spellingHeaders: ["열", "원래 표기", "통일한 표기", "셀 수"],
    duplicates: (p) =>
      `고객 ID를 빼고 보면 ${p.count}행(${p.share})이 앞선 행을 그대로 복사한 것으로, ${p.groups}개 그룹을 이룹니다. ` +
      `이를 빼면 서로 다른 고객은 ${p.distinct}명이고 이탈률은 ${p.distinctChurnRate}입니다. 중복을 남긴 채 무작위로 ` +
      "분할하면 같은 고객이 학습셋과 테스트셋 양쪽에 들어가 모든 점수가 부풀려지므로, 모델·가설 검정·세그먼트는 " +
      "중복을 제거한 고객만 사용합니다." +
      (p.afterNormalising > 0
        ? ` 표기를 통일한 뒤에야 다른 행과 같아지는 행이 ${p.afterNormalising}개 더 있지만, 파일에 적힌 그대로는 ` +
          "서로 다르므로 남겨 두었습니다."
        : ""),
    noDuplicates: "중복된 행이 없습니다.",
    duplicateHeaders: ["파일의 행", "고객 ID", "복사 원본 행", "원본 고객 ID"],
    duplicateCaption: (count) => `처음 ${count}개 복사본`,
    schemaHeaders: ["열", "유형", "의미", "유효한 값", "빈 셀"],
    inFile: (name, nameInFile) => `${name}(파일에서는 ${nameInFile})`,
    kinds: { numeric: "수치형", category: "범주형", id: "식별자", target: "목표 변수", extra: "추가 열" },
    profileHeaders: ["열", "유형", "빈 셀", "고유값 수", "최솟값", "중앙값", "평균", "최댓값", "표준편차 / 최빈값"],
    categoryColumn: "범주형 열",
    categoryChartTitle: (column) => `${column}별 고객 수`,
    customersAxis: "고객 수",
  },
  stats: {
    testName: (name) => TEST_NAMES[name] ?? name,
    magnitude: (d) => MAGNITUDE[describeD(d)],
    rateText: (rate, interval, n) => `${rate}(95% 신뢰구간 ${interval}, n = ${n})`,
    ci: (interval) => `95% 신뢰구간 ${interval}`,
    missingPolicy: (column, rows, missing, kept, none) =>
      none
        ? `${column}에는 빈 값이 없습니다: n = ${rows}.`
        : `이 열의 빈 값만 제외했습니다: 전체 ${rows}명 중 n = ${kept}(${column} 빈 값 ${missing}개 제외).`,
    rowsDescription: ({ choice, rows, duplicates, copies }) =>
      duplicates === 0
        ? `통계는 전체 ${rows}행을 모두 사용합니다. 다른 고객을 반복한 행이 없어 제거할 중복이 없습니다.`
        : choice === "distinct"
          ? `통계는 중복을 제거한 고객 ${rows}명을 사용합니다. 새 ID로 앞선 고객을 반복한 ${copies}행은 뺐습니다. ` +
            "같은 고객을 두 번 세면 차이가 실제보다 확실해 보이기 때문입니다."
          : `통계는 원래 분석처럼 전체 ${rows}행을 사용하며, 새 ID로 앞선 고객을 반복한 ${copies}행도 포함합니다. ` +
            "이 고객들은 두 번 세어지므로 p-값이 데이터가 뒷받침하는 것보다 작게 나옵니다.",
    sampled: (p) =>
      `${p.description} 데이터에는 서로 다른 고객이 ${p.distinct}명(${p.rows}행) 있어 한 페이지로 보내기에는 많습니다. ` +
      `그래서 이 수치는 이탈 여부로 층화한 시드 고정 표본 ${p.kept}명과 그 복사본에서 나온 것입니다. 표본에서 구한 ` +
      "p-값은 전체 고객에서 구한 값보다 큽니다.",
    multipleComparisons: (tests, alpha, expected, familyWise, bar) =>
      tests <= 1
        ? `유의수준 ${alpha}에서 검정 한 번: 열과 이탈이 무관할 때 잘못된 경보가 울릴 확률은 ${alpha}입니다.`
        : `지금까지 ${tests}개 열을 검정했습니다. 어느 열도 이탈과 관련이 없더라도 약 ${expected}개는 우연히 p < ${alpha}에 ` +
          `도달합니다(검정이 독립이라면 하나 이상 그럴 확률은 ${familyWise}%). 결과로 내세우기 전에 각 검정을 ` +
          `${alpha}/${tests} = ${bar} 기준(Bonferroni)으로 보거나 Holm 보정 p-값을 쓰세요.`,
    rowsLabel: "사용할 행",
    rowsDistinct: "중복을 제거한 고객",
    rowsAll: "중복을 포함한 전체 행(원래 분석 방식)",
    stayed: "잔류",
    churned: "이탈",
  },
  hypotheses: {
    intro:
      "원래 분석은 세 가지 가설을 세웠습니다. **만족도가 낮은** 고객, **불만을 제기한** 고객, **마지막 주문이 " +
      "오래된** 고객일수록 더 많이 이탈한다는 것입니다. 여기서는 정제된 데이터로 브라우저에서 직접 각 가설을 " +
      "검정하고, 효과 크기와 신뢰구간을 함께 보여 주며, 수치에 근거한 결론을 제시합니다. 데이터가 주장과 반대 " +
      "방향을 가리키면 결론에서 그렇다고 밝힙니다.",
    rowsNote: ({ description, distinct, sampled, check }) =>
      `${description} ${
        distinct
          ? "보고서의 기본 설정이며, 빌드 시점의 hypotheses.json도 이 기준으로 계산했습니다."
          : "이 보고서가 책임지는 수치를 보려면 '중복을 제거한 고객'을 선택하세요."
      } ${
        check ??
        (sampled
          ? "(빌드 시점의 hypotheses.json은 이 표본이 아니라 중복을 제거한 전체 고객으로 계산했으므로 여기서는 비교하지 않습니다.)"
          : "(빌드 시점의 hypotheses.json은 중복을 제거한 고객 기준이므로 여기서는 비교하지 않습니다.)")
      }`,
    missingNote:
      "**결측값.** 각 검정은 자기 열의 빈 셀만 제외합니다. 따라서 마지막 주문일이 비어 있는 고객도 만족도와 " +
      "불만 검정에는 포함됩니다. 빈 값은 채우지 않습니다. 대체값을 넣으면 바로 두 그룹을 비교하는 지점에서 " +
      "값을 지어내는 셈이기 때문입니다. 각 검정에는 표본 수 n과 제외한 빈 값의 수를 적었습니다.",
    testsNote:
      "**검정 방법.** 수치형 변수(만족도 점수, 마지막 주문 후 경과일)에는 두 그룹의 분산이 같다고 가정하지 않는 " +
      "Welch t-검정을 먼저 보고, 원래 분석이 쓴 Student t-검정, 순위를 비교하므로 점수 간격이 고르지 않아도 " +
      "되는 Mann-Whitney U 검정, 95% 신뢰구간을 붙인 Cohen's d를 함께 제시합니다. 예/아니오 변수(불만 제기)에는 " +
      "Yates 보정을 한 카이제곱 독립성 검정(2 × 2 표에서 scipy의 기본값)과 보정하지 않은 검정, Cramér's V, 95% " +
      "신뢰구간을 붙인 이탈률 차이를 제시합니다. p-값은 양측 검정이며, 결론은 유의수준 5%를 기준으로 합니다.",
    claimed: (claim, direction) => `원래 분석의 주장: *${claim}* ${direction}`,
    satisfactionChart:
      "차트는 잔류 고객과 이탈 고객의 만족도 점수를 각 그룹 안의 비율로 보여 주며, 점선은 그룹 평균입니다.",
    complaintChart: "차트는 각 그룹의 이탈률을 95% 신뢰구간, 그룹 크기와 함께 보여 줍니다.",
    recencyChart: "차트는 잔류 고객과 이탈 고객의 마지막 주문 후 경과일을 보여 주며, 점선은 그룹 평균입니다.",
    direction: (d) =>
      d === "supports"
        ? "데이터가 주장을 뒷받침합니다."
        : d === "contradicts"
          ? "데이터는 주장과 반대입니다. 뚜렷한 차이가 있지만 방향이 거꾸로입니다."
          : "데이터로는 어느 쪽으로도 근거가 없습니다.",
    verdictWord: (d) =>
      `결론: ${d === "supports" ? "주장이 지지됨" : d === "contradicts" ? "주장과 반대" : "판단할 근거 없음"}. `,
    satisfactionCaption: "만족도 점수: 잔류 고객 대 이탈 고객",
    complaintCaption: "불만 제기와 이탈: 2 × 2 표",
    recencyCaption: "마지막 주문 후 경과일: 잔류 고객 대 이탈 고객",
    testsHeaders: ["검정 또는 효과 크기", "값", "자유도", "p", "비고"],
    groupsCaption: "비교한 그룹(빈 값 제외)",
    meanHeaders: (column) => ["그룹", "n", `${column} 평균`, "평균의 95% 신뢰구간", "표준편차"],
    rateHeaders: (column) => [column, "고객 수", "이탈 고객", "이탈률", "95% 신뢰구간(Wilson)"],
    cramerNote: "효과 크기(0 관련 없음, 1 완전한 관련), p는 보정하지 않은 χ² 기준",
    effectNote: (magnitude) => `효과 크기 ${magnitude}`,
    complainedMinusNot: (name) => `${name}(불만 제기 − 미제기)`,
    pointsCi: (interval) => `95% 신뢰구간 ${interval}(Newcombe)`,
    welchNote: "분산이 다르다고 가정, 가장 먼저 볼 검정",
    studentNote: "합동 분산",
    mannWhitneyNote: (method) =>
      `${method === "exact" ? "정확 검정" : method === "asymptotic" ? "점근 근사" : method}, 순위 기반이라 치우침과 이상값의 영향이 작음`,
    cramerScale: "0 관련 없음, 1 완전한 관련",
    rateDifferenceName: (label) => `이탈률 차이(${label})`,
    complaintGroup: "지난달 불만 제기",
    complaintChartTitle: (name) => `${name}: 불만 제기 여부별 이탈률`,
    distributionChartTitle: (name, column) => `${name}: 잔류 고객과 이탈 고객의 ${column} 분포와 그룹 평균`,
    columnRateChartTitle: (column) => `${column}별 이탈률(χ² 검정이 비교하는 그룹)`,
    columnDistributionChartTitle: (column) => `잔류 고객과 이탈 고객의 ${column} 분포(t-검정이 비교하는 그룹)`,
    explorerIntro:
      "열을 고르면 그에 맞는 검정이 실행됩니다. 값이 두 가지인 열(예: Complain)이나 범주형 열에는 카이제곱 검정과 " +
      "Cramér's V를 수준별 이탈률과 함께, 그 밖의 수치형 열에는 Welch·Student t-검정, Mann-Whitney U 검정, " +
      "Cohen's d를 두 그룹의 분포와 함께 보여 줍니다. CityTier(1~3)처럼 정수값이 몇 개뿐인 수치형 열은 수치로도, " +
      "수준별 이탈률을 보는 범주로도 검정할 수 있습니다.",
    columnLabel: "검정할 열",
    testAs: (column, levels) => `${column}(값 ${levels}개) 검정 방식`,
    asNumbers: "수치",
    asCategories: "범주",
    againstChurn: (column) => `${column}과 이탈`,
    columnIntro: (column, description, sentence) =>
      description === "" ? `**${column}**. ${sentence}` : `**${column}**: ${description}. ${sentence}`,
    untestable: (column, note) => `이 데이터로는 ${column}을 검정할 수 없습니다${note ? `(${note})` : ""}.`,
    numericSentence: (p) =>
      `이탈 고객의 평균 ${p.column}(${p.churned})은 잔류 고객(${p.stayed})보다 ` +
      `${p.higher === null ? "같았습니다" : p.higher ? "높았습니다" : "낮았습니다"}. Welch t = ${p.welch}: ` +
      (p.significant
        ? `이만큼 큰 차이는 우연으로는 거의 생기지 않습니다(유의수준 ${p.alpha * 100}%에서 유의)`
        : `우연으로도 설명할 수 있는 차이입니다(유의수준 ${p.alpha * 100}%에서 유의하지 않음)`) +
      `. Cohen's d(잔류 − 이탈) = ${p.d}(95% 신뢰구간 ${p.dInterval}), 효과 크기는 ${p.magnitude}입니다.`,
    categorySentence: (p) =>
      `이탈률은 ${p.column} ${p.hi}에서 ${p.hiRate}로 가장 높고, ${p.lo}에서 ${p.loRate}로 가장 낮습니다. ` +
      `${p.test} χ² = ${p.chi}: ` +
      (p.significant
        ? `유의수준 ${p.alpha * 100}%에서 이탈은 우연 이상으로 ${p.column}에 따라 달라집니다`
        : `유의수준 ${p.alpha * 100}%에서 이탈이 ${p.column}에 따라 달라진다는 근거는 없습니다`) +
      `. Cramér's V = ${p.v}.` +
      (p.difference
        ? ` 이탈률 차이(${p.difference.label})는 ${p.difference.value}(95% 신뢰구간 ${p.difference.interval})입니다.`
        : ""),
    manyTitle: "여러 열을 검정할 때.",
    holm: (columns, column, holm, unadjusted) =>
      `탐색 도구가 제공하는 ${columns}개 열 전체를 기준으로 하면 ${column}의 Holm 보정 p-값은 ${holm}입니다(보정 전 ${unadjusted}).`,
    family: (count, alpha, bar, changed) =>
      `위의 세 가설은 원래 분석이 미리 정해 둔 ${count}개 검정의 묶음입니다. 각각을 ${alpha}/${count} = ${bar} ` +
      "기준(Bonferroni)으로 보면 " +
      (changed.length === 0
        ? "모든 결론이 그대로 유지됩니다."
        : `${changed.join(", ")}에 대한 결론은 '판단할 근거 없음'으로 바뀝니다.`),
    buildSame: "브라우저에서 실행한 이 검정은 빌드 시점의 결과(hypotheses.json)와 같은 통계량과 p-값을 냅니다.",
    buildDiffers: (names) =>
      `브라우저의 결과가 빌드 시점의 hypotheses.json과 다른 가설: ${names}. 이 페이지는 브라우저에서 계산한 수치를 보여 줍니다.`,
  },
  charts: {
    group: (g) => (g === "stayed" ? "잔류" : "이탈"),
    groupTick: (group, n) => `${group}(n = ${n})`,
    shareTitle: "잔류 고객과 이탈 고객",
    shareItem: (group, n, share) => `${group}: 고객 ${n}명(${share})`,
    shareAxis: "고객 비율 →",
    noCustomersFor: (groupLabel) => `${groupLabel}에 해당하는 고객이 없습니다.`,
    rateDescription: (groupLabel, items, overall) =>
      `${groupLabel}별 이탈률과 95% 신뢰구간: ${items}${overall ? `. 전체 고객: ${overall}.` : "."}`,
    rateItem: (label, rate, interval, n) => `${label}: ${rate}(${interval}), n = ${n}`,
    rateAxis: (groupLabel) => `${groupLabel}별 이탈률(95% 신뢰구간) →`,
    allCustomers: (rate) => `전체 고객 ${rate}`,
    rateDotTitle: (label, churned, n, rate, interval) =>
      `${label}: ${n}명 중 ${churned}명 이탈, ${rate}(95% 신뢰구간 ${interval})`,
    noPairs: (x, y) => `${x}와 ${y}가 모두 있는 고객이 없습니다.`,
    pairTitle: (x, y) => `잔류 고객과 이탈 고객의 ${x} 대 ${y}`,
    pairDescription: (p) =>
      `잔류(n = ${p.nStayed})와 이탈(n = ${p.nChurned}) 두 패널입니다. 점 하나는 값의 쌍이고, 점의 면적은 그 쌍을 ` +
      `가진 고객이 그룹에서 차지하는 비율입니다. ${p.x} 평균: 잔류 ${p.meanX.stayed}, 이탈 ${p.meanX.churned}. ` +
      `${p.y} 평균: 잔류 ${p.meanY.stayed}, 이탈 ${p.meanY.churned}. 두 열 중 하나라도 빈 고객 ${p.blank}명은 제외했습니다.`,
    groupShare: "그룹 내 비율",
    pairDotTitle: (group, count, share, x, xValue, y, yValue) =>
      `${group}: ${x} ${xValue}, ${y} ${yValue}인 고객 ${count}명(${share})`,
    mean: "평균",
    noValues: (column) => `${column}에 표시할 값이 없습니다.`,
    distributionTitle: (column) => `잔류 고객과 이탈 고객의 ${column} 분포`,
    distributionDescription: (histogram, column, parts, blanks) =>
      `${column}의 ${histogram ? "히스토그램" : "막대그래프"}, 그룹 내 비율: ${parts}` +
      (blanks ? `. 빈 값 ${blanks}개는 그리지 않았습니다.` : "."),
    groupShareAxis: "↑ 그룹 내 비율",
    barTitle: (group, label, count, share) => `${group}: ${label}, 고객 ${count}명(그룹의 ${share})`,
    meanLabel: (mean) => `평균 ${mean}`,
  },
  eda: {
    // The Kaggle columns' meanings; a column the report does not know keeps the meaning its file gave.
    columnMeaning: (column, english) => COLUMN_MEANINGS[column] ?? english,
    complained: "불만 제기",
    noComplaint: "불만 없음",
    intro:
      "원래 분석이 데이터를 살펴본 여섯 가지 관점을 각각이 뒷받침하는 문장 아래에 보여 주고, 이어서 열 하나만으로 " +
      "이탈을 얼마나 잘 가르는지에 따른 열 순위와 모든 열을 살펴볼 수 있는 탐색 도구를 제공합니다. 본문의 모든 " +
      "수치는 정제된 데이터로 브라우저에서 직접 계산하므로, 어떤 데이터로 빌드하든 그대로 맞습니다.",
    rowsNote: (description) =>
      `${description} 빈 셀은 해당 열의 관점에서만 제외합니다(한 열이 비어 있다고 다른 관점에서 고객이 빠지지는 ` +
      "않습니다). 빈 셀이 있는 열은 그 개수와, 필요한 경우 빈 셀 고객의 이탈률을 함께 적었습니다.",
    shareSentence: (p) =>
      `${p.distinct ? "중복을 제거한 고객" : "전체 행"} ${p.rows}${p.distinct ? "명" : "개"} 중 ${p.churned}명이 이탈했습니다: ` +
      `${p.rate}(95% 신뢰구간 ${p.interval}). 나머지 ${p.stayed}명은 남았으므로, 항상 '잔류'라고 답하는 모델도 ` +
      `이미 ${p.always}는 맞힙니다.`,
    rateBy: (p) => {
      if (p.shape === "tooFew") return `이탈률을 비교할 만큼 고객이 있는 ${p.noun} 그룹이 충분하지 않습니다.`;
      if (p.shape === "same") return `${p.noun}의 모든 그룹에서 이탈률이 ${p.hi.rate}로 같습니다.`;
      const head =
        p.shape === "rises"
          ? `${p.noun}이(가) 높을수록 이탈률이 올라갑니다: ${p.first.name} ${p.first.rate}에서 ${p.last.name} ${p.last.rate}까지`
          : p.shape === "falls"
            ? `${p.noun}이(가) 높을수록 이탈률이 내려갑니다: ${p.first.name} ${p.first.rate}에서 ${p.last.name} ${p.last.rate}까지`
            : p.shape === "broadlyRises"
              ? `단계마다 그렇지는 않지만 ${p.noun}이(가) 높을수록 대체로 이탈률이 올라갑니다. 가장 낮은 곳은 ${p.lo.name} ${p.lo.rate}, 가장 높은 곳은 ${p.hi.name} ${p.hi.rate}입니다`
              : p.shape === "broadlyFalls"
                ? `단계마다 그렇지는 않지만 ${p.noun}이(가) 높을수록 대체로 이탈률이 내려갑니다. 가장 높은 곳은 ${p.hi.name} ${p.hi.rate}, 가장 낮은 곳은 ${p.lo.name} ${p.lo.rate}입니다`
                : p.shape === "mixed"
                  ? `이탈률은 ${p.noun}에 따라 한 방향으로 움직이지 않습니다. ${p.hi.name}에서 ${p.hi.rate}로 가장 높고, ${p.lo.name}에서 ${p.lo.rate}로 가장 낮습니다`
                  : `${p.noun} 중 이탈률은 ${p.hi.name}에서 ${p.hi.rate}로 가장 높고, ${p.lo.name}에서 ${p.lo.rate}로 가장 낮습니다`;
      const tail = p.overlap
        ? ". 가장 높은 그룹과 가장 낮은 그룹의 95% 신뢰구간이 겹치므로, 이 차이조차 우연일 수 있습니다."
        : ". 가장 높은 그룹과 가장 낮은 그룹의 95% 신뢰구간은 겹치지 않습니다.";
      return head + tail + (p.blank ? ` ${p.column}이(가) 빈 고객의 이탈률은 ${p.blank}입니다.` : "");
    },
    satisfactionNoun: "만족도 점수",
    satisfactionNote: "점선은 전체 고객의 이탈률이고, 각 막대는 95% 신뢰구간, n은 그룹의 크기입니다.",
    satisfactionGroup: "만족도 점수",
    satisfactionChart: "만족도 점수별 이탈률",
    tierNoun: "도시 등급",
    tier: (level) => `${level}등급`,
    tierGroup: "도시 등급",
    tierChart: "도시 등급별 이탈률",
    pairs: (p) =>
      `두 값이 모두 있는 고객 ${p.n}명 가운데 이탈 고객은 앱에서 평균 ${p.churnedHours}시간을 보내고 지난달 ` +
      `${p.churnedOrders}회 주문했습니다. 잔류 고객은 ${p.stayedHours}시간, ${p.stayedOrders}회였습니다. 단독으로 보면 ` +
      `앱 사용 시간은 ${p.strengthX}, 주문 횟수는 ${p.strengthY}의 강도로 두 그룹을 가릅니다(0은 전혀 못 가름, 1은 완벽하게 가름).`,
    pairNote:
      "점 하나는 두 값의 조합 하나이며, 점의 면적은 그 조합을 가진 고객이 그룹에서 차지하는 비율입니다. 그래서 " +
      "규모가 작은 이탈 그룹도 큰 잔류 그룹과 비교할 수 있습니다. X 표시는 각 그룹의 평균입니다.",
    pairBlank: (n) => `HourSpendOnApp이나 OrderCount가 빈 고객 ${n}명은 이 관점에서 빠졌습니다.`,
    complaint: (p) =>
      !p.comparable
        ? "데이터에 불만을 제기한 고객과 그렇지 않은 고객이 모두 있지 않아 두 그룹을 비교할 수 없습니다."
        : `불만을 제기한 고객은 그렇지 않은 고객보다 ${p.sign === 0 ? "비슷한 비율로" : p.sign > 0 ? "더 많이" : "더 적게"} ` +
          `이탈했습니다: ${p.with} 대 ${p.without}. 차이는 ${p.difference}(95% 신뢰구간 ${p.interval})이며, ` +
          `${p.excludesZero ? "신뢰구간에 0(차이 없음)이 포함되지 않습니다" : "신뢰구간에 0(차이 없음)이 포함됩니다"}.`,
    complaintChart: "불만 제기 여부별 이탈률",
    growth: (p) => {
      const where =
        p.where === "none"
          ? "비교할 수 없습니다"
          : p.where === "overlap"
            ? "대부분 겹칩니다"
            : p.where === "higher"
              ? "다릅니다. 이탈 고객 쪽이 더 높습니다"
              : "다릅니다. 이탈 고객 쪽이 더 낮습니다";
      return (
        `이탈 고객의 주문 금액 증가율(중앙값 ${p.churned.median}, 중간 50% ${p.churned.q1}~${p.churned.q3}, n = ${p.churned.n})과 ` +
        `잔류 고객의 증가율(중앙값 ${p.stayed.median}, 중간 50% ${p.stayed.q1}~${p.stayed.q3}, n = ${p.stayed.n})은 ${where}` +
        `(아래 0~1 척도로 이탈 신호 ${p.strength}).` +
        (p.blank
          ? ` 이 값이 빈 고객 ${p.blank.n}명(작년 구매 없음, 차트에서는 제외)의 이탈률은 ${p.blank.rate}입니다.`
          : "")
      );
    },
    growthNote: "사분위수만이 아니라 각 그룹의 분포 전체를 그렸습니다. 점선은 그룹 평균입니다.",
    growthChart: "잔류 고객과 이탈 고객의 작년 대비 주문 금액 증가율",
    ranking: (p) => {
      const describe = (r: { column: string; strength: string; direction: string }): string =>
        `${r.column}(${r.strength}, ${r.direction.replace(/ \(([^()]*)\)$/, " $1")})`;
      const [top, ...rest] = p.top;
      return (
        `단독으로 이탈을 가장 크게 가르는 열은 ${describe(top)}입니다` +
        (rest.length > 0 ? `. 그다음은 ${rest.map(describe).join(", ")}입니다` : "") +
        (p.last ? `. 가장 약한 열은 ${p.last.column}(${p.last.strength})입니다.` : ".")
      );
    },
    direction: (text) =>
      text === "no difference"
        ? "차이 없음"
        : text === "higher values, more churn"
          ? "값이 클수록 이탈 많음"
          : text === "lower values, more churn"
            ? "값이 작을수록 이탈 많음"
            : text === "no data"
              ? "데이터 없음"
              : text.replace(/^most churn: (.*)$/, "이탈 최다: $1"),
    noRanking: "이 데이터로는 순위를 매길 수 있는 열이 없습니다.",
    rankingNote:
      "신호 강도는 |2 AUC − 1|이며, AUC는 해당 열 하나만 이탈 점수로 썼을 때의 ROC-AUC입니다. 0은 두 그룹을 전혀 " +
      "가르지 못한다는 뜻이고 1은 완벽하게 가른다는 뜻입니다(모델 페이지의 ROC-AUC와 같은 척도). 순위 기반이라 " +
      "치우친 열이나 극단값 몇 개에 흔들리지 않지만, 올라갔다 내려가는 관계는 낮게 나올 수 있습니다. 모양은 아래 " +
      "탐색 도구에서 확인하세요. 범주형 열은 수준별 이탈률로 점수를 매깁니다. 막대에 마우스를 올리면 검정의 p-값" +
      "(여러 열을 검정한 데 따른 보정 전 값, 가설 검정 페이지 참고)과 Cramér's V가 보입니다.",
    rankingTitle: "열 하나만으로 이탈 고객과 잔류 고객을 얼마나 잘 가르는지에 따른 열 순위",
    rankingDescription: (items) => `각 열을 단독 이탈 점수로 썼을 때의 강도 |2 AUC − 1|(0 없음, 1 완벽): ${items}.`,
    rankingAxis: "열 단독의 이탈 신호, |2 AUC − 1| →",
    rankingBarTitle: (p) =>
      `${p.column}: 강도 ${p.strength}(ROC-AUC ${p.auc}), ${p.direction}, ${p.test} p = ${p.p}, ` +
      `차트 구간 기준 Cramér's V ${p.v}, n = ${p.n}`,
    columnLabel: "열",
    explorerNote: (missingPolicy, histogram) =>
      `${missingPolicy} ${
        histogram
          ? "수치 범위는 히스토그램으로 보여 주며, 99번째 백분위수를 넘는 값은 맨 위의 열린 구간(“≥”) 하나에 모았습니다."
          : "값이나 수준마다 막대가 하나씩 있습니다."
      } 분포는 각 그룹 안의 비율이므로, 작은 이탈 그룹과 큰 잔류 그룹의 모양을 비교할 수 있습니다.`,
    rateChartTitle: (column) => `${column}별 이탈률`,
    rateMissing: (column, blanks) =>
      blanks === null
        ? `${column}에는 빈 값이 없습니다.`
        : `${column}이(가) 빈 고객 ${blanks}명은 다른 그룹에 나누어 넣지 않고 별도 그룹으로 보여 줍니다.`,
  },
  segments: koSegments,
  anyTable: koAnyTable,
  models: koModels,
  unlabelled: koUnlabelled,
};
