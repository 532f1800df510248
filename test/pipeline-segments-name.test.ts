import { test } from "node:test";
import assert from "node:assert/strict";
import { clusterName, disambiguate, LEVEL_Z, levelCuts, levelsOf, nameClusters } from "../pipeline/segments/name.js";
import { axisWords } from "../src/lib/segments/axes.js";
import { CHURN_DATA_ROLES, type RfmScaler } from "../src/lib/segments/rfm.js";

const PRESET = CHURN_DATA_ROLES.words;
// Words for a table whose monetary axis is a stand-in column named "spend".
const SPEND = axisWords([{ role: "monetary", column: "spend", source: "churn", why: "" }]);

const scaler: RfmScaler = {
  columns: { recency: "R", frequency: "F", monetary: "M" },
  medians: { recency: 5, frequency: 2, monetary: 150 },
  means: { recency: 5, frequency: 3, monetary: 150 },
  sds: { recency: 2, frequency: 1, monetary: 50 },
  nFit: 100,
};

test("levels meet at the mean -/+ 0.4307 sd of the base", () => {
  const cuts = levelCuts(scaler);
  assert.deepEqual(cuts.recency, [5 - LEVEL_Z * 2, 5 + LEVEL_Z * 2]);
  assert.deepEqual(cuts.monetary, [150 - LEVEL_Z * 50, 150 + LEVEL_Z * 50]);
  assert.deepEqual(levelsOf({ recency: 1, frequency: 3, monetary: 200 }, cuts), {
    recency: "low",
    frequency: "mid",
    monetary: "high",
  });
});

test("a name from the levels; low recency (few days) is recent, and the words come from the roles", () => {
  const levels = { recency: "low", frequency: "high", monetary: "high" } as const;
  assert.equal(clusterName(levels, PRESET), "Recent, frequent, high-cashback");
  assert.equal(
    clusterName({ recency: "high", frequency: "low", monetary: "mid" }, SPEND),
    "Lapsed, infrequent, mid spend",
  );
});

test("namesakes are told apart along the dimension where they differ most", () => {
  const names = disambiguate(
    ["A", "B", "A"],
    [
      [0, 5, 0],
      [9, 9, 9],
      [0.1, -1, 0],
    ],
    PRESET,
  );
  assert.deepEqual(names, ["A (more orders)", "B", "A (fewer orders)"]);
  const three = disambiguate(
    ["A", "A", "A"],
    [
      [0, 0, 3],
      [0, 0, 1],
      [0, 0, 2],
    ],
    PRESET,
  );
  assert.deepEqual(three, ["A (cashback: 3 of 3)", "A (cashback: 1 of 3)", "A (cashback: 2 of 3)"]);
  assert.deepEqual(
    disambiguate(
      ["A", "A"],
      [
        [0, 0, 1],
        [0, 0, -1],
      ],
      SPEND,
    ),
    ["A (higher spend)", "A (lower spend)"],
  );
});

test("cluster names: levels of the centres in original units, namesakes told apart in standardised space", () => {
  const cuts = levelCuts(scaler);
  const { levels, names } = nameClusters(
    [
      { recency: 1, frequency: 5, monetary: 250 },
      { recency: 1, frequency: 6, monetary: 260 },
      { recency: 9, frequency: 1, monetary: 100 },
    ],
    [
      [-2, 2, 2],
      [-2, 3, 2.2],
      [2, -2, -1],
    ],
    cuts,
    PRESET,
  );
  assert.deepEqual(levels[2], { recency: "high", frequency: "low", monetary: "low" });
  assert.deepEqual(names, [
    "Recent, frequent, high-cashback (fewer orders)",
    "Recent, frequent, high-cashback (more orders)",
    "Lapsed, infrequent, low-cashback",
  ]);
});
