// A Content-Security-Policy on every built page, so that a future rendering mistake (a cell value or a Gemini
// answer reaching the DOM as markup) can neither run a script nor send data anywhere but the site and the
// Gemini endpoint. Framework 1.13.4 writes each page's code as inline scripts; a policy written in the config's
// `head` could only allow them with 'unsafe-inline', which would allow an injected `onerror=` too. So the build
// stamps the policy afterwards, allowing exactly the inline scripts Framework wrote, by their SHA-256.
import { createHash } from "node:crypto";
import { SettingsError } from "../pipeline/settings.js";
import { GEMINI_DEFAULT_BASE_URL } from "../src/lib/personas/gemini-live.js";
import { rewriteHtmlPages } from "./html-pages.js";

export interface PolicyOptions {
  /** Origins the page may connect to besides its own: the Gemini endpoint(s) the live persona path may ask. */
  readonly connectOrigins: readonly string[];
}

/**
 * The origins the live persona path may reach: Google's Gemini endpoint, the one the build was given in
 * GEMINI_BASE_URL (a company proxy), and a proxy on this computer (the page accepts plain http only there).
 */
export function geminiConnectOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const origins = [new URL(GEMINI_DEFAULT_BASE_URL).origin];
  const configured = env.GEMINI_BASE_URL?.trim();
  if (configured) {
    let url: URL;
    try {
      url = new URL(configured);
    } catch {
      throw new SettingsError(`GEMINI_BASE_URL is not a URL: ${JSON.stringify(configured)}`);
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  for (const host of ["127.0.0.1", "localhost"]) origins.push(`http://${host}:*`, `https://${host}:*`);
  return origins;
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf-8").digest("base64")}'`;
}

/**
 * htl (under Observable Inputs' sliders and number fields) writes each `oninput=${handler}` as the attribute
 * `oninput="::N"` for a moment before it sets the handler as a property, and Chromium refuses (and reports) the
 * attribute. "::N" is not valid JavaScript, so allowing exactly those attribute values lets no code run.
 */
const HTL_PLACEHOLDERS = Array.from({ length: 32 }, (_, index) => sha256(`::${index}`));

/** The policy for one page: its own inline scripts by hash, everything else from the site itself. */
export function policyFor(html: string, options: PolicyOptions): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map((match) => sha256(match[1] ?? ""));
  return [
    "default-src 'self'",
    // WebAssembly (the TreeSHAP walk) needs compiling; 'wasm-unsafe-eval' allows that and not eval().
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(hashes)].join(" ")}`.trimEnd(),
    `script-src-attr 'unsafe-hashes' ${HTL_PLACEHOLDERS.join(" ")}`,
    // Plot writes a <style> element into each chart; CSS cannot run script, and img-src/font-src below keep a
    // stylesheet from fetching anything off the site.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self'",
    `connect-src 'self' ${options.connectOrigins.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The page with its policy at the top of <head> (after the charset, which must come within the first 1024
 * bytes), so that it governs every script and stylesheet after it.
 */
export function withPolicy(html: string, options: PolicyOptions): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) return html;
  const policy = policyFor(html, options).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const anchor = /<meta charset=[^>]*>/i.test(html) ? /<meta charset=[^>]*>/i : /<head\b[^>]*>/i;
  const stamped = html.replace(anchor, (tag) => `${tag}\n${meta}`);
  if (stamped === html) throw new Error("a built page has no <head>: the Content-Security-Policy cannot be set");
  return stamped;
}

/** Stamps the policy on every page under `dir`; returns how many pages were stamped. */
export function addContentSecurityPolicy(dir: string, options: PolicyOptions): number {
  return rewriteHtmlPages(dir, (html) => withPolicy(html, options));
}
