// A stand-in for the Gemini REST API on 127.0.0.1, so the tests exercise the real SDK and the real fetch
// path (URL, headers, body, error statuses) without any network beyond loopback. Each test switches the
// behaviour it needs and reads back what the client actually sent.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type MockBehaviour =
  /** 200 with the REST shape; `body` becomes the candidate's text as JSON. */
  | { readonly kind: "ok"; readonly body: unknown }
  /** 200 with the REST shape and this exact candidate text (for invalid JSON). */
  | { readonly kind: "text"; readonly text: string; readonly finishReason?: string }
  /** 200 with the prompt blocked, the way the API reports a refusal. */
  | { readonly kind: "blocked"; readonly blockReason: string }
  /** An error status with the API's error body; `echoKey` puts the request's key in the message. */
  | { readonly kind: "status"; readonly status: number; readonly message?: string; readonly echoKey?: boolean }
  /** Accept the request and never answer, until the client gives up or the server closes. */
  | { readonly kind: "hang" }
  /** This status and body exactly as given (an HTML page from a proxy, a cut-off body). */
  | { readonly kind: "raw"; readonly status: number; readonly body: string; readonly contentType?: string }
  /** 200 with a JSON-looking body of this many bytes, streamed without a length, as a runaway endpoint would. */
  | { readonly kind: "huge"; readonly bytes: number };

export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  readonly body: unknown;
}

export type BehaviourChooser = MockBehaviour | ((request: RecordedRequest, index: number) => MockBehaviour);

export interface MockGemini {
  /** `http://127.0.0.1:<port>`: pass as GEMINI_BASE_URL / baseUrl. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  setBehaviour(behaviour: BehaviourChooser): void;
  close(): Promise<void>;
}

const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: "INVALID_ARGUMENT",
  403: "PERMISSION_DENIED",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

function restSuccess(text: string, finishReason = "STOP"): unknown {
  return {
    candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason, index: 0 }],
    usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 50, totalTokenCount: 150 },
    modelVersion: "mock-gemini",
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const payload = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

export async function startMockGemini(
  initial: BehaviourChooser = { kind: "status", status: 500 },
): Promise<MockGemini> {
  let chooser: BehaviourChooser = initial;
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = raw === "" ? null : JSON.parse(raw);
      } catch {
        // Keep the raw text: a test may want to see exactly what a broken client sent.
      }
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: flattenHeaders(req),
        body,
      };
      const index = requests.length;
      requests.push(recorded);
      const behaviour = typeof chooser === "function" ? chooser(recorded, index) : chooser;
      switch (behaviour.kind) {
        case "ok":
          sendJson(res, 200, restSuccess(JSON.stringify(behaviour.body)));
          return;
        case "text":
          sendJson(res, 200, restSuccess(behaviour.text, behaviour.finishReason));
          return;
        case "blocked":
          sendJson(res, 200, { promptFeedback: { blockReason: behaviour.blockReason }, modelVersion: "mock-gemini" });
          return;
        case "status": {
          const key = recorded.headers["x-goog-api-key"] ?? "";
          const message = behaviour.echoKey
            ? `API key not valid: ${key}`
            : (behaviour.message ?? `mock error ${behaviour.status}`);
          sendJson(res, behaviour.status, {
            error: { code: behaviour.status, message, status: STATUS_NAMES[behaviour.status] ?? "UNKNOWN" },
          });
          return;
        }
        case "hang":
          // Leave the response open; close() destroys the socket.
          return;
        case "raw":
          res.writeHead(behaviour.status, {
            "content-type": behaviour.contentType ?? "application/json; charset=UTF-8",
          });
          res.end(behaviour.body);
          return;
        case "huge": {
          res.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
          const chunk = Buffer.alloc(64 * 1024, " ");
          let sent = 0;
          // Honour back-pressure and stop once the client hangs up: the point is that it must.
          const pump = (): void => {
            while (sent < behaviour.bytes && !res.destroyed) {
              sent += chunk.length;
              if (!res.write(chunk)) {
                res.once("drain", pump);
                return;
              }
            }
            if (!res.destroyed) res.end();
          };
          res.on("close", () => (sent = behaviour.bytes));
          pump();
          return;
        }
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    setBehaviour(next) {
      chooser = next;
    },
    close() {
      // Hung requests keep their sockets open; without this, close() would wait for them forever.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
