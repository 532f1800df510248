// Every page of the built report opens in Chromium with no console errors, no failed or external requests,
// no cell errors, a lang attribute, and its charts drawn (each with a text alternative).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launchBrowser, type BrowserSession } from "./helpers/browser.js";
import { serveStatic, type StaticServer } from "./helpers/serve-static.js";
import { cellErrors, requireBuiltSite, waitForReport } from "./helpers/site.js";

const PAGES: { path: string; minCharts: number }[] = [
  { path: "/", minCharts: 0 },
  { path: "/data", minCharts: 1 },
  { path: "/eda", minCharts: 9 },
  { path: "/hypotheses", minCharts: 4 },
  { path: "/models", minCharts: 12 },
  { path: "/segments", minCharts: 8 },
  { path: "/score", minCharts: 0 },
];

describe("built report in Chromium", () => {
  let server: StaticServer;
  let session: BrowserSession;
  before(async () => {
    server = await serveStatic(requireBuiltSite());
    session = await launchBrowser();
  });
  after(async () => {
    await session?.close();
    await server?.close();
  });

  for (const { path, minCharts } of PAGES) {
    it(`${path} loads cleanly and draws its charts`, async () => {
      const { page, problems } = await session.newPage();
      await page.goto(server.url + path);
      await waitForReport(page);
      assert.deepEqual(await cellErrors(page), [], "cells that failed to render");
      assert.deepEqual(problems.consoleErrors, [], "console errors");
      assert.deepEqual(problems.failedRequests, [], "failed requests");
      assert.deepEqual(problems.externalRequests, [], "requests that left the machine");
      assert.equal(await page.getAttribute("html", "lang"), "en");
      const charts = await page.$$eval("figure svg, svg.plot-d3, svg[class^='plot']", (nodes) =>
        nodes.map((svg) => ({ label: svg.getAttribute("aria-label") ?? svg.closest("figure")?.getAttribute("aria-label") ?? "" })),
      );
      assert.ok(charts.length >= minCharts, `expected at least ${minCharts} charts on ${path}, found ${charts.length}`);
      for (const chart of charts) assert.notEqual(chart.label.trim(), "", `a chart on ${path} has no text alternative`);
      await page.close();
    });
  }
});
