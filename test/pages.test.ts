// Every page of the built report opens in Chromium with no console errors, no failed or external requests,
// no cell errors, a lang attribute, and its charts drawn (each with a text alternative).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertCleanPage, chartLabels, reportInChromium } from "./helpers/site.js";

const PAGES: { path: string; minCharts: number }[] = [
  { path: "/", minCharts: 0 },
  { path: "/data", minCharts: 1 },
  { path: "/eda", minCharts: 9 },
  { path: "/hypotheses", minCharts: 4 },
  { path: "/models", minCharts: 12 },
  { path: "/segments", minCharts: 8 },
  { path: "/score", minCharts: 0 },
  { path: "/changes", minCharts: 0 },
];

describe("built report in Chromium", () => {
  const report = reportInChromium();

  for (const { path, minCharts } of PAGES) {
    it(`${path} loads cleanly and draws its charts`, async () => {
      const { page, problems } = await report.open(path);
      await assertCleanPage(page, problems);
      assert.equal(await page.getAttribute("html", "lang"), "en");
      const charts = await chartLabels(page, path);
      assert.ok(charts.length >= minCharts, `expected at least ${minCharts} charts on ${path}, found ${charts.length}`);
      await page.close();
    });
  }
});
