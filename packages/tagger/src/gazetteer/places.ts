import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR, parseFile, parseList } from "../data/index.ts";

/** A place of data/gazetteer/places.yaml: coordinates are approximate, for maps and grouping. */
export interface PlaceEntry {
  name: string;
  kind: "country" | "region" | "city" | "municipality" | "site" | "boundary";
  lat: number;
  lon: number;
  admin: string;
  variants: readonly string[];
}

const PlaceSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(["country", "region", "city", "municipality", "site", "boundary"]),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  admin: z.string().min(1),
  variants: z.array(z.string().min(1)).min(1),
});

export function loadPlaces(file: string = join(DATA_DIR, "gazetteer/places.yaml")): PlaceEntry[] {
  const doc = parseFile(file, z.strictObject({ places: z.array(z.unknown()) }));
  return parseList(file, "places", doc.places, PlaceSchema);
}

export const PLACES: readonly PlaceEntry[] = loadPlaces();
export const PLACE_BY_NAME: ReadonlyMap<string, PlaceEntry> = new Map(PLACES.map((p) => [p.name, p]));
