import type { Lang } from "../data/index.ts";

/**
 * Which lexicon a text is read with. Cheap signals only: Cyrillic is Serbian, č/ć/š/ž/đ lean
 * Serbian and ë/ç Albanian, then frequent function words that the three languages do not share
 * ("je", "su", "nije" / "të", "dhe", "nuk" / "the", "of", "was"). Returns undefined when nothing
 * decides, so the caller can fall back on the article's language.
 */
const CYRILLIC = /[\u0400-\u04FF]/;
const SERBIAN_LETTERS = /[čćšžđČĆŠŽĐ]/g;
const ALBANIAN_LETTERS = /[ëçËÇ]/g;
const TOKEN = /[\p{L}']+/gu;

const WORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set("the of and to is was were has have had with that by from said will would their this are been".split(" ")),
  sr: new Set(
    "je su da od za sa koji koja koje nije nisu sto što ali iz kao bio bila bilo biti će ce posle nakon prema njihov ovaj taj kako takodje takođe jos još zbog".split(
      " ",
    ),
  ),
  sq: new Set(
    "të dhe për që nga është nuk ka kanë ishte por këtë këto janë edhe sipas ky kjo se tij saj tyre një si".split(" "),
  ),
};
// Albanian words written without diacritics, as many sites do.
const ALBANIAN_PLAIN = new Set("te dhe per qe nga eshte nuk kane ishte kete keto jane edhe sipas nje".split(" "));

export function detectLang(text: string): Lang | undefined {
  if (CYRILLIC.test(text)) return "sr";
  const score: Record<Lang, number> = {
    en: 0,
    sr: (text.match(SERBIAN_LETTERS)?.length ?? 0) * 0.5,
    sq: (text.match(ALBANIAN_LETTERS)?.length ?? 0) * 0.5,
  };
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].toLowerCase();
    if (WORDS.en.has(word)) score.en++;
    if (WORDS.sr.has(word)) score.sr++;
    if (WORDS.sq.has(word) || ALBANIAN_PLAIN.has(word)) score.sq++;
  }
  let best: Lang | undefined;
  let top = 0;
  for (const lang of ["en", "sr", "sq"] as const) {
    if (score[lang] > top) {
      best = lang;
      top = score[lang];
    }
  }
  return best;
}
