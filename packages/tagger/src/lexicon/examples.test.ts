import { isClaim } from "@seismo/core";
import { describe, expect, it } from "vitest";
import { LANGS } from "../data/index.ts";
import { tagSentence } from "../tag/index.ts";
import { LEXICONS } from "./index.ts";

// Every lexicon entry carries the sentences it was written for: they must produce its type as a
// claim (asserted or intent), and its counterexamples must not.
const cases = LANGS.flatMap((lang) =>
  LEXICONS[lang].flatMap((lexicon) =>
    lexicon.triggers.map((trigger) => ({
      lang,
      type: lexicon.type,
      trigger,
      name: `${lang}/${lexicon.type}/${trigger.id}`,
    })),
  ),
);

describe("lexicon entries", () => {
  it("has entries in every language for every type", () => {
    for (const lang of LANGS) expect(new Set(LEXICONS[lang].map((l) => l.type)).size).toBe(9);
  });

  it.each(cases)("$name fires on its own examples", ({ type, trigger }) => {
    for (const example of trigger.examples) {
      const claimed = tagSentence(example).filter((i) => isClaim(i) && i.type === type);
      expect(claimed, example).not.toEqual([]);
    }
  });

  it.each(cases.filter((c) => c.trigger.counterexamples.length > 0))(
    "$name does not claim its counterexamples",
    ({ type, trigger }) => {
      for (const example of trigger.counterexamples) {
        const claimed = tagSentence(example).filter((i) => isClaim(i) && i.type === type);
        expect(claimed, example).toEqual([]);
      }
    },
  );
});
