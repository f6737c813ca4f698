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
