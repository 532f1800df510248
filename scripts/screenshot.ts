// Screenshots of built pages for a person to look at: npx tsx scripts/screenshot.ts /,/models [full]. Writes
// shot-<page>.png into the system's temporary folder.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser } from "./browser.js";
import { serveStatic } from "./serve-static.js";
import { waitForReport } from "../test/helpers/site.js";
const server = await serveStatic(new URL("../dist", import.meta.url).pathname.replace(/\/$/, ""));
const s = await launchBrowser();
for (const path of (process.argv[2] ?? "/").split(",")) {
  const { page, problems } = await s.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(server.url + path);
  await waitForReport(page);
  const name = path === "/" ? "index" : path.slice(1);
  const file = join(tmpdir(), `shot-${name}.png`);
  await page.screenshot({ path: file, fullPage: process.argv[3] === "full" });
  console.log(path, file, JSON.stringify(problems));
}
await s.close();
await server.close();
