// Every translated page in every language, in Chromium: a clean load, <html lang> of its language, a switch
// that opens the same page in the other language, and no missing string on show (no raw placeholder, and on
// a translated page none of the English table's sentences nor an English heading).
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { translatedPages } from "../scripts/i18n-pages.js";
import { LANGUAGES, pathInLanguage, SOURCE_LANGUAGE, type Lang } from "../src/i18n/lang.js";
import { TABLES } from "../src/i18n/tables.js";
import { assertCleanPage, reportInChromium, waitForReport } from "./helpers/site.js";

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
