// Reading Gemini's answer with a limit. One persona card is a few kilobytes of JSON; a misbehaving endpoint
// or proxy may send hundreds of megabytes (a 300 MB body once took 1.26 GB to read), so the body is read
// chunk by chunk and dropped past the limit. Shared by the build (the SDK is given this fetch) and the page.

/** Far above any card (a few KB), far below what could hurt a build or a tab. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The endpoint sent more than the limit; the rest was not read. */
export class AnswerTooLarge extends Error {
  override readonly name = "AnswerTooLarge";
  constructor(readonly limit: number) {
    super(`the answer was larger than ${Math.round(limit / 1024)} KB, so it was not read`);
  }
}

/** The endpoint answered with success but not in JSON (an HTML error page from a proxy, a cut-off body). */
export class AnswerNotJson extends Error {
  override readonly name = "AnswerNotJson";
  constructor(
    readonly status: number,
    readonly start: string,
  ) {
    super(`the endpoint answered HTTP ${status} but not in JSON${start ? ` (it began ${JSON.stringify(start)})` : ""}`);
  }
}

/** The body as text, reading no more than `limit` bytes; AnswerTooLarge beyond. */
export async function readAnswerText(response: Response, limit = MAX_ANSWER_BYTES): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw new AnswerTooLarge(limit);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new AnswerTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/**
 * A fetch whose responses arrive with their body already read within the limit, for the SDK: a success that
 * is not JSON fails as AnswerNotJson (the SDK would report its parse error as if the network had failed),
 * and an error status with a body that is not JSON keeps its text as the message.
 */
export function answerFetch(fetchFn: Fetch = (input, init) => fetch(input, init), limit = MAX_ANSWER_BYTES): Fetch {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    const text = await readAnswerText(response, limit);
    let json = true;
    try {
      JSON.parse(text);
    } catch {
      json = false;
    }
    if (response.ok && !json) throw new AnswerNotJson(response.status, text.trim().slice(0, 40));
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    if (!json) headers.set("content-type", "text/plain; charset=utf-8");
    return new Response(text, { status: response.status, statusText: response.statusText, headers });
  };
}
