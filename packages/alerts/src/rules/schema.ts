import { INDICATOR_TYPES } from "@seismo/core";
import { z } from "zod";

export const RULE_KINDS = ["spike", "first", "deployment", "story-growth"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * Only claims can trigger an alert: negated ("no movement was observed") and speculative
 * ("could deploy") indicators are refused by the schema itself, so no rule can ask for them.
 */
export const TRIGGER_MODALITIES = ["asserted", "intent"] as const;

const filterFields = {
  /** Indicator types; empty means any type. */
  types: z.array(z.enum(INDICATOR_TYPES)).max(9),
  modalities: z.array(z.enum(TRIGGER_MODALITIES)).min(1),
  /** Places (any spelling: Zvečan, Zvecan, Звечан); a region is a list of its places. Empty: anywhere. */
  places: z.array(z.string().min(1).max(100)).max(100),
  /** Source tags that must all match (`{ "country": "RS" }`). */
  sourceTags: z.record(z.string().max(40), z.string().max(200)),
  /** Article languages (`en`, `sr`, `sq`; a region subtag such as `sr-Latn` matches `sr`). Empty: any. */
  languages: z.array(z.string().min(2).max(20)).max(20),
  minConfidence: z.number().min(0).max(1),
};

export const RuleFiltersSchema = z.strictObject({
  types: filterFields.types.default([]),
  modalities: filterFields.modalities.default(["asserted", "intent"]),
  places: filterFields.places.default([]),
  sourceTags: filterFields.sourceTags.default({}),
  languages: filterFields.languages.default([]),
  minConfidence: filterFields.minConfidence.default(0),
});
/** Filters in a patch: only the fields given change (no defaults filled in). */
export const RuleFiltersPatchSchema = z.strictObject(filterFields).partial();
export type RuleFilters = z.output<typeof RuleFiltersSchema>;

export const SpikeParamsSchema = z.strictObject({
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  baselineDays: z.number().int().min(1).max(365).default(28),
  /** Fewer reports than this never fire, however quiet the baseline was. */
  minCount: z.number().int().min(1).default(4),
  /** One-sided Poisson tail probability P(X ≥ count | baseline) below which the window is a spike. */
  maxPValue: z.number().gt(0).max(0.5).default(0.01),
  /** Expected reports per window assumed when the baseline is lower (an empty history is not zero risk). */
  minExpected: z.number().gt(0).default(0.5),
});
export const FirstParamsSchema = z.strictObject({
  /** Days with no matching claim in the place before this story's. */
  quietDays: z.number().int().min(1).max(365).default(14),
});
export const DeploymentParamsSchema = z.strictObject({
  /** Named actors (canonical tagger names: "Serbian armed forces", "Kosovo Security Force"); empty: any named actor. */
  actors: z.array(z.string().min(1).max(100)).max(100).default([]),
  /** Places the deployment must be near (named in the indicator or its sentence); empty: anywhere. */
  near: z.array(z.string().min(1).max(100)).max(200).default([]),
});
export const GrowthParamsSchema = z.strictObject({
  /** Fires when the story has at least this many distinct outlets (sources)… */
  minOutlets: z.number().int().min(2).max(1000).default(3),
  /** …or when the summed intensity of its matching claims reaches this level. */
  intensityLevel: z.number().gt(0).max(10_000).default(8),
});

export type SpikeParams = z.output<typeof SpikeParamsSchema>;
export type FirstParams = z.output<typeof FirstParamsSchema>;
export type DeploymentParams = z.output<typeof DeploymentParamsSchema>;
export type GrowthParams = z.output<typeof GrowthParamsSchema>;

const common = {
  name: z.string().min(1).max(200),
  enabled: z.boolean().default(true),
  filters: RuleFiltersSchema.default(RuleFiltersSchema.parse({})),
  /** Minimum time between two notifications of the same alert (updates in between are kept, sent later). */
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
};

const withDefaults = <T extends z.ZodType>(schema: T) => schema.default(schema.parse({}) as never);

/** What an analyst sends to create a rule: common fields plus the kind and its params. */
export const RuleInputSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, kind: z.literal("spike"), params: withDefaults(SpikeParamsSchema) }),
  z.object({ ...common, kind: z.literal("first"), params: withDefaults(FirstParamsSchema) }),
  z.object({ ...common, kind: z.literal("deployment"), params: withDefaults(DeploymentParamsSchema) }),
  z.object({ ...common, kind: z.literal("story-growth"), params: withDefaults(GrowthParamsSchema) }),
]);
export type RuleInput = z.input<typeof RuleInputSchema>;
export type RuleKindParams =
  | { kind: "spike"; params: SpikeParams }
  | { kind: "first"; params: FirstParams }
  | { kind: "deployment"; params: DeploymentParams }
  | { kind: "story-growth"; params: GrowthParams };

/** A patch: any of the common fields, and `params` (checked against the rule's kind). */
export const RulePatchSchema = z.strictObject({
  name: common.name.optional(),
  enabled: z.boolean().optional(),
  filters: RuleFiltersPatchSchema.optional(),
  cooldownMinutes: common.cooldownMinutes.optional(),
  /** Only the params given change; they are checked against the rule's kind. */
  params: z.record(z.string(), z.unknown()).optional(),
});
export type RulePatch = z.input<typeof RulePatchSchema>;

export type Rule = {
  id: string;
  name: string;
  enabled: boolean;
  filters: RuleFilters;
  cooldownMinutes: number;
  /** Token id of the analyst who owns the rule; null for the default rules (operators edit those). */
  ownerTokenId: string | null;
  createdAt: string;
  updatedAt: string;
} & RuleKindParams;

const PARAMS: Record<RuleKind, z.ZodType> = {
  spike: SpikeParamsSchema,
  first: FirstParamsSchema,
  deployment: DeploymentParamsSchema,
  "story-growth": GrowthParamsSchema,
};

/** Checks kind-specific params (patches, stored rows), filling defaults. Throws a ZodError. */
export function parseParams(kind: RuleKind, params: unknown): RuleKindParams {
  return { kind, params: PARAMS[kind].parse(params ?? {}) } as RuleKindParams;
}
