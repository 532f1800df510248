// The download control in Chromium on the built report: every chart and table on every page sits in one, a chart's
// SVG parses and carries the theme's colours as plain values (light and dark), its PNG has the chart's drawn size,
// and a table's CSV holds exactly the rows the page shows.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { builtFile } from "../scripts/print-report.js";
import { neutralise } from "../src/lib/scoring/csv-export.js";
import { assertCleanPage, DIST, reportInChromium, waitForReport, type ReportPage } from "./helpers/site.js";

const PAGES = ["/data", "/eda", "/hypotheses", "/models", "/segments", "/score", "/changes"];
const CHART = "Churn rate by city tier";
const TABLE = "Satisfaction score: stayed against churned";

interface Downloaded {
  readonly name: string;
  readonly bytes: Buffer;
}

async function download(page: Page, press: () => Promise<void>): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent("download"), press()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "PNG signature");
  assert.equal(bytes.toString("latin1", 12, 16), "IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") [row, field] = [[...row, field], ""];
    else if (c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, field]);
      [row, field, i] = [[], "", i + 1];
    } else field += c;
  }
  return rows;
}

function luminance(colour: string): number {
  const match = /^rgba?\((\d+), (\d+), (\d+)/.exec(colour);
  assert.ok(match, `a plain rgb colour, not ${colour}`);
  const [r, g, b] = match.slice(1).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe("download control", () => {
  const report = reportInChromium();

  async function openIn(path: string, colorScheme: "light" | "dark"): Promise<ReportPage> {
    const opened = await report.newPage();
    await opened.page.emulateMedia({ colorScheme });
    await opened.page.goto(report.url + path);
    await waitForReport(opened.page);
    return opened;
  }

  for (const path of PAGES) {
    it(`${path}: every chart and table has its download buttons`, async () => {
      const { page, problems } = await report.open(path);
      const bare = await page.$$eval("#observablehq-main svg, #observablehq-main table", (nodes) =>
        nodes
          .filter(
            (node) => !node.closest("[aria-hidden='true']") && !(node instanceof SVGElement && node.ownerSVGElement),
          )
          .filter((node) => {
            const box = node.closest(".download-box");
            const wanted = node instanceof HTMLTableElement ? "CSV" : "SVG";
            return (
              !box || ![...box.querySelectorAll(":scope > .download-bar button")].some((b) => b.textContent === wanted)
            );
          })
          .map(
            (node) =>
              node.getAttribute("aria-label") ??
              node.querySelector("caption")?.textContent ??
              node.outerHTML.slice(0, 80),
          ),
      );
      assert.deepEqual(bare, [], `charts and tables on ${path} without a download control`);
      await assertCleanPage(page, problems);
      await page.close();
    });
  }

  it("the buttons are named in the page's language and their names hold their visible text", async () => {
    const translated = existsSync(builtFile(DIST, "/ko/data"));
    for (const [path, wording] of [
      ["/data", /^Download .+ as (SVG|PNG|CSV)$/],
      ...(translated ? ([["/ko/data", /^.+: (SVG|PNG|CSV) 파일로 내려받기$/]] as const) : []),
    ] as const) {
      const { page, problems } = await report.open(path);
      const buttons = await page.$$eval(".download-bar button", (nodes) =>
        nodes.map((b) => ({ text: b.textContent ?? "", name: b.getAttribute("aria-label") ?? "" })),
      );
      assert.ok(buttons.length >= 4, `${path} has download buttons`);
      for (const { text, name } of buttons) {
        const match = wording.exec(name);
        assert.ok(match, `${path}: "${name}" is worded for the page's language`);
        assert.equal(match[1], text, `${path}: "${name}" holds the button's text "${text}"`);
      }
      await assertCleanPage(page, problems);
      await page.close();
    }
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`a chart's SVG and PNG in the ${scheme} theme`, async () => {
      const { page, problems } = await openIn("/eda", scheme);
      const chart = page.locator(`svg[aria-label="${CHART}"]`);
      const box = await chart.boundingBox();
      assert.ok(box, "the chart is drawn");
      const svgButton = page.getByRole("button", { name: `Download ${CHART} as SVG`, exact: true });
      const svg = await download(page, () => svgButton.click());
      assert.equal(svg.name, "churn-rate-by-city-tier.svg");
      const text = svg.bytes.toString("utf-8");
      assert.doesNotMatch(text, /var\(|currentcolor|color-mix|oklch/i, "colours are plain values");
      const parsed = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, "image/svg+xml");
        const root = doc.documentElement;
        return {
          error: doc.querySelector("parsererror")?.textContent ?? null,
          root: root.localName,
          namespace: root.namespaceURI,
          width: Number(root.getAttribute("width")),
          height: Number(root.getAttribute("height")),
          label: root.getAttribute("aria-label"),
          background: root.querySelector(":scope > rect")?.getAttribute("fill") ?? "",
          ink: /(?:^|;)color:([^;]+)/.exec(root.getAttribute("style") ?? "")?.[1] ?? "",
          texts: root.querySelectorAll("text").length,
        };
      }, text);
      assert.equal(parsed.error, null);
      assert.equal(parsed.root, "svg");
      assert.equal(parsed.namespace, "http://www.w3.org/2000/svg");
      assert.equal(parsed.label, CHART);
      assert.deepEqual([parsed.width, parsed.height], [Math.round(box.width), Math.round(box.height)]);
      assert.ok(parsed.texts > 0, "the axes' text is in the file");
      const pageBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [paper, ink] = [luminance(parsed.background), luminance(parsed.ink)];
      if (scheme === "light") assert.ok(paper > 0.9 && ink < 0.3, `light: paper ${paper}, ink ${ink}`);
      else assert.ok(paper < 0.2 && ink > 0.7, `dark: paper ${paper}, ink ${ink}`);
      if (/^rgb\(/.test(pageBackground)) assert.equal(parsed.background, pageBackground);

      const png = await download(page, () =>
        page.getByRole("button", { name: `Download ${CHART} as PNG`, exact: true }).click(),
      );
      assert.equal(png.name, "churn-rate-by-city-tier.png");
      assert.deepEqual(pngSize(png.bytes), { width: Math.round(box.width), height: Math.round(box.height) });
      await assertCleanPage(page, problems);
      await page.close();
    });
  }

  it("the Score page's By segment table: its CSV holds every row the table shows", async () => {
    const { page, problems } = await report.open("/score");
    const href = await page.getAttribute('a[download="sample-customers.csv"]', "href");
    assert.ok(href, "the sample file is linked");
    const sample = Buffer.from(await (await fetch(new URL(href, report.url))).arrayBuffer());
    await page.setInputFiles('[data-testid="score-upload"]', {
      name: "sample-customers.csv",
      mimeType: "text/csv",
      buffer: sample,
    });
    const button = page.getByRole("button", { name: "Download By segment as CSV", exact: true });
    await button.waitFor({ timeout: 120_000 });
    const csv = await download(page, () => button.click());
    assert.equal(csv.name, "by-segment.csv");
    const rows = parseCsv(csv.bytes.toString("utf-8").slice(1));
    const shown = await page
      .locator(".download-box", { has: button })
      .locator("table")
      .evaluate((table: HTMLTableElement) =>
        [...table.rows].map((row) =>
          [...row.cells].map((cell) => (cell.textContent ?? "").replace(/\s+/g, " ").trim()).filter((t) => t !== ""),
        ),
      );
    assert.deepEqual(rows[0], ["segment", "customers", "high risk", "share high risk", "mean probability"]);
    assert.ok(rows.length > 2, "a row per segment");
    assert.deepEqual(rows, shown);
    await assertCleanPage(page, problems);
    await page.close();
  });

  it("a table's CSV holds the rows the page shows, reached by keyboard", async () => {
    const { page, problems } = await report.open("/hypotheses");
    const button: Locator = page.getByRole("button", { name: `Download ${TABLE} as CSV`, exact: true });
    await button.focus();
    const csv = await download(page, () => page.keyboard.press("Enter"));
    assert.equal(csv.name, "satisfaction-score-stayed-against-churned.csv");
    const text = csv.bytes.toString("utf-8");
    assert.ok(text.startsWith("\uFEFF"), "byte-order mark");
    assert.ok(text.endsWith("\r\n"));
    const rows = parseCsv(text.slice(1));
    const shown = await page
      .locator(".download-box", { has: button })
      .locator("table")
      .evaluate((table: HTMLTableElement) =>
        [table.tHead?.rows[table.tHead.rows.length - 1], ...table.tBodies[0].rows].map((row) =>
          [...(row?.cells ?? [])].map((cell) => (cell.textContent ?? "").replace(/\s+/g, " ").trim()),
        ),
      );
    assert.ok(shown.length > 2, "the table has rows");
    const plainNumber = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
    assert.deepEqual(
      rows,
      shown.map((row) => row.map((cell) => (plainNumber.test(cell) ? cell : neutralise(cell)))),
    );
    await assertCleanPage(page, problems);
    await page.close();
  });
});
