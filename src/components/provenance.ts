// The banner every page shows: which data the report was built from, and a plain warning when it is the
// synthetic demo set. File names land in the page as text, never as HTML.
import type { Lang } from "../i18n/lang.js";
import { pageText } from "../i18n/tables.js";
import { el } from "./dom.js";

export interface SourceInfo {
  readonly file: string;
  readonly sha256: string;
  readonly demo: boolean;
}

export function dataBanner(source: SourceInfo, rows: number, lang: Lang = "en"): HTMLElement {
  const { s, f } = pageText(lang);
  const box = el("div", { className: source.demo ? "warning" : "note" });
  box.setAttribute("role", "note");
  box.append(
    el("strong", null, source.demo ? s.common.demoBannerTitle : s.common.dataBannerTitle),
    source.demo
      ? s.common.demoBanner(f.count(rows), source.file)
      : s.common.dataBanner(source.file, f.count(rows), source.sha256.slice(0, 12)),
  );
  return box;
}
