import { createHash } from "node:crypto";

export interface Validators {
  etag: string;
  /** HTTP date (RFC 7231 IMF-fixdate). */
  lastModified: string;
}

export function validatorsFor(body: string, lastModified: Date): Validators {
  return {
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
    lastModified: lastModified.toUTCString(),
  };
}

/**
 * True when the client's cached copy is current (RFC 9110 §13.1). If-None-Match wins over
 * If-Modified-Since when both are sent; weak and strong tags compare alike for GET.
 */
export function isNotModified(
  headers: { ifNoneMatch: string | undefined; ifModifiedSince: string | undefined },
  validators: Validators,
): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const wanted = opaque(validators.etag);
    return headers.ifNoneMatch.split(",").some((tag) => {
      const t = tag.trim();
      return t === "*" || opaque(t) === wanted;
    });
  }
  if (headers.ifModifiedSince !== undefined) {
    const since = Date.parse(headers.ifModifiedSince);
    return !Number.isNaN(since) && Date.parse(validators.lastModified) <= since;
  }
  return false;
}

function opaque(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}
