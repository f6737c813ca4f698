import type { Claim } from "../filters/index.ts";
import type { GrowthParams } from "../rules/schema.ts";
import { type Detection, notFired } from "./types.ts";

export interface StoryReach {
  articles: number;
  /** Distinct sources (outlets) that carried the story. */
  outlets: number;
}

/**
 * A story that gains outlets or whose claims add up to an intensity level. The key moves with
 * each new outlet and each level crossed (1×, 2×, … the rule's level), so the alert is updated
 * as the story grows, not on every article.
 */
export function detectGrowth(reach: StoryReach, claims: Claim[], params: GrowthParams): Detection {
  const intensity = claims.reduce((sum, c) => sum + c.intensity, 0);
  const level = Math.floor(intensity / params.intensityLevel);
  const byOutlets = reach.outlets >= params.minOutlets;
  if (!byOutlets && level < 1) return notFired;
  const parts = [
    byOutlets ? `${reach.outlets} outlets` : null,
    level >= 1 ? `intensity ${intensity.toFixed(1)} (level ${params.intensityLevel} crossed ${level}×)` : null,
  ].filter(Boolean);
  return {
    fired: true,
    summary: `story grew: ${parts.join(", ")}, ${reach.articles} articles`,
    numbers: {
      outlets: reach.outlets,
      articles: reach.articles,
      intensity: Math.round(intensity * 100) / 100,
      intensityLevel: params.intensityLevel,
      levelsCrossed: level,
      minOutlets: params.minOutlets,
    },
    evidence: claims,
    key: `outlets=${byOutlets ? reach.outlets : 0}|level=${level}`,
  };
}
