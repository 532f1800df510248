// The report built on churn tables of other schemas (test/fixtures/other-tables.ts: a subscription service, a
// Korean shop, a bank), each into a folder of its own: every page, in English and in Korean where the build
// has the page, opens in Chromium with no cell error, console error or failed request, and no page's text
// (table of contents and sidebar included) names a column of the Kaggle preset or speaks of its quantities.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { launchBrowser, type BrowserSession } from "../scripts/browser.js";
import { serveStatic, type StaticServer } from "../scripts/serve-static.js";
import { otherTables } from "./fixtures/other-tables.js";
import { assertCleanPage, waitForReport } from "./helpers/site.js";

/** The preset's column names and the words the pages use for them, in English and Korean. */
const KAGGLE_WORDS =
  /\b(?:Tenure|CashbackAmount|SatisfactionScore|Complain|CityTier|HourSpendOnApp|OrderCount|DaySinceLastOrder|OrderAmountHikeFromlastYear|NoLastYearPurchase|PreferedOrderCat|PreferredLoginDevice|WarehouseToHome|CouponUsed|NumberOfDeviceRegistered)\b|cashback|satisfaction|complain|city tier|last order|orders last month|캐시백|만족도|불만|도시 등급|마지막 주문|주문 횟수/gi;

/** Builds the site on `csv` into a folder of its own (the checkout's dist/ is left as it is). */
async function buildOn(name: string, csv: string, root: string): Promise<string> {
  const data = join(root, `${name}.csv`);
  const dist = join(root, `dist-${name}`);
  writeFileSync(data, csv);
  const child = spawn(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "scripts", "build.ts")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CHURN_DATA: data, CHURN_DIST: dist, CHURN_BASELINE: "", GEMINI_API_KEY: "" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  assert.equal(status, 0, `the build on ${name} failed:\n${output.slice(-4000)}`);
  return dist;
}

/** Every page the build wrote, as paths: "/", "/data", …, "/ko/", "/ko/data", …. */
function pagesOf(dist: string): string[] {
  const paths = (dir: string, prefix: string): string[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".html"))
      .map((f) => `${prefix}${f === "index.html" ? "" : f.replace(/\.html$/, "")}`)
      .sort();
  return [...paths(dist, "/"), ...(existsSync(join(dist, "ko")) ? paths(join(dist, "ko"), "/ko/") : [])];
}

describe("the report built on tables of other schemas", () => {
  const root = mkdtempSync(join(tmpdir(), "churn-other-sites-"));
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const table of otherTables(400)) {
    describe(table.name, () => {
      let dist = "";
      let server: StaticServer | undefined;
      let session: BrowserSession | undefined;
      before(async () => {
        dist = await buildOn(table.name, table.csv, root);
        server = await serveStatic(dist);
        session = await launchBrowser();
      });
      after(async () => {
        await session?.close();
        await server?.close();
      });

      it("builds every page in English and Korean", () => {
        const pages = pagesOf(dist);
        for (const path of [
          "/",
          "/data",
          "/eda",
          "/hypotheses",
          "/models",
          "/segments",
          "/score",
          "/ko/",
          "/ko/data",
        ]) {
          assert.ok(pages.includes(path), `${path} was not built (have: ${pages.join(", ")})`);
        }
      });

      it("opens every page cleanly, and no page names a Kaggle column", async () => {
        assert.ok(server && session);
        const named: string[] = [];
        for (const path of pagesOf(dist)) {
          const { page, problems } = await session.newPage();
          await page.goto(server.url + path);
          await waitForReport(page);
          await assertCleanPage(page, problems);
          const text = await page.innerText("body");
          for (const marker of ["undefined", "[object Object]", "NaN"]) {
            assert.ok(!text.includes(marker), `${path} shows "${marker}"`);
          }
          const words = [...new Set(text.match(KAGGLE_WORDS) ?? [])];
          if (words.length > 0) named.push(`${path}: ${words.join(", ")}`);
          await page.close();
        }
        assert.deepEqual(named, [], `pages of the ${table.name} build name Kaggle columns`);
      });

      it("the Exploration and Hypotheses pages speak of the table's own columns", async () => {
        assert.ok(server && session);
        const { page } = await session.newPage();
        await page.goto(`${server.url}/eda`);
        await waitForReport(page);
        const eda = await page.innerText("#observablehq-main");
        const toc = await page.innerText("#observablehq-toc");
        assert.match(toc, /The columns that move churn most/);
        const views = await page.$$eval("#observablehq-main h3", (hs) => hs.map((h) => h.textContent ?? ""));
        assert.ok(views.length >= 3, `too few column views: ${views.join(" | ")}`);
        for (const view of views) {
          const column = view.replace(/^Churn rate by /, "");
          assert.ok(table.expect.numeric.includes(column) || table.expect.category.includes(column), view);
        }
        assert.doesNotMatch(eda, new RegExp(`Churn rate by ${table.expect.leak}\\b`));
        // Inputs.select's option values are indices: the column is the selected option's text.
        const selected = await page.$eval("select[name=eda-column]", (s) => {
          const select = s as HTMLSelectElement;
          return select.options[select.selectedIndex]?.textContent ?? "";
        });
        assert.equal(selected, views[0]!.replace(/^Churn rate by /, ""));

        await page.goto(`${server.url}/hypotheses`);
        await waitForReport(page);
        assert.equal(await page.innerText("#observablehq-main h1"), "The columns most associated with churn, tested");
        const hypotheses = await page.innerText("#observablehq-main");
        assert.match(hypotheses, /Exploratory\. These claims were found by looking at this data/);
        assert.equal(await page.locator("#observablehq-main [data-verdict]").count(), 3);
        assert.match(hypotheses, /give the same statistics and p-values as the build-time run/);
        await page.goto(`${server.url}/data`);
        await waitForReport(page);
        const data = await page.innerText("#observablehq-main");
        assert.match(data, /How the columns were read/);
        assert.match(data, new RegExp(`Churn column: ${table.expect.target}; "${table.expect.positive}" means`));
        assert.ok(data.includes(`${table.expect.leak}: `), `the Data page does not flag ${table.expect.leak}`);
        assert.match(data, /It is left out of the models, the hypotheses and the segments\./);
        await page.close();
      });
    });
  }
});
