import { join } from "node:path";
import { INDICATOR_TYPES, type Indicator, type IndicatorType, MODALITIES, type Modality } from "@seismo/core";
import { z } from "zod";
import { DATA_DIR, parseFile } from "../data/index.ts";

const Weight = z.number().min(-10).max(10);
const WeightsSchema = z.strictObject({
  types: z.strictObject(
    Object.fromEntries(INDICATOR_TYPES.map((t) => [t, Weight])) as Record<IndicatorType, typeof Weight>,
  ),
  modality: z.strictObject(
    Object.fromEntries(MODALITIES.map((m) => [m, z.number().min(0).max(1)])) as Record<Modality, z.ZodNumber>,
  ),
});

export const WEIGHTS = parseFile(join(DATA_DIR, "weights.yaml"), WeightsSchema);

/**
 * The signed Goldstein-like weight of an indicator, −10…+10: the type's weight scaled by its
 * modality. The indicator's own `intensity` stays the 0..1 magnitude the core schema asks for.
 */
export function goldsteinWeight(indicator: Pick<Indicator, "type" | "modality">): number {
  return Math.round(WEIGHTS.types[indicator.type] * WEIGHTS.modality[indicator.modality] * 100) / 100;
}
