import { type Claim, fold, namesPlace } from "../filters/index.ts";
import type { FirstParams } from "../rules/schema.ts";
import { type Detection, notFired } from "./types.ts";

/** The folded places a claim counts for: the rule's places it names, else its own places. */
export function placesOf(claim: Claim, rulePlaces: string[]): string[] {
  const keys = rulePlaces.length > 0 ? rulePlaces.filter((p) => namesPlace(claim, [p])) : claim.places;
  return [...new Set(keys.map(fold).filter(Boolean))];
}

/**
 * The first matching claim in a place after `quietDays` without one there. `others` are the
 * matching claims of other stories (earlier ones decide; later ones are ignored).
 */
export function detectFirst(
  story: Claim[],
  others: Claim[],
  params: FirstParams,
  rulePlaces: string[],
  label: string,
): Detection {
  const quietMs = params.quietDays * 86_400_000;
  const sorted = [...story].sort((a, b) => a.at.localeCompare(b.at));
  // When each place was named by other stories; worked out once (folding sentences is not free).
  const seenAt = new Map<string, number[]>();
  for (const o of others) {
    const at = Date.parse(o.at);
    for (const place of placesOf(o, rulePlaces)) {
      const times = seenAt.get(place);
      if (times) times.push(at);
      else seenAt.set(place, [at]);
    }
  }
  for (const claim of sorted) {
    const t = Date.parse(claim.at);
    for (const place of placesOf(claim, rulePlaces)) {
      if ((seenAt.get(place) ?? []).some((at) => at < t && at >= t - quietMs)) continue;
      const name = claim.places.find((p) => fold(p) === place) ?? place;
      return {
        fired: true,
        summary: `first ${label} in ${name} for ${params.quietDays} days`,
        numbers: { place: name, quietDays: params.quietDays, firstAt: claim.at, priorInQuietPeriod: 0 },
        evidence: sorted.filter((c) => placesOf(c, rulePlaces).includes(place)),
        key: `place=${place}`,
      };
    }
  }
  return notFired;
}
