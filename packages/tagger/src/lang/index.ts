import type { Lang } from "../data/index.ts";

/**
 * Which lexicon a text is read with. Cheap signals only: Cyrillic is Serbian, č/ć/š/ž/đ lean
 * Serbian and ë/ç Albanian, then frequent function words that the three languages do not share
 * ("je", "su", "nije" / "të", "dhe", "nuk" / "the", "of", "was"). Returns undefined when nothing
 * decides, so the caller can fall back on the article's language.
 */
const CYRILLIC = /[\u0400-\u04FF]/g;
const LATIN = /[a-zA-Z]/g;
const SERBIAN_LETTERS = /[čćšžđČĆŠŽĐ]/g;
const ALBANIAN_LETTERS = /[ëçËÇ]/g;
const TOKEN = /[\p{L}']+/gu;

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

/** Reads at most this much: the opening paragraphs tell the language of an article. */
const SAMPLE = 1500;

export function detectLang(input: string): Lang | undefined {
  const text = input.length > SAMPLE ? input.slice(0, SAMPLE) : input;
  const cyrillic = text.match(CYRILLIC)?.length ?? 0;
  if (cyrillic > 0 && cyrillic >= (text.match(LATIN)?.length ?? 0)) return "sr";
  const score: Record<Lang, number> = {
    en: 0,
    sr: (text.match(SERBIAN_LETTERS)?.length ?? 0) * 0.3,
    sq: (text.match(ALBANIAN_LETTERS)?.length ?? 0) * 0.3,
  };
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].toLowerCase();
    if (WORDS.en.has(word)) score.en++;
    if (WORDS.sr.has(word)) score.sr++;
    if (WORDS.sq.has(word) || ALBANIAN_PLAIN.has(word)) score.sq++;
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
