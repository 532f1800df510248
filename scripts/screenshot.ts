// Screenshots of built pages for a person to look at: npx tsx scripts/screenshot.ts /,/models [full]. Writes /tmp/shot-<page>.png.
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
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: process.argv[3] === "full" });
  console.log(path, JSON.stringify(problems));
}
await s.close();
await server.close();
