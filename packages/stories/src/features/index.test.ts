import { SeismoError } from "@seismo/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cosine, foldNames, stem, storyFeatures, termVector } from "./index.ts";

describe("stem", () => {
  it("meets English plurals and South Slavic case endings at five letters", () => {
    expect(stem("serbs")).toBe(stem("serb"));
    expect(stem("kosovu")).toBe(stem("kosovo"));
    expect(stem("clashes")).toBe(stem("clash"));
  });

  it("keeps more letters after a prefix shared by unrelated words", () => {
    expect(stem("international")).not.toBe(stem("interior"));
  });
});

describe("termVector", () => {
  it("has unit length, drops stop words and numbers, and boosts names and title words", () => {
    const v = termVector(
      "Kurti visits Mitrovica",
      "The police said on Monday that 300 police officers were in Mitrovica.",
    );
    const norm = Math.sqrt(Object.values(v).reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 10);
    expect(Object.keys(v)).not.toContain("the");
    expect(Object.keys(v)).not.toContain("300");
    expect(Object.keys(v)).not.toContain("monda");
    expect(v.mitro).toBeGreaterThan(v.offic ?? 0);
  });

  it("gives the same vector for Latin and Cyrillic spellings", () => {
    expect(termVector("", "Policija u Zvečanu i Leposaviću")).toEqual(
      termVector("", "Полиција у Звечану и Лепосавићу"),
    );
  });

  it("never throws and stays within [0, 1]", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const c = cosine(termVector("", a), termVector("", b));
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("storyFeatures", () => {
  it("folds and de-duplicates place and actor names", () => {
    expect(foldNames(["Zvečan", "Звечан", " Zubin  Potok "])).toEqual(["zubin potok", "zvecan"]);
    const f = storyFeatures({ text: "x", publishedAt: "2023-09-30T08:00:00Z", places: ["Лепосавић"] });
    expect(f.places).toEqual(["leposavic"]);
    expect(f.actors).toEqual([]);
    expect(f.publishedAt).toBe(Date.UTC(2023, 8, 30, 8));
  });

  it("rejects an unreadable date with a typed error", () => {
    expect(() => storyFeatures({ text: "x", publishedAt: "yesterday-ish" })).toThrow(SeismoError);
  });
});
