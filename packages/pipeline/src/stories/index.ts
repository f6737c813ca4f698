import type { Indicator } from "@seismo/core";
import type { Store, StoredArticle } from "@seismo/store";
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

export interface StoryOutcome {
  storyId: string;
  createdStory: boolean;
  duplicateOf: string | null;
  score: number;
}

/**
 * Links an article to the earlier article it copies (near-duplicate by MinHash/SimHash within a
 * few days) and to its story: the best-matching story in the time window, or a new one. A copy
 * joins the story of the article it copies. Re-running it for the same article is harmless.
 */
export async function assignStory(
  store: Store,
  article: StoredArticle,
  indicators: Indicator[],
): Promise<StoryOutcome> {
  const print = fingerprint(article.text);
  const bands = lshKeys(print.minhash, LSH_BANDS);
  let duplicateOf: string | null = null;
  for (const other of await store.articles.fingerprintsNear(article.eventDay, DUPLICATE_DAYS, article.id, bands)) {
    if (nearDuplicate(print, other.print).duplicate) {
      duplicateOf = other.duplicateOf ?? other.id;
      break;
    }
  }
  await store.articles.setFingerprint(article.id, print, duplicateOf, bands);

  const at = new Date(article.publishedAt ?? article.fetchedAt);
  const features = storyFeatures({
    title: article.title ?? undefined,
    text: article.text,
    publishedAt: at.toISOString(),
    places: [...new Set(indicators.flatMap((i) => i.places))],
    actors: [...new Set(indicators.flatMap((i) => i.actors))],
  });
  const candidates: StoryCandidate[] = [];
  for (const row of await store.stories.candidates(at, WINDOW_HOURS * 3_600_000)) {
    const parsed = StoryCandidateSchema.safeParse(row.features);
    if (parsed.success) candidates.push(parsed.data);
  }
  const original = duplicateOf ? await store.articles.get(duplicateOf) : null;
  const forced = original?.storyId ? candidates.find((c) => c.id === original.storyId) : undefined;
  const match = forced
    ? { storyId: forced.id, score: 1 }
    : matchStory(features, candidates, { windowHours: WINDOW_HOURS });
  const existing = match.storyId ? candidates.find((c) => c.id === match.storyId) : undefined;
  const story = existing ? mergeIntoStory(existing, features) : newStory(`sty_${article.id.slice(4)}`, features);
  const title = existing ? ((await store.stories.get(existing.id))?.title ?? article.title) : article.title;
  await store.stories.saveWithArticle(
    {
      id: story.id,
      title: title ?? "(untitled story)",
      firstSeen: new Date(story.firstSeen).toISOString(),
      lastSeen: new Date(story.lastSeen).toISOString(),
      features: story,
    },
    article.id,
  );
  return { storyId: story.id, createdStory: !existing, duplicateOf, score: match.score };
}
