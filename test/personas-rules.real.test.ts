// Rules personas on the real Kaggle file through the segments stage: every card valid, names unique,
// the highest-churn cluster not "low". Skips when ../shared (the data) is absent.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readInput } from "../pipeline/input/read-input.js";
import { buildSegments } from "../pipeline/segments/segments.js";
import { CHURN_DATA_ROLES } from "../src/lib/segments/rfm.js";
import { writePersonaByRules } from "../src/lib/personas/rules.js";
import { validateCard } from "../src/lib/personas/card.js";
import { formatCount } from "../src/lib/personas/format.js";

const DATA = fileURLToPath(new URL("../../shared/data/ecommerce-churn.csv", import.meta.url));
const skip = existsSync(DATA) ? false : `needs ${DATA}`;

test("rules personas for the real data's clusters", { skip }, async () => {
  const input = await readInput(DATA);
  const { artifact } = buildSegments({ table: input.table, roles: CHURN_DATA_ROLES, oofProbability: null, seed: 1 });
  const clusters = artifact.clusters;
  assert.ok(clusters.length >= 2);
  const cards = clusters.map((c) => writePersonaByRules(c, artifact.base, clusters));
  assert.deepEqual(
    cards,
    clusters.map((c) => writePersonaByRules(c, artifact.base, clusters)),
    "deterministic",
  );
  for (const [i, card] of cards.entries()) {
    const cluster = clusters[i]!;
    assert.deepEqual(validateCard(card, cluster.id), card);
    assert.ok(card.who.startsWith(`${formatCount(cluster.size)} customers`), card.who);
    assert.doesNotMatch(card.who + card.risk + card.actions.join(" "), /NaN|undefined|Infinity/);
  }
  assert.equal(new Set(cards.map((c) => c.name)).size, cards.length, "names are unique");
  const riskiest = clusters.reduce((a, b) => (b.churnRate > a.churnRate ? b : a));
  assert.notEqual(cards.find((c) => c.clusterId === riskiest.id)!.priority, "low");
});
