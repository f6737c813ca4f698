import { describe, expect, it } from "vitest";
import { readModality } from "./index.ts";

const read = (sentence: string, trigger: string) => {
  const start = sentence.indexOf(trigger);
  return readModality(sentence, start, start + trigger.length).modality;
};

describe("readModality", () => {
  it("is asserted without cues", () => {
    expect(read("Police arrested three men.", "arrested")).toBe("asserted");
  });

  it("lets negation win over intent", () => {
    expect(read("Belgrade will not deploy troops.", "deploy")).toBe("negated");
  });

  it("keeps a short-reach cue to its own verb phrase", () => {
    const sentence = "The talks failed to make any headway during EU-sponsored negotiations.";
    expect(read(sentence, "negotiations")).toBe("asserted");
    expect(read("The sides failed to reach agreement.", "agreement")).toBe("negated");
  });

  it("reads a denial after the trigger", () => {
    expect(read("Any deployment has not been confirmed by officials.", "deployment")).toBe("negated");
  });

  it("does not carry a cue across a clause break", () => {
    expect(read("Officials feared unrest, but police arrested the suspects.", "arrested")).toBe("asserted");
  });

  it("treats the month May as no cue", () => {
    expect(read("In May police arrested the suspects.", "arrested")).toBe("asserted");
    expect(read("Police may arrest the suspects.", "arrest")).toBe("speculative");
  });
});
