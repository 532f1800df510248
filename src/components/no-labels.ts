// A build on a file without a churn column (CHURN_BASELINE given) is scored with the baseline's model and
// trains nothing, so the pages that compare churners with the others have nothing to show. Rather than guard
// every cell of those pages, each page holds back the data its cells read (whenLabelled: a promise that never
// settles, so those cells wait without running and without an error) and shows one block, marked
// `unlabelled-page`, saying why; the stylesheet then shows only the page's title and that block. The overview's
// block is its own summary of the build: the expected churners, what drifted, what to read.
import type { ChangesArtifact, NoChanges, UnlabelledExpectation } from "../lib/changes/artifact.js";
import type { SourceInfo } from "./provenance.js";
import { dataBanner } from "./provenance.js";
import { hasLabels } from "../lib/data/without-labels.js";
import { langOfPath, type Lang } from "../i18n/lang.js";
import { pageText } from "../i18n/tables.js";
import type { Formatters } from "../i18n/format.js";
import type { BaselineNames, LabelledPage } from "../i18n/unlabelled-strings.js";
import { el } from "./dom.js";
import { figureCards } from "./overview.js";
import { rich, richList } from "./rich.js";

interface SummaryLike {
  readonly churners: number | null;
  readonly rows: number;
  readonly source: SourceInfo;
}

/** The page's language: the one it declares, else the one its path is in (pages not yet translated). */
function languageOf(lang?: Lang): Lang {
  return lang ?? langOfPath(globalThis.location?.pathname ?? "/");
}

/**
 * The data a labelled page reads, or, in a build without labels, a promise that never settles: the cells that
 * read it wait (hidden by the stylesheet) instead of failing on data that is not there.
 */
export function whenLabelled<T>(summary: SummaryLike | Promise<SummaryLike>, load: () => Promise<T>): Promise<T> {
  return Promise.resolve(summary).then((s) => (hasLabels(s) ? load() : new Promise<T>(() => {})));
}

function withBaseline(changes: ChangesArtifact | NoChanges): ChangesArtifact {
  // A build without labels always has a baseline: the pipeline refuses such a file otherwise.
  if (changes.baseline === null) throw new Error("a build without churn labels has no baseline: changes.json is empty");
  return changes as ChangesArtifact;
}

function expectationOf(changes: ChangesArtifact): UnlabelledExpectation {
  const e = changes.churnRate.expected;
  if (!e) throw new Error("changes.json has no expected churn: the build has labels");
  return e;
}

function namesOf(changes: ChangesArtifact): BaselineNames {
  return {
    file: changes.current.file,
    baselineFile: changes.baseline.file,
    baselineFolder: changes.baseline.folder,
    model: changes.baseline.model.name,
  };
}

/** The expected count as a sentence shows it: one decimal below 100; an approximate interval rounded outwards. */
function expectedFigures(e: UnlabelledExpectation, f: Formatters) {
  return {
    expected: f.number(e.expected, e.expected < 100 ? 1 : 0),
    low: f.count(Math.floor(e.low)),
    high: f.count(Math.ceil(e.high)),
    sd: f.number(e.sd, e.sd < 100 ? 2 : 0),
  };
}

function noteBox(title: string, ...body: Node[]): HTMLElement {
  const box = el("div", { className: "note" }, el("strong", null, title), ...body);
  box.setAttribute("role", "note");
  return box;
}

/** The block a page that needs labels shows in a build without them; null in a labelled build. */
export function noLabelsNote(
  page: LabelledPage,
  summary: SummaryLike,
  changes: ChangesArtifact | NoChanges,
  lang?: Lang,
): HTMLElement | null {
  if (hasLabels(summary)) return null;
  const { s } = pageText(languageOf(lang));
  const c = withBaseline(changes);
  const text = rich(s.unlabelled.pageNeedsLabels(page, namesOf(c)), "span");
  return el(
    "div",
    { className: "unlabelled-page" },
    dataBanner(summary.source, summary.rows, languageOf(lang)),
    noteBox(s.unlabelled.noteTitle, text),
  );
}

/** The overview of a build without labels: what the baseline's model expects, what drifted, what to read. */
export function unlabelledOverview(
  summary: SummaryLike & { readonly source: SourceInfo & { readonly sha256: string } },
  changes: ChangesArtifact | NoChanges,
  build: { readonly builtAt: string },
  lang?: Lang,
): HTMLElement | null {
  if (hasLabels(summary)) return null;
  const language = languageOf(lang);
  const { s, f } = pageText(language);
  const u = s.unlabelled;
  const c = withBaseline(changes);
  const e = expectationOf(c);
  const shown = expectedFigures(e, f);
  const then = c.churnRate.then;
  const names = namesOf(c);
  const drifted = c.drift.columns.filter((d) => d.drifted);
  const shared = c.drift.columns.length;
  const paragraphs: HTMLElement[] = [
    rich(
      u.lead(names, {
        customers: f.count(e.n),
        expected: shown.expected,
        rate: f.percent(e.rate),
        low: shown.low,
        high: shown.high,
        thenRate: f.percent(then.rate),
      }),
    ),
  ];
  const driftText =
    drifted.length === 0
      ? u.noDrift(shared)
      : u.drifted(
          drifted.length,
          shared,
          drifted
            .slice(0, 5)
            .map((d) => u.driftedColumn(d.column, f.number(d.effect, 2)))
            .join(", ") + (drifted.length > 5 ? ", …" : ""),
        );
  const leans = (e.driftedInModel ?? []).filter((d) => d.rank <= 5);
  const extra = [
    ...(leans.length ? [u.leansOn(leans.map((d) => u.rankItem(d.column, d.rank, d.of)).join(", "))] : []),
    ...(e.baselineTest
      ? [
          u.ownCalibration({
            customers: f.count(e.baselineTest.customers),
            predicted: f.percent(e.baselineTest.meanPredicted),
            observed: f.percent(e.baselineTest.observedRate),
            ece: f.number(e.baselineTest.ece, 3),
          }),
        ]
      : []),
    u.caveat,
  ];
  paragraphs.push(rich([driftText, ...extra].join(" ")));
  const cards = figureCards(
    [
      {
        label: u.expectedLabel,
        value: shown.expected,
        detail: u.expectedDetail(shown.low, shown.high, f.count(e.n)),
        href: "./changes",
      },
      {
        label: u.baselineLabel,
        value: f.percent(then.rate),
        detail: u.baselineDetail(f.count(then.x), f.count(then.n), c.baseline.file),
      },
      {
        label: u.driftLabel,
        value: u.driftValue(drifted.length, shared),
        detail: u.driftDetail,
        href: "./changes",
      },
      {
        label: u.flaggedLabel,
        value: f.count(e.flagged),
        detail: u.flaggedDetail(f.number(c.baseline.model.threshold, 3), c.baseline.model.name),
        href: "./score",
      },
    ],
    language,
  );
  return el(
    "div",
    { className: "unlabelled-page" },
    dataBanner(summary.source, summary.rows, language),
    ...paragraphs,
    cards,
    el("h2", null, u.guideHeading),
    richList([u.guide.data, u.guide.changes, u.guide.score, u.guide.others]),
    el("h2", null, u.provenanceHeading),
    rich(
      u.provenance({
        builtAt: f.dateTime(build.builtAt),
        file: summary.source.file,
        rows: f.count(summary.rows),
        sha256: summary.source.sha256,
        baselineFolder: c.baseline.folder,
        baselineFile: c.baseline.file,
        baselineSha256: c.baseline.sha256,
      }),
    ),
  );
}

/** The What changed page, without labels: how the expected count and its interval are made; null otherwise. */
export function expectedMethodNote(changes: ChangesArtifact | NoChanges, lang?: Lang): HTMLElement | null {
  const e = changes.baseline === null ? null : changes.churnRate.expected;
  if (!e) return null;
  const { s, f } = pageText(languageOf(lang));
  const shown = expectedFigures(e, f);
  return rich(
    s.unlabelled.method({
      ...shown,
      level: f.percent(e.level, 0),
      exact: e.method === "Poisson-binomial, exact",
      customers: f.count(e.n),
    }),
  );
}

/** The Score page, without labels: the model here is the baseline's; null in a labelled build. */
export function baselineModelNote(
  summary: SummaryLike,
  changes: ChangesArtifact | NoChanges,
  lang?: Lang,
): HTMLElement | null {
  if (hasLabels(summary)) return null;
  const { s } = pageText(languageOf(lang));
  return noteBox(s.unlabelled.noteTitle, rich(s.unlabelled.scoreModel(namesOf(withBaseline(changes))), "span"));
}
