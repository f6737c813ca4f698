import { z } from "zod";
import { cosine, type StoryFeatures, topTerms } from "../features/index.ts";

/** Terms, places and actors a story keeps: its centroid, not every word it has ever seen. */
export const STORY_TERMS = 80;
export const STORY_NAMES = 40;
const HOUR = 3_600_000;

export const StoryCandidateSchema = z.object({
  id: z.string(),
  /** Sum of member articles' unit term vectors (a centroid up to scale), pruned to STORY_TERMS. */
  terms: z.record(z.string(), z.number()),
  /** Folded name → number of member articles that carry it. */
  places: z.record(z.string(), z.number()),
  actors: z.record(z.string(), z.number()),
  /** Epoch milliseconds of the earliest and latest member article. */
  firstSeen: z.number(),
  lastSeen: z.number(),
  articles: z.number().int().min(1),
});
export type StoryCandidate = z.infer<typeof StoryCandidateSchema>;

export type MatchOptions = {
  /** How far before the story's first or after its last article an article may be (hours). */
  windowHours?: number;
  /** Lowest combined score that joins a story. */
  threshold?: number;
  /** Lowest term cosine that may join at all: shared places and actors alone never make one story. */
  minText?: number;
};

export const DEFAULT_MATCH = { windowHours: 72, threshold: 0.5, minText: 0.2 } as const;

/** Weights of the combined score; they sum to 1. */
export const WEIGHTS = { text: 0.5, places: 0.2, actors: 0.2, time: 0.1 } as const;

export type MatchBreakdown = {
  text: number;
  places: string[];
  actors: string[];
  placeScore: number;
  actorScore: number;
  hoursApart: number;
  timeScore: number;
};

export type MatchResult = {
  storyId: string | null;
  /** Best candidate's combined score, 0…1 (0 when there is no candidate within the window). */
  score: number;
  /** Why, in words an operator can read: for the chosen story, or for the best rejected one. */
  reasons: string[];
  breakdown: MatchBreakdown | null;
};

/** Ochiai overlap of two name sets: shared / √(|a|·|b|). */
function overlap(article: readonly string[], story: Readonly<Record<string, number>>): [number, string[]] {
  const size = Object.keys(story).length;
  if (article.length === 0 || size === 0) return [0, []];
  const shared = article.filter((n) => story[n] !== undefined);
  return [shared.length / Math.sqrt(article.length * size), shared];
}

/** Hours from the article to the story's [firstSeen, lastSeen] span; 0 inside it. */
function hoursOutside(at: number, story: StoryCandidate): number {
  if (at < story.firstSeen) return (story.firstSeen - at) / HOUR;
  if (at > story.lastSeen) return (at - story.lastSeen) / HOUR;
  return 0;
}

/** Score one candidate; null when the article falls outside the story's time window. */
export function scoreStory(
  article: StoryFeatures,
  story: StoryCandidate,
  windowHours: number = DEFAULT_MATCH.windowHours,
): { score: number; breakdown: MatchBreakdown } | null {
  const hoursApart = hoursOutside(article.publishedAt, story);
  if (hoursApart > windowHours) return null;
  const text = cosine(article.terms, story.terms);
  const [placeScore, places] = overlap(article.places, story.places);
  const [actorScore, actors] = overlap(article.actors, story.actors);
  const timeScore = windowHours > 0 ? 1 - hoursApart / windowHours : 1;
  // A side without any places (or actors) says nothing either way: drop that term, not score it 0.
  const usePlaces = article.places.length > 0 && Object.keys(story.places).length > 0;
  const useActors = article.actors.length > 0 && Object.keys(story.actors).length > 0;
  const total = WEIGHTS.text + WEIGHTS.time + (usePlaces ? WEIGHTS.places : 0) + (useActors ? WEIGHTS.actors : 0);
  const score =
    (WEIGHTS.text * text +
      WEIGHTS.time * timeScore +
      (usePlaces ? WEIGHTS.places * placeScore : 0) +
      (useActors ? WEIGHTS.actors * actorScore : 0)) /
    total;
  return { score, breakdown: { text, places, actors, placeScore, actorScore, hoursApart, timeScore } };
}

function explain(b: MatchBreakdown, score: number, joined: boolean, o: Required<MatchOptions>): string[] {
  const reasons = [
    `score ${score.toFixed(3)} ${joined ? ">=" : "<"} ${o.threshold}`,
    `text cosine ${b.text.toFixed(3)}${b.text < o.minText ? ` below minimum ${o.minText}` : ""}`,
    `${b.hoursApart.toFixed(1)} h outside the story's span (window ${o.windowHours} h)`,
  ];
  if (b.places.length > 0) reasons.push(`shared places: ${b.places.join(", ")}`);
  if (b.actors.length > 0) reasons.push(`shared actors: ${b.actors.join(", ")}`);
  return reasons;
}

/** The story an article belongs to among candidates, or null with the reasons of the best miss. */
export function matchStory(
  article: StoryFeatures,
  candidates: readonly StoryCandidate[],
  options: MatchOptions = {},
): MatchResult {
  const o = { ...DEFAULT_MATCH, ...options };
  let best: { story: StoryCandidate; score: number; breakdown: MatchBreakdown; eligible: boolean } | null = null;
  for (const story of candidates) {
    const s = scoreStory(article, story, o.windowHours);
    if (!s) continue;
    const eligible = s.breakdown.text >= o.minText && s.score >= o.threshold;
    // An eligible story beats any ineligible one; then the higher score wins, then the older id.
    if (
      !best ||
      (eligible && !best.eligible) ||
      (eligible === best.eligible && (s.score > best.score || (s.score === best.score && story.id < best.story.id)))
    ) {
      best = { story, ...s, eligible };
    }
  }
  if (!best) return { storyId: null, score: 0, reasons: ["no story within the time window"], breakdown: null };
  return {
    storyId: best.eligible ? best.story.id : null,
    score: best.score,
    reasons: explain(best.breakdown, best.score, best.eligible, o),
    breakdown: best.breakdown,
  };
}

function addNames(into: Readonly<Record<string, number>>, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = { ...into };
  for (const n of names) out[n] = (out[n] ?? 0) + 1;
  return Object.fromEntries(topTerms(Object.entries(out), STORY_NAMES));
}

/** A one-article story. */
export function newStory(id: string, article: StoryFeatures): StoryCandidate {
  return {
    id,
    terms: { ...article.terms },
    places: addNames({}, article.places),
    actors: addNames({}, article.actors),
    firstSeen: article.publishedAt,
    lastSeen: article.publishedAt,
    articles: 1,
  };
}

/** The story with one more article: terms summed and pruned, names counted, time span widened. */
export function mergeIntoStory(story: StoryCandidate, article: StoryFeatures): StoryCandidate {
  const terms: Record<string, number> = { ...story.terms };
  for (const [k, v] of Object.entries(article.terms)) terms[k] = (terms[k] ?? 0) + v;
  return {
    id: story.id,
    terms: Object.fromEntries(topTerms(Object.entries(terms), STORY_TERMS)),
    places: addNames(story.places, article.places),
    actors: addNames(story.actors, article.actors),
    firstSeen: Math.min(story.firstSeen, article.publishedAt),
    lastSeen: Math.max(story.lastSeen, article.publishedAt),
    articles: story.articles + 1,
  };
}
