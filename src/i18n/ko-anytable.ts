// 한국어: the sentences about a table of any schema (anytable-strings.ts). The pipeline's decisions and
// reasons are English sentences of a few known shapes; each shape is rewritten here, and anything else
// (a sentence this table does not know yet) is shown as the pipeline wrote it.
import type { MeanGroup, RateGroup } from "../lib/stats/hypotheses.js";
import { describeD } from "../lib/stats/tests.js";
import type { AnyTableStrings } from "./anytable-strings.js";
import { df, MAGNITUDE, pClause } from "./ko-test-words.js";

const STYLE: Record<string, string> = {
  "thousands-comma": "천 단위 쉼표 표기",
  "decimal-comma": "소수점 쉼표 표기",
};

/** [pattern, Korean] pairs for the pipeline's reasons (src/lib/data/infer-schema.ts), tried in order. */
const WHY: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^named like a churn flag and has two values$/, () => "이름이 이탈 여부를 나타내고 값이 두 가지입니다"],
  [/^the only two-valued column whose name says churn$/, () => "이름에 이탈이 들어간, 값이 두 가지인 유일한 열입니다"],
  [/^set by (.+)$/, (m) => `${m[1]}에서 지정했습니다`],
  [/^"(.*)" reads as left$/, (m) => `"${m[1]}"는 떠났다는 뜻으로 읽힙니다`],
  [/^"(.*)" reads as stayed$/, (m) => `"${m[1]}"는 남았다는 뜻으로 읽힙니다`],
  [/^named like a customer ID$/, () => "이름이 고객 ID 형식입니다"],
  [/^ID-like name, a different value on every row$/, () => "ID 같은 이름이고 행마다 값이 다릅니다"],
  [/^the first column, a different code on every row$/, () => "첫 번째 열이고 행마다 코드가 다릅니다"],
  [
    /^no column is a customer ID \(unique, ID-like\), so customers are named by their line in the file$/,
    () => "고객 ID로 볼 열(값이 모두 다르고 ID 형식인 열)이 없어 파일의 행 번호로 고객을 구분합니다",
  ],
  [/^configured numeric$/, () => "설정에서 수치형으로 지정했습니다"],
  [/^configured category$/, () => "설정에서 범주형으로 지정했습니다"],
  [
    /^configured numeric, but not every cell is a number \(e\.g\. (.*)\)$/,
    (m) => `설정에서 수치형으로 지정했지만 숫자가 아닌 셀이 있습니다(예: ${m[1]})`,
  ],
  [
    /^every non-blank cell is a number(?:, written ([\w-]+))?( with currency or percent signs)?$/,
    (m) =>
      "비어 있지 않은 셀이 모두 숫자입니다" +
      (m[1] || m[2]
        ? `(${[m[1] ? (STYLE[m[1]] ?? m[1]) : "", m[2] ? "통화·퍼센트 기호 포함" : ""].filter(Boolean).join(", ")})`
        : ""),
  ],
  [/^text with (\d+) distinct values$/, (m) => `고유값이 ${m[1]}개인 텍스트입니다`],
  [/^every cell is blank$/, () => "모든 셀이 비어 있습니다"],
  [/^constant: every non-blank cell is (.*)$/, (m) => `상수: 비어 있지 않은 셀이 모두 ${m[1]}입니다`],
  [
    /^ID-like: an ID-like name and a different whole number on every row$/,
    () => "ID 형식: 이름이 ID 같고 행마다 다른 정수입니다",
  ],
  [/^ID-like: a different value on every row$/, () => "ID 형식: 행마다 값이 다릅니다"],
  [
    /^free text: (\d+) distinct values \(a category needs at most (\d+)\)$/,
    (m) => `자유 텍스트: 고유값이 ${m[1]}개입니다(범주형은 최대 ${m[2]}개)`,
  ],
  [/^dates: not used as a feature/, () => "날짜: 특성으로 쓰지 않습니다(쓰려면 경과일 같은 숫자로 바꾸세요)"],
  [/^dropped by (.+)$/, (m) => `${m[1]}에서 제외했습니다`],
  [
    /^empty and whitespace-only cells(?: and (.+))? read as blank$/,
    (m) => `빈 셀과 공백만 있는 셀${m[1] ? `, 그리고 ${m[1]}` : ""}을 빈 값으로 읽습니다`,
  ],
  [/^the file has every column of this built-in preset$/, () => "파일에 이 내장 프리셋의 열이 모두 있습니다"],
  [
    /^the file has the columns of preset (\S+), but the settings change its target, ID or kinds$/,
    (m) => `파일에 프리셋 ${m[1]}의 열이 있지만, 설정에서 목표 변수나 ID, 열 유형을 바꿨습니다`,
  ],
  [/^possible leak/, () => "누수 가능성이 있어 제외했습니다(아래 '누수 가능성' 참고)"],
];

const DECISION: Record<string, string> = {
  target: "목표 변수(이탈 여부)",
  ID: "고객 ID",
  numeric: "수치형",
  category: "범주형",
  ignored: "사용 안 함",
  blanks: "빈 값",
  inferred: "추론",
};

/** The claim's level (rate claims) or its direction (mean claims), read from the groups and the claim. */
function claimParts(h: { claim: string; groups: readonly (MeanGroup | RateGroup)[] }): {
  level: string | null;
  higher: boolean;
} {
  const rate = h.groups.find((g): g is RateGroup => g.kind === "rate" && h.groups.indexOf(g) === 1);
  return { level: rate ? rate.label : null, higher: !/\blower\b|churn less\b/.test(h.claim) };
}

/** Claims the pipeline wrote itself (exploratory ones, and a config's claims without their own words). */
const GENERATED =
  /^Customers with (?:(?:higher|lower) .+|.+ \S+) churn (?:more|less)(?: \(suggested by this data\))?\.$/;

const list = (items: readonly string[]): string => items.join(", ");

export const koAnyTable: AnyTableStrings = {
  schemaTitle: "열을 읽은 방식",
  schemaIntro: (settings) =>
    "이 파일의 열과 맞는 내장 프리셋이 없어, 파이프라인이 셀 내용을 보고 스키마를 직접 추론했습니다" +
    (settings
      ? "(그 위에 설정을 적용했습니다)"
      : "(설정은 주지 않았으며, `--target`, `--positive`, `--id`와 설정 파일로 어느 것이든 바꿀 수 있습니다)") +
    ". 각 판단과 그 이유는 다음과 같습니다.",
  target: (column, positive, negative, why) =>
    `**이탈 여부 열:** ${column}. "${positive}"는 고객이 떠났다는 뜻, "${negative}"는 남았다는 뜻입니다(${why}).`,
  id: (column, why, synthetic) =>
    synthetic ? `**고객 ID:** 없음. 파일의 행 번호로 고객을 구분합니다(${why}).` : `**고객 ID:** ${column}(${why}).`,
  decisionHeaders: ["열", "읽은 방식", "이유"],
  decision: (text) => {
    const means = /^"(.*)" means left, "(.*)" stayed$/.exec(text);
    if (means) return `"${means[1]}"는 이탈, "${means[2]}"는 잔류`;
    const preset = /^preset (.+)$/.exec(text);
    if (preset) return `프리셋 ${preset[1]}`;
    return DECISION[text] ?? text;
  },
  why: (text) => {
    for (const [pattern, korean] of WHY) {
      const m = text.match(pattern);
      if (m) return korean(m);
    }
    return text;
  },
  ignoredTitle: "모델이 사용하지 않는 열",
  ignoredHeaders: ["열", "이유"],
  noIgnored: "파일의 모든 열을 사용합니다.",
  noDescriptions:
    "파일에 데이터 사전이 없어 열에는 유형 외의 설명이 없습니다. 설정 파일(`columns.NAME.description`)로 열마다 " +
    "설명을 붙일 수 있습니다.",
  leakTitle: "누수 가능성",
  leakIntro: (rows, threshold) =>
    `모든 열을 학습 행 ${rows}개에서 누수 여부로 점검했습니다. 고객이 떠난 뒤에 기록된 값(해지 사유, 해지 방어 상담 ` +
    "점수 등)은 이탈을 그대로 드러내므로, 그 값을 쓴 모델은 완벽해 보이지만 실제로는 쓸모가 없습니다. 열 하나만으로 " +
    `이탈 고객과 잔류 고객을 ROC-AUC ${threshold} 이상으로 가르거나, 빈 셀이 이탈과 겹치는 열을 표시했습니다.`,
  leak: (p) => {
    const reasons: string[] = [];
    if (p.aucFlagged && p.auc) reasons.push(`이 열 하나만으로 이탈 고객과 잔류 고객을 ROC-AUC ${p.auc}로 가릅니다`);
    if (p.blanks) {
      reasons.push(
        `빈 셀이 이탈과 겹칩니다. 학습 행 ${p.blanks.rows}개 중 ${p.blanks.n}개가 비어 있고, 그중 ${p.blanks.churned}가 ` +
          `이탈했습니다("비어 있음"의 ROC-AUC ${p.blanks.auc})`,
      );
    }
    return (
      `**${p.column}**: ${reasons.join(". ")}. ` +
      (p.kept
        ? "설정(`keepLeaks`)에 따라 그래도 모델에 남겨 두었습니다."
        : "모델, 가설 검정, 세그먼트에서 모두 제외했습니다.")
    );
  },
  noLeaks: (rows) => `학습 행 ${rows}개에서 점검한 결과, 누수로 보이는 열은 없었습니다.`,
  blanks: (columns, cells) =>
    `빈 셀이 있는 열은 ${columns}개, 빈 셀은 모두 ${cells}개입니다. 빈 셀이 오류는 아닙니다. 모델은 빈 값을 ` +
    "학습 행의 중앙값으로만 채우므로 테스트 고객의 정보가 학습에 새어 들어가지 않습니다. 트리 모델은 빈 값을 " +
    "스스로 분기 처리하므로 빈 값 그대로 봅니다.",

  edaIntro: (views) =>
    `먼저 얼마나 많은 고객이 떠나는지 보고, 이어서 열 하나만으로 이탈을 가장 잘 가르는 ${views}개 열을 하나씩 ` +
    "살펴본 뒤, 같은 기준으로 매긴 전체 열 순위와 모든 열을 살펴볼 수 있는 탐색 도구를 제공합니다. 본문의 모든 " +
    "수치는 정제된 데이터로 브라우저에서 직접 계산하므로, 어떤 데이터로 빌드하든 그대로 맞습니다.",
  viewsIntro: (views) =>
    `값만으로 이탈 고객과 잔류 고객을 가장 잘 가르는 ${views}개 열을, 이탈 신호 |2 AUC − 1|(0: 전혀 가르지 못함, ` +
    "1: 완벽히 가름)가 큰 순서로 보여 줍니다. 이 기준은 아래 순위에서 설명하며, 순위에는 모든 열이 있습니다. " +
    "열마다 수준·값·구간별 이탈률을 95% 신뢰구간과 함께 보여 주고, 두 그룹에서 값이 어떻게 분포하는지도 보여 줍니다.",
  viewSignal: (strength, direction) => `이탈 신호 ${strength}(${direction.replace(/ \(([^()]*)\)$/, " $1")}).`,
  noViews: "이 데이터에서는 순위를 매길 수 있는 열이 없어 보여 줄 관점이 없습니다.",

  hypothesesTitle: (exploratory) => (exploratory ? "이탈과 관련이 가장 큰 열 검정" : "이탈에 관한 주장 검정"),
  hypothesesIntro: (count, exploratory) =>
    exploratory
      ? `이 표에는 설정된 주장이 없어, 이탈과 관련이 가장 큰 ${count}개 열(알맞은 검정의 p-값이 가장 작은 열)을 ` +
        "데이터가 시사하는 주장으로 바꾸어 검정합니다. 정제된 데이터로 브라우저에서 직접 각 주장을 검정하고, 효과 " +
        "크기와 신뢰구간을 함께 보여 주며, 수치에 근거한 결론을 제시합니다."
      : `보고서 설정에 적힌 주장 ${count}개를 정제된 데이터로 브라우저에서 직접 검정하고, 효과 크기와 신뢰구간을 ` +
        "함께 보여 주며, 수치에 근거한 결론을 제시합니다. 데이터가 주장과 반대 방향을 가리키면 결론에서 그렇다고 밝힙니다.",
  exploratoryWarning:
    "**탐색적 결과입니다.** 이 주장들은 이 데이터를 보고 찾아낸 뒤 같은 데이터로 검정한 것이므로, p-값이 근거를 " +
    "과장합니다. 결론이 아니라 새 고객 데이터로 다시 검정해 볼 단서로 보세요. 설정 파일에 `hypotheses`를 적으면 " +
    "미리 정한 주장을 검정합니다.",
  claimed: (claim, direction, exploratory) =>
    exploratory ? `데이터가 시사하는 주장: *${claim}* ${direction}` : `설정의 주장: *${claim}* ${direction}`,
  meanChart: "차트는 잔류 고객과 이탈 고객의 이 열 값을 각 그룹 안의 비율로 보여 주며, 점선은 그룹 평균입니다.",
  rateChart: "차트는 그룹별 이탈률을 95% 신뢰구간, 그룹 크기와 함께 보여 줍니다.",
  testsCaption: (column) => `${column} · 이탈: 검정 결과`,
  missingNote:
    "**결측값.** 각 검정은 해당 열의 빈 셀만 제외하므로, 한 열이 비어 있는 고객도 다른 검정에는 포함됩니다. " +
    "빈 값을 채우지는 않았습니다. 대체값을 넣으면 그룹을 비교하는 바로 그 지점에 없는 값을 만들어 내기 때문입니다. " +
    "각 검정마다 n과 제외한 빈 값의 수를 밝혔습니다.",
  testsNote:
    "**검정 방법.** 수치형 열에는 두 그룹의 분산이 같다고 가정하지 않는 Welch t-검정을 먼저 보고, Student t-검정, " +
    "값이 고르게 떨어져 있다는 가정에 기대지 않도록 순위를 비교하는 Mann-Whitney U 검정, 그리고 95% 신뢰구간을 " +
    "붙인 Cohen's d를 함께 계산했습니다. 범주형 열의 한 수준에는 Yates 보정을 한 카이제곱 독립성 검정(2 × 2 표에서 " +
    "scipy의 기본값)과 보정하지 않은 검정, Cramér's V, 그리고 95% 신뢰구간을 붙인 이탈률 차이를 계산했습니다. " +
    "p-값은 양측 검정 기준이며, 결론은 유의수준 5%를 씁니다.",
  explorerIntro:
    "열을 고르면 그에 맞는 검정이 실행됩니다. 값이 두 가지인 열이나 범주형 열에는 카이제곱 검정과 Cramér's V를 " +
    "수준별 이탈률과 함께, 그 밖의 수치형 열에는 Welch·Student t-검정, Mann-Whitney U 검정, Cohen's d를 두 그룹의 " +
    "분포와 함께 보여 줍니다. 정수값이 몇 개뿐인 수치형 열은 수치로도, 수준별 이탈률을 보는 범주로도 검정할 수 있습니다.",
  family: (count, alpha, bar, changed, exploratory) =>
    (exploratory
      ? `위의 관계 ${count}개는 이 데이터를 보고 고른 것이므로, 각각을 ${alpha}/${count} = ${bar} 기준(Bonferroni)으로 ` +
        "보더라도 p-값은 근거를 과장합니다"
      : `위의 주장 ${count}개는 설정에서 미리 정한 것으로, ${count}개 검정으로 이루어진 묶음입니다. 각각을 ` +
        `${alpha}/${count} = ${bar} 기준(Bonferroni)으로 보면`) +
    (changed.length === 0
      ? exploratory
        ? "."
        : " 모든 결론이 그대로 유지됩니다."
      : `${exploratory ? "." : ""} ${list(changed)}에 대한 결론은 "어느 쪽으로도 근거 없음"으로 바뀝니다.`),
  noClaims: "이 데이터에서는 이탈과의 관계를 검정할 수 있는 열이 없습니다.",
  claimName: (h) => {
    const column = h.columns[0];
    if (h.exploratory) return `이탈과 ${column}(탐색적)`;
    return h.name === `${column} and churn` ? `이탈과 ${column}` : h.name;
  },
  claimText: (h) => {
    if (!GENERATED.test(h.claim)) return h.claim;
    const column = h.columns[0];
    const { level, higher } = claimParts(h);
    const more = /churn less\b/.test(h.claim) ? "덜" : "더 많이";
    const tail = h.exploratory ? "(이 데이터에서 드러난 경향)" : "";
    return level !== null
      ? `${column} 값이 ${level}인 고객이 ${more} 이탈한다${tail}.`
      : `${column} 값이 ${higher ? "클" : "작을"}수록 더 많이 이탈한다${tail}.`;
  },
  claimVerdict: (h, f) => {
    const column = h.columns[0];
    const lead = h.direction === "supports" ? "데이터가 주장을 뒷받침합니다" : "데이터는 주장과 반대입니다";
    const tail = h.direction === "contradicts" ? " 주장이 예상한 방향과 정반대입니다." : "";
    const untestable = h.statistic === null || Number.isNaN(h.statistic);
    let text: string;
    if (h.statisticName === "t") {
      const [stayed, churned] = h.groups as readonly MeanGroup[];
      const churnedPart = `이탈 고객(${f.number(churned.mean, 2)}, n = ${f.count(churned.n)})`;
      const stayedPart = `잔류 고객(${f.number(stayed.mean, 2)}, n = ${f.count(stayed.n)})`;
      const opening = untestable
        ? "이 데이터로는 검정할 수 없습니다."
        : h.direction === "no evidence"
          ? `유의수준 ${h.alpha * 100}%에서 어느 쪽으로도 근거가 없습니다. ${churnedPart}과 ${stayedPart}의 평균 ` +
            `${column} 값 차이는 우연으로 설명할 수 있는 수준입니다.`
          : `${lead}. ${churnedPart}의 평균 ${column} 값이 ${stayedPart}보다 ` +
            `${churned.mean > stayed.mean ? "높았습니다" : "낮았습니다"}.${tail}`;
      const mw = h.otherTests.find((t) => t.test.startsWith("Mann"));
      const d = h.effect;
      text =
        `${opening} Welch t = ${f.number(h.statistic, 2)}(자유도 ${df(f, h.df)}), ${pClause(f, h.p, h.logP)}; ` +
        (mw ? `Mann-Whitney ${pClause(f, mw.p, mw.logP)}; ` : "") +
        `Cohen's d(잔류 − 이탈) = ${f.number(d.value, 2)}(95% 신뢰구간 ${f.interval(d.low, d.high)}), ` +
        `효과 크기는 ${MAGNITUDE[describeD(d.value)]}입니다.`;
    } else {
      const [without, withL] = h.groups as readonly RateGroup[];
      const rate = (g: RateGroup): string =>
        `${f.percent(g.rate)}(95% 신뢰구간 ${f.interval(g.low, g.high, (x) => f.percent(x))}, n = ${f.count(g.n)})`;
      const who = `${column} 값이 ${withL.label}인 고객`;
      const opening = untestable
        ? "이 데이터로는 검정할 수 없습니다."
        : h.direction === "no evidence"
          ? `유의수준 ${h.alpha * 100}%에서 어느 쪽으로도 근거가 없습니다. ${who}의 이탈률은 ${rate(withL)}, 나머지 ` +
            `고객은 ${rate(without)}로, 이 정도 차이는 우연으로도 생길 수 있습니다.`
          : `${lead}. ${who}의 이탈률은 ${rate(withL)}로, 나머지 고객의 ${rate(without)}보다 ` +
            `${h.effect.value > 0 ? "높았습니다" : "낮았습니다"}.${tail}`;
      const v = h.otherTests.find((t) => t.test.startsWith("Cram"));
      text =
        `${opening} 차이 ${f.points(h.effect.value)}(95% 신뢰구간 ${f.pointsInterval(h.effect.low, h.effect.high)}); ` +
        `Yates 보정 χ² = ${f.number(h.statistic, 1)}(자유도 ${df(f, h.df)}), ${pClause(f, h.p, h.logP)}` +
        (v ? `; Cramér's V = ${f.number(v.statistic, 2)}.` : ".");
    }
    return h.exploratory
      ? `탐색적 결과입니다. 이 열은 이 데이터에서 이탈과 관련이 가장 큰 열 가운데 하나로, 같은 데이터에서 찾아내고 ` +
          `검정했으므로 p-값이 근거를 과장합니다. ${text}`
      : text;
  },
  levelMinusRest: (level) => `${level} − 나머지`,
  notLevel: (level) => `${level} 외`,

  guideEda:
    "[탐색적 분석](./eda): 얼마나 많은 고객이 떠나는지, 이탈을 가장 크게 가르는 열별 관점, 그리고 모든 열을 살펴볼 수 있는 탐색 도구.",
  guideHypotheses: "[가설 검정](./hypotheses): 이탈에 관한 주장을 효과 크기와 함께 검정하고 알기 쉬운 결론으로 정리.",
  guideSegments: (k, columns) =>
    `[세그먼트와 페르소나](./segments): ${columns.join("·")} 기준으로 나눈 ${k}개 그룹, 그룹별 특징과 대응 방안.`,
  overviewHypotheses: (count, contradicted, exploratory) =>
    (exploratory
      ? `설정된 주장이 없어 이탈과 관련이 가장 큰 ${count}개 열을 검정했으며, 같은 데이터에서 찾고 검정했으므로 ` +
        "탐색적 결과로 표시했습니다."
      : contradicted === 0
        ? `설정된 주장 ${count}개 가운데 이 데이터와 어긋나는 주장은 없습니다.`
        : `설정된 주장 ${count}개 가운데 ${contradicted}개는 이 데이터에서 오히려 반대 방향을 가리킵니다.`) +
    " 자세한 내용은 [가설 검정](./hypotheses) 페이지에 있습니다.",
};
