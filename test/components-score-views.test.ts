import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { slug } from "../src/components/score-views.js";

describe("slug", () => {
  it("names an English segment's file as before", () => {
    assert.equal(slug("Loyal, high-value regulars"), "loyal-high-value-regulars");
    assert.equal(slug("At risk (new)"), "at-risk-new");
  });
  it("keeps a Korean segment name's Hangul, safe for a file system", () => {
    assert.equal(slug("이탈 위험: 신규/저활동"), "이탈-위험-신규-저활동");
  });
  it("falls back when nothing is left", () => {
    assert.equal(slug("—"), "segment");
  });
});
