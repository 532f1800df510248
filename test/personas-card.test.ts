import { test } from "node:test";
import assert from "node:assert/strict";
import { describeSource, validateCard, validatePersonasArtifact, type PersonaCard } from "../src/lib/personas/card.js";
import { writePersonaByRules } from "../src/lib/personas/rules.js";
import { BASE, GOOD_ANSWER, PROFILES } from "./fixtures/personas.js";

const BUILD = { kind: "gemini-build", model: "gemini-2.5-flash" } as const;

function without(field: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...GOOD_ANSWER };
  delete copy[field];
  return copy;
}

test("a complete answer becomes a card with the given source", () => {
  const card = validateCard(GOOD_ANSWER, 2, BUILD);
  assert.notEqual(typeof card, "string");
  const c = card as PersonaCard;
  assert.equal(c.clusterId, 2);
  assert.equal(c.name, GOOD_ANSWER.name);
  assert.deepEqual(c.actions, GOOD_ANSWER.actions);
  assert.equal(c.priority, "high");
  assert.deepEqual(c.source, BUILD);
  assert.equal(c.fallback, undefined);
});

test("each missing field is named", () => {
  for (const field of ["name", "who", "risk", "actions", "priority"]) {
    assert.equal(validateCard(without(field), 0, BUILD), `missing field '${field}'`);
  }
});

test("wrong types, empty text, action counts and priorities give precise reasons", () => {
  assert.equal(validateCard(null, 0, BUILD), "the answer is null, not an object");
  assert.equal(validateCard([GOOD_ANSWER], 0, BUILD), "the answer is an array, not an object");
  assert.equal(validateCard({ ...GOOD_ANSWER, who: 3 }, 0, BUILD), "field 'who' is a number, not a string");
  assert.equal(validateCard({ ...GOOD_ANSWER, risk: "   " }, 0, BUILD), "field 'risk' is empty");
  assert.equal(
    validateCard({ ...GOOD_ANSWER, actions: "call them" }, 0, BUILD),
    "field 'actions' is a string, not a list",
  );
  assert.equal(
    validateCard({ ...GOOD_ANSWER, actions: ["one"] }, 0, BUILD),
    "field 'actions' has 1 items, expected 2 to 4",
  );
  assert.equal(
    validateCard({ ...GOOD_ANSWER, actions: ["a", "b", "c", "d", "e"] }, 0, BUILD),
    "field 'actions' has 5 items, expected 2 to 4",
  );
  assert.equal(validateCard({ ...GOOD_ANSWER, actions: ["a", 2] }, 0, BUILD), "actions[1] is a number, not a string");
  assert.equal(validateCard({ ...GOOD_ANSWER, actions: ["a", ""] }, 0, BUILD), "actions[1] is empty");
  assert.equal(
    validateCard({ ...GOOD_ANSWER, priority: "urgent" }, 0, BUILD),
    "field 'priority' is \"urgent\", expected high, medium or low",
  );
  assert.match(
    String(validateCard({ ...GOOD_ANSWER, name: "x".repeat(81) }, 0, BUILD)),
    /field 'name' is 81 characters, more than 80/,
  );
  assert.equal(validateCard({ ...GOOD_ANSWER, clusterId: 5 }, 2, BUILD), "field 'clusterId' is 5, expected 2");
});

test("priority case is normalised; text is trimmed but otherwise untouched", () => {
  const card = validateCard(
    { ...GOOD_ANSWER, priority: " Medium ", name: "  Quiet regulars  " },
    1,
    BUILD,
  ) as PersonaCard;
  assert.equal(card.priority, "medium");
  assert.equal(card.name, "Quiet regulars");
});

test("markup and javascript: links survive validation literally", () => {
  const img = "<img src=x onerror=alert(1)>";
  const link = "[click](javascript:alert(document.cookie))";
  const card = validateCard(
    { ...GOOD_ANSWER, name: img, who: `Customers ${img} who`, actions: [link, `<a href="javascript:alert(1)">go</a>`] },
    0,
    BUILD,
  ) as PersonaCard;
  assert.equal(card.name, img);
  assert.equal(card.who, `Customers ${img} who`);
  assert.deepEqual(card.actions, [link, `<a href="javascript:alert(1)">go</a>`]);
});

test("a model cannot claim its own source; a stored card must carry one", () => {
  const claimed = validateCard({ ...GOOD_ANSWER, source: { kind: "rules" } }, 0, BUILD) as PersonaCard;
  assert.deepEqual(claimed.source, BUILD);
  assert.equal(validateCard(GOOD_ANSWER, 0), "missing field 'source'");
  assert.equal(validateCard({ ...GOOD_ANSWER, source: { kind: "gemini-live" } }, 0), "field 'source.model' is missing");
  const stored = validateCard({ ...GOOD_ANSWER, source: { kind: "rules" }, fallback: { reason: "invalid JSON" } }, 0);
  assert.deepEqual((stored as PersonaCard).fallback, { reason: "invalid JSON" });
});

test("rules cards round-trip through validation unchanged", () => {
  for (const p of PROFILES) {
    const card = writePersonaByRules(p, BASE, PROFILES);
    assert.deepEqual(validateCard(JSON.parse(JSON.stringify(card)), p.id), card);
  }
});

test("personas.json validation", () => {
  const cards = PROFILES.map((p) => writePersonaByRules(p, BASE, PROFILES));
  const artifact = { version: 1, generator: { kind: "rules" }, cards, fallbacks: [] };
  assert.deepEqual(validatePersonasArtifact(JSON.parse(JSON.stringify(artifact))), artifact);
  assert.equal(validatePersonasArtifact({ ...artifact, version: 2 }), "personas.json version is 2, expected 1");
  const broken = { ...artifact, cards: [cards[0], { ...cards[1], risk: undefined }] };
  assert.equal(
    validatePersonasArtifact(JSON.parse(JSON.stringify(broken))),
    "cards[1] (cluster 1): missing field 'risk'",
  );
});

test("sources read as a reader would say them", () => {
  assert.equal(describeSource({ kind: "rules" }), "rules");
  assert.equal(describeSource(BUILD), "Gemini (gemini-2.5-flash) at build time");
  assert.equal(describeSource({ kind: "gemini-live", model: "m" }), "Gemini (m) live, on your key");
});
