// Headline figures for the Overview page, each a small card whose numbers come from the artifacts.
// Text from files (names, verdicts) goes in as text.
import type { Lang } from "../i18n/lang.js";
import { strings } from "../i18n/tables.js";
import { el } from "./dom.js";

export interface Figure {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
  readonly href?: string;
}

export function figureCards(figures: readonly Figure[], lang: Lang = "en"): HTMLElement {
  const readMore = strings(lang).common.readMore;
  const cards = figures.map((f) =>
    el(
      "div",
      { className: "card" },
      el("h2", null, f.label),
      el("span", { className: "big" }, f.value),
      el("p", { className: "muted" }, f.detail),
      ...(f.href ? [el("a", { href: f.href }, readMore)] : []),
    ),
  );
  return el("div", { className: "grid grid-cols-4" }, ...cards);
}
