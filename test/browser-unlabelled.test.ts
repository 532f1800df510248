// A build on a file without a churn column, given a baseline: `CHURN_BASELINE=DIR CHURN_DATA=unlabelled.csv npm
// run build` must make a whole site whose every page loads cleanly in Chromium and says something true. The
// test makes a baseline with the pipeline command, builds the site on a shifted copy of its customers without
// the churn column, and opens every page in both languages: the overview leads with the expected churners (the
// sum of the baseline model's probabilities, with its interval) and what drifted; the pages that need labels say
// so and show nothing else; What changed holds the expectation, the drift and the segment moves; the Score page
// scores its sample with the baseline's model.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { launchBrowser, type BrowserSession, type PageProblems } from "../scripts/browser.js";
import { serveStatic, type StaticServer } from "../scripts/serve-static.js";
import type { ChangesArtifact } from "../src/lib/changes/artifact.js";
import { fromCleanedArtifact, type CleanedArtifact } from "../src/lib/data/cleaned.js";
import { distinctRows } from "../src/lib/data/split.js";
import { selectTableRows } from "../src/lib/data/table.js";
import { readModelBundle } from "../src/lib/scoring/bundle.js";
import { scoreTable } from "../src/lib/scoring/score.js";
import { translatedPages } from "../scripts/i18n-pages.js";
import { pathInLanguage } from "../src/i18n/lang.js";
import type { PageId } from "../src/i18n/strings.js";
import { TABLES } from "../src/i18n/tables.js";
import { changesCsvs, SHIFTED_COLUMNS } from "./fixtures/shifted-demo.js";
import { readJson, runPipelineCli } from "./helpers/pipeline.js";
import { assertCleanPage, waitForReport } from "./helpers/site.js";

const work = mkdtempSync(join(tmpdir(), "churn-unlabelled-site-"));
const dist = join(work, "dist");
const csvs = changesCsvs(800);
writeFileSync(join(work, "baseline.csv"), csvs.baseline);
writeFileSync(join(work, "unlabelled.csv"), csvs.unlabelled);

const PAGES = ["/", "/data", "/eda", "/hypotheses", "/models", "/segments", "/score", "/changes"];
// The pages translated so far (scripts/i18n-pages.ts writes /ko/<page> for each), in Korean.
const TRANSLATED = translatedPages(join(PROJECT_ROOT, "src"));
const KOREAN = TRANSLATED.map((id) => pathInLanguage(id === "index" ? "/" : `/${id}`, "ko"));
const LABELLED_PAGES: PageId[] = ["eda", "hypotheses", "models", "segments"];
const NEEDS_LABELS = [
  ...LABELLED_PAGES.map((id) => `/${id}`),
  ...LABELLED_PAGES.filter((id) => TRANSLATED.includes(id)).map((id) => pathInLanguage(`/${id}`, "ko")),
];

/** The site's copy of a data file (Framework names it <name>.<hash>.json). */
function siteData<T>(name: string): T {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.json$`).test(f));
  assert.ok(file, `no ${name}.json in the site`);
  return JSON.parse(readFileSync(join(dir, file), "utf-8")) as T;
}

describe("a site built on a file without a churn column, against a baseline", () => {
  let base: ReturnType<typeof runPipelineCli>;
  let build: ReturnType<typeof spawnSync>;
  let server: StaticServer | undefined;
  let session: BrowserSession | undefined;

  before(async () => {
    base = runPipelineCli(["--data", join(work, "baseline.csv")]);
    assert.equal(base.status, 0, base.stderr);
    build = spawnSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "scripts", "build.ts")], {
      cwd: PROJECT_ROOT,
      encoding: "utf-8",
      env: {
        ...process.env,
        CHURN_DATA: join(work, "unlabelled.csv"),
        CHURN_BASELINE: base.outDir,
        CHURN_DIST: dist,
        GEMINI_API_KEY: "",
      },
      timeout: 20 * 60 * 1000,
    });
    assert.equal(build.status, 0, String(build.stderr));
    server = await serveStatic(dist);
    session = await launchBrowser();
  });
  after(async () => {
    await session?.close();
    await server?.close();
  });

  async function open(path: string): Promise<{ page: Page; problems: PageProblems }> {
    const opened = await session!.newPage();
    await opened.page.goto(server!.url + path);
    await waitForReport(opened.page);
    return opened;
  }

  it("the build succeeds; the site's model.json is the baseline's, and its expectation is the baseline model's sum", () => {
    assert.deepEqual(siteData("model"), readJson(base.outDir, "model.json"));
    const changes = siteData<ChangesArtifact>("changes");
    const cleaned = siteData<CleanedArtifact>("cleaned");
    const table = selectTableRows(fromCleanedArtifact(cleaned), distinctRows(cleaned.duplicateOf));
    const p = scoreTable(readModelBundle(readJson(base.outDir, "model.json")), table, { reasons: false }).probability;
    const sum = p.reduce((a, b) => a + b, 0);
    const e = changes.churnRate.expected!;
    assert.ok(Math.abs(e.expected - sum) < 1e-9, `${e.expected} against ${sum}`);
    assert.ok(e.low <= sum && sum <= e.high, `${sum} outside ${e.low} to ${e.high}`);
    assert.equal(e.n, table.nRows);
  });

  for (const path of [...PAGES, ...KOREAN]) {
    it(`${path} loads with no errors and shows no placeholder`, async () => {
      const { page, problems } = await open(path);
      await assertCleanPage(page, problems);
      const text = await page.innerText("#observablehq-main");
      for (const marker of ["undefined", "[object Object]", "NaN", "−∞", "Infinity"]) {
        assert.ok(!text.includes(marker), `${path} shows "${marker}"`);
      }
      await page.close();
    });
  }

  it("the overview leads with the expected churners and their interval, then what drifted", async () => {
    const { page } = await open("/");
    const e = siteData<ChangesArtifact>("changes").churnRate.expected!;
    const text = await page.innerText("#observablehq-main");
    const lead = text.indexOf("This file has no churn column");
    assert.ok(lead >= 0, text.slice(0, 400));
    const shown = e.expected < 100 ? e.expected.toFixed(1) : Math.round(e.expected).toLocaleString("en-US");
    assert.match(text, new RegExp(`expects ${shown.replace(".", "\\.")} churners`));
    assert.match(text, new RegExp(`95% interval ${Math.floor(e.low)} to ${Math.ceil(e.high)}`));
    assert.match(text, /3 of \d+ shared columns drifted since the baseline: /);
    for (const column of SHIFTED_COLUMNS) assert.ok(text.includes(column), `${column} not named`);
    // Nothing of the labelled overview shows (its model and hypothesis lines would be about another file).
    assert.ok(!text.includes(TABLES.en.pages.index.headings.holds));
    await page.close();
  });

  for (const path of NEEDS_LABELS) {
    it(`${path} says it needs labels, points to What changed, and shows nothing else`, async () => {
      const { page } = await open(path);
      const lang = path.startsWith("/ko/") ? "ko" : "en";
      const text = await page.innerText("#observablehq-main");
      assert.ok(text.includes(TABLES[lang].unlabelled.noteTitle.trim()), text.slice(0, 300));
      assert.equal(await page.locator('#observablehq-main .unlabelled-page a[href="./changes"]').count(), 1);
      // The page's own sections are hidden: only the title and the note are shown.
      const shownHeadings = await page.$$eval(
        "#observablehq-main h2",
        (hs) => hs.filter((h) => h.checkVisibility()).length,
      );
      assert.equal(shownHeadings, 0);
      assert.equal(await page.locator("#observablehq-main svg").filter({ visible: true }).count(), 0);
      await page.close();
    });
  }

  it("What changed shows the expected churners with the interval and how it is made, the drift, the moves", async () => {
    const { page } = await open("/changes");
    const text = await page.innerText("#observablehq-main");
    assert.match(text, /This file has no churn column\. The baseline's model expects/);
    assert.match(text, /How the expected count is made: .* Poisson-binomial .* computed exactly/);
    assert.match(text, /3 of \d+ shared columns drifted/);
    assert.match(text, /customers are in both builds/);
    const labels = await page.$$eval("svg[aria-label]", (svgs) => svgs.map((s) => s.getAttribute("aria-label") ?? ""));
    for (const wanted of ["Tenure: share of customers", "baseline segment (rows) and new segment", "Churn rate"]) {
      assert.ok(
        labels.some((l) => l.includes(wanted)),
        `no chart "${wanted}" (${labels.join(" | ")})`,
      );
    }
    await page.close();
  });

  it("the Data page counts no churners and says the file has no churn column", async () => {
    const { page } = await open("/data");
    const text = await page.innerText("#observablehq-main");
    assert.match(text, /with no churn column, so no one is counted as churned/);
    assert.doesNotMatch(text, /churned\. Column descriptions/);
    await page.close();
  });

  it("the Score page names the baseline's model and scores the sample file with it", async () => {
    const { page, problems } = await open("/score");
    const text = await page.innerText("#observablehq-main");
    assert.match(text, /the model here is the baseline's/);
    const href = await page.getAttribute('a[download="sample-customers.csv"]', "href");
    assert.ok(href);
    const sample = join(work, "sample.csv");
    writeFileSync(sample, await (await fetch(new URL(href, server!.url))).text());
    await page.setInputFiles('[data-testid="score-upload"]', sample);
    await page.waitForSelector('[data-testid="score-status"] [data-testid="score-summary"]', { timeout: 120_000 });
    assert.match((await page.textContent('[data-testid="score-status"]')) ?? "", /customers scored/);
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });
});
