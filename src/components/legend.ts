// A swatch legend above a chart, outside the chart's own <figure>: Plot's in-figure legends draw their
// swatches as unlabelled <svg>s that read as extra, nameless charts. The swatches are decorative (the names
// beside them are text), so they are hidden from screen readers.
import * as Plot from "@observablehq/plot";
import { el } from "./dom.js";

export function withSwatches(
  chart: SVGSVGElement | HTMLElement,
  color: Plot.ScaleOptions,
  className: string,
): HTMLElement {
  const box = el("div", { className });
  const legend = Plot.legend({ color });
  if (legend) {
    legend.querySelectorAll("svg").forEach((svg) => svg.setAttribute("aria-hidden", "true"));
    box.append(legend);
  }
  box.append(chart);
  return box;
}
