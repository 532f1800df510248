// The segments page in Chromium: it renders, the priority ranking follows the offer assumptions (checked
// against clusterPriorities on the same built segments.json), and Gemini live works against a loopback mock
// without running model text as markup and without sending the reader's key anywhere but the endpoint.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page, Request } from "playwright-core";
import { checkEndpoint } from "../src/components/persona-cards.js";
import type { SegmentsArtifact } from "../src/lib/segments/artifact.js";
import { clusterPriorities, type OfferAssumptions } from "../src/lib/segments/value.js";
import type { PageProblems } from "../scripts/browser.js";
import { startMockGemini, type MockGemini } from "./helpers/mock-gemini.js";
import {
  assertCleanPage,
  assertChartsNamed,
  chartLabels,
  reportInChromium,
  requireBuiltSite,
  waitForReport,
} from "./helpers/site.js";

const KEY = "AIzaSy-browser-test-key-0123456789";
const INJECTED = "<img src=x onerror=alert(1)>";
const JS_LINK = '<a href="javascript:alert(2)">open</a>';

function builtSegments(dist: string): SegmentsArtifact {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => /^segments\.[0-9a-f]+\.json$/.test(f));
  assert.ok(file, "the build has no segments.json");
  return JSON.parse(readFileSync(join(dir, file), "utf-8")) as SegmentsArtifact;
}

function expectedOrder(segments: SegmentsArtifact, assumptions: OfferAssumptions): number[] {
  return clusterPriorities(
    segments.clusters.map((c) => c.risk),
    assumptions,
  )
    .sort((a, b) => a.rank - b.rank)
    .map((p) => p.id);
}

async function rankingOnPage(page: Page): Promise<number[]> {
  return page.$$eval("#priority-ranking tbody tr", (rows) =>
    rows.map((r) => Number(r.getAttribute("data-cluster-id"))),
  );
}

async function setRange(page: Page, label: string, value: number): Promise<void> {
  const input = page.locator("form", { hasText: label }).locator('input[type="number"]');
  await input.fill(String(value));
}

describe("segments page in Chromium", () => {
  const report = reportInChromium();
  let segments: SegmentsArtifact;
  before(() => {
    segments = builtSegments(requireBuiltSite());
  });

  it("renders its charts, tables and one persona card per cluster, cleanly", async () => {
    const { page, problems } = await report.open("/segments");
    await assertCleanPage(page, problems);
    await assertChartsNamed(page, [
      "Inertia",
      "Silhouette",
      "Customers by recency",
      "Cluster profiles",
      "churn rate",
      "RFM segments",
      "Risk against value",
      "Expected value",
    ]);
    // The same count as test/pages.test.ts: no unlabelled <svg> (such as an in-figure legend swatch) reads as a chart.
    const charts = await chartLabels(page, "/segments");
    assert.ok(charts.length >= 8, `expected at least 8 charts, found ${charts.length}`);
    // How k was chosen is folded away for stakeholders: a closed <details> holding its sentences and both charts.
    const kDetails = page.locator("details.k-selection");
    assert.equal(await kDetails.count(), 1);
    assert.equal(await kDetails.evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.equal(await kDetails.locator('svg[aria-label*="Inertia"], svg[aria-label*="Silhouette"]').count(), 2);
    assert.match((await kDetails.textContent()) ?? "", /mean silhouette width/);
    const text = await page.innerText("main");
    assert.match(text, /no revenue or spend column/, "the page says M is cashback because there is no revenue column");
    assert.match(text, /assumptions, not estimates/);
    const cards = await page.$$eval(".persona-card", (nodes) => nodes.map((n) => n.getAttribute("data-cluster-id")));
    assert.deepEqual(
      cards,
      segments.clusters.map((c) => String(c.id)),
    );
    const sources = await page.$$eval(".persona-card .persona-source", (nodes) =>
      nodes.map((n) => n.textContent ?? ""),
    );
    assert.ok(
      sources.every((s) => /Source: (Rules|Gemini at build time)/.test(s)),
      sources.join(" | "),
    );
    // Each card names its segment from the data, so cards a model named alike are still told apart.
    const named = await page.$$eval(".persona-card .persona-facts", (lists) =>
      lists.map((dl) => dl.querySelector("dd")?.textContent ?? ""),
    );
    assert.deepEqual(
      named,
      segments.clusters.map((c) => `${c.name} (cluster ${c.id})`),
    );
    // The regenerate buttons wait for a key.
    assert.equal(await page.locator(".persona-regenerate").first().isDisabled(), true);
    await page.close();
  });

  it("re-ranks the groups when an offer assumption changes, as clusterPriorities does", async () => {
    const { page, problems } = await report.open("/segments");
    const defaults = segments.priority.defaults;
    const initial = await rankingOnPage(page);
    assert.deepEqual(initial, expectedOrder(segments, defaults));
    // The first offer cost (from a ladder) at which this data's ranking differs from the default one.
    const costs = [0, 5, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300, 400, 500];
    const cost = costs.find((c) => expectedOrder(segments, { ...defaults, offerCost: c }).join() !== initial.join());
    assert.ok(cost !== undefined, "no offer cost on the slider changes the ranking of this data");
    const wanted = expectedOrder(segments, { ...defaults, offerCost: cost });
    await setRange(page, "offer cost per customer", cost);
    await page.waitForFunction(
      (order) =>
        [...document.querySelectorAll("#priority-ranking tbody tr")]
          .map((r) => r.getAttribute("data-cluster-id"))
          .join() === order,
      wanted.join(),
      { timeout: 10_000 },
    );
    assert.deepEqual(await rankingOnPage(page), wanted);
    // And p(offer saves) = 0 makes every offer a loss: no group is worth offering.
    await setRange(page, "p(offer saves a churner)", 0);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#priority-ranking tbody tr td:last-child")].every((td) => td.textContent === "no"),
    );
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });

  describe("Gemini live on the reader's key, against a loopback mock", () => {
    let mock: MockGemini;
    let page: Page;
    let problems: PageProblems;
    const dialogs: string[] = [];
    const requests: { url: string; headers: Record<string, string>; body: string }[] = [];
    let imagesBefore = 0;
    const card0 = (): ReturnType<Page["locator"]> => page.locator('.persona-card[data-cluster-id="0"]');

    before(async () => {
      mock = await startMockGemini({
        kind: "ok",
        body: {
          name: INJECTED,
          who: `Customers who ${INJECTED} and more.`,
          risk: `They may leave: ${JS_LINK}`,
          actions: ["javascript:alert(3)", `Call them back ${INJECTED}`],
          priority: "high",
        },
      });
      ({ page, problems } = await report.newPage());
      // The real Gemini API answers browsers' CORS checks; the mock does not send CORS headers, so this shim
      // passes each request on to the mock unchanged (route.fetch, same method, headers and body) and adds
      // them to the answer. The mock still records exactly what the page sent.
      const cors = {
        "access-control-allow-origin": report.url,
        "access-control-allow-methods": "POST",
        "access-control-allow-headers": "content-type, x-goog-api-key",
      };
      await page.route(`${mock.baseUrl}/**`, async (route) => {
        if (route.request().method() === "OPTIONS") {
          await route.fulfill({ status: 204, headers: cors });
          return;
        }
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), ...cors } });
      });
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on("request", (request: Request) => {
        requests.push({ url: request.url(), headers: request.headers(), body: request.postData() ?? "" });
      });
      await page.goto(`${report.url}/segments`);
      await waitForReport(page);
      imagesBefore = await page.locator("img").count();
      await page.locator(".persona-key").fill(KEY);
      await page.locator(".persona-advanced summary").click();
      await page.locator(".persona-model").fill("mock-model");
      await page.locator(".persona-endpoint-input").fill(mock.baseUrl);
      // The field's note names where the key goes.
      assert.equal(await page.locator("#persona-key-note .persona-endpoint").innerText(), mock.baseUrl);
    });
    after(async () => {
      await page?.close();
      await mock?.close();
    });

    it("regenerates a card, shows Gemini live as its source, and shows injected markup as text", async () => {
      await card0().locator(".persona-regenerate").click();
      await card0().locator(".persona-name", { hasText: INJECTED }).waitFor({ timeout: 10_000 });
      assert.equal(await card0().locator(".persona-name").innerText(), INJECTED);
      assert.equal(await card0().locator(".persona-source-badge").innerText(), "Gemini live");
      assert.match(await card0().locator(".persona-source").innerText(), /mock-model/);
      assert.match(await card0().locator(".persona-risk").innerText(), /javascript:alert\(2\)/);
      assert.deepEqual(await card0().locator(".persona-actions li").allInnerTexts(), [
        "javascript:alert(3)",
        `Call them back ${INJECTED}`,
      ]);
      // Give an onerror handler the chance to fire if the markup had been parsed.
      await page.waitForTimeout(500);
      assert.equal(await page.locator("img").count(), imagesBefore, "no <img> element was created");
      assert.equal(await page.locator("[onerror]").count(), 0);
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
      assert.deepEqual(dialogs, [], "no dialog was opened");
      assert.equal(mock.requests.length, 1);
      const sent = mock.requests[0];
      assert.equal(sent.method, "POST");
      assert.equal(sent.url, "/v1beta/models/mock-model:generateContent");
      assert.equal(sent.headers["x-goog-api-key"], KEY, "the key travels in the x-goog-api-key header");
      assert.ok(!sent.url.includes(KEY));
      assert.ok(!JSON.stringify(sent.body).includes(KEY));
    });

    it("shows an error on the card and keeps the previous text", async () => {
      mock.setBehaviour({ kind: "status", status: 429, message: "quota exhausted" });
      await card0().locator(".persona-regenerate").click();
      await card0().locator(".persona-error").waitFor({ timeout: 10_000 });
      const status = await card0().locator(".persona-status").innerText();
      assert.match(status, /429/);
      assert.match(status, /unchanged/);
      assert.equal(await card0().locator(".persona-name").innerText(), INJECTED, "the previous text stays");
      assert.equal(await card0().locator(".persona-source-badge").innerText(), "Gemini live");
      // Other cards are untouched.
      assert.equal(await page.locator('.persona-card[data-cluster-id="1"] .persona-error').count(), 0);
      assert.equal(mock.requests.length, 2);
    });

    it("sends the key to the mock only: not in any other request, the URL or storage", async () => {
      const mockRequests = requests.filter((r) => r.url.startsWith(`${mock.baseUrl}/`));
      assert.equal(mockRequests.length, 2);
      for (const r of requests) {
        const carries =
          r.url.includes(KEY) || r.body.includes(KEY) || Object.values(r.headers).some((v) => v.includes(KEY));
        if (r.url.startsWith(`${mock.baseUrl}/`)) {
          assert.ok(!r.url.includes(KEY) && !r.body.includes(KEY), "the key is in the mock request's URL or body");
          assert.equal(r.headers["x-goog-api-key"], KEY);
        } else {
          assert.ok(!carries, `the key leaked into a request to ${r.url}`);
        }
      }
      assert.ok(!page.url().includes(KEY), "the key is in the page's URL");
      const stored = await page.evaluate(() =>
        JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }),
      );
      assert.ok(!stored.includes(KEY), "the key was stored");
      const visible = await page.innerText("body");
      assert.ok(!visible.includes(KEY), "the key is shown as text somewhere");
      assert.deepEqual(problems.externalRequests, []);
      assert.deepEqual(dialogs, []);
    });
  });
});

describe("Gemini live on the Korean page", () => {
  const report = reportInChromium();
  let mock: MockGemini;
  before(async () => {
    mock = await startMockGemini({
      kind: "ok",
      body: { name: "이탈 위험 고객", who: "설명", risk: "위험", actions: ["하나", "둘"], priority: "high" },
    });
  });
  after(async () => {
    await mock?.close();
  });

  it("asks for the card in Korean and labels it in Korean", async () => {
    const { page, problems } = await report.newPage();
    const cors = {
      "access-control-allow-origin": report.url,
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "content-type, x-goog-api-key",
    };
    await page.route(`${mock.baseUrl}/**`, async (route) => {
      if (route.request().method() === "OPTIONS") {
        await route.fulfill({ status: 204, headers: cors });
        return;
      }
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...cors } });
    });
    await page.goto(`${report.url}/ko/segments`);
    await waitForReport(page);
    const card = page.locator('.persona-card[data-cluster-id="0"]');
    assert.match(await card.locator(".persona-source").innerText(), /^출처: 규칙/);
    assert.match(await card.locator(".persona-who").innerText(), /[\uac00-\ud7a3]/);
    await page.locator(".persona-key").fill(KEY);
    await page.locator(".persona-advanced summary").click();
    await page.locator(".persona-model").fill("mock-model");
    await page.locator(".persona-endpoint-input").fill(mock.baseUrl);
    await card.locator(".persona-regenerate").click();
    await card.locator(".persona-name", { hasText: "이탈 위험 고객" }).waitFor({ timeout: 10_000 });
    assert.equal(await card.locator(".persona-source-badge").innerText(), "Gemini 실시간");
    assert.equal(mock.requests.length, 1);
    const prompt = JSON.stringify(mock.requests[0]!.body);
    assert.match(prompt, /in Korean \(한국어\)/, "the Korean page did not ask for Korean");
    assert.deepEqual(problems.consoleErrors, []);
    await page.close();
  });
});

describe("live endpoint check", () => {
  it("accepts https anywhere and http only on loopback, without credentials, query or fragment", () => {
    assert.deepEqual(checkEndpoint("https://generativelanguage.googleapis.com/"), {
      ok: true,
      url: "https://generativelanguage.googleapis.com",
    });
    assert.deepEqual(checkEndpoint("http://127.0.0.1:8123"), { ok: true, url: "http://127.0.0.1:8123" });
    assert.deepEqual(checkEndpoint("http://localhost:8123/proxy/"), { ok: true, url: "http://localhost:8123/proxy" });
    for (const bad of [
      "http://example.com",
      "javascript:alert(1)",
      "ftp://127.0.0.1",
      "https://u:p@example.com",
      "https://example.com/?key=x",
      "https://example.com/#x",
      "not a url",
    ]) {
      assert.equal(checkEndpoint(bad).ok, false, bad);
    }
  });
});
