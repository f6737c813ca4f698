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
