// What the page's Content-Security-Policy lets the live persona path connect to. The browser would refuse a
// request to any other endpoint anyway; reading the policy lets the page say so before the key is sent, in
// words, instead of a network error.

/** The connect-src sources of a policy (default-src when it has none), or null when there is no policy. */
export function connectSources(policy: string | null | undefined): string[] | null {
  if (!policy) return null;
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives.get("connect-src") ?? directives.get("default-src") ?? null;
}

/** Whether a source list allows a URL: 'self', an origin, or an origin with any port (`http://host:*`). */
export function sourcesAllow(sources: readonly string[], url: URL, selfOrigin: string): boolean {
  return sources.some((source) => {
    if (source === "'self'") return url.origin === selfOrigin;
    const anyPort = /^(https?):\/\/([^/:]+|\[[^\]]+\]):\*$/.exec(source);
    if (anyPort) return url.protocol === `${anyPort[1]}:` && url.hostname === anyPort[2];
    try {
      return new URL(source).origin === url.origin;
    } catch {
      return false;
    }
  });
}
