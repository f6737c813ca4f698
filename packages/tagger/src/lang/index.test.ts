import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lang } from "../data/index.ts";
import { detectLang } from "./index.ts";

// The regex-based reading detectLang replaced with one pass: the two must agree on any text.
const WORDS: Record<Lang, Set<string>> = {
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
const PLAIN = new Set("te dhe per qe nga eshte nuk kane ishte kete keto jane edhe sipas nje".split(" "));

function reference(input: string): Lang | undefined {
  const text = input.length > 1500 ? input.slice(0, 1500) : input;
  const cyrillic = text.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  if (cyrillic > 0 && cyrillic >= (text.match(/[a-zA-Z]/g)?.length ?? 0)) return "sr";
  const score: Record<Lang, number> = {
    en: 0,
    sr: (text.match(/[čćšžđČĆŠŽĐ]/g)?.length ?? 0) * 0.3,
    sq: (text.match(/[ëçËÇ]/g)?.length ?? 0) * 0.3,
  };
  for (const m of text.matchAll(/[\p{L}']+/gu)) {
    const word = m[0].toLowerCase();
    if (WORDS.en.has(word)) score.en++;
    if (WORDS.sr.has(word)) score.sr++;
    if (WORDS.sq.has(word) || PLAIN.has(word)) score.sq++;
  }
  let best: Lang | undefined;
  let top = 0.99;
  for (const lang of ["en", "sr", "sq"] as const) {
    if (score[lang] > top) {
      best = lang;
      top = score[lang];
    }
  }
  return best;
}

describe("detectLang", () => {
  it("tells the three languages apart", () => {
    expect(detectLang("The police said that the men were arrested.")).toBe("en");
    expect(detectLang("Policija je uhapsila dvojicu, što nije prvi put.")).toBe("sr");
    expect(detectLang("Policia nuk arrestoi askënd në veri të Kosovës.")).toBe("sq");
    expect(detectLang("Полиција је ухапсила двојицу.")).toBe("sr");
  });

  it("reads any text as the regex-based reading did", () => {
    const words = [...WORDS.en, ...WORDS.sr, ...WORDS.sq, ...PLAIN].flatMap((w) => [w, w.toUpperCase()]);
    const pieces = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(
        " ",
        "'",
        "’",
        ".",
        "\n",
        "x",
        "Ж",
        "ж",
        "č",
        "Ë",
        "İ",
        "\u{1D400}",
        "\uD800",
        "\uDC00",
        "é",
        "2",
      ),
    );
    const text = fc.oneof(
      fc.array(pieces, { maxLength: 40 }).map((p) => p.join("")),
      fc.string({ unit: "binary", maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(detectLang(t)).toBe(reference(t));
      }),
      { numRuns: 1000 },
    );
  });
});
