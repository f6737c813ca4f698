import { foldForSearch } from "@seismo/text";
import { compileNames, type NameHit } from "../gazetteer/match.ts";
import { PLACES } from "../gazetteer/places.ts";

const matcher = compileNames(PLACES);

/** Gazetteer places named in the text, canonical names in order of first mention. */
export function findPlaces(text: string, folded: string = foldForSearch(text)): string[] {
  return matcher.find(folded);
}

/** Every place mention in folded text, with offsets in that folded text. */
export function placeMentions(folded: string): NameHit[] {
  return matcher.mentions(folded);
}
