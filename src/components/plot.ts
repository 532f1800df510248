// Plot as the components use it: the library itself, with plot() giving charts a screen reader reads as one
// image. Plot names each mark's <g> with an aria-label ("bar", "dot"), which ARIA does not allow on an element
// without a role and which tells a listener nothing; the chart's own label, on its <svg>, says what it shows.
import * as PlotLib from "@observablehq/plot";

export * from "@observablehq/plot";

export function plot(options?: PlotLib.PlotOptions): ReturnType<typeof PlotLib.plot> {
  const chart = PlotLib.plot(options);
  const svgs = chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll("svg")];
  for (const svg of svgs) if (svg.hasAttribute("aria-label")) svg.setAttribute("role", "img");
  for (const mark of chart.querySelectorAll("g[aria-label], g[aria-description]")) {
    mark.removeAttribute("aria-label");
    mark.removeAttribute("aria-description");
  }
  return chart;
}
