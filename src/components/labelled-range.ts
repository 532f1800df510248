// Inputs.range draws a number box and a slider under one <label>, but the label names only the number box,
// so a screen reader announces the slider with no name. This names the slider by the same label.
let next = 0;

export function labelledRange<T extends HTMLElement>(form: T): T {
  const label = form.querySelector("label");
  const slider = form.querySelector<HTMLInputElement>("input[type=range]");
  if (label && slider && !slider.hasAttribute("aria-label") && !slider.hasAttribute("aria-labelledby")) {
    if (!label.id) label.id = `range-label-${++next}`;
    slider.setAttribute("aria-labelledby", label.id);
  }
  return form;
}
