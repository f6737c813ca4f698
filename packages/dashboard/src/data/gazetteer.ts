import { actorKey, placeKey, regionKey, slugOf } from "@seismo/store";
import { LANGS, PLACES, type PlaceEntry } from "@seismo/tagger";

/** The tagger's gazetteer by the key the store files places under (folded names); ids are slugs of those keys. */
const BY_KEY = new Map(PLACES.map((p) => [placeKey(p.name), p]));

export const placeId = (p: PlaceEntry): string => slugOf(placeKey(p.name));
export const actorId = (name: string): string => slugOf(actorKey(name));

export const placeByKey = (key: string): PlaceEntry | undefined => BY_KEY.get(key);

/** Admin regions (district or okrug) with their places, by display name. */
export const REGIONS: readonly string[] = [...new Set(PLACES.map((p) => p.admin))].sort((a, b) => a.localeCompare(b));

/** The gazetteer's spelling of a region named any way ("mitrovica" → "Mitrovica"), or undefined. */
export const findRegion = (name: string): string | undefined => REGIONS.find((r) => regionKey(r) === regionKey(name));

/** Place keys of a region (for the activity rollups). */
export const placeKeysIn = (region: string): string[] =>
  [...BY_KEY].filter(([, p]) => regionKey(p.admin) === regionKey(region)).map(([k]) => k);

export const PLACE_NAMES: readonly string[] = PLACES.map((p) => p.name).sort((a, b) => a.localeCompare(b));

/** Article languages the tagger reads. */
export const LANGUAGES: ReadonlyArray<{ code: string; label: string }> = LANGS.map((code) => ({
  code,
  label: { en: "English", sr: "Serbian", sq: "Albanian" }[code],
}));
