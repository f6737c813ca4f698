/**
 * Canonical form for stored text: Unicode NFC, one space between words, paragraphs kept.
 * Curly quotes are kept (they carry meaning for quotation detection) but their variants are
 * mapped onto one pair each, so downstream patterns only need to know “ ” ‘ ’.
 */

const QUOTE_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/``/g, "“"],
  [/''/g, "”"],
  [/[„‟〝]/g, "“"],
  [/[〞〟]/g, "”"],
  [/[‚‛]/g, "‘"],
];

// Zero-width characters and the soft hyphen are invisible but break word matching.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Every horizontal space, including no-break and typographic spaces.
const HORIZONTAL_SPACE = /[\t\v\f \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

export function normalizeText(input: string): string {
  let text = input.normalize("NFC").replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
  text = text.replace(INVISIBLE, "").replace(HORIZONTAL_SPACE, " ");
  for (const [pattern, replacement] of QUOTE_VARIANTS) text = text.replace(pattern, replacement);
  return text
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Everything simplifyPunctuation rewrites is the backtick, the tab or non-ASCII.
function asciiOnly(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= 0x80 || code === 0x60 || code === 0x09) return false;
  }
  return true;
}

/**
 * Same length as the input (offsets stay valid): curly quotes and apostrophes become ASCII,
 * unusual spaces become plain spaces and dashes become "-". For pattern matching only.
 */
export function simplifyPunctuation(input: string): string {
  if (asciiOnly(input)) return input;
  return input
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
}
