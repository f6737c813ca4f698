import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR, parseFile, parseList } from "../data/index.ts";

export const ACTOR_KINDS = [
  "state-forces",
  "police",
  "armed-group",
  "international-mission",
  "government",
  "civilians",
  "organisation",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** A named actor of data/gazetteer/actors.yaml. */
export interface ActorEntry {
  name: string;
  kind: ActorKind;
  variants: readonly string[];
}

const ActorSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(ACTOR_KINDS),
  variants: z.array(z.string().min(1)).min(1),
});

export function loadActors(file: string = join(DATA_DIR, "gazetteer/actors.yaml")): ActorEntry[] {
  const doc = parseFile(file, z.strictObject({ actors: z.array(z.unknown()) }));
  return parseList(file, "actors", doc.actors, ActorSchema);
}

export const ACTORS: readonly ActorEntry[] = loadActors();
export const ACTOR_BY_NAME: ReadonlyMap<string, ActorEntry> = new Map(ACTORS.map((a) => [a.name, a]));

/** Acronyms matched case-sensitively on the original text, since "us" and "un" are words. */
export const ACRONYM_ACTORS: Readonly<Record<string, string>> = { US: "US", USA: "US", UN: "UN", EU: "EU", UK: "UK" };

/** Head nouns that make a capitalised phrase an organisation ("Serbia's Office for Kosovo"), with its kind. */
export const ORG_HEADS: Readonly<Record<string, ActorKind>> = {
  Police: "police",
  Gendarmerie: "police",
  Army: "state-forces",
  Forces: "state-forces",
  Force: "state-forces",
  Brigade: "armed-group",
  Guard: "state-forces",
  Front: "armed-group",
  Tigers: "armed-group",
  Movement: "organisation",
  Mission: "international-mission",
  Ministry: "government",
  Office: "government",
  Council: "government",
  Government: "government",
  Parliament: "government",
  Assembly: "government",
  Commission: "government",
  Court: "government",
  Agency: "government",
  Service: "government",
  Party: "organisation",
  Union: "organisation",
  League: "organisation",
  Organization: "organisation",
  Organisation: "organisation",
  Committee: "organisation",
  Coalition: "organisation",
  Watch: "organisation",
  International: "organisation",
};

/** All-caps tokens that are not actors. */
export const NOT_ACTORS: ReadonlySet<string> = new Set(
  "AFP AP TV CEO GMT UTC PM AM STRINGER OK ID II III IV BE SAD MUP".split(" "),
);
