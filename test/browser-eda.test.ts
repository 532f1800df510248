// The EDA and Hypotheses pages in Chromium: both render without cell or console errors and without failed or
// external requests, their charts carry text alternatives, and changing an explorer's column changes the chart
// and the test shown (and the rows toggle changes the figures). Runs against the built report (npm run build
// first; npm test does it).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { assertCleanPage, reportInChromium, waitForReport } from "./helpers/site.js";

interface ChartInfo {
  readonly label: string;
  readonly description: string;
}

async function charts(page: Page): Promise<ChartInfo[]> {
  return page.$$eval("svg[aria-label]", (nodes) =>
    nodes.map((svg) => ({
      label: svg.getAttribute("aria-label") ?? "",
      description: svg.getAttribute("aria-description") ?? "",
    })),
  );
}

async function chartLabelled(page: Page, label: string): Promise<ChartInfo | undefined> {
  return (await charts(page)).find((c) => c.label === label);
}

/** The text of the chosen option (Inputs.select's option values are indices, its texts the column names). */
async function chosen(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (node) => (node as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
}

/** Picks an option of the select other than the current one, preferring `wanted`. */
async function chooseOther(page: Page, selector: string, wanted: string): Promise<{ before: string; after: string }> {
  const select = page.locator(selector);
  const before = await chosen(page, selector);
  const options = await select.locator("option").allTextContents();
  const after = wanted !== before && options.includes(wanted) ? wanted : (options.find((o) => o !== before) as string);
  await select.selectOption({ label: after });
  return { before, after };
}

describe("EDA and Hypotheses pages in Chromium", () => {
  const report = reportInChromium();

  it("/eda draws the six views, the ranking and the explorer, each chart with a text alternative", async () => {
    const { page, problems } = await report.open("/eda");
    const all = await charts(page);
    for (const label of [
      "Customers who stayed and who churned",
      "Churn rate by satisfaction score",
      "Churn rate by city tier",
      "HourSpendOnApp against OrderCount, for customers who stayed and who churned",
      "Churn rate with and without a complaint",
      "Order-amount growth from last year, for customers who stayed and who churned",
      "Columns ranked by how strongly each one alone separates churned from retained customers",
    ]) {
      const chart = all.find((c) => c.label === label);
      assert.ok(chart, `missing chart "${label}"`);
      assert.ok(chart.description.length > 20, `chart "${label}" has no text description`);
    }
    for (const chart of all) assert.notEqual(chart.label.trim(), "", "a chart without a text alternative");
    // Every rate compared across groups comes with its interval and group size.
    const satisfaction = await chartLabelled(page, "Churn rate by satisfaction score");
    assert.match(satisfaction?.description ?? "", /n = [\d,]+/);
    assert.match(satisfaction?.description ?? "", /\(\d+\.\d% to \d+\.\d%\)/);
    // No p-value is ever written as zero.
    const text = await page.locator("main").innerText();
    assert.doesNotMatch(text, /p = 0(?![.\d])/);
    await assertCleanPage(page, problems);
    await page.close();
  });

  it("/eda explorer: choosing another column changes the sentence and both charts", async () => {
    const { page, problems } = await report.open("/eda");
    const select = 'select[name="eda-column"]';
    const before = await chosen(page, select);
    const beforeRate = await chartLabelled(page, `Churn rate by ${before}`);
    const beforeDist = await chartLabelled(page, `Distribution of ${before} for customers who stayed and who churned`);
    assert.ok(beforeRate, `no churn-rate chart for ${before}`);
    assert.ok(beforeDist, `no distribution chart for ${before}`);

    const { after } = await chooseOther(page, select, "PreferedOrderCat");
    await page.waitForFunction(
      (label) =>
        [...document.querySelectorAll("svg[aria-label]")].some((svg) => svg.getAttribute("aria-label") === label),
      `Churn rate by ${after}`,
    );
    await waitForReport(page);
    assert.equal(
      await chartLabelled(page, `Churn rate by ${before}`),
      undefined,
      "the old column's chart is still shown",
    );
    const afterDist = await chartLabelled(page, `Distribution of ${after} for customers who stayed and who churned`);
    assert.ok(afterDist, `no distribution chart for ${after}`);
    assert.notEqual(afterDist.description, beforeDist.description);
    const sentence = await page.locator("strong", { hasText: after }).first().textContent();
    assert.equal(sentence, after);
    await assertCleanPage(page, problems);
    await page.close();
  });

  it("/hypotheses shows the three tests with verdicts, tables and charts", async () => {
    const { page, problems } = await report.open("/hypotheses");
    const verdicts = await page.$$eval("[data-verdict]", (nodes) => nodes.map((n) => n.getAttribute("data-verdict")));
    assert.equal(verdicts.length, 3);
    for (const v of verdicts) assert.ok(["supports", "contradicts", "no evidence"].includes(v ?? ""), `verdict ${v}`);
    const text = await page.locator("main").innerText();
    for (const phrase of [
      "Welch's t-test",
      "Student's t-test",
      "Mann-Whitney U",
      "Cohen's d",
      "with Yates's correction",
      "without correction",
      "Cramér's V",
      "Difference in churn rate",
    ]) {
      assert.ok(text.includes(phrase), `the page does not show ${phrase}`);
    }
    assert.match(text, /Missing values\./);
    assert.doesNotMatch(text, /p = 0(?![.\d])/);
    const labels = (await charts(page)).map((c) => c.label);
    for (const name of ["Satisfaction and churn", "Complaints and churn", "Time since the last order and churn"]) {
      assert.ok(
        labels.some((l) => l.startsWith(name)),
        `no chart for ${name}`,
      );
    }
    // On distinct customers the browser's tests agree with the build-time artifact.
    assert.match(text, /give the same statistics and p-values as the build-time run/);
    await assertCleanPage(page, problems);
    await page.close();
  });

  it("/hypotheses explorer: choosing another column changes the chart, the test and the multiple-comparisons note", async () => {
    const { page, problems } = await report.open("/hypotheses");
    const select = 'select[name="hypothesis-column"]';
    const testBox = page.locator('[data-testid="column-test"]');
    const note = page.locator('[data-testid="multiple-comparisons"]');
    const beforeTest = await testBox.innerText();
    const beforeNote = await note.innerText();
    const beforeCharts = (await charts(page)).map((c) => `${c.label}|${c.description}`);

    // A numeric column gets t-tests; Complain (two values) gets the chi-square test.
    const { before, after } = await chooseOther(page, select, "Complain");
    await page.waitForFunction(
      (column) =>
        document.querySelector('[data-testid="column-test"] caption')?.textContent === `${column} against churn`,
      after,
    );
    await waitForReport(page);
    const afterTest = await testBox.innerText();
    assert.notEqual(afterTest, beforeTest, "the test shown did not change");
    assert.ok(afterTest.includes(`${after} against churn`));
    assert.ok(beforeTest.includes(`${before} against churn`));
    if (after === "Complain") {
      assert.match(afterTest, /Chi-square/);
      assert.match(beforeTest, /Welch/);
    }
    const afterCharts = (await charts(page)).map((c) => `${c.label}|${c.description}`);
    assert.notDeepEqual(afterCharts, beforeCharts, "the explorer's chart did not change");
    assert.ok(
      afterCharts.some((c) => c.includes(after)),
      "no chart names the new column",
    );
    const afterNote = await note.innerText();
    assert.notEqual(afterNote, beforeNote);
    assert.match(afterNote, /2 columns tested/);
    await assertCleanPage(page, problems);
    await page.close();
  });

  it("/hypotheses explorer: a number with a few whole values (CityTier) can be tested as levels", async () => {
    const { page, problems } = await report.open("/hypotheses");
    const testBox = page.locator('[data-testid="column-test"]');
    await page.selectOption('select[name="hypothesis-column"]', "CityTier");
    await page.waitForFunction(
      () => document.querySelector('[data-testid="column-test"] caption')?.textContent === "CityTier against churn",
    );
    await waitForReport(page);
    assert.match(await testBox.innerText(), /Welch/);
    await page.locator('[data-testid="hypothesis-as"] input[value="1"]').check();
    await page.waitForFunction(() =>
      /Chi-square/.test(document.querySelector('[data-testid="column-test"]')?.textContent ?? ""),
    );
    await waitForReport(page);
    const asLevels = await page.locator("main").innerText();
    assert.match(asLevels, /Cramér/);
    // Each tier's churn rate is listed.
    for (const tier of ["1", "2", "3"]) assert.match(asLevels, new RegExp(`\\b${tier}\\b`));
    // A measurement such as CashbackAmount offers no such choice.
    await page.selectOption('select[name="hypothesis-column"]', "CashbackAmount");
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="column-test"] caption')?.textContent === "CashbackAmount against churn",
    );
    await waitForReport(page);
    assert.equal(await page.locator('[data-testid="hypothesis-as"]').count(), 0);
    await assertCleanPage(page, problems);
    await page.close();
  });

  it("/hypotheses rows toggle: including the duplicated rows changes the figures and says so", async () => {
    const { page, problems } = await report.open("/hypotheses");
    const main = page.locator("main");
    const before = await main.innerText();
    const duplicates = /the ([\d,]+) rows? that repeat/.exec(before);
    await page.locator('[data-testid="rows"] input').nth(1).check();
    await page.waitForFunction(
      () => document.querySelector("main")?.textContent?.includes("as the original analysis did") ?? false,
    );
    await waitForReport(page);
    const after = await main.innerText();
    if (duplicates) {
      // With copies in the data, every test runs on more rows and its figures move.
      const verdict = (t: string): string => t.slice(t.indexOf("Verdict:"), t.indexOf("Verdict:") + 200);
      assert.notEqual(verdict(after), verdict(before));
    }
    // And back: distinct customers again give the first figures.
    await page.locator('[data-testid="rows"] input').nth(0).check();
    await page.waitForFunction(
      () => document.querySelector("main")?.textContent?.includes("This is the report's default") ?? false,
    );
    await waitForReport(page);
    assert.equal(await main.innerText(), before);
    await assertCleanPage(page, problems);
    await page.close();
  });
});
