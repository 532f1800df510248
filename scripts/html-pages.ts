// The build's touch-ups to the pages Framework wrote (lang, sidebar, Content-Security-Policy) each rewrite
// every .html file under a folder; this is the one walk they share.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Rewrites every .html file under `dir` with `rewrite`; returns how many files it changed. */
export function rewriteHtmlPages(dir: string, rewrite: (html: string) => string): number {
  let pages = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      pages += rewriteHtmlPages(path, rewrite);
    } else if (name.endsWith(".html")) {
      const html = readFileSync(path, "utf-8");
      const rewritten = rewrite(html);
      if (rewritten !== html) {
        writeFileSync(path, rewritten);
        pages++;
      }
    }
  }
  return pages;
}
