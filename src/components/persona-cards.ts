// Persona cards, one per cluster, and the "Gemini live" panel that lets a reader regenerate them on their own
// key. Every piece of text from a file or a model is set with textContent: a model answer containing markup
// or a javascript: URL shows literally, and no link or element is ever built from model text.
//
// The key: it lives only in the password field's value (page memory). It is read when a button is pressed,
// passed to generateCardLive, which sends it in the x-goog-api-key header to the endpoint shown next to the
// field and nowhere else. It is never written to storage, a URL, a cookie, the console or any other element.
// The endpoint can be changed only by typing in the "Advanced" section (never from the page's address, so a
// crafted link cannot redirect a reader's key), and it must be https, or http on this machine's loopback.
import type { Lang } from "../i18n/lang.js";
import type { PersonaCardStrings } from "../i18n/segments-strings.js";
import { pageText } from "../i18n/tables.js";
import type { SegmentCluster, SegmentsArtifact } from "../lib/segments/artifact.js";
import type { CardSource, PersonaCard, PersonasArtifact } from "../lib/personas/card.js";
import {
  GEMINI_DEFAULT_BASE_URL,
  GEMINI_DEFAULT_MODEL,
  generateCardLive,
  type FetchLike,
} from "../lib/personas/gemini-live.js";
import { connectSources, sourcesAllow } from "../lib/personas/connect-policy.js";
import { segmentsText, type SegmentsText } from "./segments-text.js";
import { el } from "./dom.js";

const cardStrings = (lang: Lang): PersonaCardStrings => pageText(lang).s.segments.cards;

/** A short badge for the source: "Rules", "Gemini at build time", "Gemini live". */
export function sourceBadge(source: CardSource, lang: Lang = "en"): string {
  const w = cardStrings(lang);
  switch (source.kind) {
    case "rules":
      return w.badgeRules;
    case "gemini-build":
      return w.badgeBuild;
    case "gemini-live":
      return w.badgeLive;
  }
}

/** The source in a sentence, in the page's language: "rules", "Gemini (gemini-2.5-flash) at build time", ... */
export function sourceSentence(source: CardSource, lang: Lang = "en"): string {
  const w = cardStrings(lang);
  switch (source.kind) {
    case "rules":
      return w.sourceRules();
    case "gemini-build":
      return w.sourceBuild(source.model);
    case "gemini-live":
      return w.sourceLive(source.model);
  }
}

/** The connect-src of the policy the build stamped on this page; null outside a browser or without one. */
function pagePolicy(): { sources: string[]; self: string } | null {
  if (typeof document === "undefined") return null;
  const meta = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
  const sources = connectSources(meta?.content);
  return sources ? { sources, self: location.origin } : null;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The endpoint a key may be sent to: https anywhere, http only on loopback (a local proxy or the tests'
 * mock), no credentials, query or fragment. Returns the URL without a trailing slash, or a reason.
 */
export function checkEndpoint(
  text: string,
  policy: { readonly sources: readonly string[]; readonly self: string } | null = pagePolicy(),
  lang: Lang = "en",
): { ok: true; url: string } | { ok: false; reason: string } {
  const w = cardStrings(lang);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: w.endpointNotUrl() };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    return { ok: false, reason: w.endpointHttps() };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, reason: w.endpointCredentials() };
  }
  if (policy && !sourcesAllow(policy.sources, url, policy.self)) {
    return { ok: false, reason: w.endpointPolicy(policy.sources.join(", "), url.origin) };
  }
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, "") };
}

export interface PersonaCardsOptions {
  readonly segments: SegmentsArtifact;
  readonly personas: PersonasArtifact;
  /** The model the live path asks first (the build-time model when there was one). */
  readonly defaultModel?: string;
  /** Injected by tests; the global fetch otherwise. */
  readonly fetch?: FetchLike;
  /** The page's language: the labels, and the language Gemini live is asked to write in. */
  readonly lang?: Lang;
}

interface CardView {
  readonly cluster: SegmentCluster;
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  readonly status: HTMLElement;
  readonly button: HTMLButtonElement;
  /** The group's figures from the segments data (never from the card text). */
  readonly facts: HTMLElement;
  card: PersonaCard;
}

function factsList(cluster: SegmentCluster, segments: SegmentsArtifact, t: SegmentsText): HTMLElement {
  const w = t.s.cards;
  const { f, num, percent, axes } = t;
  const base = segments.base;
  const dl = el("dl", { className: "persona-facts" });
  const add = (term: string, value: string): void => {
    dl.append(el("dt", null, term), el("dd", null, value));
  };
  // The segment's own name from the data: two cards a model happened to name alike stay told apart.
  add(w.factSegment, w.factSegmentValue(t.name(cluster), cluster.id));
  add(w.factCustomers, w.factCustomersValue(f.count(cluster.size), percent(cluster.share), f.count(base.size)));
  add(w.factChurn, w.factChurnValue(percent(cluster.churnRate), percent(base.churnRate)));
  if (cluster.meanPredicted !== null) add(w.factPredicted, w.factPredictedValue(percent(cluster.meanPredicted)));
  add("R", w.factAxisValue(axes, "recency", num(cluster.mean.recency), num(base.mean.recency)));
  add("F", w.factAxisValue(axes, "frequency", num(cluster.mean.frequency), num(base.mean.frequency)));
  add("M", w.factAxisValue(axes, "monetary", num(cluster.mean.monetary, 0), num(base.mean.monetary, 0)));
  return dl;
}

/** Fills the card's body from a card: every string goes through textContent. */
function renderBody(view: CardView, fallbackReason: string | undefined, lang: Lang): void {
  const w = cardStrings(lang);
  const { card, body } = view;
  body.replaceChildren();
  const head = el("div", { className: "persona-head" });
  head.append(
    el("h3", { className: "persona-name" }, card.name),
    el("span", { className: `persona-priority persona-priority-${card.priority}` }, w.priority(card.priority)),
  );
  const source = el("p", { className: "persona-source" });
  source.append(w.sourceLabel, el("strong", { className: "persona-source-badge" }, sourceBadge(card.source, lang)));
  if (card.source.kind !== "rules") source.append(w.model(card.source.model));
  if (card.source.kind === "gemini-live") source.append(w.onYourKey);
  body.append(head, source, view.facts);
  if (fallbackReason !== undefined) {
    body.append(el("p", { className: "persona-fallback" }, w.fallback(fallbackReason)));
  }
  body.append(el("h4", null, w.who), el("p", { className: "persona-who" }, card.who));
  body.append(el("h4", null, w.risk), el("p", { className: "persona-risk" }, card.risk));
  body.append(el("h4", null, w.actions));
  const list = el("ol", { className: "persona-actions" });
  for (const action of card.actions) list.append(el("li", null, action));
  body.append(list);
}

export function personaCards(options: PersonaCardsOptions): HTMLElement {
  const { segments, personas } = options;
  const lang = options.lang ?? "en";
  const t = segmentsText(segments, lang);
  const w = t.s.cards;
  const root = el("div", { className: "persona-section" });

  // ---- the live panel
  const panel = el("section", { className: "persona-live" });
  panel.append(el("h3", null, w.liveTitle));
  const keyLabel = el("label", { className: "persona-key-label" }, w.keyLabel);
  const keyInput = el("input");
  keyInput.type = "password";
  keyInput.autocomplete = "off";
  keyInput.spellcheck = false;
  keyInput.setAttribute("aria-describedby", "persona-key-note");
  keyInput.setAttribute("data-lpignore", "true");
  keyInput.placeholder = w.keyPlaceholder;
  keyInput.className = "persona-key";
  keyLabel.append(keyInput);
  const note = el("p", { className: "persona-key-note" });
  note.id = "persona-key-note";
  const endpointText = el("code", { className: "persona-endpoint" }, GEMINI_DEFAULT_BASE_URL);
  note.append(w.keyNoteBefore, endpointText, w.keyNoteAfter);

  const advanced = el("details", { className: "persona-advanced" });
  advanced.append(el("summary", null, w.advanced));
  const modelLabel = el("label", null, w.modelLabel);
  const modelInput = el("input", { className: "persona-model" });
  modelInput.value = options.defaultModel ?? GEMINI_DEFAULT_MODEL;
  modelInput.spellcheck = false;
  modelLabel.append(modelInput);
  const endpointLabel = el("label", null, w.endpointLabel);
  const endpointInput = el("input", { className: "persona-endpoint-input" });
  endpointInput.value = GEMINI_DEFAULT_BASE_URL;
  endpointInput.spellcheck = false;
  endpointInput.size = 40;
  endpointLabel.append(endpointInput);
  const endpointStatus = el("p", { className: "persona-endpoint-status" });
  advanced.append(modelLabel, " ", endpointLabel, endpointStatus);
  const updateEndpoint = (): void => {
    const checked = checkEndpoint(endpointInput.value, undefined, lang);
    endpointText.textContent = checked.ok ? checked.url : w.noEndpoint;
    endpointStatus.textContent = checked.ok ? "" : checked.reason;
  };
  endpointInput.addEventListener("input", updateEndpoint);

  const allButton = el("button", { className: "persona-regenerate-all" }, w.regenerateAll);
  allButton.type = "button";
  panel.append(keyLabel, note, advanced, allButton);

  // ---- the cards
  const grid = el("div", { className: "persona-grid" });
  const fallbackById = new Map(personas.fallbacks.map((f) => [f.clusterId, f.reason]));
  const cardById = new Map(personas.cards.map((c) => [c.clusterId, c]));
  const views: CardView[] = [];
  for (const cluster of segments.clusters) {
    const card = cardById.get(cluster.id);
    const article = el("article", { className: "card persona-card" });
    article.setAttribute("data-cluster-id", String(cluster.id));
    article.append(el("p", { className: "persona-group" }, t.label(cluster)));
    const facts = factsList(cluster, segments, t);
    if (!card) {
      article.append(facts, el("p", { className: "persona-missing" }, w.noCard));
      grid.append(article);
      continue;
    }
    const body = el("div", { className: "persona-body" });
    const status = el("p", { className: "persona-status" });
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const button = el("button", { className: "persona-regenerate" }, w.regenerate);
    button.type = "button";
    article.append(body, button, status);
    const view: CardView = { cluster, root: article, body, status, button, facts, card };
    renderBody(view, card.fallback?.reason ?? fallbackById.get(cluster.id), lang);
    views.push(view);
    grid.append(article);
  }

  const setEnabled = (): void => {
    const has = keyInput.value.trim() !== "";
    allButton.disabled = !has;
    for (const v of views) if (v.root.getAttribute("aria-busy") !== "true") v.button.disabled = !has;
  };
  keyInput.addEventListener("input", setEnabled);

  async function regenerate(view: CardView): Promise<void> {
    const endpoint = checkEndpoint(endpointInput.value, undefined, lang);
    view.status.className = "persona-status";
    view.status.setAttribute("role", "status");
    if (!endpoint.ok) {
      view.status.className = "persona-status persona-error";
      view.status.textContent = w.notSent(endpoint.reason);
      return;
    }
    view.root.setAttribute("aria-busy", "true");
    view.button.disabled = true;
    view.status.textContent = w.asking;
    const result = await generateCardLive({
      apiKey: keyInput.value,
      model: modelInput.value,
      baseUrl: endpoint.url,
      profile: view.cluster,
      base: segments.base,
      axes: segments.columns,
      lang,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    view.root.removeAttribute("aria-busy");
    view.button.disabled = keyInput.value.trim() === "";
    if (result.ok) {
      view.card = result.card;
      renderBody(view, undefined, lang);
      view.status.textContent = "";
    } else {
      view.status.className = "persona-status persona-error";
      view.status.setAttribute("role", "alert");
      view.status.textContent = w.liveFailed(result.error.message, sourceSentence(view.card.source, lang));
    }
  }

  for (const view of views) view.button.addEventListener("click", () => void regenerate(view));
  allButton.addEventListener("click", () => {
    void (async () => {
      allButton.disabled = true;
      // One at a time: a free-tier key's rate limit would refuse six parallel requests.
      for (const view of views) await regenerate(view);
      setEnabled();
    })();
  });
  setEnabled();

  root.append(panel, grid);
  return root;
}
