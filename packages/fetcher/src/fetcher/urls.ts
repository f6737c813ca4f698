import { SeismoError } from "@seismo/core";

export function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SeismoError("bad_request", `GET ${url}: not a URL`, { retryable: false });
  }
  assertHttp(parsed);
  return parsed;
}

export function resolveLocation(location: string, base: URL): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    throw new SeismoError("fetch_failed", `GET ${base.href}: bad redirect Location "${location}"`, {
      retryable: false,
    });
  }
  assertHttp(next);
  return next;
}

/** Only http(s), and no user:password@ (it would leak to every redirect target). */
export function assertHttp(url: URL): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SeismoError("forbidden", `GET ${url.href} refused: only http and https are fetched`, {
      retryable: false,
      details: { reason: "scheme" },
    });
  }
  if (url.username || url.password) {
    throw new SeismoError("forbidden", `GET ${url.origin} refused: credentials in URL`, { retryable: false });
  }
}
