// The scoring page's views of an upload: what was rejected or skipped and why, progress, the reasons for one
// customer, and the download buttons. Everything from the file goes into the page as text (textContent),
// never as HTML: a cell holding markup shows as the characters it is.
//
// Reasons arrive after the scores, a chunk at a time: a ReasonsStore holds them for one upload, fills the
// table cells already on screen in place (so a sort, a scroll or a picked row survive), keeps a progress line
// current, and lets a download wait for the last chunk.
import type { IssueGroup, InputIssue } from "../lib/data/errors.js";
import type { NoteDetail } from "../lib/data/issue-detail.js";
import type { ReasonsChunk } from "../lib/scoring/protocol.js";
import type { ScoredRow } from "../lib/scoring/rows.js";
import type { Reason } from "../lib/scoring/score.js";
import type { UploadRejection } from "../lib/scoring/upload.js";
import type { Lang } from "../i18n/lang.js";
import { pageText } from "../i18n/tables.js";
import { wording } from "../i18n/wording-strings.js";
import { el } from "./dom.js";
import { fileStem } from "../lib/downloads.js";

/** A problem in the page's language: from its code and facts, or, without a code, as the reader wrote it. */
export function problemText(issue: Pick<InputIssue, "problem" | "detail">, lang: Lang = "en"): string {
  const { s, f } = pageText(lang);
  return issue.detail ? s.score.problem(issue.detail, f) : s.score.uncoded(issue.problem);
}

/** A note from the checks in the page's language ("Note: extra columns carried along …"). */
export function noteView(detail: NoteDetail, lang: Lang = "en"): HTMLElement {
  const { s, f } = pageText(lang);
  return el("p", { className: "muted" }, s.score.note(s.score.noteText(detail, f)));
}

/** Problems as one line each, for a message in running text (the what-if form's). */
export function problemsText(groups: readonly IssueGroup[], lang: Lang = "en"): string {
  const { s } = pageText(lang);
  return groups
    .flatMap((group) =>
      group.examples.map((example) => {
        const value = example.value !== undefined ? `${JSON.stringify(example.value)}${s.score.valueJoin}` : "";
        const column = example.column !== undefined ? `${s.score.groupHead(example.column)} ` : "";
        return `${column}${value}${problemText(example, lang)}`;
      }),
    )
    .join("; ");
}

function issueList(groups: readonly IssueGroup[], lang: Lang): HTMLElement {
  const { s, f } = pageText(lang);
  const t = s.score;
  const list = el("ul");
  for (const group of groups) {
    const item = el("li");
    const head = el("strong", null, t.groupHead(group.column));
    item.append(head, ` ${problemText(group, lang)}`);
    if (group.count > 1 || group.examples.some((e) => e.row !== undefined)) {
      item.append(` (${t.groupCount(group.count, f.count(group.count))})`);
      const examples = el("ul");
      for (const example of group.examples) {
        if (example.row === undefined && example.value === undefined) continue;
        const where =
          example.row === undefined
            ? ""
            : t.place(
                example.sheet !== undefined ? "sheetRow" : example.record ? "record" : "line",
                String(example.row),
              );
        const li = el("li");
        if (where) li.append(`${where}: `);
        if (example.value !== undefined) li.append(el("code", null, JSON.stringify(example.value)), t.valueJoin);
        li.append(problemText(example, lang));
        examples.append(li);
      }
      const rest = group.count - group.examples.length;
      if (rest > 0) examples.append(el("li", null, t.more(f.count(rest))));
      if (examples.childElementCount > 0) item.append(examples);
    }
    list.append(item);
  }
  return list;
}

/** A rejected file: nothing was scored, and everything that is wrong with it. */
export function rejectionView(rejection: UploadRejection, lang: Lang = "en"): HTMLElement {
  const { s, f } = pageText(lang);
  const box = el("div", { className: "caution" });
  box.setAttribute("role", "alert");
  box.dataset.testid = "score-rejected";
  box.append(el("strong", null, s.score.rejectedTitle));
  box.append(s.score.rejected(rejection.file, rejection.total, f.count(rejection.total)));
  box.append(issueList(rejection.groups, lang));
  return box;
}

/** Rows left out for bad values, by problem, with a few examples of each. */
export function skippedView(
  skipped: number,
  rowsInFile: number,
  groups: readonly IssueGroup[],
  lang: Lang = "en",
): HTMLElement {
  const { s, f } = pageText(lang);
  const box = el("div", { className: "warning" });
  box.setAttribute("role", "status");
  box.dataset.testid = "score-skipped";
  box.append(el("strong", null, s.score.skippedTitle(f.count(skipped), f.count(rowsInFile))));
  box.append(s.score.skipped);
  box.append(issueList(groups, lang));
  return box;
}

export function progressView(
  stage: "reading" | "checking" | "scoring",
  done: number,
  total: number,
  lang: Lang = "en",
): HTMLElement {
  const { s, f } = pageText(lang);
  const box = el("div");
  box.dataset.testid = "score-progress";
  const bar = el("progress");
  bar.max = Math.max(total, 1);
  bar.value = done;
  box.append(
    bar,
    ` ${s.score.stage(stage)}${total > 1 ? ` ${s.score.stageCount(f.count(done), f.count(total))}` : "…"}`,
  );
  return box;
}

/** Horizontal bars of the reasons raising (red) and lowering (blue) one customer's risk. */
export function reasonsView(
  up: readonly Reason[],
  down: readonly Reason[],
  units: string,
  lang: Lang = "en",
): HTMLElement {
  const { s, f } = pageText(lang);
  const box = el("div");
  box.dataset.testid = "score-reasons";
  const max = Math.max(1e-12, ...up.map((r) => Math.abs(r.contribution)), ...down.map((r) => Math.abs(r.contribution)));
  const section = (title: string, list: readonly Reason[], color: string) => {
    box.append(el("h4", null, title));
    if (list.length === 0) box.append(el("p", null, s.score.none));
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
      const value = el("span", null, `${r.contribution > 0 ? "+" : ""}${f.number(r.contribution, 3)}`);
      value.style.fontVariantNumeric = "tabular-nums";
      row.append(el("span", null, `${r.column} = ${r.value ?? wording(lang).blankValue}`), bar, value);
      box.append(row);
    }
  };
  section(s.score.raiseMost, up, "var(--theme-red, #d62728)");
  section(s.score.lowerMost, down, "var(--theme-blue, #1f77b4)");
  box.append(el("p", { className: "muted" }, s.score.units(units)));
  return box;
}

/** A button that saves text as a file (made on click, so a moved threshold is taken into account). */
export function downloadButton(
  label: string,
  fileName: string,
  make: () => string,
  testid?: string,
): HTMLButtonElement {
  const button = el("button", null, label);
  button.type = "button";
  if (testid) button.dataset.testid = testid;
  button.addEventListener("click", () => save(fileName, make()));
  return button;
}

/**
 * A file name fragment from a segment name: its letters and digits in any script (a Korean name keeps its
 * Hangul, which an ASCII-only fold dropped whole) and dashes, as the charts' and tables' downloads are named.
 */
export function slug(text: string): string {
  return fileStem(text) || "segment";
}

export type ReasonsState = "running" | "done" | "failed" | "none";

/** The reasons of one upload's customers as they arrive from the worker. */
export class ReasonsStore {
  /** Per table row: "Column = value; …" ("" until computed, and when nothing pushes that way). */
  readonly up: string[];
  readonly down: string[];
  readonly total: number;
  done = 0;
  state: ReasonsState;
  message = "";
  /** TreeSHAP time and wall time from the scores to the last chunk, ms, once done. */
  reasonsMs = 0;
  wallMs = 0;
  private readonly known: Uint8Array;
  private readonly probability: Float64Array;
  private threshold = 0.5;
  private rows: ScoredRow[] = [];
  private readonly waiting = new Map<number, HTMLElement[]>();
  private readonly listeners = new Set<() => void>();

  private readonly lang: Lang;

  constructor(probability: Float64Array, pending: boolean, lang: Lang = "en") {
    this.lang = lang;
    this.total = probability.length;
    this.probability = probability;
    this.up = new Array<string>(this.total).fill("");
    this.down = new Array<string>(this.total).fill("");
    this.known = new Uint8Array(this.total);
    this.state = pending ? "running" : "none";
  }

  get complete(): boolean {
    return this.state !== "running";
  }

  /** The page's current rows (table order, `index` = table row): chunks update their reason fields too. */
  attach(rows: ScoredRow[], threshold: number): void {
    this.rows = rows;
    this.threshold = threshold;
    this.changed();
  }

  fill(chunk: ReasonsChunk, done: number): void {
    for (let k = 0; k < chunk.rows.length; k++) {
      const i = chunk.rows[k];
      this.up[i] = chunk.up[k];
      this.down[i] = chunk.down[k];
      this.known[i] = 1;
      const row = this.rows[i];
      if (row && row.index === i) {
        row.raisesRisk = chunk.up[k];
        row.lowersRisk = chunk.down[k];
      }
      const cells = this.waiting.get(i);
      if (cells) {
        for (const cell of cells) {
          cell.textContent = cell.dataset.reasons === "up" ? chunk.up[k] : chunk.down[k];
          cell.className = "";
          delete cell.dataset.pending;
        }
        this.waiting.delete(i);
      }
    }
    this.done = done;
    this.changed();
  }

  finish(reasonsMs: number, wallMs: number): void {
    this.state = "done";
    this.done = this.total;
    this.reasonsMs = reasonsMs;
    this.wallMs = wallMs;
    this.waiting.clear();
    this.changed();
  }

  fail(message: string): void {
    this.state = "failed";
    this.message = message;
    for (const cells of this.waiting.values()) for (const cell of cells) cell.textContent = "–";
    this.waiting.clear();
    this.changed();
  }

  /** A table cell for row i's reasons: the text once known, else a placeholder filled in when it arrives. */
  cell(i: number, which: "up" | "down"): HTMLElement {
    const span = el("span");
    span.dataset.reasons = which;
    if (this.known[i] || this.state !== "running") span.textContent = which === "up" ? this.up[i] : this.down[i];
    else {
      span.textContent = pageText(this.lang).s.score.computing;
      span.className = "muted";
      span.dataset.pending = "";
      const list = this.waiting.get(i);
      if (list) list.push(span);
      else this.waiting.set(i, [span]);
    }
    return span;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when no more reasons will come (all computed, failed, or none to compute). */
  whenComplete(): Promise<void> {
    if (this.complete) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onChange(() => {
        if (this.complete) {
          off();
          resolve();
        }
      });
    });
  }

  /** Customers at or above the threshold, and how many of them have their reasons. */
  highRiskDone(): { flagged: number; done: number } {
    let flagged = 0;
    let done = 0;
    for (let i = 0; i < this.total; i++) {
      if (this.probability[i] >= this.threshold) {
        flagged++;
        done += this.known[i];
      }
    }
    return { flagged, done };
  }

  /** The reasons' progress line, kept current (until `invalidation`, when the page cell that shows it re-runs). */
  progressView(invalidation?: Promise<unknown>): HTMLElement {
    const box = el("div");
    box.dataset.testid = "score-reasons-progress";
    box.setAttribute("role", "status");
    const { s, f } = pageText(this.lang);
    const fmt = f.count;
    const render = () => {
      box.dataset.state = this.state;
      box.replaceChildren();
      if (this.state === "running") {
        const bar = el("progress");
        bar.max = Math.max(this.total, 1);
        bar.value = this.done;
        const high = this.highRiskDone();
        box.append(
          bar,
          ` ${s.score.reasonsRunning({
            done: fmt(this.done),
            total: fmt(this.total),
            high:
              high.flagged === 0
                ? null
                : { all: high.done === high.flagged, done: fmt(high.done), flagged: fmt(high.flagged) },
          })}`,
        );
      } else if (this.state === "done") {
        box.append(
          el(
            "span",
            { className: "muted" },
            s.score.reasonsDone({
              total: fmt(this.total),
              seconds: f.number(this.wallMs / 1000, 1),
              rate: fmt(Math.round(this.total / Math.max(this.reasonsMs / 1000, 1e-9))),
            }),
          ),
        );
      } else if (this.state === "failed") {
        box.className = "caution";
        box.append(s.score.reasonsFailed(this.message));
      }
    };
    render();
    const off = this.onChange(render);
    void invalidation?.then(off);
    return box;
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * A download whose file has every customer's reasons: clicked while they are still being computed, it shows
 * their progress and saves the file as soon as the last chunk is in.
 */
export function reasonsDownloadButton(
  label: string,
  fileName: string,
  make: () => string,
  store: ReasonsStore,
  testid?: string,
  lang: Lang = "en",
): HTMLButtonElement {
  const { s, f } = pageText(lang);
  const button = el("button", null, label);
  button.type = "button";
  if (testid) button.dataset.testid = testid;
  let queued = false;
  button.addEventListener("click", () => {
    if (queued) return;
    if (store.complete) return save(fileName, make());
    queued = true;
    button.setAttribute("aria-busy", "true");
    const show = () => {
      button.textContent = s.score.waiting(label, f.count(store.done), f.count(store.total));
    };
    show();
    const off = store.onChange(show);
    void store.whenComplete().then(() => {
      off();
      queued = false;
      button.removeAttribute("aria-busy");
      button.textContent = label;
      save(fileName, make());
    });
  });
  return button;
}

function save(fileName: string, text: string): void {
  const blob = new Blob([text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = el("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
