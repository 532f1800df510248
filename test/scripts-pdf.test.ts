// `npm run pdf` on the built report: one PDF holding every page in order, the overview's headline figures and the
// sliders' values as text, no download buttons; clear refusals without a build, without Chromium, and for a
// language whose pages were not built. The PDF's text is read with poppler's pdftotext (.ci/run installs it).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { PROJECT_ROOT } from "../pipeline/settings.js";
import { builtFile, reportPaths } from "../scripts/print-report.js";
import { DIST, reportInChromium, requireBuiltSite } from "./helpers/site.js";

const work = mkdtempSync(join(tmpdir(), "churn-pdf-"));
after(() => rmSync(work, { recursive: true, force: true }));

function runPdf(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stderr: string } {
  const result = spawnSync(
    join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
    [join(PROJECT_ROOT, "scripts", "pdf.ts"), ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf-8",
      env: { ...process.env, CHURN_DIST: "", ...env },
      timeout: 600_000,
    },
  );
  return { status: result.status, stderr: result.stderr };
}

/** The PDF's text (of sheets first to last when given), in pdftotext's reading order. */
function pdfText(file: string, first?: number, last?: number): string {
  const sheets = first === undefined ? [] : ["-f", String(first), "-l", String(last ?? first)];
  const result = spawnSync("pdftotext", ["-enc", "UTF-8", ...sheets, file, "-"], { encoding: "utf-8" });
  if (result.error)
    throw new Error(
      `pdftotext is needed to read the PDF (Debian: apt-get install poppler-utils): ${result.error.message}`,
    );
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

const squash = (text: string) => text.replace(/\s+/g, " ");

describe("npm run pdf", () => {
  const report = reportInChromium();

  /** The overview's headline cards (label and figure) as the page in Chromium shows them. */
  async function overviewFigures(path: string): Promise<{ label: string; value: string }[]> {
    const { page } = await report.open(path);
    const figures = await page.$$eval(".card", (cards) =>
      cards.map((card) => ({
        label: (card.querySelector("h2")?.textContent ?? "").replace(/\s+/g, " ").trim(),
        value: (card.querySelector(".big")?.textContent ?? "").replace(/\s+/g, " ").trim(),
      })),
    );
    await page.close();
    assert.equal(figures.length, 4, `the four headline cards on ${path}`);
    return figures;
  }

  /** Prints one language and checks the PDF: its first sheet holds the overview's figures, its pages come in order. */
  async function printAndRead(lang: "en" | "ko"): Promise<void> {
    const out = join(work, `report-${lang}.pdf`);
    const run = runPdf(["--out", out, "--lang", lang]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(out).toString("latin1", 0, 5), "%PDF-");
    assert.deepEqual(
      readdirSync(work).filter((f) => f.includes("partial")),
      [],
      "no partial file left",
    );
    const text = squash(pdfText(out));
    // The cards sit in a grid, which pdftotext reads column by column: each label and figure is on the first sheet.
    const firstSheet = squash(pdfText(out, 1));
    const paths = reportPaths(lang);
    for (const { label, value } of await overviewFigures(paths[0])) {
      assert.ok(value.length > 0 && firstSheet.includes(value), `${lang}: the first sheet shows the figure "${value}"`);
      assert.ok(firstSheet.includes(label), `${lang}: the first sheet shows the label "${label}"`);
    }
    // Every page, in the sidebar's order: each page's title (its h1) comes after the one before.
    let from = 0;
    for (const path of paths) {
      const { page } = await report.open(path);
      const title = squash((await page.textContent("#observablehq-main h1")) ?? "").trim();
      const sliders = await page.$$eval("form input[type=number]", (inputs) =>
        inputs
          .filter((i) => i.parentElement?.querySelector("input[type=range]"))
          .map((i) => (i as HTMLInputElement).value),
      );
      await page.close();
      if (lang === "ko") assert.match(title, /[\uac00-\ud7a3]/, `${path}'s title "${title}" is not in Korean`);
      const at = text.indexOf(title, from);
      assert.ok(at >= from, `${path}'s title "${title}" follows the page before it in the PDF`);
      from = at + title.length;
      for (const value of sliders) assert.ok(text.includes(value), `${path}: a slider's value ${value} is printed`);
    }
    assert.doesNotMatch(text, /\bSVG PNG\b/, "download buttons are not printed");
  }

  it("prints every English page into one PDF with the overview's figures", async () => {
    requireBuiltSite();
    await printAndRead("en");
  });

  it("--lang ko prints every Korean page into one PDF with the Korean overview's figures and titles", async () => {
    requireBuiltSite();
    const missing = reportPaths("ko").filter((path) => !existsSync(builtFile(DIST, path)));
    assert.deepEqual(missing, [], "the build has every Korean page");
    await printAndRead("ko");
  });

  it("--lang ko on a build without Korean pages names those that are missing and writes nothing", () => {
    const english = mkdtempSync(join(work, "english-only-"));
    writeFileSync(join(english, "index.html"), "<!doctype html><title>Overview</title>");
    const out = join(work, "report-ko-missing.pdf");
    const run = runPdf(["--out", out, "--lang", "ko"], { CHURN_DIST: english });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no Korean pages at/);
    for (const path of reportPaths("ko")) assert.ok(run.stderr.includes(path), `the message names ${path}`);
    assert.equal(existsSync(out), false, "no PDF is written");
  });

  it("refuses without a built report, without Chromium, and without --out", () => {
    const empty = mkdtempSync(join(work, "empty-"));
    let run = runPdf(["--out", join(work, "none.pdf")], { CHURN_DIST: empty });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /holds no built report.*run npm run build first/);
    run = runPdf(["--out", join(work, "none.pdf")], { CHROMIUM_PATH: join(work, "no-chromium") });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no Chromium at .*no-chromium.*CHROMIUM_PATH/);
    run = runPdf([]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /--out FILE is required/);
    run = runPdf(["--out", join(work, "none.pdf"), "--lang", "fr"]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /--lang must be one of en, ko/);
    assert.equal(existsSync(join(work, "none.pdf")), false);
  });
});
