// The scoring page's views of an upload: what was rejected or skipped and why, progress, the reasons for one
// customer, and the download buttons. Everything from the file goes into the page as text (textContent),
// never as HTML: a cell holding markup shows as the characters it is.
import type { IssueGroup } from "../lib/data/errors.js";
import type { Reason } from "../lib/scoring/score.js";
import type { UploadRejection } from "../lib/scoring/upload.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function issueList(groups: readonly IssueGroup[]): HTMLElement {
  const list = el("ul");
  for (const group of groups) {
    const item = el("li");
    const head = el("strong", group.column !== undefined ? `Column ${group.column}` : "The file");
    item.append(head, ` ${group.problem}`);
    if (group.count > 1 || group.examples.some((e) => e.row !== undefined)) {
      item.append(` (${group.count} ${group.count === 1 ? "row" : "rows"})`);
      const examples = el("ul");
      for (const example of group.examples) {
        if (example.row === undefined && example.value === undefined) continue;
        const where = example.row === undefined ? "" : example.sheet !== undefined ? `sheet row ${example.row}` : `line ${example.row}`;
        const li = el("li");
        if (where) li.append(`${where}: `);
        if (example.value !== undefined) li.append(el("code", JSON.stringify(example.value)), " ");
        li.append(example.problem);
        examples.append(li);
      }
      const rest = group.count - group.examples.length;
      if (rest > 0) examples.append(el("li", `… and ${rest} more like this`));
      if (examples.childElementCount > 0) item.append(examples);
    }
    list.append(item);
  }
  return list;
}

/** A rejected file: nothing was scored, and everything that is wrong with it. */
export function rejectionView(rejection: UploadRejection): HTMLElement {
  const box = el("div", undefined, "caution");
  box.setAttribute("role", "alert");
  box.dataset.testid = "score-rejected";
  box.append(el("strong", "File rejected: nothing was scored. "));
  box.append(
    `${rejection.file} has ${rejection.total === 1 ? "a problem" : `${rejection.total} problems`} that stop it being read as customers with the report's columns:`,
  );
  box.append(issueList(rejection.groups));
  return box;
}

/** Rows left out for bad values, by problem, with a few examples of each. */
export function skippedView(skipped: number, rowsInFile: number, groups: readonly IssueGroup[]): HTMLElement {
  const box = el("div", undefined, "warning");
  box.setAttribute("role", "status");
  box.dataset.testid = "score-skipped";
  box.append(el("strong", `${skipped.toLocaleString("en-US")} of ${rowsInFile.toLocaleString("en-US")} rows skipped. `));
  box.append("They have values the model cannot take, so they were not scored and are not in the tables or downloads below. Fix them in the file and upload it again:");
  box.append(issueList(groups));
  return box;
}

export function progressView(stage: string, done: number, total: number): HTMLElement {
  const box = el("div");
  box.dataset.testid = "score-progress";
  const bar = el("progress");
  bar.max = Math.max(total, 1);
  bar.value = done;
  box.append(bar, ` ${stage}${total > 1 ? ` ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} customers` : "…"}`);
  return box;
}

/** Horizontal bars of the reasons raising (red) and lowering (blue) one customer's risk. */
export function reasonsView(up: readonly Reason[], down: readonly Reason[], units: string): HTMLElement {
  const box = el("div");
  box.dataset.testid = "score-reasons";
  const max = Math.max(1e-12, ...up.map((r) => Math.abs(r.contribution)), ...down.map((r) => Math.abs(r.contribution)));
  const section = (title: string, list: readonly Reason[], color: string) => {
    box.append(el("h4", title));
    if (list.length === 0) box.append(el("p", "none"));
    for (const r of list) {
      const row = el("div");
      row.style.display = "grid";
      row.style.gridTemplateColumns = "minmax(12rem, 22rem) 1fr 5rem";
      row.style.gap = "0.5rem";
      row.style.alignItems = "center";
      const bar = el("div");
      bar.style.height = "0.8rem";
      bar.style.width = `${(100 * Math.abs(r.contribution)) / max}%`;
      bar.style.background = color;
      const value = el("span", `${r.contribution > 0 ? "+" : ""}${r.contribution.toFixed(3)}`);
      value.style.fontVariantNumeric = "tabular-nums";
      row.append(el("span", `${r.column} = ${r.value}`), bar, value);
      box.append(row);
    }
  };
  section("Raise the risk most", up, "var(--theme-red, #d62728)");
  section("Lower the risk most", down, "var(--theme-blue, #1f77b4)");
  box.append(el("p", `Contributions in ${units}, relative to the average customer the model saw in training.`, "muted"));
  return box;
}

/** A button that saves text as a file (made on click, so a moved threshold is taken into account). */
export function downloadButton(label: string, fileName: string, make: () => string, testid?: string): HTMLButtonElement {
  const button = el("button", label);
  button.type = "button";
  if (testid) button.dataset.testid = testid;
  button.addEventListener("click", () => {
    const blob = new Blob([make()], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = el("a");
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return button;
}

/** A file name fragment from a segment name: letters, digits and dashes. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "segment";
}
