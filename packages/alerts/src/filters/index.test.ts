import { describe, expect, it } from "vitest";
import { RuleFiltersSchema } from "../rules/schema.ts";
import { claim } from "../testing/claims.ts";
import { matchesFilters, namesPlace, topEvidence } from "./index.ts";

const filters = (input: object = {}) => RuleFiltersSchema.parse(input);

describe("rule filters", () => {
  it("never lets a negated or speculative indicator through", () => {
    expect(matchesFilters(claim({ modality: "negated" }), filters())).toBe(false);
    expect(matchesFilters(claim({ modality: "speculative" }), filters())).toBe(false);
    expect(matchesFilters(claim({ modality: "asserted" }), filters())).toBe(true);
  });

  it("refuses a rule that asks for negated indicators", () => {
    expect(RuleFiltersSchema.safeParse({ modalities: ["negated"] }).success).toBe(false);
  });

  it("filters by type, confidence, language and source tag", () => {
    const c = claim({ type: "clash", confidence: 0.7, language: "sr-Latn", sourceTags: { country: "RS" } });
    expect(matchesFilters(c, filters({ types: ["clash"] }))).toBe(true);
    expect(matchesFilters(c, filters({ types: ["deployment"] }))).toBe(false);
    expect(matchesFilters(c, filters({ minConfidence: 0.8 }))).toBe(false);
    expect(matchesFilters(c, filters({ languages: ["sr"] }))).toBe(true);
    expect(matchesFilters(c, filters({ languages: ["en"] }))).toBe(false);
    expect(matchesFilters(c, filters({ sourceTags: { country: "rs" } }))).toBe(true);
    expect(matchesFilters(c, filters({ sourceTags: { country: "XK" } }))).toBe(false);
  });

  it("matches a place in any spelling, in the places or in the sentence", () => {
    expect(namesPlace({ places: ["Zvečan"], sentence: "x" }, ["Звечан"])).toBe(true);
    expect(namesPlace({ places: [], sentence: "Troops moved to Jarinje overnight." }, ["jarinje"])).toBe(true);
    expect(namesPlace({ places: [], sentence: "Troops moved to Jarinjevo." }, ["Jarinje"])).toBe(false);
    expect(namesPlace({ places: ["Belgrade"], sentence: "x" }, [])).toBe(true);
  });

  it("picks the strongest evidence, one per sentence", () => {
    const weak = claim({ sentence: "a", confidence: 0.5, intensity: 0.5 });
    const strong = claim({ sentence: "b", confidence: 0.9, intensity: 0.9 });
    const copy = claim({ sentence: "b", confidence: 0.9, intensity: 0.8 });
    expect(topEvidence([weak, copy, strong], 2).map((c) => c.sentence)).toEqual(["b", "a"]);
  });
});
