// 변경 사항 페이지(한국어). 문단은 changes.json의 수치에서 영어 문장(src/lib/changes/prose.ts)과 같은 판단으로 씁니다.
import type { ChangesArtifact, ModelFigures, UnlabelledExpectation } from "../lib/changes/artifact.js";
import { describePsi, DRIFT_ALPHA, DRIFT_RULE, PSI_MAJOR, PSI_MODERATE, type ColumnDrift } from "../lib/stats/drift.js";
import type { ChangesStrings } from "./changes-strings.js";
import type { Formatters } from "./format.js";
import { koModels } from "./ko-models.js";

const PSI_WORDS = { stable: "안정", moderate: "중간 수준 변화", major: "큰 변화", undefined: "계산 불가" } as const;

const fixed = (x: number, digits: number, f: Formatters): string =>
  Number.isFinite(x) ? x.toFixed(digits) : f.missing;
const count = (x: number, f: Formatters): string => f.count(Math.round(x));
const signedPoints = (d: number, f: Formatters): string => `${d >= 0 ? "+" : "−"}${f.points(Math.abs(d))}`;
const rateInterval = (r: { rate: number; low: number; high: number }, f: Formatters) =>
  `${f.percent(r.rate)} [${f.percent(r.low)}, ${f.percent(r.high)}]`;
const auc = (m: ModelFigures, f: Formatters): string =>
  `${fixed(m.rocAuc.estimate, 3, f)} [${fixed(m.rocAuc.lo, 3, f)}, ${fixed(m.rocAuc.hi, 3, f)}]`;

function movement(d: ColumnDrift, f: Formatters): string {
  if (d.kind === "numeric") {
    const digits = Math.abs(d.then.mean) >= 100 ? 0 : Math.abs(d.then.mean) >= 10 ? 1 : 2;
    const blanks =
      d.then.blank > 0 || d.now.blank > 0
        ? `; 빈칸 ${f.percent(d.then.blank / (d.then.n + d.then.blank))} → ${f.percent(d.now.blank / (d.now.n + d.now.blank))}`
        : "";
    return `평균 ${fixed(d.then.mean, digits, f)} → ${fixed(d.now.mean, digits, f)}${blanks}`;
  }
  const s = d.largestShareChange;
  return `${s.level} ${f.percent(s.then)} → ${f.percent(s.now)}`;
}

const effect = (d: ColumnDrift, f: Formatters): string =>
  `PSI ${fixed(d.effect, 2, f)}, ${PSI_WORDS[describePsi(d.effect)]}`;

function drift(c: ChangesArtifact, f: Formatters): string {
  const dr = c.drift;
  const shared = dr.columns.length;
  const drifted = dr.columns.filter((d) => d.drifted);
  const structure: string[] = [];
  if (dr.added.length) structure.push(`새 열 ${dr.added.length}개(${dr.added.join(", ")})`);
  if (dr.removed.length) structure.push(`사라진 열 ${dr.removed.length}개(${dr.removed.join(", ")})`);
  if (dr.kindChanged.length) structure.push(`종류가 바뀐 열 ${dr.kindChanged.length}개`);
  const columnsNote = structure.length ? ` 열 구성 변화: ${structure.join("; ")}.` : "";
  if (drifted.length === 0) {
    const top = dr.columns[0];
    return (
      `두 빌드에 모두 있는 열 ${shared}개 가운데 기준에 따라 드리프트로 판정된 열은 없습니다` +
      (top ? `. 가장 크게 움직인 열은 ${top.column}입니다(${effect(top, f)}, ${movement(top, f)}).` : ".") +
      columnsNote
    );
  }
  const list = drifted
    .slice(0, 3)
    .map((d) => `${d.column}(${movement(d, f)}; ${effect(d, f)})`)
    .join(", ");
  const more = drifted.length > 3 ? ` 외 ${drifted.length - 3}개` : "";
  return `두 빌드에 모두 있는 열 ${shared}개 가운데 ${drifted.length}개에 드리프트가 있습니다: ${list}${more}.${columnsNote}`;
}

function churn(c: ChangesArtifact, f: Formatters): string {
  const r = c.churnRate;
  const then = `고객 ${count(r.then.n, f)}명 중 ${rateInterval(r.then, f)}`;
  if (r.now && r.difference) {
    const d = r.difference;
    const clear = d.low > 0 || d.high < 0;
    return (
      `이탈률은 기준 빌드에서 ${then}였고, 지금은 고객 ${count(r.now.n, f)}명 중 ${rateInterval(r.now, f)}입니다. ` +
      `차이는 ${signedPoints(d.value, f)}(95% 구간 ${signedPoints(d.low, f)}~${signedPoints(d.high, f)})로, ` +
      (clear ? "구간으로 보아 우연으로 돌리기 어려운 변화입니다." : "우연만으로도 생길 수 있는 범위 안입니다.")
    );
  }
  const e = r.expected;
  if (!e) return `기준 빌드의 이탈률은 ${then}였습니다.`;
  return (
    `이 파일에는 이탈 열이 없습니다. 기준 빌드의 모형은 이 파일의 고객 ${count(e.n, f)}명 중 ${count(e.expected, f)}명` +
    `(${f.percent(e.rate)}, ${f.percent(e.level, 0)} 구간 ${count(e.low, f)}~${count(e.high, f)}명)이 이탈할 것으로 봅니다. ` +
    `기준 빌드의 이탈률은 ${then}였습니다. ${expectationNote(c, e, f)}`
  );
}

/**
 * What the expectation rests on, from this artifact's own figures: the baseline model's calibration on its
 * held-out customers (when its models.json was there) and how many shared columns drifted since.
 */
function expectationNote(c: ChangesArtifact, e: UnlabelledExpectation, f: Formatters): string {
  const cal = e.baselineTest;
  const calibrated = cal
    ? `(기준 빌드의 검증 고객 ${count(cal.customers, f)}명에게는 이탈률 ${f.percent(cal.meanPredicted)}를 예측했고 ` +
      `실제로는 ${f.percent(cal.observedRate)}가 이탈했습니다)`
    : "";
  const shared = c.drift.columns.length;
  const drifted = c.drift.columns.filter((d) => d.drifted).length;
  const drift =
    drifted > 0
      ? `두 빌드에 공통인 열 ${shared}개 중 ${drifted}개가 기준 빌드 이후 달라졌으므로, 이 고객들에게는 확률이 더는 ` +
        "맞지 않을 수 있습니다."
      : `두 빌드에 공통인 열 ${shared}개 중 기준 빌드 이후 달라진 열은 없지만, 열에 드러나지 않게 고객 구성이 ` +
        "달라졌다면 확률이 더는 맞지 않을 수 있습니다.";
  return `이 기대치는 기준 빌드 고객에 맞춰 보정된 모형의 확률에서 나온 것입니다${calibrated}. ${drift}`;
}

function backtest(c: ChangesArtifact, f: Formatters): string {
  const b = c.backtest;
  if (!b) return "이탈 레이블이 없어 기준 빌드의 모형을 이 고객들에게서 검증할 수 없고, 점수만 매겼습니다.";
  const old = b.onNewCustomers;
  const own = b.baselineOnItsTest;
  const mine = b.newModel;
  const versusOwn = own ? `(자체 테스트 세트에서는 ${auc(own, f)})` : "";
  const verdict =
    old.rocAuc.hi < mine.rocAuc.lo
      ? "새 모형의 순위 성능이 더 좋고 두 구간이 겹치지 않습니다. 다시 학습한 보람이 있습니다."
      : old.rocAuc.lo > mine.rocAuc.hi
        ? "지난 빌드의 모형이 이 고객들을 매기는 성능이, 새 모형이 자기 테스트 세트를 매기는 성능보다 좋습니다."
        : "두 구간이 겹칩니다. 지금 증거로는 지난 빌드의 모형도 여전히 비슷한 수준으로 고객 순위를 매깁니다.";
  return (
    `지난 빌드의 모형(${koModels.modelName(b.baselineModel.id, b.baselineModel.name)})이 이 파일의 고객 ${count(old.customers, f)}명에게 매긴 순위는 ` +
    `ROC-AUC ${auc(old, f)}입니다${versusOwn}. 새 모형은 따로 남겨 둔 테스트 고객 ${count(mine.customers, f)}명에서 ` +
    `${auc(mine, f)}입니다. 지난 모형은 자기 임계값에서 이탈 고객의 ${f.percent(old.recall.estimate, 0)}를 잡아내고` +
    `(정밀도 ${f.percent(old.precision.estimate, 0)}), 실제 이탈률 ${f.percent(old.calibration.observedRate)}에 대해 ` +
    `${f.percent(old.calibration.meanPredicted)}를 예측합니다. ${verdict}`
  );
}

function segments(c: ChangesArtifact, f: Formatters): string {
  const s = c.segments;
  if (s.shared === 0) return "두 빌드에 모두 있는 고객 ID가 없어, 세그먼트 사이의 이동을 보여 줄 수 없습니다.";
  return (
    `두 빌드에 모두 있는 고객은 ${count(s.shared, f)}명입니다. 이 중 ${count(s.stayed, f)}명` +
    `(${f.percent(s.stayed / s.shared, 0)})은 예전 세그먼트와 짝지어진 세그먼트에 그대로 있고, ` +
    `${count(s.shared - s.stayed, f)}명은 다른 세그먼트로 옮겨 갔습니다. 기준 빌드의 고객 ${count(s.onlyThen, f)}명은 ` +
    `사라졌고 ${count(s.onlyNow, f)}명은 새로 들어왔습니다.`
  );
}

function whatChangedMost(c: ChangesArtifact, f: Formatters): string {
  const top = c.drift.columns.find((d) => d.drifted);
  const b = c.backtest;
  const parts: string[] = [];
  if (top) parts.push(`${top.column} 열이 가장 크게 움직임(${movement(top, f)}; ${effect(top, f)})`);
  else parts.push("드리프트가 있는 열 없음");
  if (b) {
    parts.push(
      `지난 빌드의 모형이 이 고객들에게서 ROC-AUC ${fixed(b.onNewCustomers.rocAuc.estimate, 3, f)}` +
        `(새 모형은 자기 테스트 세트에서 ${fixed(b.newModel.rocAuc.estimate, 3, f)})`,
    );
  }
  if (c.churnRate.now) parts.push(`이탈률 ${f.percent(c.churnRate.then.rate)} → ${f.percent(c.churnRate.now.rate)}`);
  else if (c.churnRate.expected) parts.push(`예상 이탈률 ${f.percent(c.churnRate.expected.rate)}`);
  return `${c.baseline.file} 이후: ${parts.join("; ")}.`;
}

const LAYOUTS: Record<string, string> = { "pipeline output": "파이프라인 출력 폴더", "built site": "빌드된 사이트" };

const BACKTEST_METHOD =
  /^95% intervals from (\d+) stratified bootstrap resamples of the customers scored; precision and recall at each model's own deployed threshold; the test sets' figures are read from each build's models\.json$/;
const MATCHED_BY =
  "centre distance in the baseline's standardised recency, frequency and monetary value (minimum total distance, one to one)";

export const koChanges: ChangesStrings = {
  intro:
    "기준 빌드 이후 어떤 열의 분포가 움직였는지, 지난 빌드의 모형이 처음 보는 고객에게도 여전히 통하는지, 어떤 고객이 " +
    "세그먼트를 옮겼는지 살펴봅니다.",
  compared: (c, f) => {
    const b = c.baseline;
    return (
      `이번 빌드(${c.current.file}, 중복을 뺀 고객 ${f.count(c.current.customers)}명)를 ${b.folder} 폴더의 기준 빌드` +
      `(${LAYOUTS[b.layout] ?? b.layout}: ${b.file}, 중복을 뺀 고객 ${f.count(b.customers)}명, 배포 모형 ${koModels.modelName(b.model.id, b.model.name)}, ` +
      `임계값 ${b.model.threshold.toFixed(3)})와 비교합니다.`
    );
  },
  drift,
  churn,
  backtest,
  segments,
  whatChangedMost,
  movement,
  effect,

  driftTitle: "열별 드리프트",
  driftIntro:
    "효과 크기인 모집단 안정성 지수(PSI) 순으로 정렬했습니다. PSI는 고객 수가 늘어도 커지지 않으므로, 파일이 크다고 " +
    "모든 열이 드리프트로 잡히지는 않습니다. 판정 기준은 표 제목에 적었습니다.",
  backtestTitle: "지난 빌드의 모형을 이 고객들에게 적용하면",
  movesTitle: "세그먼트 이동",
  churnTitle: "이탈률: 그때와 지금",

  driftHeaders: ["열", "종류", "그때 → 지금", "검정", "p", "효과", "드리프트"],
  kind: (kind) => (kind === "numeric" ? "숫자" : "범주"),
  test: (kind) => (kind === "numeric" ? "콜모고로프-스미르노프" : "카이제곱"),
  wasserstein: (w) => `; W ${w} 표준편차`,
  yesNo: (yes) => (yes ? "예" : "아니요"),
  driftRule: (english) =>
    english === DRIFT_RULE
      ? `PSI가 ${PSI_MODERATE} 이상(0.1~0.25는 중간, ${PSI_MAJOR} 초과는 큰 변화)이고 검정의 p가 ${DRIFT_ALPHA} 미만이면 ` +
        "드리프트로 판정합니다. PSI는 숫자 열은 기준 빌드의 십분위(빈칸은 별도 구간)로, 범주 열은 수준별로 계산합니다."
      : english,
  allValues: "전체",
  build: (build) => (build === "baseline" ? "기준 빌드" : build === "now" ? "이번 빌드" : "이번 빌드(예상)"),
  thenNowLabel: (column, numeric) => `${column}: ${numeric ? "구간" : "수준"}별 고객 비율, 기준 빌드와 이번 빌드`,
  thenNowItem: (bin, then, now) => `${bin}: 그때 ${then}, 지금 ${now}`,
  decilesAxis: (column) => `${column}(기준 빌드의 십분위)`,
  shareAxis: "고객 비율",

  backtestHeaders: ["구분", "고객 수", "ROC-AUC", "PR-AUC", "브라이어", "정밀도", "재현율", "예측 대 실제 이탈률"],
  backtestOld: (threshold) => `지난 빌드의 모형, 이 파일의 고객(임계값 ${threshold})`,
  backtestNew: (threshold) => `새 모형, 따로 남겨 둔 테스트 세트(임계값 ${threshold})`,
  backtestOwn: "지난 빌드의 모형, 자체 테스트 세트(당시 보고된 값)",
  calibrationCell: (predicted, observed, ece) => `예측 ${predicted}, 실제 ${observed}(ECE ${ece})`,
  backtestMethod: (english) => {
    const m = BACKTEST_METHOD.exec(english);
    return m
      ? `95% 구간은 점수를 매긴 고객을 층화 부트스트랩으로 ${Number(m[1]).toLocaleString("en-US")}번 다시 뽑아 구했습니다. ` +
          "정밀도와 재현율은 각 모형이 배포된 임계값에서 계산했고, 테스트 세트의 수치는 각 빌드의 models.json에서 읽었습니다."
      : english;
  },
  calibrationModels: ["지난 빌드의 모형, 이 파일", "새 모형, 자체 테스트 세트"],
  calibrationLabel: "보정: 구간별 평균 예측 확률 대비 실제 이탈률",
  calibrationItem: (model, predicted, observed, count) => `${model}: 예측 ${predicted}, 실제 ${observed}(${count}명)`,
  predictedAxis: "평균 예측 확률",
  observedAxis: "실제 이탈률",

  movesLabel: "기준 빌드 세그먼트(행)와 새 세그먼트(열)별 고객 수",
  movesNowAxis: "이번 빌드의 세그먼트",
  movesThenAxis: "기준 빌드의 세그먼트",
  customersLegend: "고객 수",
  segmentHeaders: [
    "기준 빌드 세그먼트",
    "지금 짝지어진 세그먼트",
    "그때 규모",
    "지금 규모",
    "그때 이탈률",
    "지금 이탈률",
  ],
  noLabels: "없음(레이블 없음)",
  noneLeft: "짝지을 세그먼트가 남지 않음",
  matchedBy: (english) =>
    english === MATCHED_BY
      ? "세그먼트는 기준 빌드에서 표준화한 최근성·빈도·금액 공간의 중심 사이 거리로 짝지었습니다(총거리가 가장 작은 일대일 대응)."
      : `세그먼트 짝짓기 기준: ${english}.`,

  churnLabel: "이탈률, 기준 빌드와 이번 빌드, 95% 구간 포함",
  churnItem: (build, rate, low, high) => `${build}: ${rate}(${low}~${high})`,
  churnAxis: "이탈률",

  howTo: [
    "이번 빌드에는 비교할 기준 빌드가 없습니다. ",
    "이번 달 빌드의 출력(파이프라인의 --out 폴더나 게시한 사이트의 dist/ 폴더)을 보관해 두었다가, 다음 달에 ",
    "로 빌드하세요(또는 ",
    "을 실행하면 OUT/changes.json이 만들어집니다). 그러면 이 페이지에 어떤 열이 드리프트했는지, 지난달 모형이 새 고객에게 얼마나 통하는지, 누가 세그먼트를 옮겼는지가 나타납니다.",
  ],
};
