// The download control every chart and table on the pages sits in: downloadable(node) returns the node with a
// small row of buttons under it (SVG and PNG for a chart, CSV for a table). Files are made in the browser
// from what the reader sees, at the moment of the click: the chart's colours as the current theme computes them
// (CSS variables, currentColor and color-mix resolved to plain rgb, so the file looks the same outside the page),
// the PNG at the chart's drawn size, the table's rows as the page shows them. Nothing goes over the network,
// and titles and cells are written as text (XML-escaped by the serializer, CSV-quoted and formula-neutralised).
import { cellText, downloadName, pngName, tableCsv } from "../lib/downloads.js";
import { isLang, SOURCE_LANGUAGE } from "../i18n/lang.js";
import { strings } from "../i18n/tables.js";
import type { CommonStrings } from "../i18n/strings.js";
import { el } from "./dom.js";

export type DownloadKind = "chart" | "table";

export interface TableData {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface DownloadOptions {
  /** The file name's source and the buttons' accessible names; by default the chart's or table's own label. */
  readonly title?: string;
  /** What the buttons offer; by default a table when the node is or holds a table (and no chart), else a chart. */
  readonly kind?: DownloadKind;
  /** A table's rows when the page shows only some of them at a time (Inputs.table renders rows lazily). */
  readonly rows?: () => TableData;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function downloadable(content: Node, options: DownloadOptions = {}): HTMLElement {
  addStyle();
  const kind = options.kind ?? guessKind(content);
  const box = el("div", { className: "download-box" });
  const buttons =
    kind === "chart"
      ? [button("SVG", () => saveSvg(box, options)), button("PNG", () => savePng(box, options))]
      : [button("CSV", () => saveCsv(box, options))];
  const bar = el("div", { className: "download-bar" }, ...buttons.map((b) => b.node));
  bar.setAttribute("role", "group");
  box.append(content, bar);
  let waits = 0;
  const label = () => {
    // A title read from the heading before the box needs the box in the page: Framework inserts it after this returns.
    if (!box.isConnected && waits++ < 600) requestAnimationFrame(label);
    const title = titleOf(box, kind, options);
    bar.setAttribute("aria-label", words().downloadGroup(title));
    for (const b of buttons) b.node.setAttribute("aria-label", words().downloadAs(title, b.format));
  };
  label();
  // resize() draws its chart after this returns and again at each new width: name the buttons after what is drawn.
  new MutationObserver(label).observe(content, { childList: true, subtree: true });
  return box;
}

/** The buttons' words in the page's language (<html lang>, which each language's pages set). */
function words(): CommonStrings {
  const lang = document.documentElement.lang;
  return strings(isLang(lang) ? lang : SOURCE_LANGUAGE).common;
}

function guessKind(content: Node): DownloadKind {
  if (content instanceof HTMLTableElement) return "table";
  if (content instanceof Element && content.querySelector("table") && !content.querySelector("svg")) return "table";
  return "chart";
}

function button(format: string, save: () => Promise<void>): { format: string; node: HTMLButtonElement } {
  const node = el("button", { type: "button", className: "download-button" }, format);
  node.addEventListener("click", () => {
    node.disabled = true;
    save()
      .catch((error: unknown) => {
        node.title = words().downloadFailed(format, error instanceof Error ? error.message : String(error));
        console.warn(node.title);
      })
      .finally(() => (node.disabled = false));
  });
  return { format, node };
}

// ------------------------------------------------------------------------------------------- what is shown

/** The chart in a box: its largest svg that is not a decorative legend swatch. */
export function chartIn(box: Element): SVGSVGElement | null {
  const svgs = [...box.querySelectorAll<SVGSVGElement>("svg")].filter(
    (svg) => !svg.closest("[aria-hidden='true'], .download-bar") && svg.ownerSVGElement === null,
  );
  let best: SVGSVGElement | null = null;
  let bestArea = -1;
  for (const svg of svgs) {
    const { width, height } = svg.getBoundingClientRect();
    if (width * height > bestArea) [best, bestArea] = [svg, width * height];
  }
  return best;
}

export function tableIn(box: Element): HTMLTableElement | null {
  return box instanceof HTMLTableElement ? box : box.querySelector("table");
}

function titleOf(box: HTMLElement, kind: DownloadKind, options: DownloadOptions): string {
  if (options.title) return options.title;
  if (kind === "chart") {
    const svg = chartIn(box);
    const label =
      svg?.getAttribute("aria-label") ?? svg?.closest("figure")?.querySelector("h2, h3, figcaption")?.textContent;
    return cellText(label ?? "") || headingBefore(box) || "chart";
  }
  const table = tableIn(box);
  const label = table?.caption?.textContent ?? table?.getAttribute("aria-label") ?? "";
  return cellText(label) || headingBefore(box) || "table";
}

/** The text of the last heading before the box in the page, for tables that have no caption. */
function headingBefore(box: HTMLElement): string {
  let found = "";
  for (const h of document.querySelectorAll("main h1, main h2, main h3, main h4")) {
    if (h.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING && !h.closest(".download-box")) {
      found = cellText(h.textContent ?? "");
    }
  }
  return found;
}

/** A table's header (its head's last row) and body rows as the page shows them. */
export function tableData(table: HTMLTableElement): TableData {
  const texts = (row: HTMLTableRowElement) => [...row.cells].map((cell) => cellText(cell.textContent ?? ""));
  const headRows = table.tHead ? [...table.tHead.rows] : [];
  const bodyRows = [...table.rows].filter((row) => !headRows.includes(row) && row.parentElement?.tagName !== "TFOOT");
  const header = headRows.length > 0 ? texts(headRows[headRows.length - 1]) : [];
  return { header, rows: bodyRows.map(texts) };
}

// ------------------------------------------------------------------------------------------------- files

async function saveCsv(box: HTMLElement, options: DownloadOptions): Promise<void> {
  const data = options.rows?.() ?? tableData(requireNode(tableIn(box), "table"));
  save(
    new Blob([tableCsv(data.header, data.rows)], { type: "text/csv;charset=utf-8" }),
    downloadName(titleOf(box, "table", options), "csv", "table"),
  );
}

async function saveSvg(box: HTMLElement, options: DownloadOptions): Promise<void> {
  const svg = requireNode(chartIn(box), "chart");
  save(
    new Blob([standaloneSvg(svg)], { type: "image/svg+xml" }),
    downloadName(titleOf(box, "chart", options), "svg", "chart"),
  );
}

async function savePng(box: HTMLElement, options: DownloadOptions): Promise<void> {
  const svg = requireNode(chartIn(box), "chart");
  const { width, height } = drawnSize(svg);
  const scale = Math.max(1, Math.round(window.devicePixelRatio || 1));
  const blob = await pngOf(standaloneSvg(svg), width, height, scale, backgroundOf(svg));
  save(blob, pngName(titleOf(box, "chart", options), scale));
}

function requireNode<T>(node: T | null, what: string): T {
  if (node === null) throw new Error(`there is no ${what} to save yet`);
  return node;
}

function save(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = el("a", { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // The browser reads the blob after the click returns; let it go once the download has surely started.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

function drawnSize(svg: SVGSVGElement): { width: number; height: number } {
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, Math.round(rect.width)), height: Math.max(1, Math.round(rect.height)) };
}

async function pngOf(svgText: string, width: number, height: number, scale: number, background: string): Promise<Blob> {
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const canvas = el("canvas", { width: width * scale, height: height * scale });
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser gives no 2D canvas");
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas gave no PNG"))), "image/png"),
  );
}

// ------------------------------------------------------------------------------------ a standalone svg

// Properties that decide how an svg's shapes and text look. Inherited ones are written where an element's value
// differs from its parent's (or the element set it itself), the others where they differ from the default.
const INHERITED = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-opacity",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "paint-order",
  "color",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
  "font-variant-numeric",
  "text-anchor",
  "dominant-baseline",
  "white-space",
  "visibility",
  "shape-rendering",
] as const;
const OWN: readonly (readonly [string, string])[] = [
  ["opacity", "1"],
  ["display", "inline"],
  ["mix-blend-mode", "normal"],
];
const COLOURED = new Set(["fill", "stroke", "color"]);

/** The chart as a file of its own: every colour and font as the page computes them, on the page's background. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  const computed = new Map<Element, CSSStyleDeclaration>();
  sources.forEach((source, i) => {
    const copy = copies[i];
    const style = getComputedStyle(source);
    computed.set(source, style);
    const parent = source === svg ? null : computed.get(source.parentElement as Element);
    const declarations: string[] = [];
    for (const name of INHERITED) {
      const value = style.getPropertyValue(name);
      if (value && (parent === null || source.hasAttribute(name) || parent?.getPropertyValue(name) !== value)) {
        declarations.push(`${name}:${COLOURED.has(name) ? plainColour(value) : value}`);
      }
    }
    for (const [name, initial] of OWN) {
      const value = style.getPropertyValue(name);
      if (value && value !== initial && !(name === "display" && value !== "none"))
        declarations.push(`${name}:${value}`);
    }
    for (const attribute of [...copy.attributes]) {
      // Attributes such as fill="var(--theme-foreground-focus)" mean nothing outside the page; the style has the value.
      if (/var\(|currentcolor/i.test(attribute.value) && attribute.name !== "style")
        copy.removeAttribute(attribute.name);
    }
    if (declarations.length > 0) copy.setAttribute("style", declarations.join(";"));
    else copy.removeAttribute("style");
  });
  // Plot's own <style> scopes rules to the page's classes and variables; the inline styles above replace it.
  clone.querySelectorAll("style").forEach((node) => node.remove());
  const { width, height } = drawnSize(svg);
  if (!clone.hasAttribute("viewBox")) {
    clone.setAttribute("viewBox", `0 0 ${svg.width.baseVal.value || width} ${svg.height.baseVal.value || height}`);
  }
  clone.setAttribute("xmlns", SVG_NS);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const [x, y, w, h] = (clone.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const background = document.createElementNS(SVG_NS, "rect");
  for (const [name, value] of [
    ["x", x],
    ["y", y],
    ["width", w],
    ["height", h],
  ] as const) {
    background.setAttribute(name, String(value));
  }
  background.setAttribute("fill", backgroundOf(svg));
  clone.insertBefore(background, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** The colour behind the chart as the reader sees it: the first ancestor with a background that is not transparent. */
function backgroundOf(node: Element): string {
  for (let at: Element | null = node; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(colour)) return plainColour(colour);
  }
  return "rgb(255, 255, 255)";
}

const plainColours = new Map<string, string>();
let probe: CanvasRenderingContext2D | null = null;

/**
 * A computed colour as rgb()/rgba(): Chrome computes color-mix() and oklch() in their own notations, which
 * other programs that open an SVG do not read. Painting one pixel converts any of them. Keywords (none) and
 * references (url(#gradient)) are kept.
 */
function plainColour(value: string): string {
  if (/^(none|auto|inherit)$/.test(value) || value.startsWith("url(") || /^rgba?\(/.test(value)) return value;
  const known = plainColours.get(value);
  if (known) return known;
  probe ??= el("canvas", { width: 1, height: 1 }).getContext("2d", { willReadFrequently: true });
  if (!probe) return value;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = "#000";
  probe.fillStyle = value;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  const plain = a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${+(a / 255).toFixed(3)})`;
  plainColours.set(value, plain);
  return plain;
}

// ---------------------------------------------------------------------------------------------- the look

let styled = false;

function addStyle(): void {
  if (styled) return;
  styled = true;
  const style = el(
    "style",
    null,
    `.download-box{margin:1rem 0}
.download-box>.download-bar{display:flex;gap:.375rem;justify-content:flex-end;max-width:100%;margin:.25rem 0 0}
.download-button{font:12px/1.2 var(--sans-serif);min-height:24px;min-width:44px;padding:3px 8px;border-radius:4px;cursor:pointer;color:var(--theme-foreground);background:var(--theme-background-alt);border:1px solid var(--theme-foreground-muted)}
.download-button:hover{border-color:var(--theme-foreground)}
.download-button:focus-visible{outline:2px solid var(--theme-foreground-focus);outline-offset:2px}
.download-button:disabled{cursor:progress}
@media print{.download-bar{display:none!important}}`,
  );
  style.dataset.for = "download";
  document.head.append(style);
}
