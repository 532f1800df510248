// A page's language from its path, and the path of the same page in another language.
import assert from "node:assert/strict";
import { test } from "node:test";
import { langOfPath, pathInLanguage } from "../src/i18n/lang.js";

test("the language is the folder the page sits in, English at the root", () => {
  assert.equal(langOfPath("/"), "en");
  assert.equal(langOfPath("/models"), "en");
  assert.equal(langOfPath("/ko/"), "ko");
  assert.equal(langOfPath("/ko/models"), "ko");
  assert.equal(langOfPath("/ko/index"), "ko");
  assert.equal(langOfPath("/report/ko/models"), "ko");
});

test("the same page in the other language, index pages as folders", () => {
  assert.equal(pathInLanguage("/models", "ko"), "/ko/models");
  assert.equal(pathInLanguage("/ko/models", "en"), "/models");
  assert.equal(pathInLanguage("/", "ko"), "/ko/");
  assert.equal(pathInLanguage("/index", "ko"), "/ko/");
  assert.equal(pathInLanguage("/ko/", "en"), "/");
  assert.equal(pathInLanguage("/ko/index", "en"), "/");
  assert.equal(pathInLanguage("/ko/models", "ko"), "/ko/models");
  assert.equal(pathInLanguage("/report/models", "ko"), "/report/ko/models");
});
