import type { Lang } from "../data/index.ts";

/**
 * Which lexicon a text is read with. Cheap signals only: Cyrillic is Serbian, č/ć/š/ž/đ lean
 * Serbian and ë/ç Albanian, then frequent function words that the three languages do not share
 * ("je", "su", "nije" / "të", "dhe", "nuk" / "the", "of", "was"). Returns undefined when nothing
 * decides, so the caller can fall back on the article's language.
 */
const WORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(
    "the of and to in on at for is was were has have had with that by from said will would their this are been after over into against".split(
      " ",
    ),
  ),
  sr: new Set(
    "je su da od za sa koji koja koje nije nisu sto što ali iz kao bio bila bilo biti će ce posle nakon prema njihov ovaj taj kako takodje takođe jos još zbog uz se sa ka ispred kod".split(
      " ",
    ),
  ),
  sq: new Set(
    "të dhe për që nga është nuk ka kanë ishte por këtë këto janë edhe sipas ky kjo se tij saj tyre një si".split(" "),
  ),
};
// Albanian words written without diacritics, as many sites do.
const ALBANIAN_PLAIN = new Set("te dhe per qe nga eshte nuk kane ishte kete keto jane edhe sipas nje".split(" "));

// Which languages' function words a lower-case word is, as bits: one lookup per word.
const EN = 1;
const SR = 2;
const SQ = 4;
const WORD_LANGS = new Map<string, number>();
for (const [words, bit] of [
  [WORDS.en, EN],
  [WORDS.sr, SR],
  [WORDS.sq, SQ],
  [ALBANIAN_PLAIN, SQ],
] as const) {
  for (const word of words) WORD_LANGS.set(word, (WORD_LANGS.get(word) ?? 0) | bit);
}
const LONGEST_WORD = Math.max(...[...WORDS.en, ...WORDS.sr, ...WORDS.sq, ...ALBANIAN_PLAIN].map((w) => w.length));

/** Reads at most this much: the opening paragraphs tell the language of an article. */
const SAMPLE = 1500;

const LETTER = /^\p{L}$/u;
const letterCache = new Map<number, boolean>();

/** Whether the code point at `i` (a BMP character or a surrogate pair of `width`) is a letter. */
function isLetter(text: string, i: number, code: number, width: number): boolean {
  if (width === 2) return LETTER.test(text.slice(i, i + 2));
  let known = letterCache.get(code);
  if (known === undefined) {
    known = LETTER.test(String.fromCharCode(code));
    letterCache.set(code, known);
  }
  return known;
}

const SERBIAN_CODES = new Set([..."čćšžđČĆŠŽĐ"].map((c) => c.charCodeAt(0)));
const ALBANIAN_CODES = new Set([..."ëçËÇ"].map((c) => c.charCodeAt(0)));

export function detectLang(input: string): Lang | undefined {
  const text = input.length > SAMPLE ? input.slice(0, SAMPLE) : input;
  // One pass counts Cyrillic (U+0400–U+04FF), ASCII Latin, Serbian and Albanian letters and cuts
  // the words: runs of letters (\p{L}) and apostrophes.
  let cyrillic = 0;
  let latin = 0;
  let serbian = 0;
  let albanian = 0;
  // Lower case never shortens a word, so a token longer than every function word is none of them.
  const words: string[] = [];
  const keep = (from: number, to: number) => {
    if (to - from <= LONGEST_WORD) words.push(text.slice(from, to));
  };
  let wordStart = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const width = pair && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    let inWord: boolean;
    if (code < 128) {
      const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
      if (letter) latin++;
      inWord = letter || code === 39;
    } else {
      if (code >= 0x400 && code <= 0x4ff) cyrillic++;
      else if (SERBIAN_CODES.has(code)) serbian++;
      else if (ALBANIAN_CODES.has(code)) albanian++;
      inWord = code >= 0xd800 && code <= 0xdfff && width === 1 ? false : isLetter(text, i, code, width);
    }
    if (inWord && wordStart < 0) wordStart = i;
    else if (!inWord && wordStart >= 0) {
      keep(wordStart, i);
      wordStart = -1;
    }
    i += width;
  }
  if (wordStart >= 0) keep(wordStart, text.length);
  if (cyrillic > 0 && cyrillic >= latin) return "sr";
  const score: Record<Lang, number> = { en: 0, sr: serbian * 0.3, sq: albanian * 0.3 };
  for (const token of words) {
    const langs = WORD_LANGS.get(token.toLowerCase());
    if (langs === undefined) continue;
    if (langs & EN) score.en++;
    if (langs & SR) score.sr++;
    if (langs & SQ) score.sq++;
  }
  let best: Lang | undefined;
  // Below one function word's worth of evidence the text is too short to tell.
  let top = 0.99;
  for (const lang of ["en", "sr", "sq"] as const) {
    if (score[lang] > top) {
      best = lang;
      top = score[lang];
    }
  }
  return best;
}
