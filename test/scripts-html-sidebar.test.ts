// The repair of Framework's sidebar markup: the close label leaves the list, the toggle gets a name, and a
// page repaired twice is the page repaired once.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { repairSidebar } from "../scripts/html-sidebar.js";

const FRAMEWORK = `<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="./">Churn report</a></li>
  </ol>
</nav>`;

describe("repairSidebar", () => {
  it("moves the close label out of the list and names the toggle", () => {
    const html = repairSidebar(FRAMEWORK, "Toggle sidebar");
    assert.match(html, /<input id="observablehq-sidebar-toggle" aria-label="Toggle sidebar" type="checkbox"/);
    assert.match(
      html,
      /<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>\s*<ol>\s*<li/,
    );
    assert.doesNotMatch(html, /<ol>\s*<label/);
  });

  it("leaves a repaired page as it is", () => {
    const once = repairSidebar(FRAMEWORK, "Toggle sidebar");
    assert.equal(repairSidebar(once, "Toggle sidebar"), once);
  });

  it("leaves a page without Framework's sidebar as it is", () => {
    const page = "<html><body><ol><li>one</li></ol></body></html>";
    assert.equal(repairSidebar(page, "Toggle sidebar"), page);
  });
});
