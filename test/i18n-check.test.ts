// Every language has every string the English table has, of the same kind, none empty; and the check itself
// notices a missing, mistyped, empty or extra string.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkTables, missingStrings } from "../src/i18n/check.js";
import { formatters } from "../src/i18n/format.js";
import { LANGUAGES } from "../src/i18n/lang.js";
import { TABLES } from "../src/i18n/tables.js";

test("every language's table has every string of the English one", () => {
  assert.deepEqual(checkTables(), {});
  assert.ok(LANGUAGES.length >= 2);
});

test("the check names a missing, mistyped, empty or extra string by its path", () => {
  const reference = { a: { b: "x", c: (n: number) => `${n}` }, d: "y" };
  assert.deepEqual(missingStrings(reference, { a: { b: "x", c: () => "" }, d: "z" }), []);
  assert.deepEqual(missingStrings(reference, { a: { c: () => "" }, d: "z" }), ["a.b: missing"]);
  assert.deepEqual(missingStrings(reference, { a: { b: "x", c: "2" }, d: "z" }), ["a.c: a text, not a sentence"]);
  assert.deepEqual(missingStrings(reference, { a: { b: " ", c: () => "" }, d: "z" }), ["a.b: empty"]);
  assert.deepEqual(missingStrings(reference, { a: { b: "x", c: () => "" }, d: "z", e: "w" }), [
    "e: not in the en table",
  ]);
});

test("every page's headings exist in every language under the same ids", () => {
  for (const lang of LANGUAGES) {
    for (const [id, page] of Object.entries(TABLES.en.pages)) {
      const other = TABLES[lang].pages[id as keyof typeof TABLES.en.pages];
      assert.deepEqual(Object.keys(other.headings).sort(), Object.keys(page.headings).sort(), `${lang} ${id}`);
    }
  }
});

test("Korean sentences are written from the numbers, not copied from English", () => {
  const f = formatters("ko");
  const ko = TABLES.ko.index;
  assert.equal(
    ko.churnedDetail("948", "5,630", "557"),
    "전체 5,630행 중 948명 이탈. 다른 고객을 그대로 복사한 행이 557개 있었습니다",
  );
  assert.match(ko.hypotheses(2), /2개는/);
  assert.doesNotMatch(ko.hypotheses(0), /0개/);
  assert.equal(f.points(0.207), "20.7%p");
  assert.equal(f.interval(0.81, 0.86), "0.81~0.86");
});
