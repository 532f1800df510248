// The Segments page's words on a table that is not the Kaggle one (#13): no sentence, chart word or table
// header speaks of orders, cashback or days since the last order, or names a Kaggle column; every one names the
// table's own columns instead. On the Kaggle preset the page keeps its words. Both languages.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { axisReasons, segmentAxes, segmentsText } from "../src/components/segments-text.js";
import { LANGUAGES } from "../src/i18n/lang.js";
import type { Axes, AxisReason } from "../src/i18n/segments-strings.js";
import { TABLES } from "../src/i18n/tables.js";
import { RFM_COLUMNS } from "../src/lib/segments/rfm.js";

const KAGGLE =
  /cashback|orders?\b|days since|last order|DaySinceLastOrder|OrderCount|CashbackAmount|캐시백|주문|경과일/i;
const OTHER: Axes = { preset: false, r: "last_login_days", f: "support_calls", m: "monthly_fee" };
const PRESET: Axes = { preset: true, r: RFM_COLUMNS.recency, f: RFM_COLUMNS.frequency, m: RFM_COLUMNS.monetary };
const REASONS: AxisReason[] = [
  {
    role: "recency",
    column: "last_login_days",
    source: "name",
    why: "last_login_days stands in for recency: its name says so",
    auc: null,
  },
  {
    role: "frequency",
    column: "support_calls",
    source: "churn",
    why: "support_calls stands in for frequency: no column plays it, and support_calls moves churn most among the rest (ROC-AUC 0.71 alone on the training rows)",
    auc: "0.71",
  },
  {
    role: "monetary",
    column: "monthly_fee",
    source: "name",
    why: "monthly_fee stands in for monetary: its name says so",
    auc: null,
  },
];

/** Every sentence and word of the page that depends on the axes, written for `axes`. */
function axisTexts(lang: (typeof LANGUAGES)[number], axes: Axes): string[] {
  const s = TABLES[lang].segments;
  const c = s.charts;
  const note = axes.preset
    ? "The data has no revenue or spend column. M is CashbackAmount."
    : "M is monthly_fee: monthly_fee stands in for monetary: its name says so.";
  return [
    s.grouped({ customers: "2,000", k: 6, axes }),
    s.noteTitle(axes),
    s.monetaryNote({ axes, note, reasons: REASONS }),
    s.noteRest({ axes, seed: 42, restarts: 10 }),
    s.whoIntro({ id: 1, size: "300", share: "15.0%", axes }),
    s.heatmapIntro(axes),
    s.offerIntro(axes),
    s.assumptionsBody(axes),
    s.valueLabel(axes),
    s.riskValue({ riskCut: "20.0%", valueCut: "40", hiHi: "group 1", axes }),
    c.scatterTitle(axes, false),
    c.scatterTitle(axes, true),
    c.scatterDescription({
      axes,
      shown: "2,000",
      of: null,
      facet: false,
      centres: c.scatterCentre(axes, 0, "1.0", "2.0", "3"),
    }),
    c.scatterX(axes, true),
    c.scatterY(axes),
    c.scatterR(axes),
    ...c.heatmapFeatures(axes),
    c.heatmapTitle(axes),
    c.heatmapBase(axes, "1.0", "2.0", "3", "20.0%"),
    c.riskValueDescription({
      riskWord: c.riskWord(true),
      axes,
      multiplier: "2",
      riskCut: "20.0%",
      valueCut: "40",
      items: "",
    }),
    c.riskValueY(axes, "2"),
    ...s.tables.profileHeaders(axes, true),
    ...(["recency", "frequency", "monetary"] as const).map((role) => s.cards.factAxisValue(axes, role, "1.0", "2.0")),
    s.clusterName({
      axes,
      english: "Recent, infrequent, high-value",
      levels: { recency: "low", frequency: "high", monetary: "mid" },
      standIn: { recency: false, frequency: !axes.preset, monetary: false },
      qualifier: { role: "frequency", rank: 0, of: 2 },
    }),
  ];
}

describe("the Segments page's words on another table", () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: name the table's columns and none of the Kaggle preset's words`, () => {
      const texts = axisTexts(lang, OTHER);
      for (const text of texts) assert.doesNotMatch(text, KAGGLE, text);
      const all = texts.join(" ");
      for (const column of [OTHER.r, OTHER.f, OTHER.m]) assert.ok(all.includes(column), `${column} is never named`);
      // Why these columns: every reason, with the stand-in's evidence.
      const why = TABLES[lang].segments.axesWhy(REASONS);
      for (const r of REASONS) assert.ok(why.includes(r.column), why);
      assert.match(why, /0\.71/);
    });
    it(`${lang}: keep the Kaggle preset's words on the Kaggle columns`, () => {
      assert.match(axisTexts(lang, PRESET).join(" "), KAGGLE);
    });
  }
});

describe("segmentsText", () => {
  const artifact = {
    columns: { recency: "last_login_days", frequency: "support_calls", monetary: "monthly_fee" },
    axes: REASONS.map(({ role, column, source, why }) => ({ role, column, source, why })),
    scaler: {
      medians: { recency: 0, frequency: 0, monetary: 0 },
      means: { recency: 10, frequency: 2, monetary: 50 },
      sds: { recency: 5, frequency: 1, monetary: 20 },
    },
    clusters: [0, 1, 2].map((id) => ({
      id,
      name: ["Recent, regular, high-value", "Recent, regular, high-value", "Lapsed, regular, low-value"][id]!,
      levels:
        id < 2
          ? { recency: "low", frequency: "mid", monetary: "high" }
          : { recency: "high", frequency: "mid", monetary: "low" },
      centre: { recency: 3, frequency: id === 0 ? 2.4 : 1.6, monetary: 80 },
    })),
  } as unknown as Parameters<typeof segmentsText>[0];

  it("reads the axes and their reasons from segments.json, with a stand-in's ROC-AUC", () => {
    assert.deepEqual(segmentAxes(artifact), {
      preset: false,
      r: "last_login_days",
      f: "support_calls",
      m: "monthly_fee",
    });
    assert.equal(segmentAxes({ columns: RFM_COLUMNS }).preset, true);
    assert.deepEqual(
      axisReasons(artifact).map((r) => [r.role, r.source, r.auc]),
      [
        ["recency", "name", null],
        ["frequency", "churn", "0.71"],
        ["monetary", "name", null],
      ],
    );
  });

  it("keeps the pipeline's names in English and tells Korean namesakes apart as the pipeline does", () => {
    const en = segmentsText(artifact, "en");
    assert.equal(en.label({ id: 0 }), "Group 0 · Recent, regular, high-value");
    const ko = segmentsText(artifact, "ko");
    // Groups 0 and 1 share their levels; they are told apart along F (support_calls), where they differ.
    assert.equal(ko.name({ id: 1 }), "최근 활동·support_calls 보통·가치 높음(support_calls 낮은 쪽)");
    assert.equal(ko.name({ id: 0 }), "최근 활동·support_calls 보통·가치 높음(support_calls 높은 쪽)");
    assert.equal(ko.label({ id: 2 }), "그룹 2 · 장기 비활동·support_calls 보통·가치 낮음");
    assert.equal(ko.money(-1234.4), "−1,234");
    assert.equal(ko.num(NaN), "없음");
  });
});
