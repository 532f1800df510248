// The persona card: the one shape that the rules writer, Gemini at build time and Gemini live all produce,
// and that the segments page renders. Anything from outside (a model's answer, a personas.json read back)
// goes through validateCard, so the page never has to guess at a field.
//
// Validation checks shape and size only. It never rewrites the text: a model answer containing markup is
// kept exactly as written, and the page is responsible for rendering it as text.

export type Priority = "high" | "medium" | "low";
export const PRIORITIES: readonly Priority[] = ["high", "medium", "low"];

export type CardSource =
  | { readonly kind: "rules" }
  | { readonly kind: "gemini-build"; readonly model: string }
  | { readonly kind: "gemini-live"; readonly model: string };

export interface PersonaCard {
  readonly clusterId: number;
  /** A short name for the group, a few words. */
  readonly name: string;
  /** Who these customers are, with the numbers. */
  readonly who: string;
  /** The main risk the group carries. */
  readonly risk: string;
  /** Two to four concrete actions. */
  readonly actions: readonly string[];
  readonly priority: Priority;
  /** Where the text came from. */
  readonly source: CardSource;
  /** Set when Gemini was asked for this card and failed, so the rules wrote it instead. */
  readonly fallback?: { readonly reason: string };
}

/** The fields a writer (rules or model) fills in; the rest is bookkeeping. */
export type CardText = Pick<PersonaCard, "name" | "who" | "risk" | "actions" | "priority">;

// Generous enough for a careful paragraph, tight enough that a runaway answer falls back to the rules
// instead of flooding the page.
export const CARD_LIMITS = {
  name: 80,
  who: 900,
  risk: 700,
  action: 320,
  minActions: 2,
  maxActions: 4,
} as const;

/** A validated card, or a reason precise enough to show a reader ("missing field 'risk'"). */
export type CardValidation = PersonaCard | string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "number" ? "a number" : typeof value === "boolean" ? "a boolean" : `a ${typeof value}`;
}

function checkText(record: Record<string, unknown>, field: "name" | "who" | "risk", max: number): string {
  if (!(field in record) || record[field] === undefined) return `missing field '${field}'`;
  const value = record[field];
  if (typeof value !== "string") return `field '${field}' is ${describe(value)}, not a string`;
  if (value.trim() === "") return `field '${field}' is empty`;
  if (value.length > max) return `field '${field}' is ${value.length} characters, more than ${max}`;
  return "";
}

/** Validates the writer's fields (name, who, risk, actions, priority); text is trimmed, never rewritten. */
export function validateCardText(value: unknown): CardText | string {
  if (!isRecord(value)) return `the answer is ${describe(value)}, not an object`;
  for (const [field, max] of [
    ["name", CARD_LIMITS.name],
    ["who", CARD_LIMITS.who],
    ["risk", CARD_LIMITS.risk],
  ] as const) {
    const problem = checkText(value, field, max);
    if (problem) return problem;
  }
  if (!("actions" in value) || value.actions === undefined) return "missing field 'actions'";
  const actions = value.actions;
  if (!Array.isArray(actions)) return `field 'actions' is ${describe(actions)}, not a list`;
  if (actions.length < CARD_LIMITS.minActions || actions.length > CARD_LIMITS.maxActions) {
    return `field 'actions' has ${actions.length} items, expected ${CARD_LIMITS.minActions} to ${CARD_LIMITS.maxActions}`;
  }
  const cleanActions: string[] = [];
  for (let i = 0; i < actions.length; i++) {
    const action: unknown = actions[i];
    if (typeof action !== "string") return `actions[${i}] is ${describe(action)}, not a string`;
    if (action.trim() === "") return `actions[${i}] is empty`;
    if (action.length > CARD_LIMITS.action) {
      return `actions[${i}] is ${action.length} characters, more than ${CARD_LIMITS.action}`;
    }
    cleanActions.push(action.trim());
  }
  if (!("priority" in value) || value.priority === undefined) return "missing field 'priority'";
  const rawPriority = value.priority;
  if (typeof rawPriority !== "string") return `field 'priority' is ${describe(rawPriority)}, not a string`;
  // Case is the one liberty taken: "High" means the same thing, and rejecting it would waste an answer.
  const priority = rawPriority.trim().toLowerCase();
  if (!(PRIORITIES as readonly string[]).includes(priority)) {
    return `field 'priority' is "${rawPriority.slice(0, 40)}", expected high, medium or low`;
  }
  return {
    name: (value.name as string).trim(),
    who: (value.who as string).trim(),
    risk: (value.risk as string).trim(),
    actions: cleanActions,
    priority: priority as Priority,
  };
}

/** Checks a source object; returns it (narrowed) or a reason. */
export function validateSource(value: unknown): CardSource | string {
  if (!isRecord(value)) return "missing field 'source'";
  if (value.kind === "rules") return { kind: "rules" };
  if (value.kind === "gemini-build" || value.kind === "gemini-live") {
    if (typeof value.model !== "string" || value.model.trim() === "") return "field 'source.model' is missing";
    return { kind: value.kind, model: value.model };
  }
  return `field 'source.kind' is ${JSON.stringify(value.kind) ?? "missing"}, expected rules, gemini-build or gemini-live`;
}

/**
 * Validates a card for cluster `clusterId`.
 *
 * With `source` given (a model's answer), that source is used and any `source` in the value is ignored:
 * a model does not get to declare its own provenance. Without it (a card read back from personas.json),
 * the value must carry a valid source. A `clusterId` in the value must match.
 */
export function validateCard(value: unknown, clusterId: number, source?: CardSource): CardValidation {
  const text = validateCardText(value);
  if (typeof text === "string") return text;
  const record = value as Record<string, unknown>;
  if ("clusterId" in record && record.clusterId !== undefined && record.clusterId !== clusterId) {
    return `field 'clusterId' is ${JSON.stringify(record.clusterId)}, expected ${clusterId}`;
  }
  let cardSource: CardSource;
  if (source) {
    cardSource = source;
  } else {
    const checked = validateSource(record.source);
    if (typeof checked === "string") return checked;
    cardSource = checked;
  }
  const card: PersonaCard = { clusterId, ...text, source: cardSource };
  if (!source && isRecord(record.fallback)) {
    const reason = record.fallback.reason;
    if (typeof reason !== "string") return "field 'fallback.reason' is not a string";
    return { ...card, fallback: { reason } };
  }
  return card;
}

/** The source as a reader sees it: "rules", "Gemini (gemini-2.5-flash) at build time", ... */
export function describeSource(source: CardSource): string {
  switch (source.kind) {
    case "rules":
      return "rules";
    case "gemini-build":
      return `Gemini (${source.model}) at build time`;
    case "gemini-live":
      return `Gemini (${source.model}) live, on your key`;
  }
}

/** personas.json: one card per cluster, what wrote them, and which cards fell back to the rules and why. */
export interface PersonasArtifact {
  readonly version: 1;
  /** What was asked to write the cards: the rules alone, or a Gemini model at build time. */
  readonly generator: { readonly kind: "rules" } | { readonly kind: "gemini-build"; readonly model: string };
  readonly cards: readonly PersonaCard[];
  readonly fallbacks: readonly { readonly clusterId: number; readonly reason: string }[];
}

/** Checks personas.json as the page reads it; a reason names the first card or field at fault. */
export function validatePersonasArtifact(value: unknown): PersonasArtifact | string {
  if (!isRecord(value)) return "personas.json is not an object";
  if (value.version !== 1) return `personas.json version is ${JSON.stringify(value.version) ?? "missing"}, expected 1`;
  const generator = value.generator;
  let checkedGenerator: PersonasArtifact["generator"];
  if (isRecord(generator) && generator.kind === "rules") checkedGenerator = { kind: "rules" };
  else if (isRecord(generator) && generator.kind === "gemini-build" && typeof generator.model === "string") {
    checkedGenerator = { kind: "gemini-build", model: generator.model };
  } else return "personas.json has no valid 'generator'";
  if (!Array.isArray(value.cards)) return "personas.json has no 'cards' list";
  const cards: PersonaCard[] = [];
  for (let i = 0; i < value.cards.length; i++) {
    const raw: unknown = value.cards[i];
    const id = isRecord(raw) ? raw.clusterId : undefined;
    if (typeof id !== "number" || !Number.isInteger(id)) return `cards[${i}] has no integer 'clusterId'`;
    const card = validateCard(raw, id);
    if (typeof card === "string") return `cards[${i}] (cluster ${id}): ${card}`;
    cards.push(card);
  }
  if (!Array.isArray(value.fallbacks)) return "personas.json has no 'fallbacks' list";
  const fallbacks: { clusterId: number; reason: string }[] = [];
  for (const raw of value.fallbacks as unknown[]) {
    if (!isRecord(raw) || typeof raw.clusterId !== "number" || typeof raw.reason !== "string") {
      return "personas.json has a malformed fallback entry";
    }
    fallbacks.push({ clusterId: raw.clusterId, reason: raw.reason });
  }
  return { version: 1, generator: checkedGenerator, cards, fallbacks };
}
