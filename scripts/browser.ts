// Debian's Chromium driven by playwright-core. Never downloads a browser: the executable is the system's.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  /** Requests that left 127.0.0.1: the report must not need the network. */
  externalRequests: string[];
}

export interface BrowserSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  newPage(): Promise<{ page: Page; problems: PageProblems }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  // launch() gives every browser a fresh, temporary profile of its own (Playwright removes it on close).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const context = await browser.newContext({ acceptDownloads: true });
  return {
    browser,
    context,
    async newPage() {
      const page = await context.newPage();
      // Chromium logs most CSP refusals itself; this also catches those it reports only as events.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
        });
      });
      const problems: PageProblems = { consoleErrors: [], failedRequests: [], externalRequests: [] };
      page.on("console", (message) => {
        if (message.type() === "error") problems.consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => problems.consoleErrors.push(`pageerror: ${error.message}`));
      page.on("requestfailed", (request) =>
        problems.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ""}`),
      );
      page.on("response", (response) => {
        if (response.status() >= 400) problems.failedRequests.push(`${response.url()} HTTP ${response.status()}`);
      });
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (!["127.0.0.1", "localhost"].includes(url.hostname) && !["data:", "blob:"].includes(url.protocol)) {
          problems.externalRequests.push(request.url());
        }
      });
      return { page, problems };
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
