// Inputs.table puts an unlabelled radio (or checkbox) at the head of each row to pick it, and draws more rows
// as the reader scrolls or sorts. This names each row's control after the row's first column as the row
// appears, and the header's control too, so a screen reader says which customer a control picks.
export function labelledRows<T extends HTMLElement>(form: T, rowName: (first: string) => string, headName: string): T {
  const label = (): void => {
    for (const input of form.querySelectorAll("tbody tr > :first-child > input:not([aria-label])")) {
      input.setAttribute("aria-label", rowName(input.closest("tr")?.children[1]?.textContent ?? ""));
    }
    form.querySelector("thead tr > :first-child > input:not([aria-label])")?.setAttribute("aria-label", headName);
  };
  label();
  // Setting attributes is not a change of the children, so the observer does not wake itself.
  new MutationObserver(label).observe(form, { childList: true, subtree: true });
  return form;
}
