import type { IndicatorType, Modality } from "@seismo/core";
import { foldForSearch } from "@seismo/text";
import type { RuleFilters } from "../rules/schema.ts";

/** One indicator of a story as the detectors see it: the claim, its article and its source. */
export interface Claim {
  indicatorId: string;
  articleId: string;
  storyId: string | null;
  /** Publication (or fetch) time of the article, ISO. */
  at: string;
  type: IndicatorType;
  modality: Modality;
  confidence: number;
  intensity: number;
  actors: string[];
  places: string[];
  sentence: string;
  url: string;
  title: string | null;
  language: string | null;
  sourceId: string | null;
  sourceTags: Record<string, string>;
  /** Set when the article is a near-duplicate (wire copy) of an earlier one. */
  duplicateOf: string | null;
}

/** The key places are compared under: case, diacritics and script do not matter. */
export const fold = (name: string): string => foldForSearch(name).trim();

const languageMatches = (language: string | null, wanted: string[]): boolean => {
  if (wanted.length === 0) return true;
  if (!language) return false;
  const lang = language.toLowerCase();
  return wanted.some((w) => {
    const x = w.toLowerCase();
    return lang === x || lang.startsWith(`${x}-`) || x.startsWith(`${lang}-`);
  });
};

/** Whether the claim names one of `places`, in its places or, failing that, in its sentence. */
export function namesPlace(claim: Pick<Claim, "places" | "sentence">, places: string[]): boolean {
  if (places.length === 0) return true;
  const wanted = places.map(fold).filter(Boolean);
  const own = claim.places.map(fold);
  if (own.some((p) => wanted.includes(p))) return true;
  const sentence = ` ${fold(claim.sentence).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return wanted.some((w) => sentence.includes(` ${w.replace(/[^\p{L}\p{N}]+/gu, " ")} `));
}

/**
 * Whether a claim passes a rule's filters. Negated and speculative indicators never pass, whatever
 * the filters say: "no movement has been observed" must not raise a deployment alert.
 */
export function matchesFilters(claim: Claim, filters: RuleFilters): boolean {
  if (claim.modality !== "asserted" && claim.modality !== "intent") return false;
  if (!(filters.modalities as readonly string[]).includes(claim.modality)) return false;
  if (filters.types.length > 0 && !filters.types.includes(claim.type)) return false;
  if (claim.confidence < filters.minConfidence) return false;
  if (!languageMatches(claim.language, filters.languages)) return false;
  for (const [key, value] of Object.entries(filters.sourceTags)) {
    if (claim.sourceTags[key]?.toLowerCase() !== value.toLowerCase()) return false;
  }
  return namesPlace(claim, filters.places);
}

/** The best few claims to show as evidence: strongest first, one per sentence. */
export function topEvidence(claims: Claim[], limit = 3): Claim[] {
  const seen = new Set<string>();
  const out: Claim[] = [];
  const sorted = [...claims].sort(
    (a, b) => b.confidence * b.intensity - a.confidence * a.intensity || a.at.localeCompare(b.at),
  );
  for (const c of sorted) {
    if (seen.has(c.sentence)) continue;
    seen.add(c.sentence);
    out.push(c);
    if (out.length >= limit) break;
  }
  return out;
}
