import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOMAINS, LANGS, LEXICONS } from "../index.ts";
import { CUES } from "../modality/cues.ts";
import { AnchorIndex, AnchorScanner, anchorsOf } from "./index.ts";

describe("anchorsOf", () => {
  it("reads the literal every match holds", () => {
    expect(anchorsOf("\\bagree(?:d|s|ing)?\\b", "gi")).toEqual(["agree"]);
    expect(anchorsOf("\\bopen(?:ed|s|ing)? fire\\b", "gi")).toEqual([
      "open fire",
      "opens fire",
      "opened fire",
      "opening fire",
    ]);
    expect(anchorsOf("\\b(?:talks|negotiations)\\b", "gi")).toEqual(["talks", "negotiations"]);
  });

  it("lower-cases ASCII letters and keeps small classes", () => {
    expect(anchorsOf("Mobili[sz]e", "g")).toEqual(["mobilise", "mobilize"]);
  });

  it("gives up on what it cannot read, so the pattern always runs", () => {
    expect(anchorsOf("\\w+", "gi")).toBeUndefined();
    expect(anchorsOf("(a)\\1", "g")).toBeUndefined();
    expect(anchorsOf("š", "gi")).toBeUndefined();
    expect(anchorsOf("šta", "gi")).toEqual(["ta"]);
    expect(anchorsOf("police|\\d+", "gi")).toBeUndefined();
    expect(anchorsOf("kosovo", "giu")).toBeUndefined();
  });
});

describe("AnchorScanner", () => {
  it("finds anchors in any ASCII case and counts where they end", () => {
    const scanner = new AnchorScanner([["clash"], ["he", "she"], ["xyz"]]);
    scanner.scan("She said CLASHES broke out.");
    expect([0, 1, 2].map((r) => scanner.has(r))).toEqual([true, true, false]);
    expect([...scanner.count("he, she and he")]).toEqual([0, 3, 0]);
  });
});

// Every pattern the tagger prefilters must be a candidate wherever it matches.
const PATTERNS: RegExp[] = [
  ...LANGS.flatMap((lang) => LEXICONS[lang].flatMap((l) => l.triggers.map((t) => t.re))),
  ...LANGS.flatMap((lang) => [...CUES[lang].left, ...CUES[lang].right, ...CUES[lang].self].map((c) => c.re)),
  ...DOMAINS.map((d) => d.vocab),
];
const INDEX = new AnchorIndex(PATTERNS);
const matches = (re: RegExp, text: string) => new RegExp(re.source, re.flags.replace(/[gy]/g, "")).test(text);
const EXAMPLES = LANGS.flatMap((lang) =>
  LEXICONS[lang].flatMap((l) => l.triggers.flatMap((t) => [...t.examples, ...t.counterexamples])),
);

function missed(text: string): string[] {
  INDEX.scan(text);
  return PATTERNS.filter((re, i) => !INDEX.candidate(i) && matches(re, text)).map((re) => re.source);
}

describe("AnchorIndex over the tagger's patterns", () => {
  it("never rules out a pattern that matches a lexicon example, as written or lower-cased", () => {
    for (const example of EXAMPLES) {
      expect(missed(example), example).toEqual([]);
      expect(missed(example.toLowerCase()), example).toEqual([]);
    }
  });

  it("never rules out a pattern that matches text made of example words", () => {
    const words = [...new Set(EXAMPLES.flatMap((e) => e.split(/\s+/)))];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(" ", "-", "'", ",", "\n", "É", "İ")), {
        maxLength: 30,
      })
      .map((w) => w.join(" "));
    fc.assert(fc.property(text, (t) => missed(t).length === 0 && missed(t.toUpperCase()).length === 0));
  });
});
