import { z } from "zod";
import { mix32, wordHashes } from "../tokens/index.ts";

/** Words per shingle: long enough that rewrites share few shingles, short enough that one edit costs few. */
export const SHINGLE_SIZE = 4;
/** MinHash permutations: standard error of the Jaccard estimate is about 0.5/√128 ≈ 0.044. */
export const PERMUTATIONS = 128;
/** The value every slot of an empty text's MinHash holds: the largest signed 32-bit integer. */
export const EMPTY_SLOT = 0x7fffffff;

export const FingerprintSchema = z.object({
  /** 64-bit SimHash over the shingles, 16 lower-case hex digits. */
  simhash: z.string().regex(/^[0-9a-f]{16}$/),
  /** PERMUTATIONS signed 32-bit minima (fit a PostgreSQL integer[]), one per hash function. */
  minhash: z.array(z.number().int().min(-0x80000000).max(EMPTY_SLOT)).length(PERMUTATIONS),
  /** Distinct shingles in the text; lets nearDuplicate estimate containment as well as Jaccard. */
  shingles: z.number().int().min(0),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

// Fixed seeds so that fingerprints stored today compare with fingerprints computed next year.
const SEEDS = (() => {
  const seeds = new Int32Array(PERMUTATIONS);
  let s = 0x9e3779b9;
  for (let i = 0; i < PERMUTATIONS; i++) {
    s = mix32(s + 0x6d2b79f5);
    seeds[i] = s;
  }
  return seeds;
})();

/** Distinct hashes of the word k-shingles of a text (a text shorter than k words is one shingle). */
export function shingleHashes(text: string, k = SHINGLE_SIZE): Int32Array {
  const th = wordHashes(text);
  if (th.length === 0) return new Int32Array(0);
  const n = Math.max(1, th.length - k + 1);
  const width = Math.min(k, th.length);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x2545f491;
    for (let j = 0; j < width; j++) h = mix32(Math.imul(h, 31) + (th[i + j] as number));
    out[i] = h;
  }
  out.sort();
  // Drop repeats in place: a phrase used twice should not weigh twice.
  let m = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[m++] = out[i] as number;
  return out.subarray(0, m);
}

function minhashOf(shingles: Int32Array): number[] {
  // Locals, not module constants: V8 re-checks a module-level const for the TDZ on every access,
  // which more than doubles the cost of this loop.
  const seeds = SEEDS;
  const k = seeds.length;
  const mins = new Int32Array(k).fill(0x7fffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < k; i++) {
      // x is already well mixed, so one multiply-xorshift round per permutation is enough.
      let v = Math.imul(x ^ (seeds[i] as number), 0x9e3779b1);
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      if (v < (mins[i] as number)) mins[i] = v;
    }
  }
  return Array.from(mins);
}

function simhashOf(shingles: Int32Array): string {
  const acc = new Int32Array(64);
  for (let s = 0; s < shingles.length; s++) {
    const lo = shingles[s] as number;
    const hi = mix32(lo ^ 0x5bd1e995);
    // Branch-free: the bits are random, so an if here mispredicts half the time and triples the cost.
    for (let b = 0; b < 32; b++) {
      acc[b] = (acc[b] as number) + ((lo >>> b) & 1) * 2 - 1;
      acc[b + 32] = (acc[b + 32] as number) + ((hi >>> b) & 1) * 2 - 1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if ((acc[b] as number) > 0) lo |= 1 << b;
    if ((acc[b + 32] as number) > 0) hi |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

/** SimHash and MinHash of a text's folded word shingles. Never throws; "" gives the empty fingerprint. */
export function fingerprint(text: string): Fingerprint {
  const shingles = shingleHashes(text);
  return { simhash: simhashOf(shingles), minhash: minhashOf(shingles), shingles: shingles.length };
}

/** Bits that differ between two 64-bit SimHash hex strings (0…64). */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}

/**
 * Locality-sensitive bucket keys for a MinHash: texts that share any key are near-duplicate
 * candidates. With 32 bands of 4 rows, a pair at Jaccard 0.5 shares a key 87 % of the time,
 * at 0.7 over 99.9 %, at 0.2 5 %. Store the keys in an indexed column to find candidates in SQL.
 */
export function lshKeys(minhash: readonly number[], bands = 32): string[] {
  const rows = Math.floor(minhash.length / bands);
  const keys: string[] = [];
  for (let b = 0; b < bands && rows > 0; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = mix32(Math.imul(h, 31) + (minhash[b * rows + r] ?? 0));
    keys.push(`${b.toString(36)}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}
