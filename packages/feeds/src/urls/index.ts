/** Resolves `href` against the first usable base; keeps it as written when it cannot be resolved. */
export function resolveUrl(href: string | null | undefined, ...bases: Array<string | null | undefined>): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  for (const base of bases) {
    if (!base) continue;
    try {
      return new URL(trimmed, base).href;
    } catch {
      // try the next base
    }
  }
  try {
    return new URL(trimmed).href;
  } catch {
    return trimmed;
  }
}

/** True for absolute http(s) URLs. */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

const URL_ATTR = /(\s(?:href|src)\s*=\s*)(["'])(.*?)\2/gi;

/** Makes relative href/src attributes in an HTML fragment absolute, as feed readers do for xml:base. */
export function absolutizeHtml(html: string, base: string | null | undefined): string {
  if (!base || !/\s(?:href|src)\s*=/i.test(html)) return html;
  return html.replace(URL_ATTR, (whole, prefix: string, quote: string, value: string) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(value.trim()) || value.trim() === "") return whole;
    const resolved = resolveUrl(value, base);
    return resolved ? `${prefix}${quote}${resolved}${quote}` : whole;
  });
}
