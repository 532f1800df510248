import { test } from "node:test";
import assert from "node:assert/strict";
import {
  buildPersonaPrompt,
  extractResponseText,
  parsePersonaResponse,
  PERSONA_RESPONSE_SCHEMA,
} from "../src/lib/personas/prompt.js";
import type { PersonaCard } from "../src/lib/personas/card.js";
import { AT_RISK, BASE, GOOD_ANSWER, LOYAL } from "./fixtures/personas.js";

test("the prompt carries the cluster's figures and the card contract, and nothing customer-level", () => {
  const prompt = buildPersonaPrompt(AT_RISK, BASE);
  for (const s of [
    "Customers: 1,740, which is 30.9% of 5,630",
    "Churn rate: 31.3% (95% interval 29.1% to 33.5%); whole base: 16.8%",
    "Mean predicted churn probability from the churn model: 29.7%",
    "mean 1.7, median 1.0 (whole base: mean 4.5, median 3.0)",
    "Tenure [Tenure of the customer in the organisation]: 4.1 months vs 10.2 months (-0.72 sd)",
    "PreferedOrderCat = Mobile Phone",
    "- actions: 2 to 4 concrete actions",
    '"high", "medium" or "low"',
    "no HTML",
  ]) {
    assert.ok(prompt.includes(s), `prompt lacks "${s}"`);
  }
  assert.doesNotMatch(prompt, /CustomerID|customer id \d/i);
});

test("the prompt is deterministic and changes with the profile", () => {
  assert.equal(buildPersonaPrompt(AT_RISK, BASE), buildPersonaPrompt(structuredClone(AT_RISK), BASE));
  assert.notEqual(buildPersonaPrompt(AT_RISK, BASE), buildPersonaPrompt({ ...AT_RISK, churnRate: 0.35 }, BASE));
  // Float noise below the shown precision does not change the question (or the cache key).
  assert.equal(
    buildPersonaPrompt(AT_RISK, BASE),
    buildPersonaPrompt({ ...AT_RISK, churnRate: AT_RISK.churnRate + 1e-12 }, BASE),
  );
  assert.notEqual(buildPersonaPrompt(AT_RISK, BASE), buildPersonaPrompt(LOYAL, BASE));
});

test("the response schema asks for every card field", () => {
  assert.deepEqual([...PERSONA_RESPONSE_SCHEMA.required].sort(), ["actions", "name", "priority", "risk", "who"]);
  assert.equal(PERSONA_RESPONSE_SCHEMA.properties.actions.minItems, 2);
  assert.equal(PERSONA_RESPONSE_SCHEMA.properties.actions.maxItems, 4);
  assert.deepEqual(PERSONA_RESPONSE_SCHEMA.properties.priority.enum, ["high", "medium", "low"]);
});

test("parsePersonaResponse: valid, fenced, invalid JSON, truncated, missing field", () => {
  const source = { kind: "gemini-live", model: "m" } as const;
  const ok = parsePersonaResponse(JSON.stringify(GOOD_ANSWER), 2, source) as PersonaCard;
  assert.equal(ok.name, GOOD_ANSWER.name);
  assert.deepEqual(ok.source, source);
  const fenced = parsePersonaResponse("```json\n" + JSON.stringify(GOOD_ANSWER) + "\n```", 2, source) as PersonaCard;
  assert.equal(fenced.name, GOOD_ANSWER.name);
  assert.equal(parsePersonaResponse("{not json", 2, source), "invalid JSON");
  assert.equal(
    parsePersonaResponse('{"name": "x", "wh', 2, source, "MAX_TOKENS"),
    "invalid JSON (the answer was cut off at the token limit)",
  );
  const { risk: _risk, ...noRisk } = GOOD_ANSWER;
  assert.equal(parsePersonaResponse(JSON.stringify(noRisk), 2, source), "missing field 'risk'");
});

test("extractResponseText reads the REST shape and reports refusals", () => {
  const rest = (parts: unknown[], finishReason = "STOP") => ({ candidates: [{ content: { parts }, finishReason }] });
  assert.deepEqual(extractResponseText(rest([{ text: "{" }, { text: "}" }])), {
    ok: true,
    text: "{}",
    finishReason: "STOP",
  });
  assert.deepEqual(extractResponseText(rest([{ text: "thinking", thought: true }, { text: "{}" }])), {
    ok: true,
    text: "{}",
    finishReason: "STOP",
  });
  assert.deepEqual(extractResponseText({ promptFeedback: { blockReason: "SAFETY" } }), {
    ok: false,
    reason: "refused: prompt blocked (SAFETY)",
  });
  assert.deepEqual(extractResponseText(rest([], "SAFETY")), { ok: false, reason: "refused: finish reason SAFETY" });
  assert.deepEqual(extractResponseText({ candidates: [] }), { ok: false, reason: "empty response: no candidates" });
  assert.deepEqual(extractResponseText(rest([{ text: "  " }])), { ok: false, reason: "empty response" });
});

test("a Korean card is asked for in Korean; the English prompt is unchanged and asks for no other language", () => {
  const en = buildPersonaPrompt(AT_RISK, BASE);
  const ko = buildPersonaPrompt(AT_RISK, BASE, undefined, "ko");
  assert.equal(buildPersonaPrompt(AT_RISK, BASE, undefined, "en"), en);
  assert.doesNotMatch(en, /Korean|한국어/);
  assert.ok(ko.startsWith(en), "the Korean prompt is the English one with the language asked for at its end");
  assert.match(ko.slice(en.length), /in Korean \(한국어\)/);
  assert.match(ko.slice(en.length), /priority stays "high", "medium" or "low"/);
});

test("on another table the prompt names the segments' own columns, not the preset's words or meanings", () => {
  const axes = { recency: "last_login_days", frequency: "support_calls", monetary: "monthly_fee" };
  // A column of another table named like one of the preset's is not given the preset's meaning.
  const profile = {
    ...AT_RISK,
    distinctive: [
      { feature: "Tenure", clusterValue: 4.1, baseValue: 10.19, standardisedDifference: -0.72 },
      { feature: "plan = Basic", clusterValue: 0.5, baseValue: 0.32, standardisedDifference: 0.4 },
    ],
  };
  const prompt = buildPersonaPrompt(profile, BASE, axes);
  for (const s of [
    "three columns: last_login_days, support_calls and monthly_fee",
    "Recency axis, column last_login_days",
    "the means of last_login_days, support_calls and monthly_fee against the base",
    "plan = Basic",
  ]) {
    assert.ok(prompt.includes(s), `prompt lacks "${s}"`);
  }
  assert.doesNotMatch(prompt, /order|cashback|e-commerce|Tenure of the customer/i);
});
