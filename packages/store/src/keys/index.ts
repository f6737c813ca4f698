import { PLACES, type PlaceEntry } from "@seismo/tagger";
import { foldForSearch } from "@seismo/text";

/** The key a place is stored and queried under: "Zvečan", "Zvecan" and "Звечан" are one place. */
export const placeKey = (name: string): string => foldForSearch(name).trim();

/** Actors and regions are keyed the same way as places. */
export const actorKey = placeKey;
export const regionKey = placeKey;

/** A URL-safe id for a key: "zubin potok" → "zubin-potok". */
export const slugOf = (key: string): string =>
  key
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();

/** The gazetteer by place key and by id, the slug of the key that the API and the dashboard put in URLs. */
const PLACE_BY_KEY: ReadonlyMap<string, PlaceEntry> = new Map(PLACES.map((p) => [placeKey(p.name), p]));
const PLACE_BY_ID: ReadonlyMap<string, PlaceEntry> = new Map([...PLACE_BY_KEY].map(([key, p]) => [slugOf(key), p]));

/** A gazetteer place by id ("zubin-potok") or any spelling of its name ("Зубин Поток"). */
export function findPlace(idOrName: string): PlaceEntry | undefined {
  const key = placeKey(idOrName);
  return PLACE_BY_ID.get(idOrName.toLowerCase()) ?? PLACE_BY_KEY.get(key) ?? PLACE_BY_ID.get(slugOf(key));
}

export const uniqueKeys = (names: readonly string[]): string[] => [...new Set(names.map(placeKey).filter(Boolean))];

/**
 * Admin region (district or okrug) of each gazetteer place, by place key. Regions are resolved when
 * an indicator is written and stored with it, so the region rollup stays exact (an indicator naming
 * Zvečan and Leposavić counts once for Mitrovica) and a later rollup delta subtracts what was added.
 */
const REGION_BY_PLACE: ReadonlyMap<string, string> = new Map(PLACES.map((p) => [placeKey(p.name), regionKey(p.admin)]));

export const regionKeysOf = (placeKeys: readonly string[]): string[] => [
  ...new Set(placeKeys.map((k) => REGION_BY_PLACE.get(k)).filter((r): r is string => r !== undefined)),
];

/** "sr-Latn" → "sr", "EN" → "en", null → "": the language key of the rollups (primary subtag). */
export const languageKey = (language: string | null | undefined): string =>
  (language ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";

/** Place key → region key for every gazetteer place (for backfills in SQL). */
export const regionTable = (): Array<[string, string]> => [...REGION_BY_PLACE];
