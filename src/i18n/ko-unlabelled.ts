// 한국어: 이탈 열이 없는 파일로 만든 빌드의 문장 (unlabelled-strings.ts).
import type { LabelledPage, UnlabelledStrings } from "./unlabelled-strings.js";

const WHAT: Record<LabelledPage, string> = {
  eda: "이 페이지는 이탈한 고객과 남은 고객을 비교합니다",
  hypotheses: "이 페이지는 누가 이탈하는지에 대한 주장을 실제 이탈 여부로 검정합니다",
  models: "이 페이지는 이 빌드의 파일로 학습한 모델들의 순위를 매깁니다",
  segments: "이 페이지는 이 빌드의 고객을 구매 행태와 이탈 정도에 따라 그룹으로 나눕니다",
};

export const koUnlabelled: UnlabelledStrings = {
  noteTitle: "이 빌드에는 이탈 레이블이 없습니다. ",
  pageNeedsLabels: (page, b) =>
    `${WHAT[page]}. 그런데 이 빌드의 파일 ${b.file}에는 이탈 열이 없어서, 이 파일로 학습한 것이 없고 비교할 ` +
    `이탈 고객도 없습니다. 이 파일의 고객은 기준 빌드의 모델(${b.model})로 점수를 매겼습니다. 그 모델이 예상하는 ` +
    `이탈 고객 수, 기준 빌드 이후 달라진 열, 기준 빌드의 세그먼트 사이에서 고객이 어떻게 옮겨 갔는지는 ` +
    `[변경 사항](./changes) 페이지에 있습니다. 기준 빌드 고객에 대한 이 페이지는 기준 빌드의 보고서` +
    `(${b.baselineFile}로 빌드, 폴더 ${b.baselineFolder})에 있으며, 이 파일에 이탈 열을 추가하면 이 고객들에 ` +
    `대해서도 볼 수 있습니다.`,
  dataFile: (p) =>
    `이 보고서는 **${p.file}**(${p.format}${p.sheet ? `, 시트 "${p.sheet}"` : ""}, ${p.bytes}바이트, ` +
    `SHA-256 \`${p.sha256}\`)로 만들었습니다. 전체 ${p.rows}행이며 이탈 열이 없어 이탈 고객을 세지 않았고, ` +
    `기준 빌드의 모델로 점수를 매겼습니다([변경 사항](./changes) 참고). 열 설명은 ` +
    `${p.fromFile ? "워크북에 들어 있는 데이터 사전" : "프로젝트 스키마(파일에 데이터 사전이 없음)"}에서 가져왔습니다.`,
  lead: (b, p) =>
    `**이 파일에는 이탈 열이 없어** 이 파일로 학습한 모델이 없습니다. ${b.baselineFile}로 학습한 기준 빌드의 ` +
    `모델(${b.model})이 중복을 뺀 고객 ${p.customers}명의 점수를 매겼고, **${p.expected}명이 이탈**할 것으로 ` +
    `예상합니다(${p.rate}, 95% 구간 ${p.low}~${p.high}명). 기준 빌드의 이탈률은 ${p.thenRate}였습니다.`,
  drifted: (drifted, shared, columns) =>
    `두 빌드에 공통인 열 ${shared}개 중 ${drifted}개가 기준 빌드 이후 달라졌습니다: ${columns}. 모델의 확률은 ` +
    "기준 빌드의 고객에 맞춰 보정되었으므로, 이 고객들이 그들과 다른 만큼 예상이 빗나갈 수 있습니다.",
  noDrift: (shared) =>
    `두 빌드에 공통인 열 ${shared}개 중 기준 빌드 이후 달라진 열은 없습니다(PSI 0.1 이상이면서 p 0.05 미만). ` +
    "모델을 보정한 기준 빌드의 고객이 이 고객들과 비슷해 보입니다.",
  driftedColumn: (column, psi) => `${column}(PSI ${psi})`,
  leansOn: (items) => `달라진 열 가운데 모델이 많이 기대는 열: ${items}.`,
  rankItem: (column, rank, of) => `${column}(순열 중요도 ${of}개 중 ${rank}위)`,
  ownCalibration: (p) =>
    `모델은 자신의 검증용 고객 ${p.customers}명에게 이탈률 ${p.predicted}를 예측했고 실제 이탈률은 ` +
    `${p.observed}였습니다(기대 보정 오차 ${p.ece}).`,
  caveat:
    "이 구간은 모델의 확률이 맞다는 전제에서 어떤 고객이 이탈하느냐의 우연만 담습니다. 확률 자체의 오차는 " +
    "담지 않습니다. 이번 달 이탈 여부가 확인되면 그 열을 넣어 다시 빌드해 확인하세요.",
  expectedLabel: "예상 이탈 고객",
  expectedDetail: (low, high, customers) => `95% 구간 ${low}~${high}명, 고객 ${customers}명 중`,
  baselineLabel: "기준 빌드의 이탈률",
  baselineDetail: (churners, customers, file) => `${file}의 고객 ${customers}명 중 ${churners}명`,
  driftLabel: "달라진 열",
  driftValue: (drifted, shared) => `${shared}개 중 ${drifted}개`,
  driftDetail: "공통 열, PSI와 검정으로 판정; 열별 표는 변경 사항 페이지에",
  flaggedLabel: "임계값 이상 고객",
  flaggedDetail: (threshold, model) => `기준 빌드의 ${model} 임계값 ${threshold} 이상인 고객`,
  guideHeading: "이 빌드를 읽는 방법",
  guide: {
    data: "[데이터와 정제](./data): 파일에 무엇이 있었고 어떤 처리를 했는지.",
    changes: "[변경 사항](./changes): 예상 이탈 고객과 그 추정 방법, 열별 변화, 세그먼트 이동.",
    score: "[고객 점수 매기기](./score): 기준 빌드의 모델로 브라우저에서 고객 점수를 매깁니다.",
    others:
      "탐색적 분석, 가설 검정, 모델, 세그먼트와 페르소나 페이지는 이탈 고객과 나머지를 비교하므로, 이 빌드에서는 그렇다고 알리고 기준 빌드의 보고서를 안내합니다.",
  },
  provenanceHeading: "출처",
  provenance: (p) =>
    `${p.builtAt}에 ${p.file}(${p.rows}행, SHA-256 ${p.sha256})로 빌드했으며, 폴더 ${p.baselineFolder}의 ` +
    `기준 빌드(${p.baselineFile}, SHA-256 ${p.baselineSha256})와 비교했습니다.`,
  method: (p) =>
    `예상 이탈 고객 수를 구하는 방법: 고객 ${p.customers}명이 각자 기준 빌드의 모델이 준 확률로, 서로 독립적으로 ` +
    "이탈하거나 남는다고 봅니다. 그러면 이탈 고객 수는 베르누이 시행의 합(포아송 이항 분포)이고, 평균은 " +
    `Σp = ${p.expected}, 표준편차는 √Σp(1 − p) = ${p.sd}입니다. ` +
    (p.exact
      ? `${p.level} 구간 ${p.low}~${p.high}명은 이 분포를 정확히 계산한 가운데 ${p.level}입니다. `
      : `${p.level} 구간 ${p.low}~${p.high}명은 정규 근사(평균 ± 1.96 표준편차)입니다(고객이 너무 많아 분포를 정확히 계산하지 않았습니다). `) +
    "확률이 이 고객들에게도 잘 보정되어 있을 때만 성립합니다.",
  scoreModel: (b) =>
    `이 빌드의 파일에는 이탈 열이 없어 학습한 모델이 없습니다. 여기서 쓰는 모델은 기준 빌드의 ${b.model}로, ` +
    `${b.baselineFile}(폴더 ${b.baselineFolder})로 학습했으며 [변경 사항](./changes)의 예상 이탈 고객 수를 낸 모델입니다.`,
};
