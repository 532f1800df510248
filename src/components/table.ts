// The one HTML table builder the pages share. Cells are filled with textContent (or a node the caller
// built), so names and values from a file or a model never become HTML.

export type CellContent = string | Node;

export interface TableOptions {
  /** Columns from this index on are right-aligned and do not wrap (numbers). */
  readonly numericFrom?: number;
  readonly caption?: string;
}

export function tableCell(content: CellContent, tag: "td" | "th" = "td", numeric = false): HTMLTableCellElement {
  const node = document.createElement(tag);
  if (typeof content === "string") node.textContent = content;
  else node.append(content);
  if (numeric) {
    node.style.textAlign = "right";
    node.style.whiteSpace = "nowrap";
  }
  return node;
}

export function table(
  headers: readonly string[],
  rows: readonly (readonly CellContent[])[],
  options: TableOptions = {},
): HTMLTableElement {
  const numericFrom = options.numericFrom ?? Infinity;
  const node = document.createElement("table");
  if (options.caption) {
    const caption = document.createElement("caption");
    caption.textContent = options.caption;
    node.append(caption);
  }
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  headers.forEach((h, i) => headRow.append(tableCell(h, "th", i >= numericFrom)));
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    row.forEach((value, i) => tr.append(tableCell(value, "td", i >= numericFrom)));
    body.append(tr);
  }
  node.append(head, body);
  return node;
}
