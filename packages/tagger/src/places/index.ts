import { foldForSearch } from "@seismo/text";
import { compileNames } from "../gazetteer/match.ts";
import { PLACES } from "../gazetteer/places.ts";

const matcher = compileNames(PLACES);

/** Gazetteer places named in the text, canonical names in order of first mention. */
export function findPlaces(text: string, folded: string = foldForSearch(text)): string[] {
  return matcher.find(folded);
}
