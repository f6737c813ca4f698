import { type Fingerprint, fingerprint, hammingDistance } from "../fingerprint/index.ts";

/**
 * Thresholds, calibrated on fixtures/wire (scripts/score-fixtures.ts prints the numbers): an outlet
 * copy with a new lead, an added sentence and boilerplate estimates at Jaccard 0.71; independent
 * rewrites of one event at 0.00–0.01 (the wire rewrite, seeds 000/001). 0.45 sits far from both and
 * leaves room for the MinHash estimate's ±0.044 standard error and for heavier edits.
 */
export const DUPLICATE_JACCARD = 0.45;
/** A copy cut short (four of nine paragraphs: Jaccard 0.40) is still 90 % contained in the original. */
export const DUPLICATE_CONTAINMENT = 0.8;
/** Below this size ratio the containment estimate from Jaccard is too noisy to trust. */
export const MIN_SIZE_RATIO = 0.3;
/** SimHash bits apart for "the same text, re-flowed": 3 of 64, as in Manku et al. (2007). */
export const DUPLICATE_HAMMING = 3;

export type NearDuplicate = {
  duplicate: boolean;
  /** Estimated Jaccard similarity of the two texts' word 4-shingle sets, 0…1, symmetric. */
  similarity: number;
  /** Estimated share of the smaller text's shingles that the larger one contains, 0…1. */
  containment: number;
  /** SimHash Hamming distance, 0…64. */
  hamming: number;
};

/** Fraction of MinHash slots that agree: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** Whether two texts (or their fingerprints) are copies of one story, and how close they are. */
export function nearDuplicate(a: Fingerprint | string, b: Fingerprint | string): NearDuplicate {
  const fa = typeof a === "string" ? fingerprint(a) : a;
  const fb = typeof b === "string" ? fingerprint(b) : b;
  const similarity = estimateJaccard(fa.minhash, fb.minhash);
  const hamming = hammingDistance(fa.simhash, fb.simhash);
  const small = Math.min(fa.shingles, fb.shingles);
  const large = Math.max(fa.shingles, fb.shingles);
  // |A∩B| = J/(1+J)·(|A|+|B|) follows from J = |A∩B| / (|A|+|B|-|A∩B|).
  const containment =
    small === 0 ? similarity : Math.min(1, ((similarity / (1 + similarity)) * (small + large)) / small);
  const duplicate =
    similarity >= DUPLICATE_JACCARD ||
    (small > 0 && small / large >= MIN_SIZE_RATIO && containment >= DUPLICATE_CONTAINMENT) ||
    (small > 0 && hamming <= DUPLICATE_HAMMING);
  return { duplicate, similarity, containment, hamming };
}
