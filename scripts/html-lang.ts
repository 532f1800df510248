// Framework 1.13.4 writes `<html>` without a lang attribute (its config has no such option), so screen
// readers guess the language. The build stamps it on every page afterwards.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function setDocumentLanguage(dir: string, lang: string): number {
  let pages = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      pages += setDocumentLanguage(path, lang);
    } else if (name.endsWith(".html")) {
      const html = readFileSync(path, "utf-8");
      const stamped = html.replace(/<html(?![^>]*\blang=)([^>]*)>/i, `<html lang="${lang}"$1>`);
      if (stamped !== html) {
        writeFileSync(path, stamped);
        pages++;
      }
    }
  }
  return pages;
}
