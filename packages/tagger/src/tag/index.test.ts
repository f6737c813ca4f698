import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Indicator, IndicatorSchema, type IndicatorType, type Modality } from "@seismo/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tagSentence, tagText } from "./index.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../../fixtures", name), "utf8");
const SEED_000 = fixture("000_ac4e6216a4040cd0.txt");
const SEED_001 = fixture("001_352917fae6b819a8.txt");
const SEED_002 = fixture("002_8f9645f6ad54a012.txt");

const claims = (indicators: Indicator[]) =>
  indicators.filter((i) => i.modality === "asserted" || i.modality === "intent");
const find = (indicators: Indicator[], type: IndicatorType, modality?: Modality) =>
  indicators.find((i) => i.type === type && (modality === undefined || i.modality === modality));

describe("tagText on the seed reports", () => {
  it("tags seed 001 with asserted clash and deployment", () => {
    const indicators = tagText(SEED_001);
    expect(find(indicators, "clash", "asserted")).toBeDefined();
    expect(find(indicators, "deployment", "asserted")).toBeDefined();
  });

  it("does not count a negated deployment", () => {
    const sentence =
      "Despite the warning, no visible movement or increased presence of Serbian armed forces has been observed near the border.";
    const indicators = tagSentence(sentence);
    expect(claims(indicators).filter((i) => i.type === "deployment")).toEqual([]);
    expect(find(indicators, "deployment", "negated")).toBeDefined();
  });

  it("marks NATO's readiness to increase its force as deployment intent", () => {
    const indicators = tagSentence("NATO meanwhile said it was ready to increase its peacekeeping force in Kosovo.");
    const deployment = find(indicators, "deployment");
    expect(deployment?.modality).toBe("intent");
    expect(deployment?.actors).toContain("NATO");
    expect(deployment?.places).toContain("Kosovo");
  });

  it("reads Belgrade's reaction as condemnation", () => {
    expect(
      find(tagSentence("The move triggered immediate condemnation from Belgrade."), "condemnation", "asserted"),
    ).toBeDefined();
  });

  it("counts failed negotiations as talks that happened", () => {
    const indicators = tagSentence(
      "Sunday’s clashes came more than a week after the latest round of talks between Kosovo and Serbia leaders aimed at improving ties failed to make any headway during European Union-sponsored negotiations in Brussels.",
    );
    expect(find(indicators, "talks", "asserted")).toBeDefined();
    expect(find(indicators, "clash", "asserted")).toBeDefined();
  });

  it("reads a reversed commitment not to enter the north as deployment intent", () => {
    const indicators = tagSentence(
      "Kurti intends to reverse a previous commitment that the Kosovo Security Forces would not enter the area.",
    );
    expect(find(indicators, "deployment")?.modality).toBe("intent");
  });

  it("keeps what a named source reports as asserted", () => {
    const indicators = tagSentence(
      "Serbia had deployed sophisticated tanks and artillery on the frontier, the White House warned.",
    );
    expect(find(indicators, "deployment")?.modality).toBe("asserted");
  });

  it("marks feared police presence as speculative", () => {
    const indicators = tagSentence("Serb residents said they feared an increased presence of Kosovo police.");
    expect(find(indicators, "deployment")?.modality).toBe("speculative");
  });

  it("maps Serbian framing and Cyrillic names onto the gazetteer", () => {
    const indicators = tagSentence(
      "Official channels have reported a strengthening of military readiness along the administrative boundary with Kosovo and Metohija.",
    );
    expect(find(indicators, "deployment", "asserted")?.places).toEqual(["Kosovo–Serbia boundary", "Kosovo"]);
    expect(find(tagSentence("Police clashed with protesters in Звечан."), "clash")?.places).toEqual(["Zvečan"]);
  });

  it("rates a deadly clash more intense than talks", () => {
    const indicators = tagSentence("Three gunmen were killed in a shootout with police as talks stalled.");
    const clash = find(indicators, "clash");
    const talks = find(indicators, "talks");
    expect(clash?.intensity).toBeGreaterThanOrEqual(0.9);
    expect(talks?.intensity).toBeLessThan(0.3);
  });

  it("tags all three seed reports with schema-valid indicators", () => {
    for (const text of [SEED_000, SEED_001, SEED_002]) {
      const indicators = tagText(text);
      expect(indicators.length).toBeGreaterThan(3);
      for (const indicator of indicators) expect(IndicatorSchema.parse(indicator)).toEqual(indicator);
    }
    expect(find(tagText(SEED_002), "clash", "asserted")?.places).toContain("Zvečan");
  });
});

describe("non-political senses", () => {
  it("does not tag a football clash", () => {
    expect(tagSentence("Serbia clash with Norway in tonight's Nations League match at the stadium.")).toEqual([]);
  });

  it("does not tag a clash of views", () => {
    expect(find(tagSentence("The meeting revealed a clash of views on energy policy."), "clash")).toBeUndefined();
  });

  it("does not tag a software deployment", () => {
    expect(find(tagSentence("The deployment of the new software update was delayed."), "deployment")).toBeUndefined();
  });

  it("does not tag arresting a decline", () => {
    expect(find(tagSentence("The central bank moved to arrest the decline of the dinar."), "arrest")).toBeUndefined();
  });

  it("does not read a demonstration of force as a protest", () => {
    expect(find(tagSentence("Belgrade called it a “brutal demonstration of force”."), "protest")).toBeUndefined();
  });

  it("does not read politicians clashing over a policy as violence", () => {
    expect(
      find(tagSentence("The two leaders clashed over the association of Serb-majority municipalities."), "clash"),
    ).toBeUndefined();
  });

  it("does not read riot police as a riot", () => {
    expect(find(tagSentence("Riot police guarded the bridge."), "protest")).toBeUndefined();
  });
});

describe("modality", () => {
  it.each([
    ["Serbia denied that troops were deployed near the boundary.", "deployment", "negated"],
    ["The army did not deploy tanks.", "deployment", "negated"],
    ["Pakistan has refused to deploy peacekeepers in Iraq.", "deployment", "negated"],
    ["The United States urged Serbia to withdraw and called on both sides to resume talks.", "talks", "intent"],
    ["Moscow threatened to impose sanctions.", "sanction", "intent"],
    ["Diplomats fear clashes could erupt in the north.", "clash", "speculative"],
    ["Forces will respond in case of attacks on civilians.", "clash", "speculative"],
    ["Police arrested four men in Zvečan.", "arrest", "asserted"],
    ["No one was injured in the explosion near the Ibar bridge.", "clash", "asserted"],
    ["Negotiations are expected to resume next month in Brussels.", "talks", "intent"],
  ] as const)("reads %s as %s/%s", (sentence, type, modality) => {
    expect(find(tagSentence(sentence), type)?.modality).toBe(modality);
  });
});

describe("evidence offsets", () => {
  it("point into the text given to tagText", () => {
    const text = `Headline\n\n${SEED_001}`;
    for (const indicator of tagText(text)) {
      expect(text.slice(indicator.evidence.start, indicator.evidence.end)).toBe(indicator.evidence.text);
      expect(text).toContain(indicator.evidence.sentence);
    }
  });

  it("slice to evidence.text for any input", () => {
    const words = fc.constantFrom(
      "police",
      "clashed",
      "Kosovo",
      "not",
      "will",
      "talks",
      ".",
      "\n",
      "“",
      "deployed",
      "Mr.",
      "Звечан",
    );
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.array(words, { maxLength: 40 }).map((w) => w.join(" ")),
      // Serbian Cyrillic and Albanian triggers, where folding changes lengths (ђ → dj, љ → lj).
      fc
        .array(
          fc.constantFrom(
            "Полиција",
            "ухапсила",
            "није",
            "распоређена",
            "Ђаковица",
            "љуте",
            "sukobi",
            "përleshje",
            "nuk",
            "arrestoi",
            "Zveçan",
            ".",
            "\n",
          ),
          { maxLength: 30 },
        )
        .map((w) => w.join(" ")),
    );
    fc.assert(
      fc.property(text, (input) =>
        tagText(input).every(
          (i) =>
            input.slice(i.evidence.start, i.evidence.end) === i.evidence.text && IndicatorSchema.safeParse(i).success,
        ),
      ),
    );
  });
});
