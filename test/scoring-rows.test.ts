// The scored customers as rows for the Score page's table and its CSV downloads (rows.ts): formula-looking
// cells neutralised, probabilities at full precision, flags that follow the threshold, odd column names kept.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { ChurnTable } from "../src/lib/data/table.js";
import type { ModelBundle } from "../src/lib/scoring/bundle.js";
import { flagRows, rowsToCsv, scoredRows } from "../src/lib/scoring/rows.js";
import { explainAsText, scoreTable } from "../src/lib/scoring/score.js";
import { wording } from "../src/i18n/wording-strings.js";
import { buildTestBundle } from "../bench/fixtures/scoring-bundle.js";

let bundle: ModelBundle;
let table: ChurnTable;

before(async () => {
  ({ bundle, table } = await buildTestBundle());
});

describe("scoredRows and rowsToCsv", () => {
  it("download rows: formula-looking IDs neutralised, probabilities at full precision", () => {
    const scored = scoreTable(bundle, table, { reasons: false });
    const texts = explainAsText(bundle, table, 3);
    assert.ok(texts && texts.up[0].includes(" = "));
    const r = { result: scored, reasonsUp: texts.up, reasonsDown: texts.down };
    const t: ChurnTable = { ...table, ids: table.ids.map((id, i) => (i === 0 ? '=HYPERLINK("x")' : id)) };
    const rows = scoredRows(
      {
        table: t,
        probability: r.result.probability,
        cluster: r.result.cluster,
        reasonsUp: r.reasonsUp,
        reasonsDown: r.reasonsDown,
      },
      bundle.segments.names,
      0.5,
    );
    const csv = rowsToCsv(t, rows.slice(0, 3));
    assert.ok(csv.startsWith("\uFEFFCustomerID,churn_probability,high_risk,segment,raises_risk,lowers_risk,Churn,"));
    const lines = csv.split("\r\n");
    assert.ok(lines[1].startsWith(`"'=HYPERLINK(""x"")",${r.result.probability[0]},`));
    // Another threshold flags the same row objects as rows built at it would be.
    for (const threshold of [0, 0.2, 0.9, 1.01]) {
      const again = flagRows(rows, threshold);
      assert.equal(again, rows);
      const built = scoredRows(
        {
          table: t,
          probability: r.result.probability,
          cluster: r.result.cluster,
          reasonsUp: r.reasonsUp,
          reasonsDown: r.reasonsDown,
        },
        bundle.segments.names,
        threshold,
      );
      assert.deepEqual(again, built);
    }
  });

  it("download rows: an uploaded column named like a score column is kept under its own name (found by the property tests)", () => {
    // The minimal failing case: an uploaded "segment" column became the model's segment in the rows and the
    // download (whose header then said "segment" twice); "probability" and "high_risk" were lost the same way.
    const names = ["segment", "probability", "high_risk", "segment (uploaded)"];
    const extra = Object.fromEntries(names.map((n) => [n, table.ids.map((id) => `${n}:${id}`)]));
    const t: ChurnTable = { ...table, extra };
    const r = scoreTable(bundle, t, { reasons: false });
    const rows = scoredRows(
      { table: t, probability: r.probability, cluster: r.cluster, reasonsUp: [], reasonsDown: [] },
      ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"],
      0.5,
    );
    assert.equal(rows[1]["segment (uploaded)"], `segment:${table.ids[1]}`);
    assert.equal(rows[1]["probability (uploaded)"], `probability:${table.ids[1]}`);
    assert.equal(rows[1].probability, r.probability[1]);
    const lines = rowsToCsv(t, rows.slice(0, 2), { reasons: false }).split("\r\n");
    const header = lines[0].split(",");
    assert.deepEqual(header.slice(-4), [
      "segment (uploaded)",
      "probability (uploaded)",
      "high_risk (uploaded)",
      "segment (uploaded) (uploaded)",
    ]);
    assert.equal(new Set(header).size, header.length);
    assert.ok(lines[2].endsWith(names.map((n) => `,${n}:${table.ids[1]}`).join("")), lines[2]);
  });

  it("download rows: extra columns named like an object's own machinery keep their values", () => {
    const names = ["__proto__", "constructor", "toString"];
    const extra = Object.fromEntries(names.map((n) => [n, table.ids.map((id) => `${n}:${id}`)]));
    const t: ChurnTable = { ...table, extra };
    const r = scoreTable(bundle, t, { reasons: false });
    const rows = scoredRows(
      { table: t, probability: r.probability, cluster: r.cluster, reasonsUp: [], reasonsDown: [] },
      bundle.segments.names,
      0.5,
    );
    for (const name of names) assert.equal(rows[1][name], `${name}:${table.ids[1]}`, name);
    const lines = rowsToCsv(t, rows.slice(0, 2), { reasons: false }).split("\r\n");
    assert.ok(lines[0].endsWith(",__proto__,constructor,toString"), lines[0]);
    assert.ok(lines[2].endsWith(names.map((n) => `,${n}:${table.ids[1]}`).join("")), lines[2]);
  });

  it("download in the page's language: its own headers and yes/no in Korean, English bytes as before", () => {
    const r = scoreTable(bundle, table, { reasons: false });
    const rows = scoredRows(
      { table, probability: r.probability, cluster: r.cluster, reasonsUp: [], reasonsDown: [] },
      bundle.segments.names,
      0.5,
    );
    const some = rows.slice(0, 20);
    const english = rowsToCsv(table, some);
    assert.equal(rowsToCsv(table, some, { words: wording("en").download }), english);
    const korean = rowsToCsv(table, some, { words: wording("ko").download }).split("\r\n");
    const header = korean[0].split(",");
    assert.deepEqual(header.slice(0, 6), [
      "\uFEFFCustomerID",
      "이탈 확률",
      "고위험",
      "세그먼트",
      "위험을 높이는 요인",
      "위험을 낮추는 요인",
    ]);
    assert.deepEqual(header.slice(6), english.split("\r\n")[0].split(",").slice(6));
    const flags = korean.slice(1, -1).map((line) => line.split(",")[2]);
    assert.ok(
      flags.every((v) => v === "예" || v === "아니요"),
      flags.join(" "),
    );
    const englishFlags = english
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[2]);
    assert.deepEqual(
      flags,
      englishFlags.map((v) => (v === "yes" ? "예" : "아니요")),
    );
    const shorter = rowsToCsv(table, some, { reasons: false, words: wording("ko").download }).split("\r\n")[0];
    assert.ok(shorter.startsWith("\uFEFFCustomerID,이탈 확률,고위험,세그먼트,Churn,"), shorter);
  });
});
