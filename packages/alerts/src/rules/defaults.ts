import type { Store } from "@seismo/store";
import { countRulesEver, insertRule } from "../data/rules.ts";
import { type RuleInput, RuleInputSchema } from "./schema.ts";

/** The boundary area of north Kosovo, in the tagger's place names (any spelling matches). */
export const NORTH_KOSOVO = [
  "Kosovo",
  "North Kosovo",
  "Kosovo–Serbia boundary",
  "Jarinje",
  "Brnjak",
  "Banjska",
  "Zvečan",
  "Zubin Potok",
  "Leposavić",
  "Mitrovica",
  "North Mitrovica",
];

/** The rule set a fresh install starts with; fixed ids, so two processes starting together agree. */
export const DEFAULT_RULES: Array<{ id: string; input: RuleInput }> = [
  {
    id: "rule_default_clash_spike",
    input: {
      name: "Escalation: clash spike",
      kind: "spike",
      filters: { types: ["clash"], modalities: ["asserted"], minConfidence: 0.6 },
      params: { windowHours: 72, baselineDays: 28, minCount: 4, maxPValue: 0.01 },
      cooldownMinutes: 60,
    },
  },
  {
    id: "rule_default_first_clash",
    input: {
      name: "First clash in a place for 14 days",
      kind: "first",
      filters: { types: ["clash"], modalities: ["asserted"], minConfidence: 0.8 },
      params: { quietDays: 14 },
      cooldownMinutes: 360,
    },
  },
  {
    id: "rule_default_deployment",
    input: {
      name: "Deployment near north Kosovo",
      kind: "deployment",
      filters: { minConfidence: 0.6 },
      params: {
        actors: ["Serbia", "Serbian armed forces", "Serbian police", "Kosovo Security Force", "Serb gunmen"],
        near: NORTH_KOSOVO,
      },
      cooldownMinutes: 60,
    },
  },
  {
    id: "rule_default_story_growth",
    input: {
      name: "Story growth",
      kind: "story-growth",
      filters: { minConfidence: 0.5 },
      params: { minOutlets: 4, intensityLevel: 8 },
      cooldownMinutes: 120,
    },
  },
];

/**
 * Creates the default rules on first start, when no rule was ever created (deleting every rule
 * later does not bring them back). Idempotent and safe to run from several processes at once.
 */
export async function ensureDefaultRules(store: Store): Promise<number> {
  if ((await countRulesEver(store.sql)) > 0) return 0;
  let created = 0;
  for (const { id, input } of DEFAULT_RULES) {
    if (await insertRule(store.sql, RuleInputSchema.parse(input), null, id)) created++;
  }
  return created;
}
