/** Query parameters that identify a campaign or click, never the document. */
const TRACKING =
  /^(utm_[a-z_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ocid|cmpid)$/i;

/** Resolves `href` against `base` (when given) to an absolute http(s) URL, or null. */
export function resolveUrl(href: string | null | undefined, base?: string | null): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || h.startsWith("javascript:") || h.startsWith("data:")) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** Absolute URL without tracking parameters and fragment; null when it cannot be made absolute. */
export function canonicalize(href: string | null | undefined, base?: string | null): string | null {
  const abs = resolveUrl(href, base);
  if (!abs) return null;
  const u = new URL(abs);
  u.hash = "";
  const keep = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  if (keep.length !== [...u.searchParams].length) {
    u.search = "";
    for (const [k, v] of keep) u.searchParams.append(k, v);
  }
  return u.href;
}
