import { detect } from "tinyld";

/** Primary subtag of a BCP 47 tag or locale ("en-US", "sr_Latn_RS" → "en", "sr"); null if not one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2,3})(?:$|[-_\s,;])/i.exec(tag);
  if (!m?.[1]) return null;
  const code = m[1].toLowerCase();
  return code === "und" || code === "mul" || code === "zxx" ? null : code;
}

/*
 * tinyld has no Albanian model and often labels Serbo-Croatian in Latin script as Latvian or
 * Slovak. Both matter for the Balkan sources this project follows, so function words decide first.
 */
const ALBANIAN = new Set([
  "të",
  "në",
  "dhe",
  "për",
  "një",
  "që",
  "është",
  "nga",
  "janë",
  "ishte",
  "edhe",
  "më",
  "kjo",
  "këtë",
  "por",
  "pas",
  "sipas",
]);
const SOUTH_SLAVIC = new Set([
  "je",
  "da",
  "su",
  "se",
  "na",
  "za",
  "od",
  "sa",
  "koji",
  "koja",
  "koje",
  "kao",
  "ali",
  "ili",
  "nije",
  "će",
  "bio",
  "bila",
  "iz",
  "to",
  "što",
  "kako",
  "još",
  "ima",
  "biti",
]);
/** Ijekavian and Croatian-only forms; their absence reads as Serbian (ekavian). */
const CROATIAN = new Set([
  "tko",
  "tijekom",
  "vrijeme",
  "mjesto",
  "rijeć",
  "riječ",
  "gdje",
  "htio",
  "osobe",
  "vijesti",
  "sjednica",
  "tisuća",
  "lijepo",
  "prosinca",
  "siječnja",
  "veljače",
  "ožujka",
  "travnja",
  "svibnja",
  "lipnja",
  "srpnja",
  "kolovoza",
  "rujna",
  "listopada",
  "studenoga",
]);

function byFunctionWords(text: string): string | null {
  const words =
    text
      .slice(0, 4000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return null;
  let sq = 0;
  let sh = 0;
  let hr = 0;
  for (const w of words) {
    if (ALBANIAN.has(w)) sq++;
    if (SOUTH_SLAVIC.has(w)) sh++;
    if (CROATIAN.has(w)) hr++;
  }
  if (sq / words.length >= 0.08 && sq > sh) return "sq";
  if (sh / words.length >= 0.08 && /[čćšžđ]/.test(text) && !/[\u0400-\u04ff]/.test(text)) return hr >= 2 ? "hr" : "sr";
  return null;
}

/** Detection on the body text; short texts are too unreliable to label. */
export function detectLanguage(text: string): string | null {
  if (text.length < 40) return null;
  const rule = byFunctionWords(text);
  if (rule) return rule;
  try {
    return primaryLanguage(detect(text.slice(0, 3000)));
  } catch {
    return null;
  }
}
