import { createHash } from "node:crypto";
import { foldForSearch } from "@seismo/text";

// Letters and digits in any script; folding has already turned Cyrillic and diacritics into ASCII.
const WORD = /[\p{L}\p{N}]+/gu;

/** Folded words of a text, in order: "Zvečan", "ZVECAN" and "Звечан" all give "zvecan". */
export function words(text: string): string[] {
  return foldForSearch(text).match(WORD) ?? [];
}

/** The text every hash sees: folded (case, Cyrillic, diacritics) and whitespace collapsed. */
export function normalizeForHash(text: string): string {
  return foldForSearch(text).replace(/\s+/gu, " ").trim();
}

/** sha256 (hex) of the normalised text: equal for copies that differ only in case, script or spacing. */
export function contentHash(text: string): string {
  return createHash("sha256").update(normalizeForHash(text), "utf8").digest("hex");
}

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser so that similar words spread apart. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3 fmix32: a bijection on 32-bit integers with full avalanche. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
