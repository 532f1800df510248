// Persona cards, one per cluster, and the "Gemini live" panel that lets a reader regenerate them on their own
// key. Every piece of text from a file or a model is set with textContent: a model answer containing markup
// or a javascript: URL shows literally, and no link or element is ever built from model text.
//
// The key: it lives only in the password field's value (page memory). It is read when a button is pressed,
// passed to generateCardLive, which sends it in the x-goog-api-key header to the endpoint shown next to the
// field and nowhere else. It is never written to storage, a URL, a cookie, the console or any other element.
// The endpoint can be changed only by typing in the "Advanced" section (never from the page's address, so a
// crafted link cannot redirect a reader's key), and it must be https, or http on this machine's loopback.
import { formatPercent } from "../lib/stats/format.js";
import type { SegmentCluster, SegmentsArtifact } from "../lib/segments/artifact.js";
import { describeSource, type CardSource, type PersonaCard, type PersonasArtifact } from "../lib/personas/card.js";
import {
  GEMINI_DEFAULT_BASE_URL,
  GEMINI_DEFAULT_MODEL,
  generateCardLive,
  type FetchLike,
} from "../lib/personas/gemini-live.js";
import { connectSources, sourcesAllow } from "../lib/personas/connect-policy.js";
import { clusterLabel, num } from "./segments-charts.js";
import { el } from "./dom.js";

/** A short badge for the source: "Rules", "Gemini at build time", "Gemini live". */
export function sourceBadge(source: CardSource): string {
  switch (source.kind) {
    case "rules":
      return "Rules";
    case "gemini-build":
      return "Gemini at build time";
    case "gemini-live":
      return "Gemini live";
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
): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: "the endpoint is not a URL" };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    return { ok: false, reason: "the endpoint must use https (plain http only on 127.0.0.1 or localhost)" };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, reason: "the endpoint may not carry a user name, password, query or fragment" };
  }
  if (policy && !sourcesAllow(policy.sources, url, policy.self)) {
    return {
      ok: false,
      reason:
        `this report's Content-Security-Policy lets it connect only to ${policy.sources.join(", ")}; ` +
        `to use ${url.origin}, rebuild the report with GEMINI_BASE_URL set to it`,
    };
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

function factsList(cluster: SegmentCluster, segments: SegmentsArtifact): HTMLElement {
  const base = segments.base;
  const dl = el("dl", { className: "persona-facts" });
  const add = (term: string, value: string): void => {
    dl.append(el("dt", null, term), el("dd", null, value));
  };
  // The segment's own name from the data: two cards a model happened to name alike stay told apart.
  add("segment", `${cluster.name} (cluster ${cluster.id})`);
  add(
    "customers",
    `${cluster.size.toLocaleString("en-US")} (${formatPercent(cluster.share)} of ${base.size.toLocaleString("en-US")})`,
  );
  add("churn", `${formatPercent(cluster.churnRate)} (base ${formatPercent(base.churnRate)})`);
  if (cluster.meanPredicted !== null) add("predicted", `${formatPercent(cluster.meanPredicted)} mean probability`);
  add("R", `${num(cluster.mean.recency)} days since last order (base ${num(base.mean.recency)})`);
  add("F", `${num(cluster.mean.frequency)} orders last month (base ${num(base.mean.frequency)})`);
  add("M", `${num(cluster.mean.monetary, 0)} cashback (base ${num(base.mean.monetary, 0)})`);
  return dl;
}

/** Fills the card's body from a card: every string goes through textContent. */
function renderBody(view: CardView, fallbackReason: string | undefined): void {
  const { card, body } = view;
  body.replaceChildren();
  const head = el("div", { className: "persona-head" });
  head.append(
    el("h3", { className: "persona-name" }, card.name),
    el("span", { className: `persona-priority persona-priority-${card.priority}` }, `Priority: ${card.priority}`),
  );
  const source = el("p", { className: "persona-source" });
  source.append("Source: ", el("strong", { className: "persona-source-badge" }, sourceBadge(card.source)));
  if (card.source.kind !== "rules") source.append(` · model ${card.source.model}`);
  if (card.source.kind === "gemini-live") source.append(" · on your key");
  body.append(head, source, view.facts);
  if (fallbackReason !== undefined) {
    body.append(
      el(
        "p",
        { className: "persona-fallback" },
        `Gemini was asked for this card and failed (${fallbackReason}), so the rules wrote it.`,
      ),
    );
  }
  body.append(el("h4", null, "Who they are"), el("p", { className: "persona-who" }, card.who));
  body.append(el("h4", null, "Main risk"), el("p", { className: "persona-risk" }, card.risk));
  body.append(el("h4", null, "What to do"));
  const list = el("ol", { className: "persona-actions" });
  for (const action of card.actions) list.append(el("li", null, action));
  body.append(list);
}

export function personaCards(options: PersonaCardsOptions): HTMLElement {
  const { segments, personas } = options;
  const root = el("div", { className: "persona-section" });

  // ---- the live panel
  const panel = el("section", { className: "persona-live" });
  panel.append(el("h3", null, "Regenerate with Gemini, on your own key"));
  const keyLabel = el("label", { className: "persona-key-label" }, "Gemini API key ");
  const keyInput = el("input");
  keyInput.type = "password";
  keyInput.autocomplete = "off";
  keyInput.spellcheck = false;
  keyInput.setAttribute("aria-describedby", "persona-key-note");
  keyInput.setAttribute("data-lpignore", "true");
  keyInput.placeholder = "paste a key to enable the buttons";
  keyInput.className = "persona-key";
  keyLabel.append(keyInput);
  const note = el("p", { className: "persona-key-note" });
  note.id = "persona-key-note";
  const endpointText = el("code", { className: "persona-endpoint" }, GEMINI_DEFAULT_BASE_URL);
  note.append(
    "Your key stays in this page's memory only: it is not saved (no cookie, no local storage), never put in the page's address, and is sent only to ",
    endpointText,
    " in the request's x-goog-api-key header, with the group's aggregate figures (no customer rows). Reloading the page forgets it.",
  );

  const advanced = el("details", { className: "persona-advanced" });
  advanced.append(el("summary", null, "Advanced: model and endpoint"));
  const modelLabel = el("label", null, "Model ");
  const modelInput = el("input", { className: "persona-model" });
  modelInput.value = options.defaultModel ?? GEMINI_DEFAULT_MODEL;
  modelInput.spellcheck = false;
  modelLabel.append(modelInput);
  const endpointLabel = el("label", null, "Endpoint ");
  const endpointInput = el("input", { className: "persona-endpoint-input" });
  endpointInput.value = GEMINI_DEFAULT_BASE_URL;
  endpointInput.spellcheck = false;
  endpointInput.size = 40;
  endpointLabel.append(endpointInput);
  const endpointStatus = el("p", { className: "persona-endpoint-status" });
  advanced.append(modelLabel, " ", endpointLabel, endpointStatus);
  const updateEndpoint = (): void => {
    const checked = checkEndpoint(endpointInput.value);
    endpointText.textContent = checked.ok ? checked.url : "(no valid endpoint)";
    endpointStatus.textContent = checked.ok ? "" : checked.reason;
  };
  endpointInput.addEventListener("input", updateEndpoint);

  const allButton = el("button", { className: "persona-regenerate-all" }, "Regenerate all cards");
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
    article.append(el("p", { className: "persona-group" }, clusterLabel(cluster)));
    const facts = factsList(cluster, segments);
    if (!card) {
      article.append(facts, el("p", { className: "persona-missing" }, "personas.json has no card for this group."));
      grid.append(article);
      continue;
    }
    const body = el("div", { className: "persona-body" });
    const status = el("p", { className: "persona-status" });
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const button = el("button", { className: "persona-regenerate" }, "Regenerate with Gemini live");
    button.type = "button";
    article.append(body, button, status);
    const view: CardView = { cluster, root: article, body, status, button, facts, card };
    renderBody(view, card.fallback?.reason ?? fallbackById.get(cluster.id));
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
    const endpoint = checkEndpoint(endpointInput.value);
    view.status.className = "persona-status";
    view.status.setAttribute("role", "status");
    if (!endpoint.ok) {
      view.status.className = "persona-status persona-error";
      view.status.textContent = `Not sent: ${endpoint.reason}. The text above is unchanged.`;
      return;
    }
    view.root.setAttribute("aria-busy", "true");
    view.button.disabled = true;
    view.status.textContent = "Asking Gemini…";
    const result = await generateCardLive({
      apiKey: keyInput.value,
      model: modelInput.value,
      baseUrl: endpoint.url,
      profile: view.cluster,
      base: segments.base,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    view.root.removeAttribute("aria-busy");
    view.button.disabled = keyInput.value.trim() === "";
    if (result.ok) {
      view.card = result.card;
      renderBody(view, undefined);
      view.status.textContent = "";
    } else {
      view.status.className = "persona-status persona-error";
      view.status.setAttribute("role", "alert");
      view.status.textContent = `Gemini live failed: ${result.error.message}. The text above is unchanged (${describeSource(view.card.source)}).`;
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
