// The real Kaggle data, when ../shared is there: both files give the published figures and the same profile.
// The CSV rounds CashbackAmount to whole numbers while the workbook keeps its decimals, so that column is
// compared row by row within rounding (|csv - xlsx| <= 0.5) and its statistics within 0.5; its distinct
// count is not compared (rounding merges values). Every other column must match exactly.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { readInput, type InputData } from "../pipeline/input/read-input.js";
import type { NumericProfile } from "../src/lib/data/profile.js";
import { distinctRows, splitByIds } from "../src/lib/data/split.js";
import { summaryArtifact, type Summary } from "../src/lib/data/summary.js";

const CSV = fileURLToPath(new URL("../../shared/data/ecommerce-churn.csv", import.meta.url));
const XLSX = fileURLToPath(new URL("../../shared/data/ecommerce-churn.xlsx", import.meta.url));
const TEST_IDS = fileURLToPath(new URL("../../shared/reference/test-ids-dedup.json", import.meta.url));
const skip =
  existsSync(CSV) && existsSync(XLSX)
    ? false
    : "../shared/data is not here (the real data lives beside the repository, never in it)";

async function timed(path: string): Promise<{ input: InputData; summary: Summary; ms: number }> {
  const start = performance.now();
  const input = await readInput(path);
  const summary = summaryArtifact(input);
  return { input, summary, ms: performance.now() - start };
}

describe("real data (../shared/data)", { skip }, () => {
  let csv: Awaited<ReturnType<typeof timed>>;
  let xlsx: Awaited<ReturnType<typeof timed>>;

  it("the CSV: 5,630 rows, 556 duplicates, churn rate 0.1684, the known blanks and spellings", async () => {
    csv = await timed(CSV);
    const s = csv.summary;
    process.stderr.write(`read+validate+profile ecommerce-churn.csv: ${csv.ms.toFixed(0)} ms\n`);
    assert.equal(s.rows, 5630);
    assert.equal(s.duplicateRows, 556);
    assert.equal(s.distinctRows, 5074);
    assert.equal(s.churners, 948);
    assert.equal(Number(s.churnRate!.toFixed(4)), 0.1684);
    assert.deepEqual(Object.fromEntries(Object.entries(s.missing).filter(([, n]) => n > 0)), {
      Tenure: 264,
      WarehouseToHome: 251,
      HourSpendOnApp: 255,
      OrderAmountHikeFromlastYear: 265,
      CouponUsed: 256,
      OrderCount: 258,
      DaySinceLastOrder: 307,
    });
    assert.deepEqual(
      s.normalised.map((n) => [n.column, n.from, n.to, n.count]),
      [
        ["PreferredLoginDevice", "Phone", "Mobile Phone", 1231],
        ["PreferredPaymentMode", "COD", "Cash on Delivery", 365],
        ["PreferredPaymentMode", "CC", "Credit Card", 273],
        ["PreferedOrderCat", "Mobile", "Mobile Phone", 809],
      ],
    );
    assert.equal(s.duplicates.sameAfterNormalising, 1);
    assert.equal(csv.input.dictionary, null);
    assert.deepEqual(s.extraColumns, []);
  });

  it("the workbook: the same figures, the data sheet found by its columns, the dictionary read", async () => {
    xlsx = await timed(XLSX);
    const s = xlsx.summary;
    process.stderr.write(`read+validate+profile ecommerce-churn.xlsx: ${xlsx.ms.toFixed(0)} ms\n`);
    assert.equal(s.source.format, "xlsx");
    assert.equal(s.source.sheet, "E Comm");
    assert.equal(s.rows, 5630);
    assert.equal(s.duplicateRows, 556);
    assert.equal(Number(s.churnRate!.toFixed(4)), 0.1684);
    const dict = xlsx.input.dictionary!;
    assert.equal(Object.keys(dict).length, 20);
    assert.equal(dict.Tenure, "Tenure of customer in organization");
    assert.equal(s.columns.find((c) => c.name === "Churn")!.descriptionSource, "dictionary");
  });

  it("both files give the same profile (CashbackAmount within rounding)", () => {
    assert.ok(csv && xlsx, "the two reads above ran");
    const a = csv.input.table;
    const b = xlsx.input.table;
    assert.deepEqual(a.ids, b.ids);
    assert.deepEqual(a.churn, b.churn);
    assert.deepEqual(a.category, b.category);
    for (const name of Object.keys(a.numeric)) {
      if (name === "CashbackAmount") continue;
      assert.deepEqual(a.numeric[name], b.numeric[name], name);
    }
    const cashA = a.numeric.CashbackAmount;
    const cashB = b.numeric.CashbackAmount;
    for (let i = 0; i < a.nRows; i++)
      assert.ok(Math.abs(cashA[i] - cashB[i]) <= 0.5 + 1e-9, `row ${i}: ${cashA[i]} vs ${cashB[i]}`);
    assert.deepEqual(csv.summary.missing, xlsx.summary.missing);
    assert.deepEqual(csv.summary.normalised, xlsx.summary.normalised);
    assert.deepEqual(csv.input.duplicates.duplicateOf, xlsx.input.duplicates.duplicateOf);
    for (const pa of csv.summary.profile) {
      const pb = xlsx.summary.profile.find((p) => p.name === pa.name)!;
      if (pa.name !== "CashbackAmount") {
        assert.deepEqual(pa, pb, pa.name);
        continue;
      }
      const [na, nb] = [pa as NumericProfile, pb as NumericProfile];
      assert.equal(na.missing, nb.missing);
      for (const key of ["min", "max", "mean", "median"] as const)
        assert.ok(Math.abs(na[key]! - nb[key]!) <= 0.5, `${key}: ${na[key]} vs ${nb[key]}`);
      assert.ok(Math.abs(na.sd! - nb.sd!) < 0.05);
    }
  });

  it(
    "the reference test IDs are all distinct rows: 1,015 test rows, 168 churners",
    { skip: existsSync(TEST_IDS) ? false : "no reference test IDs" },
    () => {
      const table = csv.input.table;
      const candidates = distinctRows(csv.input.duplicates.duplicateOf);
      const split = splitByIds(
        table.ids,
        candidates,
        JSON.parse(readFileSync(TEST_IDS, "utf-8")) as number[],
        TEST_IDS,
      );
      assert.equal(split.test.length, 1015);
      assert.equal(split.train.length, 4059);
      assert.deepEqual(split.excluded, []);
      assert.equal(Array.from(split.test).filter((i) => table.churn![i] === 1).length, 168);
    },
  );
});
