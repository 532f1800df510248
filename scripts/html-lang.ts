// Framework 1.13.4 writes `<html>` without a lang attribute (its config has no such option), so screen
// readers guess the language. The build stamps it on every page afterwards.
import { rewriteHtmlPages } from "./html-pages.js";

/** Stamps `lang` on every page under dir that has none; returns how many it changed. */
export function setDocumentLanguage(dir: string, lang: string): number {
  return rewriteHtmlPages(dir, (html) => html.replace(/<html(?![^>]*\blang=)([^>]*)>/i, `<html lang="${lang}"$1>`));
}
