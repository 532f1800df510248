// The translated copy of a page: the language's title and headings, the same code one folder down, and a
// clear refusal when a heading or title is not in the English table.
import assert from "node:assert/strict";
import { test } from "node:test";
import { translatePage, TranslationError } from "../scripts/i18n-pages.js";

const PAGE = [
  "---",
  "title: Overview",
  "toc: false",
  "---",
  "",
  "# Which customers are about to leave?",
  "",
  "```js",
  'import {figureCards} from "./components/overview.js";',
  'const lang = "en";',
  'const summary = FileAttachment("data/summary.json").json();',
  'const other = FileAttachment("./data/models.json").json();',
  "// # not a heading",
  "```",
  "",
  "## Provenance",
  "",
].join("\n");

test("title, headings and the language line change; imports and attachments reach one folder up", () => {
  const ko = translatePage("index", PAGE, "ko");
  assert.match(ko, /^---\ntitle: 개요\ntoc: false\n---\n/);
  assert.match(ko, /\n<h1 id="which-customers-are-about-to-leave">곧 떠날 고객은 누구인가\?<\/h1>\n/);
  assert.match(ko, /\n<h2 id="provenance">데이터 출처<\/h2>\n/);
  assert.match(ko, /const lang = "ko";/);
  assert.match(ko, /from "\.\.\/components\/overview\.js"/);
  assert.match(ko, /FileAttachment\("\.\.\/data\/summary\.json"\)/);
  assert.match(ko, /FileAttachment\("\.\.\/data\/models\.json"\)/);
  assert.match(ko, /\/\/ # not a heading/);
});

test("a heading or title missing from the English table stops the build, naming file and line", () => {
  assert.throws(
    () => translatePage("index", PAGE.replace("## Provenance", "## Where it came from"), "ko"),
    (e: unknown) => e instanceof TranslationError && /src\/index\.md:16: heading "Where it came from"/.test(e.message),
  );
  assert.throws(
    () => translatePage("index", PAGE.replace("title: Overview", "title: Summary"), "ko"),
    (e: unknown) => e instanceof TranslationError && /src\/index\.md:2: title "Summary"/.test(e.message),
  );
  assert.throws(
    () => translatePage("index", PAGE.replace('const lang = "en";', ""), "ko"),
    (e: unknown) => e instanceof TranslationError && /expected one/.test(e.message),
  );
});
