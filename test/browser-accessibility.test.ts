// Every page of the built report is usable by everyone: no serious or critical axe-core violation in the light
// or the dark theme (Framework's theme follows prefers-color-scheme, which Chromium emulates) nor on a 375 px
// wide screen (where wide tables scroll inside their own box, which must then take focus), no sideways
// scroll on a 375 px wide screen, every chart's text alternative giving its figures, and every control
// reachable with the Tab key alone.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import type { AxeResults, Result } from "axe-core";
import type { Page } from "playwright-core";
import { chartLabels, reportInChromium, requireBuiltSite, waitForReport } from "./helpers/site.js";

const ENGLISH = ["/", "/data", "/eda", "/hypotheses", "/models", "/segments", "/score", "/changes"];
// The Korean pages the build has (they are added page by page).
const KOREAN = (() => {
  const dir = join(requireBuiltSite(), "ko");
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((f) => f.endsWith(".html"));
  return names.map((f) => (f === "index.html" ? "/ko/" : `/ko/${f.replace(/\.html$/, "")}`));
})();
const PAGES = [...ENGLISH, ...KOREAN];
const THEMES = ["light", "dark"] as const;
const PHONE_WIDTH = 375;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf-8");

/** The violations axe-core calls serious or critical, one line per rule with where it struck first. */
function describeViolations(violations: readonly Result[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const first = v.nodes[0];
      const where = first ? `${first.target.join(" ")}: ${first.failureSummary?.split("\n").slice(1, 2).join("")}` : "";
      return `${v.id} (${v.impact}, ${v.nodes.length} nodes) e.g. ${where}`;
    });
}

async function runAxe(page: Page): Promise<Result[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be refused by the page's Content-Security-Policy.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations;
}

/** Whatever a keyboard user must be able to operate: form controls, buttons, links in the page's main text. */
async function controls(page: Page): Promise<string[]> {
  return page.$$eval("#observablehq-main :is(input, select, textarea, button, summary)", (nodes) =>
    nodes
      // What is drawn and not disabled; inside a closed <details> only the summary counts, as a reader sees it.
      .filter((n) => {
        const hidden = (n as HTMLInputElement).type === "hidden" || !n.checkVisibility();
        return !hidden && !(n as HTMLInputElement).disabled;
      })
      .map((n, i) => {
        // A group of radio buttons is one stop of the Tab key (the arrow keys move within it).
        const radio = n as HTMLInputElement;
        const group =
          radio.type === "radio" ? radio.form?.querySelector(`input[type=radio][name="${radio.name}"]`) : null;
        const id = group ? (group.getAttribute("data-a11y-control") ?? String(i)) : String(i);
        n.setAttribute("data-a11y-control", id);
        return id;
      })
      .filter((id, i, ids) => ids.indexOf(id) === i),
  );
}

describe("accessibility of the built report", () => {
  const report = reportInChromium();

  for (const theme of THEMES) {
    for (const path of PAGES) {
      it(`${path} in the ${theme} theme has no serious or critical axe-core violation`, async () => {
        const { page } = await report.newPage();
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(report.url + path);
        await waitForReport(page);
        // The theme is the one asked for: each of Framework's themes declares its color-scheme.
        const scheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
        assert.equal(scheme, theme, `the ${theme} theme did not apply on ${path}`);
        assert.deepEqual(describeViolations(await runAxe(page)), [], `axe-core on ${path} (${theme})`);
        await page.close();
      });
    }
  }

  for (const path of PAGES) {
    it(`${path} at ${PHONE_WIDTH} px has no serious or critical axe-core violation`, async () => {
      const { page } = await report.newPage();
      await page.setViewportSize({ width: PHONE_WIDTH, height: 800 });
      await page.goto(report.url + path);
      await waitForReport(page);
      assert.deepEqual(describeViolations(await runAxe(page)), [], `axe-core on ${path} at ${PHONE_WIDTH} px`);
      await page.close();
    });
  }

  for (const [theme, width] of [...THEMES.map((t) => [t, null] as const), ["light", PHONE_WIDTH] as const]) {
    const where = width === null ? `in the ${theme} theme` : `at ${width} px`;
    it(`/score with the sample file scored, ${where}, has no serious or critical axe-core violation`, async () => {
      const { page } = await report.newPage();
      if (width !== null) await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(report.url + "/score");
      await waitForReport(page);
      const href = await page.getAttribute('a[download="sample-customers.csv"]', "href");
      assert.ok(href, "the Score page links no sample file");
      const sample = join(mkdtempSync(join(tmpdir(), "a11y-score-")), "sample-customers.csv");
      writeFileSync(sample, await (await fetch(new URL(href, report.url))).text());
      await page.setInputFiles('[data-testid="score-upload"]', sample);
      await page.waitForSelector('[data-testid="score-summary"]', { timeout: 120_000 });
      await waitForReport(page);
      assert.deepEqual(describeViolations(await runAxe(page)), [], `axe-core on /score after an upload (${where})`);
      await page.close();
    });
  }

  for (const path of PAGES) {
    it(`${path} does not scroll sideways at ${PHONE_WIDTH} px`, async () => {
      const { page } = await report.newPage();
      await page.setViewportSize({ width: PHONE_WIDTH, height: 800 });
      await page.goto(report.url + path);
      await waitForReport(page);
      const wide = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        culprits: [...document.querySelectorAll("#observablehq-main *")]
          .filter((n) => n.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter(
            (n) =>
              !n.parentElement ||
              n.parentElement.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
          )
          .slice(0, 5)
          .map(
            (n) =>
              `${n.tagName.toLowerCase()}${n.className && typeof n.className === "string" ? "." + n.className.split(" ").join(".") : ""} right=${Math.round(n.getBoundingClientRect().right)}`,
          ),
      }));
      assert.ok(
        wide.scrollWidth <= PHONE_WIDTH,
        `${path} is ${wide.scrollWidth} px wide at a ${PHONE_WIDTH} px viewport; too wide: ${wide.culprits.join(", ")}`,
      );
      await page.close();
    });

    it(`${path}: every chart's text alternative states what it shows in numbers`, async () => {
      const { page } = await report.open(path);
      await chartLabels(page, path);
      const wordsOnly = await page.$$eval("figure svg, svg.plot-d3, svg[class^='plot']", (svgs) =>
        svgs
          .map((svg) => {
            const label = svg.getAttribute("aria-label") ?? svg.closest("figure")?.getAttribute("aria-label") ?? "";
            return `${label} ${svg.getAttribute("aria-description") ?? ""}`;
          })
          .filter((text) => !/\d/.test(text)),
      );
      assert.deepEqual(wordsOnly, [], `charts on ${path} whose text alternative has no figure`);
      await page.close();
    });

    it(`${path}: the Tab key alone reaches every control`, async () => {
      const { page } = await report.open(path);
      const wanted = await controls(page);
      const reached = new Set<string>();
      // Enough presses to pass every focusable element of the page (links in the sidebar and the text included).
      const presses =
        (await page.$$eval("a[href], input, select, textarea, button, summary, [tabindex]", (n) => n.length)) + 5;
      for (let i = 0; i < presses && reached.size < wanted.length; i++) {
        await page.keyboard.press("Tab");
        const id = await page.evaluate(() => document.activeElement?.getAttribute("data-a11y-control") ?? null);
        if (id !== null) reached.add(id);
      }
      const missed = await page.$$eval(
        "[data-a11y-control]",
        (nodes, got) =>
          nodes
            .filter((n) => !got.includes(n.getAttribute("data-a11y-control") ?? ""))
            .map((n) => n.outerHTML.slice(0, 120)),
        [...reached],
      );
      assert.deepEqual(missed, [], `controls on ${path} the Tab key never reached`);
      await page.close();
    });
  }
});
