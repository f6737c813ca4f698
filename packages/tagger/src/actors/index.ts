import { foldForSearch } from "@seismo/text";
import { ACRONYM_ACTORS, ACTOR_BY_NAME, ACTORS, type ActorKind, NOT_ACTORS, ORG_HEADS } from "../gazetteer/actors.ts";
import { compileNames } from "../gazetteer/match.ts";

const matcher = compileNames(ACTORS);
const ACRONYM = /\b[A-Z][A-Z&]{1,5}\b/g;
// A capitalised word; a full stop inside it only before a letter ("St.Petersburg") or in an
// initialism ("U.S."), so a name never runs on past the end of a sentence.
const CAP = "(?:(?:[A-Z]\\.){2,}|[A-Z](?:[\\p{L}'’-]|\\.(?=\\p{L}))*)";
const ORG = new RegExp(
  `\\b(?:${CAP}\\s+(?:(?:of|for|and|the)\\s+)?){1,5}(?:${Object.keys(ORG_HEADS).join("|")})\\b(?:\\s+(?:of|for)\\s+(?:the\\s+)?${CAP}(?:\\s+${CAP}){0,3})?`,
  "gu",
);

// Every ORG match holds a head noun as written, so a text without one skips the pattern.
const ANY_HEAD = new RegExp(Object.keys(ORG_HEADS).join("|"));

// Capitalised words that open a sentence or clause but are not part of a name.
const LEADING_FUNCTION_WORDS =
  /^(?:(?:The|A|An|In|On|At|By|For|From|To|With|Under|After|Before|Following|Later|Earlier|Meanwhile|But|And|When|While|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the|of|and)\s+)+/;

/**
 * Actors named in the text: gazetteer actors first (canonical names), then organisations found
 * by shape (a capitalised phrase ending in "Police", "Ministry", "Front"… or an acronym).
 */
export function findActors(text: string, folded: string = foldForSearch(text)): string[] {
  const actors = matcher.find(folded);
  for (const m of text.matchAll(ACRONYM)) {
    const name = ACRONYM_ACTORS[m[0]] ?? m[0];
    if (NOT_ACTORS.has(name) || actors.includes(name)) continue;
    if (matcher.find(foldForSearch(m[0])).length > 0) continue;
    actors.push(name);
  }
  if (!ANY_HEAD.test(text)) return actors;
  for (const m of text.matchAll(ORG)) {
    const phrase = m[0].replace(LEADING_FUNCTION_WORDS, "").replace(/[’']s$/, "");
    if (!/\s/.test(phrase) && phrase in ORG_HEADS) continue;
    const known = matcher.find(foldForSearch(phrase));
    if (known.length > 0 || actors.includes(phrase)) continue;
    actors.push(phrase);
  }
  return actors;
}

/**
 * What kind of actor a name found by findActors is: the gazetteer's kind, or for an organisation
 * found by shape the kind of its head noun ("… Police" is police, "… Front" an armed group).
 */
export function actorKind(name: string): ActorKind {
  const known = ACTOR_BY_NAME.get(name)?.kind;
  if (known) return known;
  for (const [head, kind] of Object.entries(ORG_HEADS)) if (new RegExp(`\\b${head}\\b`).test(name)) return kind;
  return "organisation";
}
