// Every translated page in every language, in Chromium: a clean load, <html lang> of its language, a switch
// that opens the same page in the other language, and no missing string on show (no raw placeholder, and on
// a translated page none of the English table's sentences nor an English heading). Then the Korean pages that
// show more after a reader's action or with a baseline: /ko/score with a file scored and a file refused, and
// /ko/changes (and the overview's line) with a baseline's changes.json. The Models page in Korean shows the
// English page's figures, its leaderboard sorts, and the pipeline's protocol notes are in Korean.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { DEMO_CSV } from "../bench/fixtures/scoring-bundle.js";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { translatedPages } from "../scripts/i18n-pages.js";
import { LANGUAGES, pathInLanguage, SOURCE_LANGUAGE, type Lang } from "../src/i18n/lang.js";
import { TABLES } from "../src/i18n/tables.js";
import { parseCsv } from "../src/lib/data/csv.js";
import { changesArtifact } from "./fixtures/changes.js";
import { segmentsText } from "../src/components/segments-text.js";
import {
  assertChartsNamed,
  assertCleanPage,
  reportInChromium,
  requireBuiltSite,
  uploadOnScorePage,
  waitForReport,
} from "./helpers/site.js";

const PAGES = translatedPages(join(PROJECT_ROOT, "src"));

/** The English table's plain sentences long enough that finding one on another language's page means a gap. */
function englishSentences(): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.length >= 24) found.push(value.replace(/\*\*|`|\[([^\]]+)\]\([^)]*\)/g, "$1").slice(0, 60));
    } else if (value !== null && typeof value === "object") {
      for (const v of Object.values(value)) walk(v);
    }
  };
  walk({ ...TABLES.en, common: { ...TABLES.en.common, languageName: "", switchLabel: "" } });
  return found;
}

function pathOf(id: string, lang: Lang): string {
  return pathInLanguage(id === "index" ? "/" : `/${id}`, lang);
}

describe("the report in every language", () => {
  const report = reportInChromium();
  const english = englishSentences();

  it("has translated pages to test", () => assert.ok(PAGES.includes("index")));

  for (const id of PAGES) {
    for (const lang of LANGUAGES) {
      const path = pathOf(id, lang);
      it(`${path} loads cleanly in ${lang}, switches language and shows no missing string`, async () => {
        const { page, problems } = await report.open(path);
        await assertCleanPage(page, problems);
        assert.equal(await page.getAttribute("html", "lang"), lang);
        const text = await page.innerText("#observablehq-main");
        for (const marker of ["undefined", "[object Object]", "NaN", "=>"]) {
          assert.ok(!text.includes(marker), `${path} shows "${marker}"`);
        }
        if (lang !== SOURCE_LANGUAGE) {
          const heading = await page.innerText("#observablehq-main h1");
          assert.equal(heading, TABLES[lang].pages[id].headings.main ?? heading);
          assert.match(heading, /[\uac00-\ud7a3]/, `${path}'s heading is not in Korean`);
          const left = english.filter((sentence) => text.includes(sentence));
          assert.deepEqual(left, [], `${path} shows English sentences`);
          assert.match(await page.title(), new RegExp(TABLES[lang].pages[id].title));
        }
        const other = LANGUAGES.find((l) => l !== lang) ?? SOURCE_LANGUAGE;
        const link = page.locator(`#observablehq-header a.lang-switch[hreflang="${other}"]`);
        assert.equal(await link.count(), 1, `${path} has no switch to ${other}`);
        await link.click();
        await page.waitForURL(
          (url) => url.pathname === pathOf(id, other) || url.pathname === `${pathOf(id, other)}.html`,
        );
        await waitForReport(page);
        assert.equal(await page.getAttribute("html", "lang"), other);
        await assertCleanPage(page, problems);
        await page.close();
      });
    }
  }

  // The numbers of a page's tables and persona facts, sorted: the same in every language, only worded apart.
  async function figures(path: string): Promise<{ numbers: string[]; cards: string[] }> {
    const { page, problems } = await report.open(path);
    await assertCleanPage(page, problems);
    const text = await page.$$eval("#observablehq-main table, #observablehq-main .persona-facts", (nodes) =>
      nodes.map((n) => (n as HTMLElement).innerText).join("\n"),
    );
    const cards = await page.$$eval(".persona-card .persona-who", (nodes) => nodes.map((n) => n.textContent ?? ""));
    await page.close();
    return { numbers: (text.match(/\d[\d,.]*\d|\d/g) ?? []).sort(), cards };
  }

  it("the Korean overview names the model and the first group as the Korean Models and Segments pages do", async () => {
    const dir = join(requireBuiltSite(), "_file", "data");
    const artifact = (name: string) => {
      const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.json$`).test(f));
      assert.ok(file, `the build has no ${name}.json`);
      return JSON.parse(readFileSync(join(dir, file), "utf-8")) as unknown;
    };
    const models = artifact("models") as { selected: { id: string }; models: { id: string; name: string }[] };
    const selected = models.models.find((m) => m.id === models.selected.id);
    assert.ok(selected);
    const korean = TABLES.ko.models.modelName(selected.id, selected.name);
    assert.notEqual(korean, selected.name, "the deployed model has no Korean name");
    const { page, problems } = await report.open("/ko/");
    await assertCleanPage(page, problems);
    const cards = await page.innerText("#observablehq-main");
    await page.close();
    assert.ok(cards.includes(korean), `/ko/ does not name the model as ${korean}`);
    assert.ok(!cards.includes(selected.name), `/ko/ names the model in English: ${selected.name}`);
    const segmentsArtifact = artifact("segments") as Parameters<typeof segmentsText>[0];
    const { page: segmentsPage } = await report.open("/ko/segments");
    const segmentsPageText = await segmentsPage.innerText("#observablehq-main");
    await segmentsPage.close();
    const names = segmentsArtifact.clusters.map((c) => segmentsText(segmentsArtifact, "ko").name(c));
    const named = names.filter((name) => cards.includes(name));
    assert.equal(named.length, 1, `/ko/ should name one group in Korean, named: ${named.join(", ")}`);
    assert.ok(segmentsPageText.includes(named[0]), `/ko/segments does not use the name ${named[0]}`);
  });

  it("/ko/segments shows the same numbers as /segments, and persona cards written in Korean", async (t) => {
    if (!PAGES.includes("segments")) return t.skip("the segments page is not translated");
    const en = await figures("/segments");
    const ko = await figures("/ko/segments");
    assert.ok(en.numbers.length > 50, `too few numbers on /segments: ${en.numbers.length}`);
    assert.deepEqual(ko.numbers, en.numbers);
    assert.equal(ko.cards.length, en.cards.length);
    assert.ok(ko.cards.length > 0, "no persona cards");
    for (const who of ko.cards) assert.match(who, /[\uac00-\ud7a3]/, `a Korean card in English: ${who}`);
    for (const who of en.cards) assert.doesNotMatch(who, /[\uac00-\ud7a3]/, `an English card in Korean: ${who}`);
  });
});

const HANGUL = /[\uac00-\ud7a3]/;

function writeCsv(name: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "languages-")), name);
  writeFileSync(path, [header, ...rows].map((r) => r.join(",")).join("\n") + "\n");
  return path;
}

/** Answers the page's request for changes.json with a build against a baseline, then opens the page. */
async function withBaseline(page: Page, url: string): Promise<void> {
  await page.route(/\/_file\/data\/changes\.[0-9a-f]+\.json$/, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(changesArtifact()) }),
  );
  await page.goto(url);
  await waitForReport(page);
}

describe("the Korean pages after an upload and with a baseline", () => {
  const report = reportInChromium();
  const ko = TABLES.ko;
  const skip = PAGES.includes("score") ? false : "the Score page is not translated";

  it("/ko/score: a scored file gets its summary, tables and buttons in Korean", { skip }, async () => {
    const raw = parseCsv(readFileSync(DEMO_CSV), "demo-churn.csv");
    const path = writeCsv("고객.csv", raw.header, raw.rows.slice(0, 40));
    const { page, problems } = await report.open("/ko/score");
    const status = await uploadOnScorePage(page, path);
    assert.match(status, /고객\.csv: 고객 40명의 점수를 [\d.]+초 만에 계산했습니다\(CSV, 파일의 행 40개\)\./);
    const main = await page.innerText("#observablehq-main");
    assert.ok(main.includes(ko.score.columns.probability), "the customers table's header is not in Korean");
    assert.ok(main.includes(ko.score.downloadAll("40")), "the download button is not in Korean");
    const english = englishSentences().filter((sentence) => main.includes(sentence));
    assert.deepEqual(english, [], "English sentences on /ko/score after an upload");
    for (const marker of ["undefined", "NaN", "[object Object]"]) assert.ok(!main.includes(marker), marker);
    await assertCleanPage(page, problems);
    await page.close();
  });

  it(
    "/ko/score: a file whose every row is bad is refused in Korean, naming the column, rows and value",
    { skip },
    async () => {
      const raw = parseCsv(readFileSync(DEMO_CSV), "demo-churn.csv");
      const tenure = raw.header.indexOf("Tenure");
      const rows = raw.rows.slice(0, 2).map((r) => r.map((v, j) => (j === tenure ? "12abc" : v)));
      const { page, problems } = await report.open("/ko/score");
      const status = await uploadOnScorePage(page, writeCsv("bad.csv", raw.header, rows));
      assert.match(status, /파일을 받지 않았습니다/);
      assert.match(status, /bad\.csv에 문제가 2건 있어/);
      const rejected = (await page.textContent('[data-testid="score-rejected"]')) ?? "";
      for (const text of ["Tenure 열:", "숫자가 아닙니다", "2번째 줄", "3번째 줄", '"12abc"'])
        assert.ok(rejected.includes(text), `${text} not in: ${rejected}`);
      assert.doesNotMatch(rejected, /is not a number|line \d/);
      await assertCleanPage(page, problems);
      await page.close();
    },
  );

  it("/ko/score: one bad row is skipped and said in Korean; the rest are scored", { skip }, async () => {
    const raw = parseCsv(readFileSync(DEMO_CSV), "demo-churn.csv");
    const rows = raw.rows.slice(0, 10).map((r) => [...r]);
    rows[3][raw.header.indexOf("CityTier")] = "7";
    const { page, problems } = await report.open("/ko/score");
    const status = await uploadOnScorePage(page, writeCsv("skip.csv", raw.header, rows));
    assert.match(status, /고객 9명의 점수를/);
    const skipped = (await page.textContent('[data-testid="score-skipped"]')) ?? "";
    assert.match(skipped, /전체 10행 중 1행을 건너뛰었습니다/);
    for (const text of ["CityTier 열:", "허용 범위", "5번째 줄", '"7"']) assert.ok(skipped.includes(text), text);
    await assertCleanPage(page, problems);
    await page.close();
  });

  const changesSkip = PAGES.includes("changes") ? false : "the What changed page is not translated";

  it(
    "/ko/changes with a baseline: the paragraphs, tables and charts are in Korean",
    { skip: changesSkip },
    async () => {
      const { page, problems } = await report.newPage();
      await withBaseline(page, report.url + "/ko/changes");
      await assertCleanPage(page, problems);
      const text = await page.innerText("#observablehq-main");
      assert.match(text, /두 빌드에 모두 있는 열 3개 가운데 2개에 드리프트가 있습니다: Tenure/);
      assert.match(text, /다시 학습한 보람이 있습니다/);
      for (const title of [
        ko.changes.driftTitle,
        ko.changes.backtestTitle,
        ko.changes.movesTitle,
        ko.changes.churnTitle,
      ])
        assert.ok(text.includes(title), title);
      const headers = await page.$$eval("main table thead th", (cells) => cells.map((c) => c.textContent ?? ""));
      for (const header of ko.changes.driftHeaders) assert.ok(headers.includes(header), header);
      await assertChartsNamed(page, [
        "Tenure: 구간별 고객 비율",
        "보정:",
        ko.changes.movesLabel,
        ko.changes.churnLabel,
      ]);
      const english = englishSentences().filter((sentence) => text.includes(sentence));
      assert.deepEqual(english, [], "English sentences on /ko/changes");
      for (const marker of ["undefined", "NaN", "[object Object]"]) assert.ok(!text.includes(marker), marker);
      await page.close();
    },
  );

  it(
    "/ko/ with a baseline says in Korean what changed most and links to /ko/changes",
    { skip: changesSkip },
    async () => {
      const { page, problems } = await report.newPage();
      await withBaseline(page, report.url + "/ko/");
      await assertCleanPage(page, problems);
      const line = page.locator("#observablehq-main p", { hasText: "may.csv 이후:" });
      assert.equal(await line.count(), 1, "no Korean what-changed line on /ko/");
      assert.match((await line.textContent()) ?? "", /Tenure 열이 가장 크게 움직임/);
      const href = await line.locator("a").evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname);
      assert.ok(href === "/ko/changes" || href === "/ko/changes.html", href);
      assert.match(await line.locator("a").innerText(), HANGUL);
      await page.close();
    },
  );
});
/**
 * The figures a page shows, as a sorted list: decimals ("0.534", "16.8%") and grouped counts ("5,630") in
 * its text, tables, notes (closed ones too) and chart ticks, and in its charts' text alternatives. Both
 * languages write them with the same formatters, each in its own word order, so the lists must be equal.
 */
async function figuresOn(page: Page): Promise<string[]> {
  const text = await page.$eval("#observablehq-main", (main) => {
    // Text node by text node: neighbouring table cells must not run their figures together.
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode.nodeValue ?? "");
    return [
      ...texts,
      ...[...main.querySelectorAll("svg[aria-label], svg[aria-description]")].map(
        (svg) => `${svg.getAttribute("aria-label") ?? ""} ${svg.getAttribute("aria-description") ?? ""}`,
      ),
    ].join("\n");
  });
  return (text.match(/\d[\d,]*\.\d+%?|\d{1,3}(?:,\d{3})+/g) ?? []).sort();
}

describe(
  "the Models page in Korean",
  { skip: !PAGES.includes("models") && "the Models page is not translated" },
  () => {
    const report = reportInChromium();

    it("shows the English page's figures: the same decimals and counts in text, tables, notes and charts", async () => {
      const en = await report.open("/models");
      const ko = await report.open("/ko/models");
      await assertCleanPage(ko.page, ko.problems);
      const english = await figuresOn(en.page);
      const korean = await figuresOn(ko.page);
      assert.ok(english.length > 500, `only ${english.length} figures on /models`);
      assert.deepEqual(korean, english);
      const order = (page: Page) =>
        page.$$eval("#leaderboard tbody tr", (trs) => trs.map((tr) => tr.getAttribute("data-model-id")));
      assert.deepEqual(await order(ko.page), await order(en.page));
      const cells = (page: Page) =>
        page.$$eval("#threshold-confusion td[data-cell]", (tds) => tds.map((td) => td.textContent));
      assert.deepEqual(await cells(ko.page), await cells(en.page));
      await en.page.close();
      await ko.page.close();
    });

    it("names its models, charts and controls in Korean and sorts its leaderboard", async () => {
      const { page, problems } = await report.open("/ko/models");
      const hangul = /[\uac00-\ud7a3]/;
      const labels = await page.$$eval("svg[aria-label]", (svgs) =>
        svgs.map((svg) => svg.getAttribute("aria-label") ?? ""),
      );
      assert.ok(labels.length >= 12, `only ${labels.length} labelled charts`);
      for (const label of labels) assert.match(label, hangul, `chart "${label}" is not named in Korean`);
      const controls = await page.$$eval("#observablehq-main form label", (ls) => ls.map((l) => l.textContent ?? ""));
      for (const label of controls.filter((l) => l.trim())) assert.match(label, hangul, `control "${label}"`);
      const notes = await page.$$eval("#observablehq-main details li", (lis) => lis.map((li) => li.textContent ?? ""));
      assert.ok(notes.length >= 5, `only ${notes.length} protocol notes`);
      for (const line of notes) assert.match(line, hangul, `protocol note left in English: ${line}`);
      const names = await page.$$eval("#leaderboard tbody tr td:first-child", (tds) =>
        tds.map((td) => td.textContent ?? ""),
      );
      for (const name of names) assert.match(name, hangul, `model "${name}" is not named in Korean`);
      const before = await page.$$eval("#leaderboard tbody tr", (trs) =>
        trs.map((tr) => tr.getAttribute("data-model-id")),
      );
      await page.locator("#leaderboard th button", { hasText: "테스트 ROC-AUC" }).click();
      assert.equal(
        await page.locator("#leaderboard th", { hasText: "테스트 ROC-AUC" }).getAttribute("aria-sort"),
        "descending",
      );
      const after = await page.$$eval("#leaderboard tbody tr", (trs) =>
        trs.map((tr) => tr.getAttribute("data-model-id")),
      );
      assert.deepEqual([...after].sort(), [...before].sort());
      await assertCleanPage(page, problems);
      await page.close();
    });
  },
);
