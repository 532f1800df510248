// Headline figures for the Overview page, each a small card whose numbers come from the artifacts.
// Text from files (names, verdicts) goes in with textContent.

export interface Figure {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
  readonly href?: string;
}

export function figureCards(figures: readonly Figure[]): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4";
  for (const f of figures) {
    const card = document.createElement("div");
    card.className = "card";
    const label = document.createElement("h2");
    label.textContent = f.label;
    const value = document.createElement("span");
    value.className = "big";
    value.textContent = f.value;
    const detail = document.createElement("p");
    detail.className = "muted";
    detail.textContent = f.detail;
    card.append(label, value, detail);
    if (f.href) {
      const link = document.createElement("a");
      link.href = f.href;
      link.textContent = "Read more →";
      card.append(link);
    }
    grid.append(card);
  }
  return grid;
}

export const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;
export const num = (x: number): string => x.toLocaleString("en-US");
