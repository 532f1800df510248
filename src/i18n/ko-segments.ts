// 한국어: the Segments page (keys as in segments-strings.ts). Written from the artifact's numbers and structure,
// never from the pipeline's English sentences: cluster names from their levels, what M is and why each column
// was chosen from segments.json's axes.
import type { Level } from "../lib/segments/types.js";
import type { RiskValueQuadrant } from "../lib/segments/value.js";
import type { Axes, AxisReason, AxisRole, SegmentsStrings } from "./segments-strings.js";

const ROLE_NAMES: Record<AxisRole, string> = { recency: "최근성(R)", frequency: "빈도(F)", monetary: "금액(M)" };

/** Level words for the Kaggle preset's axes, for a column playing a role, and for a stand-in column. */
const PRESET_WORDS: Record<AxisRole, Record<Level, string>> = {
  recency: { low: "최근 구매", mid: "구매 주기 둔화", high: "장기 미구매" },
  frequency: { low: "주문 적음", mid: "주문 보통", high: "주문 잦음" },
  monetary: { low: "캐시백 낮음", mid: "캐시백 보통", high: "캐시백 높음" },
};
const ROLE_WORDS: Record<AxisRole, Record<Level, string>> = {
  recency: { low: "최근 활동", mid: "활동 둔화", high: "장기 비활동" },
  frequency: { low: "빈도 낮음", mid: "빈도 보통", high: "빈도 높음" },
  monetary: { low: "가치 낮음", mid: "가치 보통", high: "가치 높음" },
};
const LEVEL_SUFFIX: Record<Level, string> = { low: "낮음", mid: "보통", high: "높음" };

/** What each axis counts, to tell namesakes apart ("경과일 짧은 쪽", "주문 수 3개 중 2번째"). */
const PRESET_COUNTING: Record<AxisRole, readonly [string, string, string]> = {
  recency: ["경과일", "짧은 쪽", "긴 쪽"],
  frequency: ["주문 수", "적은 쪽", "많은 쪽"],
  monetary: ["캐시백", "적은 쪽", "많은 쪽"],
};
const ROLE_COUNTING: Record<AxisRole, readonly [string, string, string]> = {
  recency: ["경과 기간", "짧은 쪽", "긴 쪽"],
  frequency: ["빈도", "낮은 쪽", "높은 쪽"],
  monetary: ["가치", "낮은 쪽", "높은 쪽"],
};

const RFM_SEGMENTS: Record<string, string> = {
  Champions: "최우수 고객",
  Loyal: "충성 고객",
  "Potential Loyalists": "잠재 충성 고객",
  "New Customers": "신규 고객",
  Promising: "유망 고객",
  "Need Attention": "관심 필요",
  "About to Sleep": "휴면 직전",
  "At Risk": "이탈 위험",
  "Can't Lose Them": "놓치면 안 될 고객",
  Hibernating: "휴면 고객",
  Lost: "이탈 고객",
};

const QUADRANTS: Record<RiskValueQuadrant, string> = {
  "High risk, high value": "고위험·고가치",
  "High risk, low value": "고위험·저가치",
  "Low risk, high value": "저위험·고가치",
  "Low risk, low value": "저위험·저가치",
};

const LEVELS: Record<Level, string> = { low: "낮음", mid: "중간", high: "높음" };

/**
 * The particle after a number as Korean reads it (0 영, 1 일, 2 이, …): 는/를 after the vowel-final readings
 * of 2, 4, 5 and 9, 은/을 after every other last digit (and after 10, 100, 1000: 십, 백, 천).
 */
const vowelFinal = (n: number): boolean => [2, 4, 5, 9].includes(Math.abs(n) % 10);
const topic = (n: number): string => `${n}${vowelFinal(n) ? "는" : "은"}`;
const object = (n: number): string => `${n}${vowelFinal(n) ? "를" : "을"}`;

const column = (axes: Axes, role: AxisRole): string =>
  role === "recency" ? axes.r : role === "frequency" ? axes.f : axes.m;

/** How M reads in a sentence: "캐시백" on the Kaggle data, the column's own name elsewhere. */
const mWord = (axes: Axes): string => (axes.preset ? "캐시백" : axes.m);

function reason(r: AxisReason): string {
  const role = ROLE_NAMES[r.role];
  if (r.source === "role") return `${r.column}: 설정에서 지정한 ${role} 열`;
  if (r.source === "name") return `${r.column}: 열 이름이 ${role}에 해당`;
  return (
    `${r.column}: ${role}에 해당하는 열이 없어, 남은 숫자 열 가운데 이탈과 가장 관련이 큰 열` +
    (r.auc ? `(학습 데이터에서 이 열 하나로 ROC-AUC ${r.auc})` : "")
  );
}

export const koSegments: SegmentsStrings = {
  page: {
    title: "세그먼트와 페르소나",
    headings: {
      main: "세그먼트와 페르소나",
      k: "그룹을 몇 개로 나눌까",
      who: "그룹별 고객 구성",
      churn: "그룹별 이탈률과 예측 위험",
      rfm: "전통적인 RFM 세그먼트와의 비교",
      offer: "어느 그룹에 리텐션 혜택을 줄 만한가",
      personas: "페르소나",
    },
  },
  intro:
    "고객은 어떤 그룹으로 나뉘고, 그중 어느 그룹에 리텐션 혜택을 제안할 가치가 있으며, 그룹마다 무엇을 해야 할까요? " +
    "이 페이지는 고객을 얼마나 최근에, 얼마나 자주, 얼마나 많이 구매했는지(RFM)로 묶고, 그룹마다 두드러지는 특징을 " +
    "보여 준 뒤, 직접 정한 가정 아래에서 혜택의 기대 가치로 그룹의 순위를 매기고, 마지막으로 그룹별 페르소나 카드를 제시합니다.",
  grouped: ({ customers, k, axes }) =>
    axes.preset
      ? `파이프라인은 중복을 제거한 고객 ${customers}명을 표준화한 세 열에 k-평균 군집을 적용해 ${k}개 그룹으로 ` +
        `나눴습니다. **R** = ${axes.r}(마지막 주문 후 경과일), **F** = ${axes.f}(지난달 주문 수), **M** = ${axes.m}입니다.`
      : `파이프라인은 중복을 제거한 고객 ${customers}명을 이 테이블의 표준화한 세 열에 k-평균 군집을 적용해 ${k}개 ` +
        `그룹으로 나눴습니다. **R** = ${axes.r}, **F** = ${axes.f}, **M** = ${axes.m}입니다.`,
  axesWhy: (reasons) =>
    `이 열을 고른 이유: ${reasons.map(reason).join("; ")}. 나머지 열은 그룹을 만든 뒤 그룹을 설명하는 데만 씁니다.`,
  churnRange: (p) =>
    `이탈률은 그룹 ${p.safest}의 ${p.safestRate}부터 그룹 ${p.riskiest}의 ${p.riskiestRate}까지이며, ` +
    `전체 고객의 이탈률은 ${p.base}입니다.`,
  noteTitle: (axes) => (axes.preset ? "M은 매출이 아니라 캐시백입니다. " : "M이 뜻하는 것: "),
  monetaryNote: ({ axes, reasons }) => {
    if (axes.preset) {
      return (
        "이 데이터에는 매출이나 지출 열이 없습니다. M은 유일한 금액 열인 CashbackAmount(지난달 평균 캐시백)로, " +
        "고객의 실제 지출이 아니라 가치를 가늠하는 대리 지표입니다."
      );
    }
    const m = reasons.find((r) => r.role === "monetary");
    if (!m || m.source === "role") return `M은 설정에 따라 ${axes.m} 열입니다.`;
    if (m.source === "name") return `M은 ${axes.m} 열입니다. 열 이름이 금액을 가리켜 M으로 썼습니다.`;
    return (
      `M은 ${axes.m} 열입니다. 금액에 해당하는 열이 없어, 남은 숫자 열 가운데 이탈과 가장 관련이 큰 열을 대신 썼습니다` +
      (m.auc ? `(학습 데이터에서 이 열 하나로 ROC-AUC ${m.auc}).` : ".")
    );
  },
  noteRest: ({ axes, seed, restarts }) =>
    ` 그룹은 ${axes.preset ? "R, F, M" : `${axes.r}, ${axes.f}, ${axes.m}`}만으로 만들었습니다(시드 ${seed}, ` +
    `${restarts}번 재시작 중 최선). 다른 열은 그룹을 만든 뒤 설명에만 쓰고, 그룹을 나누는 데는 쓰지 않았습니다.`,

  kChosen: (k, range) => `이 보고서는 k = ${range} 가운데 k = ${k}, 즉 ${k}개 그룹을 씁니다.`,
  kSummary: (range) => `그룹 수를 고른 방법(k = ${range})`,
  kRange: (first, last) => `${first}~${last}`,
  kSelection: (p) =>
    `k를 ${p.range}로 바꿔 가며 보면, 평균 실루엣 폭(고객이 다음으로 가까운 그룹보다 자기 그룹에 얼마나 더 가까운지; ` +
    `1이면 완벽, 0이면 경계)은 k = ${p.k}에서 ${p.silhouette ?? "정의되지 않음"}` +
    (p.best
      ? `이고, 가장 높은 값은 k = ${p.best.k}의 ${p.best.silhouette}입니다.`
      : "으로, 이 범위에서 가장 높습니다.") +
    (p.cut ? ` 그룹을 ${p.cut.from}개에서 ${p.k}개로 늘려도 그룹 내 흩어짐이 ${p.cut.share} 더 줄어듭니다.` : "") +
    (p.sample
      ? ` 고객이 많아 k 범위는 시드를 고정한 표본 ${p.sample.rows}명(전체 ${p.sample.of}명)으로 시험했고, ${p.k}개 그룹 자체는 표본에서 가장 좋았던 시작점에서 출발해 전체 고객으로 적합했습니다.`
      : ""),
  kContinuum:
    "어떤 값도 그룹이 뚜렷하게 갈린다고 말해 주지는 않습니다. RFM 데이터는 연속적으로 이어져 있고, 그룹은 " +
    "그것을 편의상 나눈 것일 뿐 본래부터 있는 유형이 아닙니다.",

  whoIntro: ({ id, size, share, axes }) =>
    `가장 큰 그룹은 그룹 ${id}(고객 ${size}명, ${share})입니다. ` +
    (axes.preset
      ? "아래 점 하나가 고객 한 명으로, 가로는 마지막 주문 후 경과일, 세로는 캐시백이며 점 크기는 지난달 주문 수입니다. " +
        "번호가 붙은 원은 그룹 중심입니다. 여기서 겹쳐 보이는 그룹은 점 크기(F)가 다릅니다. 그룹별 패널로 보면 " +
        "그룹마다 나머지 고객과 비교할 수 있습니다."
      : `아래 점 하나가 고객 한 명으로, 가로는 ${axes.r}, 세로는 ${axes.m}이며 점 크기는 ${axes.f}입니다. ` +
        "번호가 붙은 원은 그룹 중심입니다. 여기서 겹쳐 보이는 그룹은 점 크기(F)가 다릅니다. 그룹별 패널로 보면 " +
        "그룹마다 나머지 고객과 비교할 수 있습니다."),
  pointsSample: ({ of, shown }) =>
    ` 고객이 ${of}명이라 한 명에 점 하나씩은 보내기에도 그리기에도 너무 많습니다. 점은 시드를 고정해 이탈 고객 비율을 그대로 둔 표본 ${shown}명이며, 크기와 중심, 이 페이지의 모든 수치는 전체 고객으로 계산했습니다.`,
  scatterLabel: "보기",
  scatterAll: "모든 그룹을 한 차트에",
  scatterFacet: "그룹별 패널",
  heatmapIntro: (axes) =>
    "아래 격자는 그룹별 평균을 전체 고객과 비교합니다. 파란색은 전체의 하위 3분의 1, 주황색은 상위 3분의 1" +
    (axes.preset
      ? "(R에서 주황색은 마지막 주문이 *더 오래전*이라는 뜻)"
      : `(R에서 주황색은 ${axes.r} 값이 더 크다는 뜻)`) +
    ", 회색은 그 사이입니다.",

  churnIntro: (p) =>
    `고객을 가장 많이 잃는 그룹은 그룹 ${p.id}로, 이탈률 ${p.rate}(95% 구간 ${p.low}~${p.high})이며 전체는 ${p.base}입니다. ` +
    `구간 전체가 전체 이탈률보다 높은 그룹: ${p.above}. 구간 전체가 낮은 그룹: ${p.below}.`,
  groupItem: (id, rate) => `그룹 ${id}(${rate})`,
  none: "없음",
  list: (items) => items.join(", "),
  predictedGap: (p) =>
    `관측 이탈률 옆에 이탈 모델의 교차 검증(out-of-fold) 평균 예측 확률을 함께 표시했습니다. 차이가 가장 큰 그룹은 그룹 ${p.id}로, 예측 ${p.predicted}, 관측 ${p.observed}입니다.`,
  noPredicted:
    "이 보고서를 만들 때 모델의 예측 확률이 없어 관측 이탈률만 표시합니다. 모델 단계가 교차 검증 예측 확률을 내면 여기에 예측 위험도 나타납니다.",

  rfmIntro: (dominant) =>
    `흔히 쓰는 1~5점 RFM 점수(전체 고객의 5분위)로 이름 붙인 세그먼트는 k-평균 그룹을 가로지릅니다. ${dominant}.`,
  rfmDominant: (id, segment, share) => `그룹 ${topic(id)} 대부분 ${segment}(${share})`,
  rfmExtremes: ({ worst, best }) =>
    `고객이 30명 이상인 세그먼트 가운데 이탈률이 가장 높은 곳은 ${worst ?? "없음"}, 가장 낮은 곳은 ${best ?? "없음"}입니다. ` +
    "세그먼트 이름은 이탈이 아니라 구매 행동을 묘사한 것이어서, 이 데이터에서는 이름이 암시하는 방향과 늘 맞지는 않습니다.",
  rfmSegmentRate: (segment, rate) => `${segment}(${rate})`,
  rfmEmptyF: (scores) => `주문 수가 같은 고객이 워낙 많아 F 점수 ${scores.join(" 또는 ")}점을 받은 고객이 없습니다.`,
  rfmSegment: (name) => RFM_SEGMENTS[name] ?? name,

  offerIntro: (axes) =>
    "혜택은 받는 고객 모두에게 비용이 들지만, 효과는 그 혜택으로 붙잡은 이탈 고객에게서만 나옵니다. 고객 한 명당 기대 가치는 " +
    `p(이탈) × 가치 × p(혜택으로 잔류) − 비용이며, 가치 = ${mWord(axes)} × 아래 배수이고, 그룹 고객의 평균을 냅니다.`,
  offerPredicted: "p(이탈)은 이탈 모델이 고객마다 낸 교차 검증 예측 확률입니다.",
  offerObserved:
    "여기서 p(이탈)은 그룹의 관측 이탈률입니다. 보고서를 만들 때 모델 단계의 예측 확률이 없었기 때문입니다. 관측 이탈률에 따른 순위는 이미 떠났거나 남은 고객을 돌아본 것이고, 예측 확률을 쓰면 앞으로의 위험으로 순위를 매깁니다.",
  assumptionsTitle: "이것은 추정치가 아니라 가정입니다. ",
  assumptionsBody: (axes) =>
    `혜택이 고객을 얼마나 자주 붙잡는지, 비용이 얼마인지, ${mWord(axes)} 1단위가 얼마의 가치인지는 데이터에 없습니다. 기본값은 바꿔 보라고 넣은 어림값입니다. 값을 움직이면 아래 순위가 다시 계산됩니다.`,
  pSaveLabel: "p(혜택으로 이탈 고객 잔류)",
  offerCostLabel: "고객당 혜택 비용",
  valueLabel: (axes) => `${mWord(axes)} 1단위당 가치`,
  topOffer: (p) =>
    `이 가정에서는 그룹 ${p.id}의 모든 고객에게 혜택을 줄 때 가치가 가장 큽니다. 합계 ${p.total}, 고객당 ${p.perCustomer}입니다.`,
  noPaying:
    "평균적으로 혜택 비용을 회수하는 그룹이 없습니다. 이 비용이라면 그룹 전체가 아니라 고객 개개인을 겨냥하거나 비용을 낮추세요.",
  paying: (count, total, groups) =>
    `${total}개 그룹 중 ${count}개 그룹이 평균적으로 혜택 비용을 회수합니다(${groups}).`,
  group: (id) => `그룹 ${id}`,
  riskValue: ({ riskCut, valueCut, hiHi, axes }) =>
    "위험 × 가치 차트는 각 그룹을 p(이탈)과 가치 대리 지표에 놓고, 고객 수로 가중한 평균" +
    `(${riskCut}, ${valueCut})에서 나눕니다. 고위험·고가치: ${hiHi}. ${mWord(axes)} 1단위당 가치를 바꾸면 모든 그룹과 ` +
    "기준선이 함께 움직이므로 사분면은 이 가정에 좌우되지 않습니다. 반면 위의 순위는 달라집니다. 혜택 비용은 함께 변하지 않기 때문입니다.",
  noGroup: "해당 그룹 없음",

  personasUnreadable: "페르소나 카드를 읽을 수 없습니다.",
  personasInvalid: (why) => `personas 파일이 올바르지 않습니다: ${why}`,
  personasIntro: ({ generator, fellBack }) =>
    `카드는 그룹마다 한 장이며, ${generator} 썼습니다` +
    (fellBack > 0 ? `. 그중 ${fellBack}장은 규칙으로 대신 썼고, 카드마다 그 이유를 적었습니다` : "") +
    ". 카드마다 글의 출처를 밝힙니다. 이름 아래 수치는 세그먼트 데이터에서 계산한 것이고, 본문은 그 수치를 인용합니다. " +
    "카드의 우선순위는 이탈이 전체보다 얼마나 높은지, 그룹이 전체 이탈 고객을 얼마나 차지하는지에 대한 작성자의 판단이며, " +
    "위의 혜택 순위는 직접 정한 가정에 따른 계산이라 둘은 다를 수 있습니다.",
  generatorRules: () => "규칙으로(빌드할 때 Gemini 키가 없었음)",
  generatorGemini: (model) => `빌드할 때 Gemini(${model})로`,

  clusterLabel: (id, name) => (name ? `그룹 ${id} · ${name}` : `그룹 ${id}`),
  clusterName: ({ axes, levels, standIn, qualifier }) => {
    const roles: AxisRole[] = ["recency", "frequency", "monetary"];
    const word = (role: AxisRole): string =>
      standIn[role]
        ? `${column(axes, role)} ${LEVEL_SUFFIX[levels[role]]}`
        : (axes.preset ? PRESET_WORDS : ROLE_WORDS)[role][levels[role]];
    const name = roles.map(word).join("·");
    if (!qualifier) return name;
    const [counting, less, more] = standIn[qualifier.role]
      ? [column(axes, qualifier.role), "낮은 쪽", "높은 쪽"]
      : (axes.preset ? PRESET_COUNTING : ROLE_COUNTING)[qualifier.role];
    const q =
      qualifier.of === 2
        ? `${counting} ${qualifier.rank === 0 ? less : more}`
        : `${counting} ${qualifier.of}개 중 ${qualifier.rank + 1}번째`;
    return `${name}(${q})`;
  },
  missing: "없음",

  charts: {
    kAxis: "군집 수 k",
    inertiaLabel: "군집 내 제곱합(표준화 단위)",
    silhouetteLabel: "평균 실루엣 폭",
    inertiaTitle: "군집 수별 관성(엘보) 차트",
    silhouetteTitle: "군집 수별 실루엣 차트",
    kDescription: (label, ks, items, k) => `k = ${ks}에서의 ${label}: ${items}. 보고서는 k = ${object(k)} 씁니다.`,
    kItem: (k, value) => `k ${k}: ${value}`,
    kMark: (k) => `k = ${k}`,

    scatterTitle: (axes, facet) =>
      axes.preset
        ? facet
          ? "최근성과 캐시백에 따른 고객 분포, 군집별 패널, 점 크기는 주문 수"
          : "최근성과 캐시백에 따른 고객 분포, 색은 군집, 점 크기는 주문 수"
        : facet
          ? `${axes.r}와 ${axes.m}에 따른 고객 분포, 군집별 패널, 점 크기는 ${axes.f}`
          : `${axes.r}와 ${axes.m}에 따른 고객 분포, 색은 군집, 점 크기는 ${axes.f}`,
    scatterDescription: ({ axes, shown, of, facet, centres }) =>
      (of ? `시드를 고정한 표본 고객 ${shown}명(전체 ${of}명)` : `고객 ${shown}명`) +
      (axes.preset
        ? ": 가로는 마지막 주문 후 경과일, 세로는 캐시백(M), 점 크기는 지난달 주문 수(F), 색은 군집"
        : `: 가로는 ${axes.r}(R), 세로는 ${axes.m}(M), 점 크기는 ${axes.f}(F), 색은 군집`) +
      (facet ? ", 군집마다 패널 하나이며 다른 고객은 회색. " : ". ") +
      centres +
      ".",
    scatterCentre: (axes, id, r, f, m) =>
      axes.preset
        ? `그룹 ${id} 중심: ${r}일, 주문 ${f}건, 캐시백 ${m}`
        : `그룹 ${id} 중심: ${axes.r} ${r}, ${axes.f} ${f}, ${axes.m} ${m}`,
    scatterX: (axes, jittered) =>
      axes.preset
        ? jittered
          ? "R: 마지막 주문 후 경과일(±0.35일 흔들림) →"
          : "R: 마지막 주문 후 경과일 →"
        : jittered
          ? `R: ${axes.r}(±0.35 흔들림) →`
          : `R: ${axes.r} →`,
    scatterY: (axes) => `↑ M: ${axes.m}`,
    scatterR: (axes) => (axes.preset ? "F: 지난달 주문 수" : `F: ${axes.f}`),
    tipCustomer: "고객",
    tipDays: "경과일",
    tipOrders: "주문 수",

    heatmapFeatures: (axes) =>
      axes.preset
        ? ["R: 마지막 주문 후 경과일", "F: 지난달 주문 수", "M: 캐시백", "이탈률"]
        : [`R: ${axes.r}`, `F: ${axes.f}`, `M: ${axes.m}`, "이탈률"],
    level: (level) => LEVELS[level],
    levelLegend: "전체 고객 대비 수준",
    heatmapTitle: (axes) =>
      axes.preset
        ? "군집 프로필: 군집별 평균 경과일, 주문 수, 캐시백과 이탈률"
        : `군집 프로필: 군집별 평균 ${axes.r}, ${axes.f}, ${axes.m}와 이탈률`,
    heatmapDescription: (cells, base) => `${cells}. ${base}.`,
    heatmapCell: (cluster, feature, text, level) => `${cluster}, ${feature}: ${text}(${level})`,
    heatmapBase: (axes, r, f, m, churn) =>
      axes.preset
        ? `전체 고객: ${r}일, 주문 ${f}건, 캐시백 ${m}, 이탈률 ${churn}`
        : `전체 고객: ${axes.r} ${r}, ${axes.f} ${f}, ${axes.m} ${m}, 이탈률 ${churn}`,

    churnTitle: (predicted) => (predicted ? "군집별 관측 이탈률과 평균 예측 위험" : "군집별 관측 이탈률"),
    churnItem: (label, rate, low, high, predicted) =>
      `${label}: 이탈률 ${rate}(95% 구간 ${low}~${high})` + (predicted === null ? "" : `, 평균 예측 ${predicted}`),
    churnBase: (rate) => `전체 고객: ${rate}.`,
    churnCaption: (predicted) =>
      predicted
        ? "점: 관측 이탈률과 95% Wilson 구간. 마름모: 교차 검증 평균 예측 확률. 점선: 전체 고객."
        : "점: 관측 이탈률과 95% Wilson 구간. 점선: 전체 고객. 이 빌드에는 모델 예측 확률이 없습니다.",
    churnAxis: "이탈률 →",

    allGroups: "전체 그룹",
    rfmTitle: "전통적인 RFM 세그먼트와 k-평균 군집 비교",
    rfmGroupItem: (group, parts) => `${group}: ${parts}`,
    rfmNone: "없음",
    rfmTotals: (items) => `. 세그먼트별 전체 고객(고객 수 · 이탈률): ${items}.`,
    rfmCaption:
      "칸: 두 분류에 모두 속한 고객 수, 색의 진하기 = 그룹 내 비중. 마지막 열: 모든 그룹을 합친 세그먼트의 크기와 이탈률.",

    riskValueTitle: "군집별 위험과 가치 비교",
    quadrant: (q) => QUADRANTS[q],
    riskWord: (predicted) => (predicted ? "평균 예측 이탈 확률" : "관측 이탈률"),
    riskValueDescription: (p) =>
      `각 그룹을 ${p.riskWord}(가로)과 가치 대리 지표, 평균 ${mWord(p.axes)} × ${p.multiplier}(세로)에 놓았습니다. 기준선은 고객 수로 가중한 평균 ${p.riskCut}와 ${p.valueCut}입니다. ` +
      p.items +
      ".",
    riskValueItem: (label, risk, value, quadrant) => `${label}: ${risk}, 가치 ${value}, ${quadrant}`,
    riskValueX: (riskWord) => `${riskWord} →`,
    riskValueY: (axes, multiplier) => `↑ 가치 대리 지표(${mWord(axes)} × ${multiplier})`,

    pays: "평균적으로 이익",
    costsMore: "비용이 효과보다 큼",
    priorityTitle: "군집 전체에 혜택을 줄 때의 기대 가치 순위",
    priorityItem: (rank, label, total, perCustomer) => `${rank}위 ${label}: 합계 ${total}(고객당 ${perCustomer})`,
    priorityAxis: "그룹 전체에 혜택을 줄 때의 기대 가치(금액 단위) →",
  },

  tables: {
    profileHeaders: (axes, predicted) => [
      "그룹",
      "고객 수",
      "비중",
      axes.preset ? "R: 경과일(평균 / 중앙값)" : `R: ${axes.r}(평균 / 중앙값)`,
      axes.preset ? "F: 주문 수(평균 / 중앙값)" : `F: ${axes.f}(평균 / 중앙값)`,
      axes.preset ? "M: 캐시백(평균 / 중앙값)" : `M: ${axes.m}(평균 / 중앙값)`,
      "이탈률(95% 구간)",
      ...(predicted ? ["평균 예측"] : []),
    ],
    wholeBase: "전체 고객",
    priorityHeaders: (predicted) => [
      "순위",
      "그룹",
      "고객 수",
      predicted ? "평균 예측 p(이탈)" : "관측 이탈률",
      "손익분기 p(이탈)",
      "고객당 기대 가치",
      "그룹 전체 기대 가치",
      "전원에게 제안?",
    ],
    never: (breakEven) => (breakEven === null ? "불가" : `${breakEven}(불가)`),
    yes: "예",
    no: "아니요",
  },

  cards: {
    badgeRules: "규칙",
    badgeBuild: "빌드 시 Gemini",
    badgeLive: "Gemini 실시간",
    sourceRules: () => "규칙",
    sourceBuild: (model) => `빌드할 때 Gemini(${model})`,
    sourceLive: (model) => `입력한 키로 실시간 Gemini(${model})`,
    endpointNotUrl: () => "엔드포인트가 URL이 아닙니다",
    endpointHttps: () => "엔드포인트는 https여야 합니다(http는 127.0.0.1이나 localhost에서만 허용)",
    endpointCredentials: () => "엔드포인트에 사용자 이름, 비밀번호, 쿼리, 프래그먼트를 넣을 수 없습니다",
    endpointPolicy: (sources, origin) =>
      `이 보고서의 Content-Security-Policy는 ${sources}에만 연결을 허용합니다. ` +
      `${origin}을(를) 쓰려면 GEMINI_BASE_URL을 그 주소로 설정해 보고서를 다시 빌드하세요`,
    factSegment: "세그먼트",
    factSegmentValue: (name, id) => `${name}(군집 ${id})`,
    factCustomers: "고객 수",
    factCustomersValue: (size, share, base) => `${size}명(전체 ${base}명 중 ${share})`,
    factChurn: "이탈률",
    factChurnValue: (rate, base) => `${rate}(전체 ${base})`,
    factPredicted: "예측",
    factPredictedValue: (rate) => `평균 확률 ${rate}`,
    factAxisValue: (axes, role, value, base) =>
      axes.preset
        ? role === "recency"
          ? `마지막 주문 후 ${value}일(전체 ${base})`
          : role === "frequency"
            ? `지난달 주문 ${value}건(전체 ${base})`
            : `캐시백 ${value}(전체 ${base})`
        : `${column(axes, role)} ${value}(전체 ${base})`,
    priority: (p) => `우선순위: ${p === "high" ? "높음" : p === "medium" ? "중간" : "낮음"}`,
    sourceLabel: "출처: ",
    model: (model) => ` · 모델 ${model}`,
    onYourKey: " · 입력한 키 사용",
    fallback: (why) => `이 카드는 Gemini에 요청했지만 실패해(${why}) 규칙으로 썼습니다.`,
    who: "어떤 고객인가",
    risk: "주요 위험",
    actions: "실행 방안",
    liveTitle: "내 키로 Gemini에 다시 쓰게 하기",
    keyLabel: "Gemini API 키 ",
    keyPlaceholder: "키를 붙여 넣으면 버튼이 켜집니다",
    keyNoteBefore:
      "키는 이 페이지의 메모리에만 머뭅니다. 저장하지 않고(쿠키도 로컬 저장소도 쓰지 않음), 페이지 주소에 넣지 않으며, 그룹의 집계 수치(고객별 행은 없음)와 함께 요청의 x-goog-api-key 헤더에 담아 ",
    keyNoteAfter: "에만 보냅니다. 페이지를 새로 고치면 키는 사라집니다.",
    advanced: "고급: 모델과 엔드포인트",
    modelLabel: "모델 ",
    endpointLabel: "엔드포인트 ",
    noEndpoint: "(올바른 엔드포인트 없음)",
    regenerateAll: "모든 카드 다시 쓰기",
    noCard: "personas 파일에 이 그룹의 카드가 없습니다.",
    regenerate: "Gemini 실시간으로 다시 쓰기",
    notSent: (why) => `보내지 않았습니다: ${why}. 위 내용은 그대로입니다.`,
    asking: "Gemini에 요청하는 중…",
    liveFailed: (message, source) => `Gemini 실시간 요청 실패: ${message}. 위 내용은 그대로입니다(${source}).`,
  },
};
