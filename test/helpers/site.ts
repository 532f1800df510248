// The built report under test. `npm test` builds it on the demo data before the tests run (see package.json);
// a test run without a build fails here with a message saying so rather than testing an old dist/.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PROJECT_ROOT } from "../../loaders/settings.js";

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
  await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, null, { timeout: 30_000 });
}

/** Texts of cells that failed to render (Framework shows them as .observablehq--error). */
export async function cellErrors(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (nodes) => nodes.map((node) => node.textContent ?? ""));
}
