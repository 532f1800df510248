// Observable Framework configuration. Nothing here may point outside the site: the report is read offline
// and in places with no access to CDNs, so fonts and libraries are served from the build itself.
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
  head: '<link rel="icon" href="data:,">',
  search: true,
  pager: true,
  footer: "Churn report: an honest rebuild of an e-commerce churn analysis.",
  pages: [
    { name: "Data and cleaning", path: "/data" },
    { name: "Exploration", path: "/eda" },
    { name: "Hypotheses", path: "/hypotheses" },
    { name: "Models", path: "/models" },
    { name: "Segments and personas", path: "/segments" },
    { name: "Score customers", path: "/score" },
    { name: "What changed", path: "/changes" },
  ],
};
