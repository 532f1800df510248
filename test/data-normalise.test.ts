import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CategoryNormaliser, canonicalCategory } from "../src/lib/data/normalise.js";
import { columnSpec, type CategoryColumn } from "../src/lib/data/schema.js";

const spec = (name: string) => columnSpec(name) as CategoryColumn;

describe("CategoryNormaliser", () => {
  it("maps each known variant and counts every mapping", () => {
    const pay = new CategoryNormaliser(spec("PreferredPaymentMode"));
    const input = ["CC", "Credit Card", "COD", "CC", "Cash on Delivery", "UPI", "COD", "CC"];
    assert.deepEqual(
      input.map((v) => pay.normalise(v)),
      [
        "Credit Card",
        "Credit Card",
        "Cash on Delivery",
        "Credit Card",
        "Cash on Delivery",
        "UPI",
        "Cash on Delivery",
        "Credit Card",
      ],
    );
    assert.deepEqual(pay.report(), [
      { column: "PreferredPaymentMode", from: "CC", to: "Credit Card", count: 3, reason: "variant" },
      { column: "PreferredPaymentMode", from: "COD", to: "Cash on Delivery", count: 2, reason: "variant" },
    ]);
  });

  it("the four known variants of the real data", () => {
    assert.equal(canonicalCategory(spec("PreferredLoginDevice"), "Phone"), "Mobile Phone");
    assert.equal(canonicalCategory(spec("PreferredPaymentMode"), "CC"), "Credit Card");
    assert.equal(canonicalCategory(spec("PreferredPaymentMode"), "COD"), "Cash on Delivery");
    assert.equal(canonicalCategory(spec("PreferedOrderCat"), "Mobile"), "Mobile Phone");
  });

  it("letter case and spacing differences are mapped and reported as such", () => {
    const gender = new CategoryNormaliser(spec("Gender"));
    assert.equal(gender.normalise("male"), "Male");
    assert.equal(gender.normalise("FEMALE"), "Female");
    assert.equal(canonicalCategory(spec("PreferredPaymentMode"), " e  wallet "), "E wallet");
    assert.deepEqual(
      gender.report().map((r) => [r.from, r.reason]),
      [
        ["FEMALE", "case"],
        ["male", "case"],
      ],
    );
  });

  it("unknown values give null and are not counted", () => {
    const status = new CategoryNormaliser(spec("MaritalStatus"));
    assert.equal(status.normalise("Widowed"), null);
    assert.deepEqual(status.report(), []);
  });
});
