// The "What changed" page in Chromium. The report npm test builds has no baseline, so the page must say how to
// make one and the overview must not mention changes. Then the same built page is given a changes.json with a
// baseline (the request for the data file answered with the fixture, as a build with CHURN_BASELINE would
// serve it): prose first, the drift table ranked, one chart per drifted column, the backtest, the moves.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { changesArtifact } from "./fixtures/changes.js";
import { assertChartsNamed, assertCleanPage, chartLabels, reportInChromium, waitForReport } from "./helpers/site.js";

const INJECTED = "<img src=x onerror=alert(1)>";

async function withBaseline(page: Page, url: string, path: string): Promise<void> {
  const artifact = changesArtifact();
  // A column name from a file must reach the page as text.
  const named = { ...artifact, drift: { ...artifact.drift, added: [INJECTED] } };
  await page.route(/\/_file\/data\/changes\.[0-9a-f]+\.json$/, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(named) }),
  );
  await page.goto(url + path);
  await waitForReport(page);
}

describe("What changed page", () => {
  const report = reportInChromium();

  it("without a baseline: says how to make one, and shows no comparison", async () => {
    const { page, problems } = await report.open("/changes");
    await assertCleanPage(page, problems);
    const text = (await page.textContent("main")) ?? "";
    assert.match(text, /This build has no baseline/);
    assert.match(text, /CHURN_BASELINE=DIR npm run build/);
    assert.doesNotMatch(text, /Drift, column by column/);
    assert.deepEqual(await chartLabels(page, "/changes"), []);
    await page.close();
  });

  it("the overview has no changes line without a baseline", async () => {
    const { page, problems } = await report.open("/");
    await assertCleanPage(page, problems);
    assert.doesNotMatch((await page.textContent("main")) ?? "", /moved most/);
    await page.close();
  });

  it("with a baseline: prose first, drift ranked, a chart per drifted column, backtest and moves", async () => {
    const { page, problems } = await report.newPage();
    await withBaseline(page, report.url, "/changes");
    await assertCleanPage(page, problems);
    const text = (await page.textContent("main")) ?? "";
    assert.match(text, /2 of 3 shared columns drifted: Tenure/);
    // Prose comes before the first table.
    const order = await page.$$eval("main p, main table", (nodes) => nodes.map((n) => n.tagName));
    assert.equal(order.indexOf("P") < order.indexOf("TABLE"), true);
    const rows = await page.$$eval("main table", (tables) =>
      Array.from(tables[0].querySelectorAll("tbody tr td:first-child"), (c) => c.textContent),
    );
    assert.deepEqual(rows, ["Tenure", "Payment", "CityTier"]);
    await assertChartsNamed(page, [
      "Tenure: share of customers",
      "Payment: share of customers",
      "Calibration",
      "baseline segment (rows) and new segment",
      "Churn rate, baseline and this build",
    ]);
    const labels = await chartLabels(page, "/changes");
    assert.equal(labels.filter((l) => /share of customers per/.test(l)).length, 2, "one chart per drifted column");
    assert.match(text, /retraining was worth it/);
    assert.match(text, /1 new \(<img src=x onerror=alert\(1\)>\)/);
    assert.equal(await page.$$eval("main img", (n) => n.length), 0);
    await page.close();
  });

  it("with a baseline the overview says in one line what changed most", async () => {
    const { page, problems } = await report.newPage();
    await withBaseline(page, report.url, "/");
    await assertCleanPage(page, problems);
    assert.match((await page.textContent("main")) ?? "", /Since may\.csv: Tenure moved most/);
    await page.close();
  });
});
