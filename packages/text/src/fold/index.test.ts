import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForSearch } from "./index.ts";

describe("foldForSearch", () => {
  it("folds Latin with and without diacritics and Cyrillic spellings of Zvečan together", () => {
    expect(foldForSearch("Zvečan")).toBe("zvecan");
    expect(foldForSearch("Zvecan")).toBe("zvecan");
    expect(foldForSearch("Звечан")).toBe("zvecan");
  });

  it("transliterates Serbian digraph letters", () => {
    expect(foldForSearch("Љубовија Његош Џеп")).toBe("ljubovija njegos dzep");
    expect(foldForSearch("Лепосавић")).toBe(foldForSearch("Leposavić"));
  });

  it("writes đ as dj, as the English-language press does", () => {
    expect(foldForSearch("Đinđić")).toBe("djindjic");
    expect(foldForSearch("Ђинђић")).toBe("djindjic");
  });

  it("folds Albanian letters", () => {
    expect(foldForSearch("Mitrovicë Zveçan Kosovë")).toBe("mitrovice zvecan kosove");
  });

  it("is idempotent and never throws", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => foldForSearch(foldForSearch(s)) === foldForSearch(s)));
  });
});

describe("foldForSearch's short cut for ASCII and punctuation", () => {
  // The whole pipeline, which the short cut must agree with.
  const full = (input: string) =>
    input
      .toLowerCase()
      .replace(/[\u0400-\u04FFđøłßæœıþð]/g, (ch) => foldForSearch(ch))
      .normalize("NFD")
      .replace(/[\u0300-\u036F]/g, "")
      .replace(/[‘’`´]/g, "'");

  it("gives the full pipeline's key", () => {
    const chars = fc.constantFrom(
      ..."aZ 9'`´’‘“”„«»–—…•′″£©®°€\u00A0\u2010\u2011\u2012\u2015\u00B7\tčĆđÉΣσ\u0301İж".split(""),
    );
    const text = fc.oneof(
      fc.array(chars, { maxLength: 40 }).map((c) => c.join("")),
      fc.string({ unit: "binary", maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (input) => {
        expect(foldForSearch(input)).toBe(full(input));
      }),
    );
  });
});
