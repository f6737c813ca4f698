import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSentences } from "./index.ts";

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe("splitSentences", () => {
  it("splits on full stops, question and exclamation marks", () => {
    expect(texts("Police moved in. Was anyone hurt? Nobody!")).toEqual([
      "Police moved in.",
      "Was anyone hurt?",
      "Nobody!",
    ]);
  });

  it("gives offsets that slice back to each sentence", () => {
    const input = "  First one.   Second one.\n\nThird";
    for (const s of splitSentences(input)) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(texts(input)).toEqual(["First one.", "Second one.", "Third"]);
  });

  it("does not split after titles and ranks", () => {
    expect(texts("Mr. Kurti met Dr. Smith and Gen. Milley. They spoke.")).toEqual([
      "Mr. Kurti met Dr. Smith and Gen. Milley.",
      "They spoke.",
    ]);
  });

  it("does not split after initials", () => {
    expect(texts("President F.W. de Klerk met John F. Kennedy Jr. in 1990.")).toHaveLength(1);
  });

  it("keeps U.S. and U.N. inside a sentence but ends one before a typical opener", () => {
    expect(texts("The U.S. Embassy and the U.N. Security Council agreed.")).toHaveLength(1);
    expect(texts("Troops came from the U.S. The move angered Moscow.")).toEqual([
      "Troops came from the U.S.",
      "The move angered Moscow.",
    ]);
  });

  it("keeps dates with abbreviated months together", () => {
    expect(texts("On Sept. 29 police raided homes. On Oct. 2 they left.")).toEqual([
      "On Sept. 29 police raided homes.",
      "On Oct. 2 they left.",
    ]);
  });

  it("does not split decimals", () => {
    expect(texts("Growth was 3.5 percent. Inflation fell.")).toEqual(["Growth was 3.5 percent.", "Inflation fell."]);
  });

  it("keeps a closing quote with its sentence", () => {
    expect(texts("He said: “We will not retreat.” Police then left.")).toEqual([
      "He said: “We will not retreat.”",
      "Police then left.",
    ]);
  });

  it("does not split a quoted question followed by its reporting clause", () => {
    expect(texts("“Why now?” she asked. Nobody answered.")).toEqual(["“Why now?” she asked.", "Nobody answered."]);
  });

  it("treats a line break as a sentence boundary", () => {
    expect(texts("Kosovo police raid homes\nThree people were detained.")).toEqual([
      "Kosovo police raid homes",
      "Three people were detained.",
    ]);
  });

  it("never throws and returns ordered, non-overlapping spans inside the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (input) => {
        let previousEnd = 0;
        for (const s of splitSentences(input)) {
          if (s.start < previousEnd || s.end <= s.start || s.end > input.length) return false;
          if (input.slice(s.start, s.end) !== s.text) return false;
          previousEnd = s.end;
        }
        return true;
      }),
    );
  });

  it("covers every non-space character of the input", () => {
    const words = fc.constantFrom("Mr.", "U.S.", "police", "Kosovo.", "3.5", "“Stop.”", "\n", "?", "Gen.", "a", "The");
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }), (parts) => {
        const input = parts.join(" ");
        const covered = splitSentences(input)
          .map((s) => s.text)
          .join("");
        return covered.replace(/\s/g, "") === input.replace(/\s/g, "");
      }),
    );
  });

  it("splits Serbian Latin and Cyrillic news, keeping dates and abbreviations", () => {
    expect(texts("Policija je 24. septembra uhapsila dvojicu u tzv. severnom delu. Sukobi su nastavljeni.")).toEqual([
      "Policija je 24. septembra uhapsila dvojicu u tzv. severnom delu.",
      "Sukobi su nastavljeni.",
    ]);
    expect(texts("„Nećemo se povući.“ Vučić je to rekao u Beogradu. Да ли је неко повређен? Није.")).toEqual([
      "„Nećemo se povući.“",
      "Vučić je to rekao u Beogradu.",
      "Да ли је неко повређен?",
      "Није.",
    ]);
    expect(texts("Разговарао је др. Петровић. Састанак је завршен.")).toHaveLength(2);
  });

  it("splits Albanian news", () => {
    expect(texts("Policia arrestoi dy persona në Zveçan. Znj. Osmani e dënoi sulmin! A do të ketë bisedime?")).toEqual([
      "Policia arrestoi dy persona në Zveçan.",
      "Znj. Osmani e dënoi sulmin!",
      "A do të ketë bisedime?",
    ]);
  });
});
