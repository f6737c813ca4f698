import { type Indicator, isClaim } from "@seismo/core";
import { foldWithOffsets, originalSpan } from "@seismo/text";
import { actorKind, findActors } from "../actors/index.ts";
import type { Lang } from "../data/index.ts";
import { type FramingMark, findFraming } from "../framing/index.ts";
import type { ActorKind } from "../gazetteer/actors.ts";
import type { PlaceEntry } from "../gazetteer/places.ts";
import { PLACE_BY_NAME } from "../gazetteer/places.ts";
import { placeMentions } from "../places/index.ts";
import { tagTextInContext } from "../tag/index.ts";
import { goldsteinWeight } from "../weights/index.ts";

export interface WeightedIndicator extends Indicator {
  /** Signed Goldstein-like weight, −10 (use of force) … +10 (agreement); 0 for what claims nothing. */
  weight: number;
}

export interface AnalyzedActor {
  name: string;
  kind: ActorKind;
}

export interface AnalyzedPlace extends Pick<PlaceEntry, "name" | "kind" | "lat" | "lon" | "admin"> {
  mentions: number;
  /** First mention in the text. */
  start: number;
  end: number;
}

export interface Analysis {
  lang: Lang | undefined;
  indicators: WeightedIndicator[];
  actors: AnalyzedActor[];
  places: AnalyzedPlace[];
  framing: FramingMark[];
  /**
   * Article score: the confidence-weighted mean Goldstein-like weight of the claimed indicators,
   * −10…+10 (0 when nothing is claimed).
   */
  score: number;
  /** 0..1: grows with the conflictual weight claimed (1 − e^(−Σ|w|·confidence·intensity / 20)). */
  tension: number;
}

/** Everything the tagger reads in a text, for dashboards and explanations. */
export function analyzeText(text: string): Analysis {
  const tagged = tagTextInContext(text);
  const indicators = tagged.indicators.map((i) => ({ ...i, weight: goldsteinWeight(i) }));
  const claims = indicators.filter(isClaim);
  const confidence = claims.reduce((sum, i) => sum + i.confidence, 0);
  const score = confidence > 0 ? claims.reduce((sum, i) => sum + i.weight * i.confidence, 0) / confidence : 0;
  const strain = claims.reduce((sum, i) => sum + Math.max(0, -i.weight) * i.confidence * i.intensity, 0);

  const folded = foldWithOffsets(text);
  const places = new Map<string, AnalyzedPlace>();
  for (const hit of placeMentions(folded.folded)) {
    const known = places.get(hit.name);
    if (known) {
      known.mentions++;
      continue;
    }
    const entry = PLACE_BY_NAME.get(hit.name);
    if (!entry) continue;
    const { start, end } = originalSpan(folded, hit.start, hit.end);
    const { name, kind, lat, lon, admin } = entry;
    places.set(hit.name, { name, kind, lat, lon, admin, mentions: 1, start, end });
  }

  return {
    lang: tagged.context.lang,
    indicators,
    actors: findActors(text, folded.folded).map((name) => ({ name, kind: actorKind(name) })),
    places: [...places.values()],
    framing: findFraming(text),
    score: Math.round(score * 100) / 100,
    tension: Math.round((1 - Math.exp(-strain / 20)) * 1000) / 1000,
  };
}
