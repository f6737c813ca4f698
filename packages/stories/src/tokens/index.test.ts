import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentHash, hashString, normalizeForHash, wordHashes, words } from "./index.ts";

describe("words", () => {
  it("folds Latin, diacritics and Cyrillic to the same words", () => {
    expect(words("Zvečan, ZVECAN i Звечан!")).toEqual(["zvecan", "zvecan", "i", "zvecan"]);
  });

  it("returns nothing for text without letters or digits", () => {
    expect(words(" — !? ")).toEqual([]);
  });
});

describe("contentHash", () => {
  it("ignores case, script and spacing", () => {
    expect(contentHash("Police  in\nЗвечан")).toBe(contentHash("police in zvečan"));
    expect(normalizeForHash("  A \t B ")).toBe("a b");
  });

  it("differs when a word changes", () => {
    expect(contentHash("police in Zvecan")).not.toBe(contentHash("police in Zubin Potok"));
  });

  it("is a 64-character hex string for any input", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => /^[0-9a-f]{64}$/.test(contentHash(s))));
  });
});

describe("hashString", () => {
  it("is a signed 32-bit integer and depends on the seed", () => {
    const h = hashString("kosovo");
    expect(h | 0).toBe(h);
    expect(hashString("kosovo", 7)).not.toBe(h);
  });
});

describe("wordHashes", () => {
  it("hashes exactly the words that words() returns", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect([...wordHashes(s)]).toEqual(words(s).map((w) => hashString(w)));
      }),
    );
    const text = "Zvečan, 𝐀lbin — Звечан's 2023 déjà-vu";
    expect([...wordHashes(text)]).toEqual(words(text).map((w) => hashString(w)));
  });
});
