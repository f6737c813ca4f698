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

export function foldForSearch(input: string): string {
  return input
    .toLowerCase()
    .replace(SPECIAL, (ch) => CYRILLIC[ch] ?? LATIN_SPECIAL[ch] ?? ch)
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[‘’`´]/g, "'");
}
