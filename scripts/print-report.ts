// The built report as one PDF, printed by Debian's Chromium. Every page is opened at its defaults in a frame
// of one print document (the first page), and once its cells have rendered its <main> is moved, as DOM nodes,
// into that document after the pages before it, each starting on a new sheet. Chromium then prints the whole
// once, so the PDF has one set of fonts, page numbers that run through, and no merging of PDF files.
import { existsSync } from "node:fs";
import { writeFile, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Frame, Page } from "playwright-core";
import config from "../observablehq.config.js";
import { CHROMIUM, launchBrowser } from "./browser.js";
import { serveStatic } from "./serve-static.js";

export type Language = "en" | "ko";
export const LANGUAGES: readonly Language[] = ["en", "ko"];

export class PrintError extends Error {}

/** The report's pages in the sidebar's order, the overview first, as URL paths ("/", "/data", or "/ko/", "/ko/data"). */
export function reportPaths(lang: Language): string[] {
  const prefix = lang === "en" ? "" : `/${lang}`;
  // The sidebar's language sections (scripts/i18n-pages.ts) have no path of their own.
  const english = config.pages
    .flatMap((p) => ("path" in p ? [p.path] : []))
    .filter((path) => !/^\/[a-z]{2}(\/|$)/.test(path));
  return [`${prefix}/`, ...english.map((path) => `${prefix}${path}`)];
}

/** The file Framework writes for a path: "/" -> index.html, "/ko/" -> ko/index.html, "/data" -> data.html. */
export function builtFile(dist: string, path: string): string {
  return path.endsWith("/") ? join(dist, path, "index.html") : join(dist, `${path}.html`);
}

/** Refuses, naming what is missing, before a browser starts: no build, no Chromium, or pages of the language absent. */
export function checkCanPrint(dist: string, lang: Language): string[] {
  if (!existsSync(join(dist, "index.html"))) {
    throw new PrintError(`${dist} holds no built report (index.html): run npm run build first`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new PrintError(
      `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  const paths = reportPaths(lang);
  const missing = paths.filter((path) => !existsSync(builtFile(dist, path)));
  if (missing.length > 0) {
    throw new PrintError(
      `the built report has no ${lang === "ko" ? "Korean" : lang} pages at ${missing.join(", ")} ` +
        `(${missing.length} of ${paths.length} missing in ${dist}); build a report that has them first`,
    );
  }
  return paths;
}

// A sheet's printable width at 96 px an inch: A4 (210 mm) less 12 mm margins each side. Pages render at it, so
// charts are drawn at the width they are printed at.
const PAPER = { format: "A4", margin: { top: "12mm", right: "12mm", bottom: "12mm", left: "12mm" } };
const PRINT_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

export interface PrintOptions {
  readonly dist: string;
  readonly lang: Language;
  readonly out: string;
  readonly log?: (line: string) => void;
}

/** Prints every page of the report into `out`, written whole (a temporary file renamed at the end). */
export async function printReport({ dist, lang, out, log = () => {} }: PrintOptions): Promise<{ pages: number }> {
  const paths = checkCanPrint(dist, lang);
  const server = await serveStatic(resolve(dist), 0, false);
  const session = await launchBrowser();
  const partial = join(dirname(resolve(out)), `.print-${process.pid}.pdf.partial`);
  try {
    const { page, problems } = await session.newPage();
    await page.setViewportSize({ width: PRINT_WIDTH, height: 1100 });
    await page.emulateMedia({ media: "print", colorScheme: "light" });
    log(`printing ${paths[0]}`);
    await page.goto(server.url + paths[0]);
    await rendered(page.mainFrame());
    for (const [i, path] of paths.entries()) {
      if (i === 0) continue;
      log(`printing ${path}`);
      await appendPage(page, server.url + path, `print-page-${i}`);
    }
    const errors = [...problems.consoleErrors, ...problems.failedRequests];
    if (errors.length > 0) throw new PrintError(`the pages reported errors while printing:\n  ${errors.join("\n  ")}`);
    const pdf = await page.pdf({ ...PAPER, printBackground: true, preferCSSPageSize: false });
    await writeFile(partial, pdf);
    await rename(partial, out);
    return { pages: paths.length };
  } finally {
    await rm(partial, { force: true });
    await session.close();
    await server.close();
  }
}

/** Waits until Framework has rendered every cell of a frame: nothing loading and the network quiet. */
async function rendered(frame: Frame): Promise<void> {
  await frame.waitForLoadState("networkidle");
  await frame.waitForFunction(
    () =>
      document.querySelector("#observablehq-main") !== null &&
      // Only what is shown: a build without labels holds back, hidden, the cells of pages that need them.
      Array.from(document.querySelectorAll(".observablehq--loading, observablehq-loading")).every(
        (node) => !(node as HTMLElement).checkVisibility(),
      ),
    null,
    { timeout: 60_000 },
  );
  const failed = await frame.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent ?? ""));
  if (failed.length > 0) throw new PrintError(`${frame.url()}: cells failed to render: ${failed.join("; ")}`);
}

/** Loads a page in a frame of the print document, then moves its rendered <main> (and its stylesheets) over. */
async function appendPage(page: Page, url: string, name: string): Promise<void> {
  await page.evaluate(
    ({ url, name, width }) => {
      const frame = document.createElement("iframe");
      frame.name = name;
      frame.src = url;
      frame.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:1100px;visibility:hidden`;
      document.body.append(frame);
    },
    { url, name, width: PRINT_WIDTH },
  );
  const frame = await waitForFrame(page, name);
  await rendered(frame);
  await page.evaluate((name) => {
    const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${name}"]`);
    const from = frame?.contentDocument;
    const main = from?.querySelector("#observablehq-main");
    const into = document.querySelector("#observablehq-center");
    if (!frame || !from || !main || !into) throw new Error(`${frame?.src ?? name}: no #observablehq-main to print`);
    const have = new Set(
      [...document.querySelectorAll("link[rel=stylesheet]")].map((l) => (l as HTMLLinkElement).href),
    );
    for (const link of from.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")) {
      if (!have.has(link.href)) document.head.append(document.adoptNode(link));
    }
    const section = document.createElement("section");
    section.className = "print-page";
    section.dataset.path = new URL(frame.src).pathname;
    // The moved nodes keep their state (a slider's value, a select's choice), which copying as markup would lose.
    section.append(document.adoptNode(main));
    into.insertBefore(section, into.querySelector(":scope > #observablehq-footer"));
    frame.remove();
  }, name);
  // Stylesheets moved over load before printing.
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")].every((link) => link.sheet !== null),
  );
}

async function waitForFrame(page: Page, name: string): Promise<Frame> {
  for (let tries = 0; tries < 600; tries++) {
    const frame = page.frame({ name });
    if (frame && frame.url() !== "about:blank") return frame;
    await page.waitForTimeout(50);
  }
  throw new PrintError(`the frame for ${name} never loaded`);
}
