import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../fingerprint/index.ts";
import { fixtureText } from "../testing/fixtures.ts";
import { DUPLICATE_JACCARD, estimateJaccard, nearDuplicate } from "./index.ts";

const original = fixtureText("wire/original.txt");

// Latin → Cyrillic for the test only, so one Serbian text exists in both scripts.
const CYR: [RegExp, string][] = [
  [/lj/g, "љ"],
  [/nj/g, "њ"],
  [/dž/g, "џ"],
  [/Lj/g, "Љ"],
  [/Nj/g, "Њ"],
  ...[..."abvgdđežzijklmnoprstćufhcčš"].map(
    (l, i) => [new RegExp(l, "g"), "абвгдђежзијклмнопрстћуфхцчш"[i] as string] as [RegExp, string],
  ),
  ...[..."ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ"].map(
    (l, i) => [new RegExp(l, "g"), "АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ"[i] as string] as [RegExp, string],
  ),
];
const toCyrillic = (s: string) => CYR.reduce((t, [re, c]) => t.replace(re, c), s);

describe("nearDuplicate", () => {
  it("flags an outlet copy with a new lead, an added sentence and boilerplate", () => {
    const r = nearDuplicate(original, fixtureText("wire/outlet-copy.txt"));
    expect(r.duplicate).toBe(true);
    expect(r.similarity).toBeGreaterThan(0.6);
  });

  it("flags a copy cut to its first four paragraphs by its containment", () => {
    const r = nearDuplicate(original, fixtureText("wire/truncated-copy.txt"));
    expect(r.duplicate).toBe(true);
    expect(r.similarity).toBeLessThan(DUPLICATE_JACCARD);
    expect(r.containment).toBeGreaterThan(0.85);
  });

  it("does not flag an independent rewrite of the same event", () => {
    const r = nearDuplicate(original, fixtureText("wire/rewrite.txt"));
    expect(r.duplicate).toBe(false);
    expect(r.similarity).toBeLessThan(0.05);
  });

  it("does not flag the two seed rewrites of the Kosovo clashes", () => {
    const r = nearDuplicate(fixtureText("000_ac4e6216a4040cd0.txt"), fixtureText("001_352917fae6b819a8.txt"));
    expect(r.duplicate).toBe(false);
    expect(r.similarity).toBeLessThan(0.05);
  });

  it("flags a Serbian text and its Cyrillic transliteration as identical", () => {
    const latin =
      "Kosovska policija je u petak ujutro ponovo izvela akciju na severu Kosova. Specijalne jedinice su pretresale " +
      "objekte u Zvečanu i Leposaviću, a Kancelarija za Kosovo i Metohiju osudila je akciju kao brutalnu demonstraciju sile.";
    const cyrillic = toCyrillic(latin);
    expect(cyrillic).toContain("Звечану");
    const r = nearDuplicate(latin, cyrillic);
    expect(r).toMatchObject({ duplicate: true, similarity: 1, hamming: 0 });
  });

  it("accepts precomputed fingerprints", () => {
    expect(nearDuplicate(fingerprint(original), original).similarity).toBe(1);
  });

  it("is symmetric and bounded for any pair of texts", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = nearDuplicate(a, b);
        const ba = nearDuplicate(b, a);
        expect(ab).toEqual(ba);
        for (const v of [ab.similarity, ab.containment]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("is symmetric on word-level edits of a real article", () => {
    const w = original.split(" ");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: w.length - 1 }), fc.integer({ min: 1, max: 80 }), (at, cut) => {
        const edited = [...w.slice(0, at), ...w.slice(at + cut)].join(" ");
        expect(nearDuplicate(original, edited).similarity).toBe(nearDuplicate(edited, original).similarity);
      }),
    );
  });

  it("calls identical text a duplicate", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => nearDuplicate(s, s).duplicate));
  });
});

describe("estimateJaccard", () => {
  it("tracks the true Jaccard of shingle sets within the estimator's error", () => {
    const words = original.split(/\s+/);
    const half = words.slice(0, Math.floor(words.length / 2)).join(" ");
    // |half| ≈ |original|/2 and half ⊂ original, so the true Jaccard is about 0.5.
    const j = estimateJaccard(fingerprint(original).minhash, fingerprint(half).minhash);
    expect(j).toBeGreaterThan(0.35);
    expect(j).toBeLessThan(0.65);
  });
});
