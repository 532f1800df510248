// 고객 점수 매기기 페이지(한국어). 파일 검사에서 나온 문제와 참고 사항은 코드와 사실(src/lib/data/issue-detail.ts)에서
// 한국어 문장으로 씁니다. 파일 이름, 열 이름, 행 번호, 값은 영어 페이지와 똑같이 그대로 보여 줍니다.
import type { Delimiter, IssueDetail, NoteDetail, ZipDamage } from "../lib/data/issue-detail.js";
import { formatBytes } from "../lib/data/limits.js";
import type { Formatters } from "./format.js";
import type { ScoreStrings } from "./score-strings.js";

const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

const DELIMITERS: Record<Delimiter, string> = { ";": "세미콜론(;)으로", "\t": "탭으로", "|": "세로 막대(|)로" };

function damage(why: ZipDamage): string {
  switch (why.kind) {
    case "noEnd":
      return "중앙 디렉터리의 끝이 없음: 파일이 잘렸거나 zip 파일이 아님";
    case "zip64":
      return "zip64 디렉터리가 손상됨";
    case "directory":
      return "중앙 디렉터리가 손상됨";
    case "entry":
      return `항목 ${JSON.stringify(why.entry)}이(가) 손상됨`;
    case "entryCut":
      return `항목 ${JSON.stringify(why.entry)}이(가) 중간에 잘림`;
  }
}

function problem(d: IssueDetail, f: Formatters): string {
  switch (d.code) {
    case "emptyFile":
      return "비어 있습니다(0바이트). 머리글 줄과 데이터 행이 있어야 합니다.";
    case "emptyText":
      return "비어 있습니다. 머리글 줄과 데이터 행이 있어야 합니다.";
    case "oldXls":
      return "예전 형식의 Excel .xls 통합 문서입니다. .xlsx 또는 CSV UTF-8로 저장해 주세요.";
    case "parquetNotRead":
      return "Parquet 파일입니다. 이 페이지는 CSV와 XLSX만 읽습니다(Parquet은 npm run score로 읽을 수 있습니다).";
    case "utf16":
      return "UTF-16 텍스트입니다. CSV UTF-8(쉼표로 구분)로 저장해 주세요.";
    case "zipNotCsv":
      return "zip 압축 파일(.xlsx 통합 문서?)이며 CSV 텍스트가 아닙니다.";
    case "nulByte":
      return `CSV 텍스트가 아니라 바이너리 파일입니다(오프셋 ${f.count(d.offset)}에 NUL 바이트).`;
    case "nulCharacters":
      return "CSV 텍스트가 아니라 바이너리 파일입니다(NUL 문자가 들어 있음).";
    case "notUtf8":
      return (
        `올바른 UTF-8 텍스트가 아닙니다(처음 잘못된 바이트: ${f.count(d.line)}번째 줄). 바이너리 파일이거나 ` +
        "Windows-1252 같은 다른 인코딩으로 저장된 파일일 수 있습니다. CSV UTF-8로 저장해 주세요."
      );
    case "quoteNeverClosed":
      return `${f.count(d.line)}번째 줄에서 열린 따옴표가 끝까지 닫히지 않습니다.`;
    case "quoteSpansLines":
      return (
        `따옴표(")로 시작한 값이 ${f.count(d.closeLine)}번째 줄까지 이어집니다. 값은 여러 줄에 걸칠 수 없습니다` +
        "(따옴표가 잘못 들어갔을 수 있습니다)."
      );
    case "otherDelimiter":
      return (
        `쉼표가 아니라 ${DELIMITERS[d.delimiter]} 구분되어 있습니다(머리글이 한 열로 읽힘: ${JSON.stringify(d.header)}). ` +
        "쉼표로 구분된 CSV로 저장해 주세요."
      );
    case "headerOnly":
      return `머리글(${f.count(d.line)}번째 줄)만 있고 데이터 행이 없습니다.`;
    case "fileTooLarge":
      return `크기가 ${formatBytes(d.bytes)}입니다. 받을 수 있는 파일은 ${formatBytes(d.max)}까지입니다(README: Limits).`;
    case "tooManyRows":
      return `데이터 행이 허용 한도인 ${f.count(d.limit)}개를 넘습니다(README: Limits).`;
    case "workbookUnreadable":
      return `zip 압축 파일이지만 .xlsx 통합 문서로 읽을 수 없습니다(${d.reason}).`;
    case "zipBroken":
      return `zip 압축 파일이지만 .xlsx 통합 문서로 읽을 수 없습니다(${damage(d.why)}).`;
    case "workbookTooLarge":
      return (
        `압축을 풀면 ${formatBytes(d.total)}입니다(${d.largest} 하나만 ${formatBytes(d.largestSize)}). 받을 수 있는 ` +
        `통합 문서는 풀었을 때 ${formatBytes(d.max)}까지입니다. 데이터 시트를 CSV로 저장해 주세요(README: Limits).`
      );
    case "noSuchSheet":
      return `"${d.sheet}" 시트가 없습니다(${d.source}에서 지정). 이 파일의 시트: ${quoted(d.sheets)}`;
    case "sheetWithoutHeader":
      return `"${d.sheet}" 시트(${d.source}에서 지정)의 처음 ${f.count(d.rows)}행 안에 열 이름으로 된 머리글 행이 없습니다.`;
    case "noSheets":
      return "시트가 하나도 없는 통합 문서입니다.";
    case "noHeaderSheet":
      return (
        `처음 ${f.count(d.rows)}행 안에 열 이름 머리글 행(${d.expected.join(", ")} 등)이 있는 시트가 없습니다. ` +
        `이 파일의 시트: ${quoted(d.sheets)}`
      );
    case "sheetHeaderOnly":
      return `머리글(시트 ${JSON.stringify(d.sheet)}, ${f.count(d.row)}행)만 있고 데이터 행이 없습니다.`;
    case "fieldCount":
      return `필드가 ${f.count(d.fields)}개인데 머리글은 ${f.count(d.header)}개입니다.`;
    case "repeatedColumn":
      return `${d.position}번째 열과 이름이 같습니다. 한 열은 한 번만 나올 수 있습니다.`;
    case "nearlyNamed":
      return `이 열이 없습니다(파일에 ${JSON.stringify(d.near)} 열이 있습니다. 같은 열이라면 이름을 바꿔 주세요).`;
    case "missingColumns": {
      const has = d.has.length > 8 ? `${d.has.slice(0, 8).join(", ")}, …` : d.has.join(", ");
      const lead = d.absent.length === 1 ? "필수 열이 없습니다" : `필수 열 ${f.count(d.absent.length)}개가 없습니다`;
      return `${lead}: ${d.absent.join(", ")} (파일의 열: ${has})`;
    }
    case "blankNotAllowed":
      return "비어 있습니다. 이 열은 빈칸을 허용하지 않습니다.";
    case "missingMarker":
      return d.nullable
        ? "숫자가 아닙니다(값이 없으면 칸을 비워 두세요)."
        : "숫자가 아닙니다(이 열은 빈칸도 허용하지 않습니다).";
    case "decimalComma":
      return "숫자가 아닙니다(소수점을 쉼표로 썼다면 마침표로 바꿔 주세요).";
    case "tooExtreme":
      return d.small
        ? "너무 작아 숫자로 담을 수 없습니다(0으로 읽힙니다)."
        : "너무 커서 숫자로 담을 수 없습니다(무한대로 읽힙니다).";
    case "notNumber":
      return "숫자가 아닙니다.";
    case "notWhole":
      return "정수가 아닙니다.";
    case "outOfRange":
      return `허용 범위(${d.min ?? "하한 없음"}~${d.max ?? "상한 없음"})를 벗어났습니다.`;
    case "blankId":
      return "비어 있습니다. 모든 고객에게 ID가 있어야 합니다.";
    case "idSeparator":
      return "쉼표나 줄바꿈이 들어 있습니다. ID에는 쓸 수 없습니다.";
    case "repeatedId":
      return `${f.count(d.line)}번째 줄과 ID가 같습니다.`;
    case "targetBlank":
      return `비어 있습니다. ${d.column} 값은 ${d.negative} 또는 ${d.positive} 중 하나여야 합니다.`;
    case "targetValue":
      return `${d.negative} 또는 ${d.positive} 중 하나여야 합니다.`;
    case "unknownLevel":
      return `알려진 값이 아닙니다(가능한 값: ${quoted(d.allowed)}).`;
  }
}

const SHEET_REASONS: Record<Extract<NoteDetail, { code: "sheetChosen" }>["why"], string> = {
  columns: "기대하는 열 이름이 가장 많이 들어 있습니다",
  churn: "이탈 열이 있습니다",
  rows: "행이 가장 많습니다",
  first: "비슷한 시트 가운데 가장 앞에 있습니다",
};

/** The first ten references, and how many more. */
function listedKo(items: readonly string[], f: Formatters, most = 10): string {
  return items.length <= most
    ? items.join(", ")
    : `${items.slice(0, most).join(", ")} 외 ${f.count(items.length - most)}개`;
}

function noteText(d: NoteDetail, f: Formatters): string {
  switch (d.code) {
    case "text":
      return d.text;
    case "formulaCells":
      return (
        `"${d.sheet}" 시트: 수식 셀 ${f.count(d.cells.length)}개는 파일에 계산된 값이 없어(수식 오류이거나, 스프레드시트 ` +
        `프로그램이 아닌 도구로 저장한 파일) 빈칸으로 읽었습니다: ${listedKo(d.cells, f)}`
      );
    case "mergedRanges":
      return (
        `"${d.sheet}" 시트: 병합된 범위 ${f.count(d.ranges.length)}개(${listedKo(d.ranges, f)})는 첫 셀에만 값이 있어 ` +
        `나머지 셀은 빈칸으로 읽었습니다.`
      );
    case "targetIgnored":
      return `${d.column} 열에 빈칸이 ${f.count(d.blanks)}개 있어 이 열은 쓰지 않았습니다.`;
    case "extraColumns":
      return `모형이 쓰지 않는 열은 손대지 않고 그대로 두었습니다: ${d.names.join(", ")}`;
    case "rowsLeftOut":
      return `값이 잘못된 행 ${f.count(d.count)}개를 뺐습니다.`;
    case "sheetNamed":
      return `${d.source}에 지정된 대로 "${d.sheet}" 시트를 읽었습니다.`;
    case "sheetChosen": {
      const others = d.others.map((o) => `"${o.sheet}"(${f.count(o.rows)}행)`).join(", ");
      return (
        `"${d.sheet}" 시트(${f.count(d.rows)}행)를 읽었습니다. ${SHEET_REASONS[d.why]}. 통합 문서의 다른 시트: ` +
        `${others}. 다른 시트를 읽으려면 --sheet NAME(또는 CHURN_SHEET)을 쓰세요.`
      );
    }
  }
}

const STAGES = { reading: "파일 읽는 중", checking: "값 검사 중", scoring: "점수 계산 중" } as const;

export const koScore: ScoreStrings = {
  intro: (model) =>
    "보고서 데이터와 같은 열을 가진 고객 파일(CSV 또는 XLSX, Churn 열은 있어도 되고 없어도 됩니다)을 올리면 고객마다 " +
    "이탈 확률, 보고서 임계값에 따른 판정, 세그먼트, 그리고 그 점수가 나온 이유를 계산합니다. 보고서의 수치를 낸 바로 " +
    `그 모형(${model})과 전처리, 세그먼트를 그대로 씁니다.`,
  privacyTitle: "파일은 브라우저 밖으로 나가지 않습니다.",
  privacy:
    "보고서와 함께 제공되는 스크립트가 이 페이지 안에서 파일을 읽고 검사하고 점수를 매깁니다. 어디에도 업로드되지 " +
    "않습니다. 파일을 받을 서버 자체가 없습니다.",
  sample: (ownFile) => [
    "당장 쓸 파일이 없다면 ",
    `로 시험해 보세요. ${ownFile ? "보고서가 읽은 파일의 고객을 최대 200명, 원래 적힌 그대로" : "데모 데이터에서 만든 가상 고객 200명을"} Churn 열만 빼고 담았습니다.`,
  ],
  fileInputLabel: "고객 파일(CSV 또는 XLSX)",
  scored: (p) =>
    `${p.file}: 고객 ${p.customers}명의 점수를 ${p.seconds}초 만에 계산했습니다(${p.format}, 파일의 행 ${p.rows}개).`,
  note: (text) => `참고: ${text}`,
  thresholdIntro: (value, policy) =>
    `보고서의 임계값은 **${value}**입니다(테스트 세트가 아니라 교차 검증 밖 예측에서 ${policy} 정책으로 정함). ` +
    "점수가 이 값 이상인 고객을 고위험으로 표시합니다. 값을 움직이면 표시되는 고객이 늘거나 줄어듭니다.",
  thresholdLabel: "임계값",
  uploadFirst: "위에서 파일을 올리면 고객 목록이 여기에 나타납니다.",
  evaluation: (p) => [
    "이 파일에는 Churn 열이 있어, 이 고객들에 대한 모형의 성적을 보여 드립니다.",
    `ROC-AUC ${p.auc}, 임계값 ${p.threshold}에서 정밀도 ${p.precision}, 재현율 ${p.recall}, 정확도 ${p.accuracy}` +
      `(이탈 고객 ${p.tp}명 포착, ${p.fn}명 놓침, 남은 고객 ${p.fp}명을 고위험으로 표시). 이 고객들이 학습 데이터에 ` +
      "들어 있었다면 이 수치는 실제보다 좋게 나옵니다. 정직한 수치는 모형 페이지에 있습니다.",
  ],
  searchPlaceholder: "고객 검색…",
  searchLabel: "검색",
  searchResults: (_count, countText) => `${countText}건`,
  segmentLabel: "세그먼트",
  allSegments: "전체 세그먼트",
  highRiskOnly: "고위험 고객만",
  columns: {
    probability: "이탈 확률",
    highRisk: "고위험",
    raisesRisk: "위험을 높이는 요인",
    lowersRisk: "위험을 낮추는 요인",
    segment: "세그먼트",
    customers: "고객 수",
    shareHighRisk: "고위험 비율",
    meanProbability: "평균 확률",
  },
  yesNo: (yes) => (yes ? "예" : "아니요"),
  pickCustomer: (id) => `고객 ${id} 선택`,
  pickOne: "고객 한 명 선택",
  showing: (shown, total) =>
    `고객 ${total}명 중 ${shown}명을 보여 줍니다. 열 머리글을 누르면 정렬되고, 고객을 고르면 아래 가정 분석 양식에서 ` +
    "그 고객을 설명합니다.",
  reasonsHowTitle: "이유는 어떻게 계산하나",
  reasonsHow: (p) =>
    p.kind === "linear"
      ? "이유: 로지스틱 회귀 자체의 항으로 고객의 위험을 가장 크게 높이거나 낮추는 열입니다. 특성마다 계수에 고객의 " +
        "표준화된 값(빈칸은 학습 데이터 중앙값으로 채움)을 곱하고, 열마다 인코딩된 특성을 합칩니다. 이 값들을 모두 " +
        "더하면 고객의 로그 오즈에서 절편(학습 데이터 평균 고객의 로그 오즈)을 뺀 값과 정확히 같고, 고객 한 명에 몇 " +
        "마이크로초밖에 걸리지 않습니다. 임계값을 움직여도 바뀌지 않고, 다른 파일을 올리면 새로 계산합니다."
      : p.kind === "treeshap"
        ? "이유: 정확한 TreeSHAP 값" +
          `${p.member ? `(선택된 모형의 구성원 ${p.member} 기준)` : ""}으로 고객의 위험을 가장 크게 높이거나 낮추는 ` +
          "열입니다. 열마다 인코딩된 특성(범주의 원-핫 열, 작년 구매 없음 표시와 그 열)을 합칩니다. 정확한 값을 내려면 " +
          `고객마다 나무 ${p.trees}그루의 모든 경로를 따라가야 해서, 점수는 고객당 몇 마이크로초인데 이유는 몇 ` +
          "밀리초가 걸립니다. 그래서 이유는 점수를 붙잡아 두지 않고 뒤따라 계산되며, 기기에 코어가 둘 이상이면 두 " +
          "스레드로 나눠 계산합니다. 확률이 높은 고객부터 계산하므로 어느 임계값에서든 고위험 고객의 이유가 먼저 " +
          "채워집니다. 임계값을 움직여도 다시 시작하지 않고, 다른 파일을 올리면 멈춥니다."
        : "이유: 이 모형에는 정확한 설명 방법이 없어 이유를 제공하지 않습니다.",
  highRiskInSegment: (segment, _count, countText) => `${segment}: 고위험 고객 ${countText}명`,
  downloadAll: (count) => `점수를 매긴 전체 고객(${count}명)`,
  downloadHighRisk: (count) => `고위험 고객(${count}명)`,
  downloadSegment: (segment, count) => `${segment}(${count}명)`,
  downloadNow: (count) => [
    "기다릴 수 없다면 ",
    `이유 없이 지금 받기: 전체 고객(${count}명)`,
    " 파일에는 확률, 판정, 세그먼트만 있고 이유 열은 아예 없습니다(일부만 채우지 않고 통째로 뺐습니다).",
  ],
  downloadsNote:
    "위 버튼으로 받는 파일에는 고객마다 이유(raises_risk, lowers_risk)가 들어 있습니다. 이유를 계산하는 도중에 누르면 " +
    "버튼에 진행 상황이 표시되고, 마지막 이유가 채워지는 즉시 파일이 내려받아집니다. 파일은 바이트 순서 표시(BOM)가 " +
    "붙은 UTF-8 CSV라서 스프레드시트에서도 한글과 악센트가 깨지지 않습니다. =, +, - 또는 @로 시작하는 텍스트 칸에는 " +
    "앞에 아포스트로피를 붙여, 스프레드시트가 수식으로 실행하지 않고 글자 그대로 보여 주게 했습니다. 고위험 고객 " +
    "파일은 위 임계값을 따릅니다.",
  downloadsLater: "파일의 점수를 매기면 내려받기 버튼이 나타납니다.",
  whatIfIntro: (uploaded) =>
    `${uploaded ? "표에서 고른 고객(고르지 않았다면 일반적인 값)" : "일반적인 값(숫자는 학습 데이터 중앙값, 범주는 목록의 첫 값)"}에서 ` +
    "시작해 아무 칸이나 바꿔 보면, 위험과 그 이유가 어떻게 달라지는지 볼 수 있습니다.",
  startCustomer: (id) => `고객 ${id}`,
  startTypical: "일반적인 값",
  blankAllowed: "빈칸 가능",
  whatIfResult: (p) => [
    `${p.start} 기준: 이탈 확률 `,
    `, 임계값 ${p.threshold}에서 ${p.high ? "고위험" : "고위험 아님"}, 세그먼트 `,
    "",
    ".",
  ],
  formProblemLead: "양식에 모형이 받을 수 없는 값이 있습니다: ",
  reasonsNote: (units) =>
    "이유는 섀플리 값입니다. 이 고객의 점수와 학습 데이터 평균 고객의 점수 차이 가운데 각 열이 차지하는 몫을 모형의 " +
    `${units === "log-odds" ? "로그 오즈" : "확률"} 단위로 나타낸 것입니다. 모형이 어떻게 판단하는지를 설명할 뿐 인과 ` +
    "관계를 뜻하지는 않습니다. 양식에서 값을 바꾸면 모형이 뭐라고 할지를 보여 줄 뿐, 고객이 실제로 어떻게 행동할지를 " +
    "보여 주지는 않습니다.",

  rejectedTitle: "파일을 받지 않았습니다. 점수를 매긴 고객이 없습니다. ",
  rejected: (file, total, totalText) =>
    `${file}에 ${total === 1 ? "문제가 있어" : `문제가 ${totalText}건 있어`} 보고서의 열을 가진 고객 데이터로 읽을 수 ` +
    "없습니다:",
  skippedTitle: (skipped, rows) => `전체 ${rows}행 중 ${skipped}행을 건너뛰었습니다. `,
  skipped:
    "모형이 받을 수 없는 값이 있어 점수를 매기지 않았고, 아래 표와 내려받는 파일에도 없습니다. 파일에서 고친 뒤 다시 " +
    "올려 주세요:",
  groupHead: (column) => (column !== undefined ? `${column} 열:` : "파일:"),
  groupCount: (_count, countText) => `${countText}개 행`,
  place: (place, row) =>
    place === "sheetRow" ? `시트 ${row}행` : place === "record" ? `${row}번째 행` : `${row}번째 줄`,
  more: (rest) => `… 같은 문제가 ${rest}건 더 있습니다`,
  valueJoin: " — ",
  problem,
  uncoded: (english) => `읽을 수 없습니다(원문: ${english})`,
  noteText,
  stage: (stage) => STAGES[stage],
  stageCount: (done, total) => `고객 ${total}명 중 ${done}명`,
  raiseMost: "위험을 가장 크게 높이는 요인",
  lowerMost: "위험을 가장 크게 낮추는 요인",
  none: "없음",
  units: (units) =>
    `기여도 단위는 ${units === "log-odds" ? "로그 오즈" : units === "probability" ? "확률" : units}이며, 모형이 학습에서 본 평균 고객을 기준으로 합니다.`,
  computing: "계산 중…",
  reasonsRunning: (p) =>
    `이유 계산 중… 고객 ${p.total}명 중 ${p.done}명${
      p.high === null
        ? ""
        : p.high.all
          ? `, 고위험 고객 ${p.high.flagged}명은 모두 완료`
          : `, 고위험 고객부터 계산 중(지금까지 ${p.high.flagged}명 중 ${p.high.done}명)`
    }. 점수, 세그먼트, 내려받기는 이미 준비되었고 이유는 계산되는 대로 채워집니다.`,
  reasonsDone: (p) =>
    `고객 ${p.total}명 모두의 이유를 ${p.seconds}초 만에 계산했습니다(정확한 TreeSHAP, 초당 고객 ${p.rate}명).`,
  reasonsFailed: (message) => `이유를 계산하지 못했습니다: ${message}. 위의 점수와 세그먼트에는 영향이 없습니다.`,
  waiting: (label, done, total) => `${label}: 이유를 기다리는 중, ${total}명 중 ${done}명…`,
};
