// The banner every page shows: which data the report was built from, and a plain warning when it is the
// synthetic demo set. Built with DOM calls so file names land in the page as text, never as HTML.

export interface SourceInfo {
  readonly file: string;
  readonly sha256: string;
  readonly demo: boolean;
}

export function dataBanner(source: SourceInfo, rows: number): HTMLElement {
  const box = document.createElement("div");
  box.className = source.demo ? "warning" : "note";
  box.setAttribute("role", "note");
  const title = document.createElement("strong");
  title.textContent = source.demo ? "Synthetic demo data. " : "Data: ";
  box.append(title);
  box.append(
    source.demo
      ? `These figures come from generated customers (${rows.toLocaleString("en-US")} rows in ${source.file}), not from a real shop. Build with CHURN_DATA=your-file to see your own.`
      : `${source.file}, ${rows.toLocaleString("en-US")} rows, sha256 ${source.sha256.slice(0, 12)}…`,
  );
  return box;
}
