// Sentences from the string tables (src/i18n) into the page, with the little markup they use:
// **bold**, *emphasis*, `code` and [a link](./page). Everything else stays text, so nothing becomes markup by accident.
import { el } from "./dom.js";

// Links only to pages and anchors of the report: a sentence with a file name in it cannot become a link elsewhere.
const TOKEN = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\((\.\/[\w#-]*|#[\w-]+)\)|\*([^*\s][^*]*)\*/g;

/** The sentence's nodes, to append to an element of the caller's choosing. */
export function richNodes(text: string): (string | Node)[] {
  const nodes: (string | Node)[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) nodes.push(text.slice(last, at));
    if (m[1] !== undefined) nodes.push(el("strong", null, m[1]));
    else if (m[2] !== undefined) nodes.push(el("code", null, m[2]));
    else if (m[5] !== undefined) nodes.push(el("em", null, m[5]));
    else nodes.push(el("a", { href: m[4] }, m[3]));
    last = at + m[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** A paragraph (or another block) holding one rich sentence. */
export function rich(text: string, tag: "p" | "li" | "span" | "div" = "p"): HTMLElement {
  return el(tag, null, ...richNodes(text));
}

/** A bulleted list of rich sentences. */
export function richList(items: readonly string[]): HTMLElement {
  return el("ul", null, ...items.map((item) => rich(item, "li")));
}
