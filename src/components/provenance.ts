// The banner every page shows: which data the report was built from, and a plain warning when it is the
// synthetic demo set. File names land in the page as text, never as HTML.
import { el } from "./dom.js";

export interface SourceInfo {
  readonly file: string;
  readonly sha256: string;
  readonly demo: boolean;
}

export function dataBanner(source: SourceInfo, rows: number): HTMLElement {
  const box = el("div", { className: source.demo ? "warning" : "note" });
  box.setAttribute("role", "note");
  box.append(
    el("strong", null, source.demo ? "Synthetic demo data. " : "Data: "),
    source.demo
      ? `These figures come from generated customers (${rows.toLocaleString("en-US")} rows in ${source.file}), not from a real shop. Build with CHURN_DATA=your-file to see your own.`
      : `${source.file}, ${rows.toLocaleString("en-US")} rows, sha256 ${source.sha256.slice(0, 12)}…`,
  );
  return box;
}
