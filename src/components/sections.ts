// Sections of a page that apply to some tables only: the Kaggle preset's views and claims, or the views that
// stand in for them on a table of another schema. Each is a `<div data-section="name">` around its markdown
// (heading included, so the heading stays in the page's string table and its translation); the page says
// which apply once it knows the table, and the others are hidden along with their entries in the table of
// contents, which Framework writes at build time from every heading.
export function showSections(shown: Readonly<Record<string, boolean>>): void {
  for (const section of document.querySelectorAll<HTMLElement>("#observablehq-main [data-section]")) {
    const name = section.dataset.section ?? "";
    if (!(name in shown)) continue;
    const on = shown[name];
    section.hidden = !on;
    section.style.display = on ? "" : "none";
    for (const heading of section.querySelectorAll<HTMLElement>("h2[id], h3[id]")) {
      for (const link of document.querySelectorAll<HTMLAnchorElement>("#observablehq-toc a[href]")) {
        if (decodeURIComponent(link.hash.slice(1)) !== heading.id) continue;
        const item = link.closest("li");
        if (item) item.style.display = on ? "" : "none";
      }
    }
  }
}

/** The page's title heading in other words (a table without the preset's claims), as text. */
export function retitle(text: string): void {
  const heading = document.querySelector("#observablehq-main h1");
  if (heading) heading.textContent = text;
}
