import { z } from "zod";

/** The indicator types are a public contract (API, exports, evaluation): names must not change. */
export const INDICATOR_TYPES = [
  "clash",
  "deployment",
  "talks",
  "agreement",
  "arrest",
  "protest",
  "threat",
  "sanction",
  "condemnation",
] as const;
export const IndicatorTypeSchema = z.enum(INDICATOR_TYPES);
export type IndicatorType = z.infer<typeof IndicatorTypeSchema>;

/**
 * asserted: happened or is happening (including what a named source reports);
 * intent: announced, planned, ready to, urged or demanded;
 * negated: explicitly did not happen, denied, not observed;
 * speculative: fears, could, might, in case of.
 */
export const MODALITIES = ["asserted", "intent", "negated", "speculative"] as const;
export const ModalitySchema = z.enum(MODALITIES);
export type Modality = z.infer<typeof ModalitySchema>;

/** Offsets are UTF-16 code-unit offsets into the text the tagger was given (JS string indices). */
export const EvidenceSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  sentence: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const IndicatorSchema = z.object({
  type: IndicatorTypeSchema,
  modality: ModalitySchema,
  evidence: EvidenceSchema,
  actors: z.array(z.string()),
  places: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  intensity: z.number().min(0).max(1),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** Negated and speculative indicators are kept for explanation but claim nothing in counts. */
export function isClaim(indicator: Pick<Indicator, "modality">): boolean {
  return indicator.modality === "asserted" || indicator.modality === "intent";
}
