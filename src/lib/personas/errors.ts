// Failure wording shared by the build-time and live paths, so a reader sees the same reason for the same
// failure whichever path hit it, and so every message passes through one redaction step.

/** Replaces every occurrence of `secret` in `text`; an empty or very short secret is left alone. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join("[redacted]");
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

export function timeoutReason(ms: number): string {
  return `timed out after ${formatDuration(ms)}`;
}

/** The API's own message from an error body (`{"error": {"message": ...}}`), or null. */
export function serverMessage(body: unknown): string | null {
  if (typeof body === "string") {
    try {
      return serverMessage(JSON.parse(body) as unknown);
    } catch {
      return body.trim() === "" ? null : body.trim();
    }
  }
  if (typeof body !== "object" || body === null) return null;
  const error = (body as Record<string, unknown>).error;
  if (typeof error !== "object" || error === null) return null;
  const message = (error as Record<string, unknown>).message;
  return typeof message === "string" && message.trim() !== "" ? message.trim() : null;
}

/** "HTTP 429 from Gemini (rate limit or quota reached)"; the server's message is kept short. */
export function httpReason(status: number, message: string | null): string {
  const hint =
    status === 429
      ? "rate limit or quota reached"
      : status >= 500
        ? "server error"
        : status === 401 || status === 403
          ? "key not accepted"
          : status === 404
            ? "model or endpoint not found"
            : null;
  const detail = message ? `: ${message.length > 160 ? `${message.slice(0, 157)}...` : message}` : "";
  return `HTTP ${status} from Gemini${hint ? ` (${hint})` : ""}${detail}`;
}
