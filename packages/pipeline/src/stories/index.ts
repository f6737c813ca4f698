import type { Indicator } from "@seismo/core";
import type { ClusterArticle, Store } from "@seismo/store";
import {
  fingerprint,
  lshKeys,
  matchStory,
  mergeIntoStory,
  nearDuplicate,
  newStory,
  type StoryCandidate,
  StoryCandidateSchema,
  storyFeatures,
} from "@seismo/stories";

const WINDOW_HOURS = 72;
const DUPLICATE_DAYS = 3;
/**
 * 64 bands of 2 MinHash rows: a pair at Jaccard 0.3 shares a band with probability 0.998, one at
 * 0.05 with 0.15, so every copy the near-duplicate test can accept (down to Jaccard 0.4 with high
 * containment) is found, and only a few unrelated articles are read and rejected.
 */
const LSH_BANDS = 64;

/**
 * Stories' features, validated once per content: every article in a story's window reads the
 * story, and parsing its features each time cost more than the rest of the job. Keyed by story id
 * and checked against the stored text, so a story changed by any process is parsed again.
 */
const parsedStories = new Map<string, { json: string; candidate: StoryCandidate | null }>();
const PARSED_STORIES_MAX = 5_000;

export function storyCandidate(id: string, json: string): StoryCandidate | null {
  const known = parsedStories.get(id);
  if (known?.json === json) return known.candidate;
  let candidate: StoryCandidate | null = null;
  try {
    const parsed = StoryCandidateSchema.safeParse(JSON.parse(json));
    candidate = parsed.success ? parsed.data : null;
  } catch {
    candidate = null;
  }
  // Oldest first out (a Map iterates in insertion order; a re-parsed story moves to the end).
  parsedStories.delete(id);
  parsedStories.set(id, { json, candidate });
  if (parsedStories.size > PARSED_STORIES_MAX) {
    const oldest = parsedStories.keys().next().value;
    if (oldest !== undefined) parsedStories.delete(oldest);
  }
  return candidate;
}

export interface StoryOutcome {
  storyId: string;
  createdStory: boolean;
  duplicateOf: string | null;
  score: number;
}

/** The names of the article's indicators that its story features take (an Indicator has them). */
export type IndicatorNames = Pick<Indicator, "places" | "actors">;

/**
 * Links an article to the earlier article it copies (near-duplicate by MinHash/SimHash within a
 * few days) and to its story: the best-matching story in the time window, or a new one. A copy
 * joins the story of the article it copies. Re-running it for the same article is harmless.
 * Two round trips: one read (copy candidates and story candidates) and one write (one statement).
 */
export async function assignStory(
  store: Store,
  article: ClusterArticle,
  indicators: IndicatorNames[],
): Promise<StoryOutcome> {
  const print = fingerprint(article.text);
  const bands = lshKeys(print.minhash, LSH_BANDS);
  const at = new Date(article.publishedAt ?? article.fetchedAt);
  const { near, stories } = await store.stories.clusterNeighbours({
    day: article.eventDay,
    days: DUPLICATE_DAYS,
    excludeId: article.id,
    lshKeys: bands,
    at,
    windowMs: WINDOW_HOURS * 3_600_000,
  });
  let copied: (typeof near)[number] | undefined;
  for (const other of near) {
    if (nearDuplicate(print, other.print).duplicate) {
      copied = other;
      break;
    }
  }
  const duplicateOf = copied ? (copied.duplicateOf ?? copied.id) : null;

  const features = storyFeatures({
    title: article.title ?? undefined,
    text: article.text,
    publishedAt: at.toISOString(),
    places: [...new Set(indicators.flatMap((i) => i.places))],
    actors: [...new Set(indicators.flatMap((i) => i.actors))],
  });
  const candidates: StoryCandidate[] = [];
  const titles = new Map<string, string>();
  for (const row of stories) {
    const candidate = storyCandidate(row.id, row.featuresJson);
    if (!candidate) continue;
    candidates.push(candidate);
    titles.set(row.id, row.title);
  }
  const originalStoryId = copied?.originalStoryId;
  const forced = originalStoryId ? candidates.find((c) => c.id === originalStoryId) : undefined;
  const match = forced
    ? { storyId: forced.id, score: 1 }
    : matchStory(features, candidates, { windowHours: WINDOW_HOURS });
  const existing = match.storyId ? candidates.find((c) => c.id === match.storyId) : undefined;
  const story = existing ? mergeIntoStory(existing, features) : newStory(`sty_${article.id.slice(4)}`, features);
  // An existing story keeps its title (the upsert does not change it); the candidate row carries it.
  const title = existing ? (titles.get(existing.id) ?? article.title) : article.title;
  await store.stories.saveClusterOutcome({
    articleId: article.id,
    print,
    duplicateOf,
    lshKeys: bands,
    story: {
      id: story.id,
      title: title ?? "(untitled story)",
      firstSeen: new Date(story.firstSeen).toISOString(),
      lastSeen: new Date(story.lastSeen).toISOString(),
      features: story,
    },
  });
  return { storyId: story.id, createdStory: !existing, duplicateOf, score: match.score };
}
