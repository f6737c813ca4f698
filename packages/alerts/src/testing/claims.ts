import type { Claim } from "../filters/index.ts";

let next = 0;

/** A hand-built claim for detector tests; every field can be overridden. */
export function claim(over: Partial<Claim> = {}): Claim {
  next++;
  return {
    indicatorId: `ind_${next}`,
    articleId: `art_${next}`,
    storyId: "sty_1",
    at: "2023-09-24T09:00:00.000Z",
    type: "clash",
    modality: "asserted",
    confidence: 0.9,
    intensity: 0.8,
    actors: [],
    places: [],
    sentence: `Sentence ${next}.`,
    url: `https://example.org/${next}`,
    title: `Article ${next}`,
    language: "en",
    sourceId: "src_1",
    sourceTags: {},
    duplicateOf: null,
    ...over,
  };
}

export const hoursAfter = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
