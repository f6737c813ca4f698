import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForSearch } from "./index.ts";
import { foldWithOffsets, originalSpan } from "./offsets.ts";

const spanOf = (input: string, needle: string) => {
  const text = foldWithOffsets(input);
  const at = text.folded.indexOf(needle);
  const { start, end } = originalSpan(text, at, at + needle.length);
  return input.slice(start, end);
};

describe("foldWithOffsets", () => {
  it("gives the same key as foldForSearch", () => {
    expect(foldWithOffsets("Љубовија, Đinđić и Mitrovicë").folded).toBe(foldForSearch("Љубовија, Đinđić и Mitrovicë"));
  });

  it("maps a match in folded Cyrillic back onto the original letters", () => {
    expect(spanOf("Полиција је ухапсила људе у Звечану.", "uhapsila")).toBe("ухапсила");
    expect(spanOf("Полиција је ухапсила људе у Звечану.", "ljude")).toBe("људе");
  });

  it("maps spans across letters that fold longer (đ → dj) and decomposed accents", () => {
    expect(spanOf("Sukobi u Medveđi i Zvec\u030Canu", "medvedji")).toBe("Medveđi");
    expect(spanOf("Sukobi u Medveđi i Zvec\u030Canu", "zvecanu")).toBe("Zvec\u030Canu");
  });

  it("keeps every offset inside the input for any Serbian or Albanian text", () => {
    const letters = fc.constantFrom(..."abcčćđšžëçљњђџшЖЂ ÇËe\u030C.".split(""));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 40 }), (chars) => {
        const input = chars.join("");
        const text = foldWithOffsets(input);
        expect(text.folded).toBe(foldForSearch(input));
        expect(text.offsets).toHaveLength(text.folded.length + 1);
        for (const o of text.offsets) expect(o >= 0 && o <= input.length).toBe(true);
      }),
    );
  });
});
