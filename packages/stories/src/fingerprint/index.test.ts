import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureText } from "../testing/fixtures.ts";
import {
  EMPTY_SLOT,
  FingerprintSchema,
  fingerprint,
  hammingDistance,
  lshKeys,
  PERMUTATIONS,
  shingleHashes,
} from "./index.ts";

describe("fingerprint", () => {
  it("never throws and always returns a well-formed fingerprint", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(FingerprintSchema.safeParse(fingerprint(s)).success).toBe(true);
      }),
    );
  });

  it("is deterministic", () => {
    const text = fixtureText("000_ac4e6216a4040cd0.txt");
    expect(fingerprint(text)).toEqual(fingerprint(text));
  });

  it("gives a text without words the empty fingerprint", () => {
    const f = fingerprint(" — ?! ");
    expect(f.shingles).toBe(0);
    expect(f.simhash).toBe("0000000000000000");
    expect(f.minhash).toEqual(new Array(PERMUTATIONS).fill(EMPTY_SLOT));
  });

  it("ignores case, spacing, punctuation and script", () => {
    expect(fingerprint("Police entered ZVEČAN on Friday.")).toEqual(fingerprint("police  entered Звечан, on friday"));
  });

  it("treats a text shorter than one shingle as a single shingle", () => {
    expect(shingleHashes("Kosovo police").length).toBe(1);
    expect(shingleHashes("one two three four five").length).toBe(2);
  });

  it("counts a repeated phrase once", () => {
    expect(shingleHashes("a b c d a b c d").length).toBe(4);
  });
});

describe("hammingDistance", () => {
  it("counts differing bits across both halves", () => {
    expect(hammingDistance("0000000000000000", "ffffffffffffffff")).toBe(64);
    expect(hammingDistance("8000000000000001", "0000000000000000")).toBe(2);
    expect(hammingDistance("0123456789abcdef", "0123456789abcdef")).toBe(0);
  });
});

describe("lshKeys", () => {
  it("gives 32 band keys and shares them between copies, not between unrelated texts", () => {
    const a = lshKeys(fingerprint(fixtureText("wire/original.txt")).minhash);
    const copy = lshKeys(fingerprint(fixtureText("wire/outlet-copy.txt")).minhash);
    const other = lshKeys(fingerprint(fixtureText("negatives/economy.txt")).minhash);
    expect(a).toHaveLength(32);
    expect(a.filter((k) => copy.includes(k)).length).toBeGreaterThan(3);
    expect(a.filter((k) => other.includes(k))).toEqual([]);
  });
});
