import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText, simplifyPunctuation } from "./index.ts";

describe("normalizeText", () => {
  it("composes decomposed letters (NFC)", () => {
    expect(normalizeText("Zvec\u030Can")).toBe("Zvečan");
  });

  it("collapses runs of spaces, tabs and no-break spaces into one space", () => {
    expect(normalizeText("Kosovo \t\u00A0 police")).toBe("Kosovo police");
  });

  it("keeps paragraph breaks but no more than one blank line", () => {
    expect(normalizeText("One.\r\n\r\n\r\n\r\nTwo.  \nThree.")).toBe("One.\n\nTwo.\nThree.");
  });

  it("keeps curly quotes and maps their variants onto one pair", () => {
    expect(normalizeText("``brutal'' and „excessive‟ and “force”")).toBe("“brutal” and “excessive“ and “force”");
  });

  it("drops zero-width characters and soft hyphens", () => {
    expect(normalizeText("Mitro\u00ADvica\u200B")).toBe("Mitrovica");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
    );
  });
});

describe("simplifyPunctuation", () => {
  it("maps curly quotes to ASCII without changing the length", () => {
    const input = "Serbia’s “brutal” move — again";
    const out = simplifyPunctuation(input);
    expect(out).toBe('Serbia\'s "brutal" move - again');
    expect(out.length).toBe(input.length);
  });

  it("never changes the length of any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => simplifyPunctuation(s).length === s.length));
  });
});

describe("simplifyPunctuation's short cut for plain ASCII", () => {
  const full = (input: string) =>
    input
      .replace(/[‘’‚‛′`]/g, "'")
      .replace(/[“”„‟″]/g, '"')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, " ")
      .replace(/[\u2010-\u2015\u2212]/g, "-");

  it("gives what the full set of replacements gives", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.array(fc.constantFrom(..."ab `\t'’“\u00A0\u2013-".split("")), { maxLength: 30 }).map((c) => c.join("")),
    );
    fc.assert(
      fc.property(text, (input) => {
        expect(simplifyPunctuation(input)).toBe(full(input));
      }),
    );
  });
});
