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

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(String.fromCodePoint(code));
}

/**
 * hashString of each word that words(text) returns, without building the strings: a hand-rolled
 * scanner is four times faster than the Unicode-property regex, and tokenising dominates fingerprint().
 */
export function wordHashes(text: string): Int32Array {
  const s = foldForSearch(text);
  let out: Int32Array = new Int32Array(Math.max(16, s.length >> 2));
  let n = 0;
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.codePointAt(i) as number;
    const units = code > 0xffff ? 2 : 1;
    if (isWordChar(code)) {
      for (let u = 0; u < units; u++) h = Math.imul(h ^ s.charCodeAt(i + u), FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      if (n === out.length) out = grow(out);
      out[n++] = mix32(h);
      h = FNV_OFFSET;
      inWord = false;
    }
    i += units - 1;
  }
  if (inWord) {
    if (n === out.length) out = grow(out);
    out[n++] = mix32(h);
  }
  return out.subarray(0, n);
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** sha256 (hex) of the normalised text: equal for copies that differ only in case, script or spacing. */
export function contentHash(text: string): string {
  return createHash("sha256").update(normalizeForHash(text), "utf8").digest("hex");
}

/**
 * FNV-1a over UTF-16 code units, then a murmur3 finaliser so that similar words spread apart.
 * Signed 32-bit, like every hash here: V8 keeps those as small integers, unsigned ones above 2³¹
 * become heap doubles and make the MinHash loop several times slower.
 */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return mix32(h);
}

/** murmur3 fmix32: a bijection on 32-bit integers with full avalanche. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
