// Framework 1.13.4's page template has two faults that screen readers and axe-core report on every page:
// the sidebar's toggle is a checkbox named only by its title, and the sidebar's close control is a <label>
// placed directly inside an <ol>, where only list items may stand. The build repairs both afterwards: the
// checkbox gets an aria-label, and the label moves just before its list (it is positioned absolutely
// within the sidebar, so it stays where it was drawn).
import { rewriteHtmlPages } from "./html-pages.js";

const CLOSE_IN_LIST = /<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/;
const UNNAMED_TOGGLE = /<input id="observablehq-sidebar-toggle"(?![^>]*\baria-label=)/;

export function repairSidebar(html: string, toggleName: string): string {
  return html
    .replace(CLOSE_IN_LIST, "$2$1<ol>")
    .replace(UNNAMED_TOGGLE, `<input id="observablehq-sidebar-toggle" aria-label="${toggleName}"`);
}

/** Repairs every page under dir; returns how many it changed. */
export function repairSidebars(dir: string, toggleName: string): number {
  return rewriteHtmlPages(dir, (html) => repairSidebar(html, toggleName));
}
