import { DEFAULT_RULES, type Rule, RuleInputSchema } from "@seismo/alerts";
import { describe, expect, it } from "vitest";
import { blankRuleForm, formOfRule, parseRuleForm, type RuleForm } from "./rule-form.ts";

/** A form as the browser would post it: repeated keys for checkboxes, params by name. */
const bodyOf = (f: RuleForm) => ({
  name: f.name,
  kind: f.kind,
  ...(f.enabled ? { enabled: "on" } : {}),
  cooldown: f.cooldown,
  types: f.types,
  modalities: f.modalities,
  places: f.places,
  region: f.region,
  sourceTags: f.sourceTags,
  languages: f.languages,
  minConfidence: f.minConfidence,
  ...f.params,
});

describe("rule form", () => {
  it("gives back every default rule unchanged when its edit form is saved as shown", () => {
    for (const { input } of DEFAULT_RULES) {
      const values = RuleInputSchema.parse(input);
      const rule = { ...values, id: "r", ownerTokenId: null, createdAt: "", updatedAt: "" } as Rule;
      const parsed = parseRuleForm(bodyOf(formOfRule(rule)), rule.kind);
      expect(parsed.ok && parsed.values).toEqual(values);
    }
  });

  it("shows the north Kosovo region as picked when a rule has all its places", () => {
    const deployment = DEFAULT_RULES.find((r) => r.input.kind === "deployment");
    const values = RuleInputSchema.parse({ ...deployment?.input, filters: { places: ["Jarinje"] } });
    const rule = { ...values, id: "r", ownerTokenId: null, createdAt: "", updatedAt: "" } as Rule;
    expect(formOfRule(rule).region).toBe("");
    expect(formOfRule(rule).places).toBe("Jarinje");
  });

  it("starts a new rule from the schema's defaults for every type", () => {
    const blank = blankRuleForm();
    expect(blank).toMatchObject({ name: "", kind: "spike", cooldown: "60", modalities: ["asserted", "intent"] });
    expect(blank.params).toMatchObject({ windowHours: "72", quietDays: "14", minOutlets: "3", actors: "" });
  });

  it("reads only the picked type's parameters and reports unknown regions", () => {
    const parsed = parseRuleForm({ name: "x", kind: "first", modalities: "intent", quietDays: "3", windowHours: "x" });
    expect(parsed.ok && parsed.values).toMatchObject({ kind: "first", params: { quietDays: 3 } });
    const bad = parseRuleForm({ name: "x", kind: "first", modalities: "intent", region: "atlantis" });
    expect(!bad.ok && bad.errors.places).toBe('unknown region "atlantis"');
  });
});
