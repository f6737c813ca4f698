import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentHash, hashString, normalizeForHash, words } from "./index.ts";

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
  it("is an unsigned 32-bit integer and depends on the seed", () => {
    const h = hashString("kosovo");
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThan(2 ** 32);
    expect(hashString("kosovo", 7)).not.toBe(h);
  });
});
