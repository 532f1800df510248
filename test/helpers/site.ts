// The built report under test. `npm test` builds it on the demo data before the tests run (see package.json);
// a test run without a build fails here with a message saying so rather than testing an old dist/.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before } from "node:test";
import type { Page } from "playwright-core";
import { PROJECT_ROOT } from "../../pipeline/settings.js";
import { launchBrowser, type BrowserSession, type PageProblems } from "../../scripts/browser.js";
import { serveStatic, type StaticServer } from "../../scripts/serve-static.js";

export const DIST = join(PROJECT_ROOT, "dist");

export function requireBuiltSite(): string {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error("dist/ has no built report: run `npm run build` first (npm test does it for you)");
  }
  return DIST;
}

/** Waits until Framework has rendered every cell: no cell still pending and the network quiet. */
export async function waitForReport(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, null, {
    timeout: 30_000,
  });
}

/** Texts of cells that failed to render (Framework shows them as .observablehq--error). */
export async function cellErrors(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));
}

export interface ReportPage {
  readonly page: Page;
  readonly problems: PageProblems;
}

export interface ReportInChromium {
  /** Base URL of the served dist/; read it inside tests or hooks, once the suite's before hook has run. */
  readonly url: string;
  /** A blank page recording its problems, for tests that route or listen before loading the report. */
  newPage(): Promise<ReportPage>;
  /** Opens one of the report's paths ("/models") and waits until every cell has rendered. */
  open(path: string): Promise<ReportPage>;
}

/**
 * Serves the built dist/ on 127.0.0.1 and launches Chromium before the enclosing suite's tests, and closes both
 * after them: call it inside describe(). Hooks run in the order they are registered, so a suite's own before hook
 * declared after this call may already read `url`.
 */
export function reportInChromium(): ReportInChromium {
  let server: StaticServer | undefined;
  let session: BrowserSession | undefined;
  before(async () => {
    server = await serveStatic(requireBuiltSite());
    session = await launchBrowser();
  });
  after(async () => {
    await session?.close();
    await server?.close();
  });
  const started = (): { server: StaticServer; session: BrowserSession } => {
    if (!server || !session) throw new Error("reportInChromium() is used before its suite's before hook ran");
    return { server, session };
  };
  return {
    get url() {
      return started().server.url;
    },
    newPage: () => started().session.newPage(),
    async open(path) {
      const opened = await started().session.newPage();
      await opened.page.goto(started().server.url + path);
      await waitForReport(opened.page);
      return opened;
    },
  };
}

/** No cell failed to render, nothing was logged as an error, no request failed or left the machine. */
export async function assertCleanPage(page: Page, problems: PageProblems): Promise<void> {
  assert.deepEqual(await cellErrors(page), [], "cells that failed to render");
  assert.deepEqual(problems.consoleErrors, [], "console errors");
  assert.deepEqual(problems.failedRequests, [], "failed requests");
  assert.deepEqual(problems.externalRequests, [], "requests that left the machine");
}

/**
 * The text alternatives of everything that reads as a chart (an svg in a figure, or one Plot drew), each asserted
 * non-empty. An unlabelled svg outside those (such as a legend swatch) does not count as a chart.
 */
export async function chartLabels(page: Page, where = "the page"): Promise<string[]> {
  const labels = await page.$$eval("figure svg, svg.plot-d3, svg[class^='plot']", (nodes) =>
    nodes.map((svg) => svg.getAttribute("aria-label") ?? svg.closest("figure")?.getAttribute("aria-label") ?? ""),
  );
  for (const label of labels) assert.notEqual(label.trim(), "", `a chart on ${where} has no text alternative`);
  return labels;
}

/** For each wanted phrase, some svg's aria-label contains it (ignoring case). */
export async function assertChartsNamed(page: Page, wanted: readonly string[]): Promise<void> {
  const labels = await page.$$eval("svg[aria-label]", (svgs) => svgs.map((s) => s.getAttribute("aria-label") ?? ""));
  for (const phrase of wanted) {
    assert.ok(
      labels.some((l) => l.toLowerCase().includes(phrase.toLowerCase())),
      `no chart labelled "${phrase}" (have: ${labels.join(" | ")})`,
    );
  }
}

/**
 * Uploads a file on an open Score page and waits for this upload's summary or rejection, not a previous
 * one's (the status box is marked stale first), then returns the status text.
 */
export async function uploadOnScorePage(page: Page, path: string): Promise<string> {
  await page.$$eval('[data-testid="score-status"]', (nodes) => nodes.forEach((n) => n.setAttribute("data-stale", "")));
  await page.setInputFiles('[data-testid="score-upload"]', path);
  await page.waitForSelector(
    '[data-testid="score-status"]:not([data-stale]) :is([data-testid="score-summary"], [data-testid="score-rejected"])',
    { timeout: 120_000 },
  );
  await waitForReport(page);
  return (await page.textContent('[data-testid="score-status"]')) ?? "";
}
