// The scoring page in Chromium: uploads of the real data (CSV and XLSX) scored in the worker give the same
// probabilities as scoreTable in Node with the bundle the site serves; downloads hold the right rows with
// formula cells neutralised; bad files get clear messages and no crash; markup in a cell stays text.
// Scores come first (the `scored` state: summary line, table, downloads), exact TreeSHAP reasons after, in
// the background: tests wait for the reasons only where they check them.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { readInput } from "../pipeline/input/read-input.js";
import { parseCsv } from "../src/lib/data/csv.js";
import type { RawTable } from "../src/lib/data/raw.js";
import { readModelBundle, type ModelBundle } from "../src/lib/scoring/bundle.js";
import { formatReasons, scoreTable, topReasons } from "../src/lib/scoring/score.js";
import { launchBrowser, type BrowserSession, type PageProblems } from "../scripts/browser.js";
import { serveStatic, type StaticServer } from "../scripts/serve-static.js";
import { cellErrors, requireBuiltSite, uploadOnScorePage, waitForReport } from "./helpers/site.js";
import { DEMO_CSV, REAL_CSV, REAL_XLSX } from "../bench/fixtures/scoring-bundle.js";

// Until the pipeline exports the model, the page is not in the build: skip, saying why.
const builtModel = (() => {
  const dir = join(requireBuiltSite(), "_file", "data");
  return existsSync(dir) && readdirSync(dir).some((f) => /^model\.[0-9a-f]+\.json$/.test(f));
})();
const pageSkip = builtModel
  ? false
  : "the built site has no data/model.json yet (the pipeline does not export the model), so no scoring page";
const realSkip =
  existsSync(REAL_CSV) && existsSync(REAL_XLSX)
    ? false
    : "../shared/data is not here (the real data lives beside the repository, never in it)";

let server: StaticServer;
let session: BrowserSession;
let bundle: ModelBundle;
let dist: string;
const work = mkdtempSync(join(tmpdir(), "score-test-"));

before(async () => {
  if (pageSkip) return;
  dist = requireBuiltSite();
  const dir = join(dist, "_file", "data");
  const name = readdirSync(dir).find((f) => /^model\.[0-9a-f]+\.json$/.test(f));
  assert.ok(name, "the built site has no data/model.json");
  // As the page reads it: the explainer path resolved to its trees, null split values back to Infinity.
  bundle = readModelBundle(JSON.parse(readFileSync(join(dir, name), "utf-8")));
  server = await serveStatic(dist);
  session = await launchBrowser();
});

after(async () => {
  await session?.close();
  await server?.close();
});

async function openScore(): Promise<{ page: Page; problems: PageProblems }> {
  const opened = await session.newPage();
  await opened.page.goto(`${server.url}/score`);
  await waitForReport(opened.page);
  assert.deepEqual(await cellErrors(opened.page), []);
  return opened;
}

/** Bounded wait for every customer's reasons (exact TreeSHAP on the deployed ensemble costs milliseconds a customer). */
const REASONS_TIMEOUT = 240_000;

async function waitForReasons(page: Page): Promise<string> {
  await page.waitForSelector('[data-testid="score-reasons-progress"][data-state="done"]', { timeout: REASONS_TIMEOUT });
  return (await page.textContent('[data-testid="score-reasons-progress"]')) ?? "";
}

/** The reasons' state and count from the progress line, and the table's "Showing n of m" line, read at one moment. */
async function snapshot(page: Page): Promise<{ state: string | null; done: number; showing: string; pending: number }> {
  return page.evaluate(() => {
    const progress = document.querySelector<HTMLElement>('[data-testid="score-reasons-progress"]');
    const text = progress?.textContent ?? "";
    const m = /Computing reasons… ([\d,]+) of/.exec(text);
    const showing =
      /Showing [\d,]+ of [\d,]+ customers/.exec(document.querySelector("main")?.textContent ?? "")?.[0] ?? "";
    return {
      state: progress?.dataset.state ?? null,
      done: m ? Number(m[1].replace(/,/g, "")) : -1,
      showing,
      pending: document.querySelectorAll("[data-pending]").length,
    };
  });
}

async function download(
  page: Page,
  testid: string,
  timeout = 30_000,
): Promise<{ text: string; raw: RawTable; name: string }> {
  const [event] = await Promise.all([
    page.waitForEvent("download", { timeout }),
    page.click(`[data-testid="${testid}"]`),
  ]);
  const path = await event.path();
  const bytes = readFileSync(path);
  const text = bytes.toString("utf-8");
  return { text, raw: parseCsv(bytes, event.suggestedFilename()), name: event.suggestedFilename() };
}

const col = (raw: RawTable, name: string) => raw.header.indexOf(name);

function writeCsv(name: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const path = join(work, name);
  writeFileSync(path, [header, ...rows].map((r) => r.map(quote).join(",")).join("\n") + "\n");
  return path;
}

function demoRaw(): RawTable {
  return parseCsv(readFileSync(DEMO_CSV), "demo-churn.csv");
}

describe("scoring page", { skip: pageSkip }, () => {
  it("the sample file is linked and scores; the page says the data stays in the browser; the results' sections show only once it is scored", async () => {
    const { page, problems } = await openScore();
    assert.match((await page.textContent("main")) ?? "", /stays in your browser/);
    const resultSections = ["#customers", "#by-segment", "#downloads"];
    const shown = (): Promise<boolean[]> =>
      Promise.all(
        resultSections.flatMap((id) => [
          page.locator(`main h2${id}`).isVisible(),
          page.locator(`#observablehq-toc a[href="${id}"]`).isVisible(),
        ]),
      );
    assert.deepEqual(
      await shown(),
      Array(6).fill(false),
      "before an upload, its sections and their contents entries are hidden",
    );
    const href = await page.getAttribute('a[download="sample-customers.csv"]', "href");
    assert.ok(href);
    const sample = await (await fetch(new URL(href, server.url))).text();
    const path = join(work, "sample-customers.csv");
    writeFileSync(path, sample);
    const raw = parseCsv(sample, "sample");
    assert.equal(raw.rows.length, 200);
    assert.ok(!raw.header.includes("Churn"));
    const status = await uploadOnScorePage(page, path);
    assert.match(status, /200 customers scored/);
    assert.equal(await page.locator('[data-testid="score-skipped"]').count(), 0);
    assert.deepEqual(await shown(), Array(6).fill(true), "once a file is scored, its sections show");
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.externalRequests, []);
    await page.close();
  });

  it(
    "real CSV: every row scored, probabilities equal Node's scoreTable to 1e-9, downloads hold the right rows",
    { skip: realSkip },
    async () => {
      const { page, problems } = await openScore();
      const status = await uploadOnScorePage(page, REAL_CSV);
      assert.match(status, /5,630 customers scored/);
      // The first results come before the reasons: the table has every customer while reasons are computing.
      const early = await snapshot(page);
      assert.equal(early.state, "running", "reasons still computing when the table shows");
      assert.equal(early.showing, "Showing 5,630 of 5,630 customers");
      assert.ok(early.done >= 0 && early.done < 5630, `reasons done ${early.done}`);
      assert.ok(early.pending > 0, "reason cells waiting for their chunk");
      assert.match((await page.textContent('[data-testid="score-evaluation"]')) ?? "", /ROC-AUC/);
      // Downloads without waiting: the file without reason columns, offered only while they are computing.
      assert.ok(await page.isVisible('[data-testid="download-all-now"]'));
      const quick = await download(page, "download-all-now");
      assert.ok(quick.text.startsWith("\uFEFFCustomerID,churn_probability,high_risk,segment,"), "BOM and header");
      assert.ok(!quick.raw.header.includes("raises_risk") && !quick.raw.header.includes("lowers_risk"));
      assert.equal(quick.raw.rows.length, 5630);

      const input = await readInput(REAL_CSV, { requireTarget: false });
      const node = scoreTable(bundle, input.table);
      assert.match(await waitForReasons(page), /Reasons computed for all 5,630 customers/);
      assert.equal(await page.locator("[data-pending]").count(), 0);
      assert.ok(!(await page.isVisible('[data-testid="download-all-now"]')));
      const all = await download(page, "download-all");
      assert.ok(all.text.startsWith("\uFEFFCustomerID,"), "BOM and header");
      assert.ok(all.text.includes("\r\n"), "CRLF");
      assert.equal(all.raw.rows.length, 5630);
      const idAt = col(all.raw, "CustomerID");
      const pAt = col(all.raw, "churn_probability");
      const riskAt = col(all.raw, "high_risk");
      const segAt = col(all.raw, "segment");
      const upAt = col(all.raw, "raises_risk");
      const downAt = col(all.raw, "lowers_risk");
      assert.ok(upAt > 0 && downAt > 0);
      const byId = new Map(input.table.ids.map((id, i) => [id, i]));
      let worst = 0;
      for (const row of all.raw.rows) {
        const i = byId.get(row[idAt]);
        assert.ok(i !== undefined, row[idAt]);
        worst = Math.max(worst, Math.abs(Number(row[pAt]) - node.probability[i]));
        assert.equal(row[segAt], bundle.segments.names[node.cluster[i]]);
        // The reasons, computed in chunks in the worker, are Node's on the whole table.
        assert.ok(node.reasons);
        const top = topReasons(node.reasons, input.table, i, 3);
        assert.equal(row[upAt], formatReasons(top.up), `raises_risk of ${row[idAt]}`);
        assert.equal(row[downAt], formatReasons(top.down), `lowers_risk of ${row[idAt]}`);
      }
      assert.ok(worst <= 1e-9, `largest difference ${worst}`);
      assert.ok(all.raw.rows.filter((r) => r[upAt] !== "").length > 5000, "reasons in the file");

      const high = await download(page, "download-high-risk");
      const expectedHigh = Array.from(node.probability).filter((p) => p >= bundle.threshold.value).length;
      assert.equal(high.raw.rows.length, expectedHigh);
      assert.ok(high.raw.rows.every((r) => r[riskAt] === "yes" && Number(r[pAt]) >= bundle.threshold.value));

      const seg = await download(page, "download-segment-0");
      const name = bundle.segments.names[0];
      assert.equal(seg.raw.rows.length, Array.from(node.cluster).filter((c) => c === 0).length);
      assert.ok(seg.raw.rows.every((r) => r[segAt] === name));
      assert.deepEqual(problems.consoleErrors, []);
      await page.close();
    },
  );

  it(
    "real XLSX: every row scored, probabilities equal Node's scoreTable on the workbook to 1e-9",
    { skip: realSkip },
    async () => {
      const { page } = await openScore();
      const status = await uploadOnScorePage(page, REAL_XLSX);
      assert.match(status, /5,630 customers scored \(XLSX/);
      const early = await snapshot(page);
      assert.equal(early.state, "running");
      // A click before the reasons are done waits for them, saying so, then saves the file with them.
      const waiting = download(page, "download-all", REASONS_TIMEOUT);
      await page.waitForFunction(
        () => /waiting for reasons/.test(document.querySelector('[data-testid="download-all"]')?.textContent ?? ""),
        null,
        { timeout: 10_000 },
      );
      // Moving the threshold does not restart the reasons.
      const before = (await snapshot(page)).done;
      await page.locator('input[type="number"]').first().fill("0.3");
      await page.locator('input[type="number"]').first().dispatchEvent("input");
      await page.waitForFunction(
        () => /at threshold 0\.300/.test(document.querySelector('[data-testid="score-evaluation"]')?.textContent ?? ""),
        null,
        { timeout: 10_000 },
      );
      const moved = await snapshot(page);
      assert.ok(
        moved.state === "done" || moved.done >= before,
        `reasons went from ${before} to ${moved.done} after the threshold moved`,
      );
      // The workbook's own cells (its CashbackAmount has more decimals than the CSV's), read in Node.
      const input = await readInput(REAL_XLSX, { requireTarget: false });
      const node = scoreTable(bundle, input.table, { reasons: false });
      const all = await waiting;
      assert.equal((await snapshot(page)).state, "done");
      assert.ok(all.raw.rows.filter((r) => r[col(all.raw, "raises_risk")] !== "").length > 5000, "reasons in the file");
      const byId = new Map(input.table.ids.map((id, i) => [id, i]));
      let worst = 0;
      for (const row of all.raw.rows)
        worst = Math.max(
          worst,
          Math.abs(Number(row[col(all.raw, "churn_probability")]) - node.probability[byId.get(row[0]) as number]),
        );
      assert.equal(all.raw.rows.length, 5630);
      assert.ok(worst <= 1e-9, `largest difference ${worst}`);
      await page.close();
    },
  );

  it("a new upload stops the old file's reasons and shows its own", { skip: realSkip }, async () => {
    const { page, problems } = await openScore();
    assert.match(await uploadOnScorePage(page, REAL_CSV), /5,630 customers scored/);
    assert.equal((await snapshot(page)).state, "running");
    const raw = demoRaw();
    const path = writeCsv("next.csv", raw.header, raw.rows.slice(0, 40));
    await page.setInputFiles('[data-testid="score-upload"]', path);
    await page.waitForFunction(
      () => /40 customers scored/.test(document.querySelector('[data-testid="score-summary"]')?.textContent ?? ""),
      null,
      { timeout: 60_000 },
    );
    assert.match(await waitForReasons(page), /Reasons computed for all 40 customers/);
    assert.match((await page.textContent("main")) ?? "", /Showing 40 of 40 customers/);
    assert.equal(await page.locator("[data-pending]").count(), 0);
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });

  it("a missing column rejects the file and names the column", async () => {
    const raw = demoRaw();
    const drop = raw.header.indexOf("Tenure");
    const path = writeCsv(
      "no-tenure.csv",
      raw.header.filter((_, j) => j !== drop),
      raw.rows.slice(0, 20).map((r) => r.filter((_, j) => j !== drop)),
    );
    const { page, problems } = await openScore();
    const status = await uploadOnScorePage(page, path);
    assert.match(status, /File rejected/);
    assert.match(status, /Tenure/);
    assert.equal(await page.locator('[data-testid="download-all"]').count(), 0);
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });

  it("bad values skip their rows and say which rows, columns and values; the rest are scored", async () => {
    const raw = demoRaw();
    const rows = raw.rows.slice(0, 30).map((r) => [...r]);
    rows[2][raw.header.indexOf("Tenure")] = "lots";
    rows[5][raw.header.indexOf("Gender")] = "Robot";
    rows[9][raw.header.indexOf("CityTier")] = "7";
    const path = writeCsv("bad-values.csv", raw.header, rows);
    const { page, problems } = await openScore();
    const status = await uploadOnScorePage(page, path);
    assert.match(status, /27 customers scored/);
    const skipped = (await page.textContent('[data-testid="score-skipped"]')) ?? "";
    assert.match(skipped, /3 of 30 rows skipped/);
    for (const text of ["Tenure", '"lots"', "line 4", "Gender", '"Robot"', "line 7", "CityTier", "line 11"])
      assert.ok(skipped.includes(text), text);
    const all = await download(page, "download-all");
    assert.equal(all.raw.rows.length, 27);
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });

  it("an empty file and a binary file are rejected with one clear sentence", async () => {
    const empty = join(work, "empty.csv");
    writeFileSync(empty, "");
    const binary = join(work, "binary.csv");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const { page, problems } = await openScore();
    assert.match(await uploadOnScorePage(page, empty), /File rejected[\s\S]*empty/);
    assert.match(await uploadOnScorePage(page, binary), /File rejected[\s\S]*binary/);
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });

  it("markup in a cell shows as text; formula cells are neutralised in downloads", async () => {
    const raw = demoRaw();
    const rows = raw.rows.slice(0, 10).map((r) => [...r]);
    const evil = "<img src=x onerror=alert(1)>";
    rows[0][0] = evil;
    rows[1][0] = "=1+1";
    rows[2][0] = "@SUM(A1)";
    const path = writeCsv("evil.csv", raw.header, rows);
    const { page, problems } = await openScore();
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    await uploadOnScorePage(page, path);
    assert.equal(await page.locator("main img").count(), 0);
    assert.ok(((await page.textContent("main")) ?? "").includes(evil));
    const all = await download(page, "download-all");
    const ids = all.raw.rows.map((r) => r[0]);
    assert.ok(ids.includes("'=1+1") && ids.includes("'@SUM(A1)") && ids.includes(evil));
    assert.ok(!ids.includes("=1+1"));
    assert.equal(dialogs, 0);
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });

  it("what-if: changing a field updates the risk at once", async () => {
    const { page } = await openScore();
    const before = await page.textContent('[data-testid="whatif-probability"]');
    // A new customer who complained: the strongest combination on the real data and on the demo data
    // (a complaint alone moves little where churn comes in pockets, as on the demo data).
    const inputs = page.locator('[data-testid="score-whatif"] input');
    for (const [index, value] of [
      [FEATURE_INDEX_TENURE, "0"],
      [FEATURE_INDEX_COMPLAIN, "1"],
    ] as const) {
      await inputs.nth(index).fill(value);
      await inputs.nth(index).dispatchEvent("input");
    }
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="whatif-probability"]')?.textContent !== b,
      before,
      { timeout: 10_000 },
    );
    const afterP = await page.textContent('[data-testid="whatif-probability"]');
    assert.notEqual(afterP, before);
    assert.ok(await page.locator('[data-testid="score-reasons"]').count());
    await page.close();
  });
});

const FEATURE_INDEX_TENURE = 0;
/** Complain's position among the form's text inputs (numeric columns in schema order; categories are selects). */
const FEATURE_INDEX_COMPLAIN = [
  "Tenure",
  "CityTier",
  "WarehouseToHome",
  "HourSpendOnApp",
  "NumberOfDeviceRegistered",
  "SatisfactionScore",
  "NumberOfAddress",
  "Complain",
].indexOf("Complain");
