// 한국어: the rules writer's sentences (keys as in rules-words.ts), from the same decisions and figures as the
// English cards, worded as a Korean retention analyst would write them.
import { columnSpec } from "../data/schema.js";
import type { DistinctiveFeature, Level } from "../segments/types.js";
import { formatMean, formatPercent, isShareFeature, splitFeature } from "./format.js";
import type { RulesWords } from "./rules-words.js";

const VALUE_NAMES: Readonly<Record<Level, Readonly<Record<Level, string>>>> = {
  // [frequency][monetary]
  high: { high: "고가치 단골 고객", mid: "자주 사는 고객", low: "캐시백 적은 단골 고객" },
  mid: { high: "캐시백 많은 고객", mid: "일반 고객", low: "캐시백 적은 고객" },
  low: { high: "캐시백 많은 간헐 구매 고객", mid: "간헐 구매 고객", low: "구매가 적은 고객" },
};
const RECENCY_WORDS: Readonly<Record<Level, string>> = { low: "최근 구매한", mid: "", high: "발길이 뜸한" };
const CHURN_WORDS: Readonly<Record<Level, string>> = { high: "이탈 위험이 큰", mid: "", low: "충성도 높은" };
/** The churn words joined to a recency word that follows them: "충성도가 높고 발길이 뜸한 …". */
const CHURN_AND: Readonly<Record<Level, string>> = { high: "이탈 위험이 크고", mid: "", low: "충성도가 높고" };
const GENERIC_LEVELS: Readonly<Record<Level, string>> = { low: "낮음", mid: "보통", high: "높음" };
const GENERIC_AGAINST: Readonly<Record<Level, string>> = { low: "낮은 편", mid: "보통", high: "높은 편" };
const PRIORITY: Readonly<Record<"high" | "medium" | "low", string>> = { high: "높음", medium: "중간", low: "낮음" };

const KEYS = ["recency", "frequency", "monetary"] as const;

/** Units of the Kaggle columns in Korean. */
const UNITS: Readonly<Record<string, string>> = { days: "일", months: "개월", hours: "시간", km: "km", percent: "%" };

function featureValue(feature: string, v: number): string {
  if (isShareFeature(feature)) return formatPercent(v);
  const spec = columnSpec(splitFeature(feature).column);
  const unit = spec && spec.kind === "numeric" ? spec.unit : undefined;
  return `${formatMean(v)}${unit && UNITS[unit] ? UNITS[unit] : ""}`;
}

const NUMERIC_PHRASES: Readonly<Record<string, (v: string) => string>> = {
  Tenure: (v) => `평균 이용 기간 ${v}`,
  CityTier: (v) => `평균 도시 등급 ${v}`,
  WarehouseToHome: (v) => `창고와의 평균 거리 ${v}`,
  HourSpendOnApp: (v) => `앱 이용 시간 평균 ${v}`,
  NumberOfDeviceRegistered: (v) => `등록 기기 평균 ${v}대`,
  SatisfactionScore: (v) => `만족도 점수 평균 ${v}점(5점 만점)`,
  NumberOfAddress: (v) => `저장 주소 평균 ${v}개`,
  Complain: (v) => `지난달 불만 제기 비율 ${v}`,
  OrderAmountHikeFromlastYear: (v) => `전년 대비 주문 금액 증가율 ${v}`,
  CouponUsed: (v) => `지난달 쿠폰 사용 평균 ${v}장`,
  OrderCount: (v) => `지난달 주문 평균 ${v}건`,
  DaySinceLastOrder: (v) => `마지막 주문 후 평균 ${v}`,
  CashbackAmount: (v) => `평균 캐시백 ${v}`,
};

const VALUE_NAMES_KO: Readonly<Record<string, string>> = {
  Male: "남성",
  Female: "여성",
  Single: "미혼",
  Married: "기혼",
  Divorced: "이혼",
  Others: "기타 카테고리",
};
const valueName = (v: string): string => VALUE_NAMES_KO[v] ?? v;

const CATEGORY_PHRASES: Readonly<Record<string, (share: string, value: string) => string>> = {
  PreferredLoginDevice: (s, v) => `${s}가 주로 ${v}(으)로 로그인`,
  PreferredPaymentMode: (s, v) => `${s}가 주로 ${v}(으)로 결제`,
  Gender: (s, v) => `${s}가 ${valueName(v)}`,
  PreferedOrderCat: (s, v) => `${s}가 ${valueName(v)} 선호`,
  MaritalStatus: (s, v) => `${s}가 ${valueName(v)}`,
};

function describeDistinctive(f: DistinctiveFeature): string {
  const { column, value } = splitFeature(f.feature);
  const cluster = featureValue(f.feature, f.clusterValue);
  const base = featureValue(f.feature, f.baseValue);
  if (value !== null) {
    // "0.0%가 …" reads like a rounding accident; "없음" is what it means.
    if (f.clusterValue < 0.0005) return `${column} = ${value}인 고객 없음(전체 ${base})`;
    const phrase = CATEGORY_PHRASES[column];
    return `${phrase ? phrase(cluster, value) : `${cluster}가 ${column} = ${value}`}(전체 ${base})`;
  }
  const phrase = NUMERIC_PHRASES[column];
  return `${phrase ? phrase(cluster) : `${column} 평균 ${cluster}`}(전체 ${base})`;
}

const SHORT_NAMES: Readonly<Record<string, readonly [low: string, high: string]>> = {
  Tenure: ["신규 고객 중심", "장기 고객 중심"],
  Complain: ["불만 적음", "불만 제기 많음"],
  SatisfactionScore: ["만족도 낮음", "만족도 높음"],
  WarehouseToHome: ["창고 근거리", "창고 원거리"],
  HourSpendOnApp: ["앱 이용 적음", "앱 이용 많음"],
  CouponUsed: ["쿠폰 적게 씀", "쿠폰 많이 씀"],
  CityTier: ["1등급 도시", "2·3등급 도시"],
  NumberOfDeviceRegistered: ["기기 적음", "기기 많음"],
  NumberOfAddress: ["주소 적음", "주소 많음"],
  OrderAmountHikeFromlastYear: ["지출 정체", "지출 증가"],
};

function shortFeatureLabel(f: DistinctiveFeature): string {
  const { column, value } = splitFeature(f.feature);
  if (value !== null) return f.standardisedDifference >= 0 ? `${valueName(value)} 위주` : `${valueName(value)} 적음`;
  const names = SHORT_NAMES[column];
  if (names) return f.standardisedDifference >= 0 ? names[1] : names[0];
  return `${column} ${f.standardisedDifference >= 0 ? "높음" : "낮음"}`;
}

/** "1.9×" (format.ts) as Korean writes a multiple: "1.9배". */
const times = (ratio: string): string => ratio.replace("×", "배");

export const rulesKo: RulesWords = {
  name: ({ preset, churn, levels, axes }) => {
    if (preset) {
      const recency = RECENCY_WORDS[levels.recency];
      const lead = recency === "" ? CHURN_WORDS[churn] : CHURN_AND[churn];
      return [lead, recency, VALUE_NAMES[levels.frequency][levels.monetary]].filter((w) => w !== "").join(" ");
    }
    const who = CHURN_WORDS[churn] === "" ? "고객" : `${CHURN_WORDS[churn]} 고객`;
    const apart = KEYS.filter((k) => levels[k] !== "mid").map((k) => `${axes[k]} ${GENERIC_LEVELS[levels[k]]}`);
    return apart.length === 0
      ? `${who}: ${axes.recency}·${axes.frequency}·${axes.monetary} 보통`
      : `${who}: ${apart.join(", ")}`;
  },
  twinByFeature: (name, label) => `${name}(${label})`,
  twinById: (name, id) => `${name}(그룹 ${id})`,
  shortFeatureLabel,
  describeDistinctive,

  whoSize: (count, share) => `고객 ${count}명으로 전체의 ${share}입니다.`,
  whoPresetMeans: (m, b) =>
    `평균적으로 마지막 주문은 ${m.recency}일 전(전체 ${b.recency}일), 지난달 주문은 ${m.frequency}건(전체 ${b.frequency}건), ` +
    `캐시백은 ${m.monetary}(전체 ${b.monetary})입니다.`,
  whoPresetLevels: (levels) =>
    "전체 고객과 비교하면 마지막 주문은 " +
    { low: "더 최근이고", mid: "비슷한 시기이고", high: "더 오래전이고" }[levels.recency] +
    ", 주문 수는 " +
    { low: "적으며", mid: "비슷하며", high: "많으며" }[levels.frequency] +
    ", 캐시백은 " +
    { low: "적습니다.", mid: "비슷합니다.", high: "많습니다." }[levels.monetary],
  whoGenericMeans: (axes, m, b) =>
    `평균적으로 ${KEYS.map((k) => `${axes[k]} ${m[k]}(전체 ${b[k]})`).join(", ")}입니다.`,
  whoGenericLevels: (axes, levels) =>
    `전체 고객과 비교하면 ${KEYS.map((k) => `${axes[k]}은(는) ${GENERIC_AGAINST[levels[k]]}`).join(", ")}입니다.`,
  whoApart: (items) => `두드러지는 점: ${items.join("; ")}.`,

  riskObserved: ({ rate, low, high, base, ratio }) =>
    `이탈률 ${rate}(95% 구간 ${low}~${high}), 전체 ${base}${ratio === null ? "" : `의 ${times(ratio)}`}`,
  riskHigh: (observed) => `고객 이탈이 가장 큰 위험입니다. ${observed}.`,
  riskMid: (observed) =>
    `이탈률은 전체와 비슷합니다. ${observed}. 눈에 띄지 않게 조금씩 오르는 것을 놓치는 것이 위험입니다.`,
  riskLow: (observed) =>
    `이탈률이 낮습니다. ${observed}. 필요 없는 곳에 리텐션 예산을 쓰고, 초기 상승을 놓치는 것이 위험입니다.`,
  riskShare: (share, churnerShare) => `전체 고객의 ${share}, 전체 이탈 고객의 ${churnerShare}를 차지합니다.`,
  riskPredicted: (predicted, agreement) =>
    `모델이 예측한 평균 이탈 위험은 ${predicted}로, ${
      agreement === "above"
        ? "관측치보다 높습니다"
        : agreement === "below"
          ? "관측치보다 낮습니다"
          : "관측치와 비슷합니다"
    }.`,
  riskLead: (lead) => `전체와 가장 뚜렷한 차이: ${lead}. 입증된 원인이 아니라 검증해 볼 단서입니다.`,
  riskPriority: (priority, because) =>
    `우선순위 ${PRIORITY[priority]}: ${
      because.kind === "high"
        ? `이탈률이 전체보다 크게 높고, 전체 이탈 고객의 ${because.churnerShare}를 차지하는 그룹`
        : because.kind === "few"
          ? `전체 이탈 고객의 ${because.churnerShare}에 불과해 먼저 대응하기에는 규모가 작음`
          : because.kind === "low"
            ? "이탈률이 전체보다 크게 낮음"
            : because.kind === "above"
              ? `이탈률은 전체보다 높지만, 전체 이탈 고객의 ${because.churnerShare}만 차지하는 그룹`
              : `이탈률이 전체와 비슷하고, 전체 이탈 고객의 ${because.churnerShare}를 차지하는 그룹`
    }.`,

  actionComplain: (cluster, base) =>
    `이 그룹에서 불만을 제기한 고객에게는 48시간 안에 모두 연락해 불만을 끝까지 해결하세요. ` +
    `지난달 불만 제기 비율이 ${cluster}로 전체 ${base}보다 높습니다.`,
  actionTenure: (cluster, base) =>
    `신규 고객을 위한 첫 90일 프로그램(환영 연락, 첫 배송 지원, 두 번째 주문을 할 이유)을 운영하세요. ` +
    `이 그룹의 평균 이용 기간은 ${cluster}개월로 전체 ${base}개월보다 짧습니다.`,
  actionLead: (lead) =>
    `이 고객들에게 직접 물어 차이(${lead})의 이유를 찾고, 전면 적용 전에 그룹의 무작위 절반에 한 가지 변화를 시험하세요.`,
  actionWinBack: (days, mean) =>
    `주문 없이 ${days}일이 지난 고객에게는 상시 할인 대신 기한이 정해진 혜택 하나를 담은 재구매 유도 메시지를 보내세요` +
    `(이 그룹 평균 ${mean}일).`,
  actionSecondOrder: (mean, base) =>
    `묶음 상품이나 자주 사는 카테고리의 무료 배송 기준으로 한 달 안에 두 번째 주문을 유도하세요. ` +
    `이 그룹의 한 달 주문은 ${mean}건으로 전체 ${base}건보다 적습니다.`,
  actionCashback: (mean) =>
    `그룹의 무작위 절반에 더 높은 캐시백 비율을 시험하고, 3개월 뒤 나머지 절반과 이탈률을 비교한 다음 전면 적용하세요` +
    `(현재 평균 캐시백 ${mean}).`,
  actionDistance: (cluster, base) =>
    `먼 주소에는 더 빠르거나 저렴한 배송을 제안하세요. 이 그룹은 창고에서 평균 ${cluster}km 떨어져 있어 전체 ${base}km보다 멉니다.`,
  actionCategory: (category, share, base) =>
    `이 그룹의 혜택은 ${category === "Others" ? "주요 4개 외의 카테고리" : category}을(를) 중심으로 꾸리세요. ` +
    `그룹의 ${share}가 이 카테고리를 선호합니다(전체 ${base}).`,
  actionHighestRisk:
    "매달 이 그룹에서 예측 위험이 가장 높은 고객을 골라 리텐션 팀에 넘기고, 그룹 전체를 똑같이 대하지 마세요.",
  actionProtect:
    "할인보다 관계 유지에 집중하세요. 신상품 선공개, 로열티 등급, 우선 응대를 제공하고, 이미 잘 남아 있는 고객에게 일괄 쿠폰은 주지 마세요.",
  actionControl: "조치마다 그룹의 10~20%를 무작위로 빼 대조군으로 두어, 줄어든 이탈을 측정할 수 있게 하세요.",
  actionStandard: "이 그룹은 기본 프로그램을 유지하고, 리텐션 예산은 우선순위가 높은 그룹에 먼저 쓰세요.",
  actionTrack: (base) => `이 그룹의 이탈률을 매달 확인하세요. 전체 이탈률 ${base}를 넘어서면 대응할 때입니다.`,
};
