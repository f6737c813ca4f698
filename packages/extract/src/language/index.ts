import { detect } from "tinyld";

/** Primary subtag of a BCP 47 tag or locale ("en-US", "sr_Latn_RS" → "en", "sr"); null if not one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2,3})(?:$|[-_\s,;])/i.exec(tag);
  if (!m?.[1]) return null;
  const code = m[1].toLowerCase();
  // Three-letter tags are kept only when no two-letter code exists for them.
  return code === "und" || code === "mul" || code === "zxx" ? null : code;
}

/** Statistical detection on the body text; short texts are too unreliable to label. */
export function detectLanguage(text: string): string | null {
  if (text.length < 40) return null;
  try {
    return primaryLanguage(detect(text.slice(0, 3000)));
  } catch {
    return null;
  }
}
