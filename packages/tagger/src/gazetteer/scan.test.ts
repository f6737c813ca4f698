import { foldForSearch } from "@seismo/text";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTORS } from "./actors.ts";
import { PLACES } from "./places.ts";
import { type NameMatch, NameScanner } from "./scan.ts";

const ENDINGS = "a|e|i|o|u|om|em|oj|ama|ima|ovi|ove|es|en|it|in|ja|ju|je|jem|ija|iju|ijem|se|ne|ve|ut|un|ri|rit";
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// What the gazetteer pattern itself finds, to compare the scan with.
function byRegex(re: RegExp, text: string): NameMatch[] {
  const out: NameMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ base: m[1] ?? "", ending: m[2], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function byScan(scanner: NameScanner, text: string): NameMatch[] {
  const out: NameMatch[] = [];
  for (let m = scanner.exec(text, 0); m !== undefined; m = scanner.exec(text, m.end)) out.push(m);
  return out;
}

describe("NameScanner", () => {
  // The gazetteer's folded variants and their stems, as compileNames builds its bases.
  const variants = [...new Set([...ACTORS, ...PLACES].flatMap((e) => e.variants.map(foldForSearch)))];
  const bases = [...new Set([...variants, ...variants.map((v) => v.slice(0, -1)).filter((v) => v.length > 2)])];
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(${[...bases]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join("|")})(${ENDINGS})?(?![\\p{L}\\p{N}])`,
    "gu",
  );
  const scanner = new NameScanner(bases, ENDINGS.split("|"));

  it("finds a case-inflected name and skips one inside a word", () => {
    expect(byScan(scanner, "u zvecanu i xzvecan")).toEqual(byRegex(re, "u zvecanu i xzvecan"));
    expect(byScan(scanner, "u zvecanu").length).toBe(1);
  });

  it("matches exactly what the gazetteer pattern matches, for any text", () => {
    const pieces = fc.oneof(
      fc.constantFrom(...variants),
      fc.constantFrom(...ENDINGS.split("|"), "x", "2", "-", " ", ".", "'", "\n", "č", "é", "ж", "ß", "Kosovo"),
      fc.constantFrom("\u{1D400}", "\u{1F600}", "\uD800", "\uDC00", "\u0301"),
    );
    const text = fc.array(pieces, { maxLength: 24 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(byScan(scanner, t)).toEqual(byRegex(re, t));
      }),
      { numRuns: 1000 },
    );
  });
});
