import { fileURLToPath } from "node:url";
import { langOfPath } from "./src/i18n/lang.js";
import { TABLES } from "./src/i18n/tables.js";
import { languageSwitch, sidebarPages } from "./scripts/i18n-pages.js";

const SRC = fileURLToPath(new URL("./src", import.meta.url));

// Observable Framework configuration. Nothing here may point outside the site: the report is read offline
// and in places with no access to CDNs, so fonts and libraries are served from the build itself.

// On paper (the browser's Print and npm run pdf): charts, cards and notes stay whole on a page; a slider's value
// shows as the number beside it, without the track; controls that do nothing on paper are hidden (downloads,
// file inputs, the sidebar, table of contents, header and search).
const PRINT_STYLE = `@media print {
#observablehq-sidebar, #observablehq-sidebar-toggle, #observablehq-sidebar-backdrop, #observablehq-toc,
#observablehq-header, #observablehq-footer, #observablehq-search, .download-bar, input[type=file],
.observablehq-pre-copy, form:has(> input[type=file]), input[type=range] { display: none !important; }
#observablehq-center { margin: 0 !important; padding: 0 !important; }
#observablehq-main, #observablehq-header ~ #observablehq-main { margin-top: 0 !important; padding-right: 0 !important; }
figure, svg, .card, .note, .tip, .warning, .caution, .grid, .download-box:has(svg), details, tr { break-inside: avoid; }
h1, h2, h3, h4 { break-after: avoid; }
thead { display: table-header-group; }
input[type=number] { border: none; background: none; appearance: textfield; color: inherit; }
.print-page { break-before: page; }
}`;

export default {
  root: "src",
  // Tests build into a folder of their own (CHURN_DIST) so a test build never replaces the report in dist/.
  output: process.env.CHURN_DIST || "dist",
  title: "Churn report",
  // Framework's light and dark themes (following the reader's system setting) with our changes for
  // contrast and narrow screens; the stylesheet imports the themes itself, so `theme` is not set.
  style: "style.css",
  // The default theme links a Google Fonts stylesheet; an empty list keeps every request on the site.
  globalStylesheets: [],
  // No favicon file: an empty data URL stops browsers asking the server for /favicon.ico (a 404 in every page).
  head: `<link rel="icon" href="data:,"><style>${PRINT_STYLE}</style>`,
  search: true,
  pager: true,
  // Each page's header holds the switch to the same page in the other language (scripts/i18n-pages.ts writes
  // the translated pages into src/<lang>/ before Framework runs), and its footer is in the page's language.
  header: ({ path }: { path: string }) => languageSwitch(SRC, path),
  footer: ({ path }: { path: string }) => TABLES[langOfPath(path)].common.footer,
  pages: sidebarPages(SRC, [
    { name: "Data and cleaning", path: "/data" },
    { name: "Exploration", path: "/eda" },
    { name: "Hypotheses", path: "/hypotheses" },
    { name: "Models", path: "/models" },
    { name: "Segments and personas", path: "/segments" },
    { name: "Score customers", path: "/score" },
    { name: "What changed", path: "/changes" },
  ]),
};
