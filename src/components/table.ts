// The one HTML table builder the pages share. Cells are filled with text (or a node the caller built), so names
// and values from a file or a model never become HTML.
import { el } from "./dom.js";

export type CellContent = string | Node;

export interface TableOptions {
  /** Columns from this index on are right-aligned and do not wrap (numbers). */
  readonly numericFrom?: number;
  /** Columns that do not wrap but keep their alignment (figures such as "4.3 × 10⁻⁵²" in a text column). */
  readonly nowrap?: readonly number[];
  readonly caption?: string;
  /** The table's accessible name when it has no caption (default: its headers). */
  readonly label?: string;
}

/**
 * A box that can scroll sideways (on a phone every wide table does: style.css makes tables scroll inside
 * themselves below 640 px) is reachable with the Tab key and named, so a keyboard user can focus it and scroll
 * it with the arrow keys, and a screen reader says what it is (axe-core's scrollable-region-focusable).
 */
export function focusableScroll<T extends HTMLElement>(box: T, name: string): T {
  box.tabIndex = 0;
  if (!box.hasAttribute("aria-label") && name.trim() !== "") box.setAttribute("aria-label", name);
  return box;
}

export function tableCell(content: CellContent, tag: "td" | "th" = "td", numeric = false): HTMLTableCellElement {
  const node = el(tag);
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
  const nowrap = options.nowrap ?? [];
  const cell = (content: CellContent, tag: "td" | "th", i: number): HTMLTableCellElement => {
    const node = tableCell(content, tag, i >= numericFrom);
    if (tag === "td" && nowrap.includes(i)) node.style.whiteSpace = "nowrap";
    return node;
  };
  const node = el("table");
  if (options.caption) node.append(el("caption", null, options.caption));
  const head = el("thead", null, el("tr", null, ...headers.map((h, i) => cell(h, "th", i))));
  const body = el("tbody", null, ...rows.map((row) => el("tr", null, ...row.map((value, i) => cell(value, "td", i)))));
  node.append(head, body);
  return focusableScroll(node, options.caption ?? options.label ?? headers.filter((h) => h !== "").join(", "));
}
