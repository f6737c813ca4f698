/**
 * Search key for names written in Latin or Serbian Cyrillic, with or without diacritics:
 * "Zvečan", "Zvecan", "ZVEČAN" and "Звечан" all become "zvecan". Not length-preserving.
 */

// Serbian Cyrillic (Vuk's alphabet) to Gaj's Latin, lower case; diacritics are folded afterwards.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  ђ: "dj",
  е: "e",
  ж: "z",
  з: "z",
  и: "i",
  ј: "j",
  к: "k",
  л: "l",
  љ: "lj",
  м: "m",
  н: "n",
  њ: "nj",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  ћ: "c",
  у: "u",
  ф: "f",
  х: "h",
  ц: "c",
  ч: "c",
  џ: "dz",
  ш: "s",
  // Russian/Macedonian letters that turn up in regional names.
  й: "j",
  ы: "y",
  э: "e",
  ю: "ju",
  я: "ja",
  ь: "",
  ъ: "",
  ё: "e",
  щ: "sc",
  ѓ: "dj",
  ќ: "c",
  ѕ: "dz",
};

// Letters that NFD does not decompose into base + mark.
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  đ: "dj",
  ø: "o",
  ł: "l",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ı: "i",
  þ: "th",
  ð: "d",
};

const SPECIAL = /[\u0400-\u04FFđøłßæœıþð]/g;
const COMBINING_MARKS = /[\u0300-\u036F]/g;

const APOSTROPHES = /[‘’`´]/g;

// What the fast path may see: 1 for ASCII and common punctuation (no-break space, « », dashes,
// curly quotes, …, •, ′ ″, £ © ® ° €) that has no letter to transliterate, nothing NFD
// decomposes and no combining mark; 2 for the apostrophes among them. A table, not a regex: it
// is read for every sentence, and a character class is slow on two-byte strings.
const FAST = new Uint8Array(0x10000);
FAST.fill(1, 0, 0x80);
for (const ch of "\u00A0\u00A3\u00A9\u00AB\u00AE\u00B0\u00B7\u00BB\u2010\u2011\u2012\u2013\u2014\u2015\u201C\u201D\u201E\u2022\u2026\u2032\u2033\u20AC") {
  FAST[ch.charCodeAt(0)] = 1;
}
for (const ch of "‘’`´") FAST[ch.charCodeAt(0)] = 2;

export function foldForSearch(input: string): string {
  // Most text needs only lower case and apostrophes: the same key without the full pipeline.
  let fast = true;
  let apostrophe = false;
  for (let i = 0; i < input.length; i++) {
    const kind = FAST[input.charCodeAt(i)];
    if (kind === 0) {
      fast = false;
      break;
    }
    if (kind === 2) apostrophe = true;
  }
  if (fast) {
    const lower = input.toLowerCase();
    return apostrophe ? lower.replace(APOSTROPHES, "'") : lower;
  }
  return input
    .toLowerCase()
    .replace(SPECIAL, (ch) => CYRILLIC[ch] ?? LATIN_SPECIAL[ch] ?? ch)
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(APOSTROPHES, "'");
}
