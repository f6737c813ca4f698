import type { Indicator } from "@seismo/core";
import type { SqlClient, Store } from "@seismo/store";
import { insertSubscription } from "../data/webhooks.ts";

/** A tagged article in a story, written straight to the store (no pipeline). */
export async function addArticle(
  store: Store,
  a: { slug: string; at: string; storyId: string; sourceId: string; indicators: Array<Partial<Indicator>> },
): Promise<string> {
  const url = `https://news.example/${a.slug}`;
  const { article } = await store.articles.upsert({
    sourceId: a.sourceId,
    url,
    canonicalUrl: url,
    title: a.slug,
    byline: null,
    publishedAt: a.at,
    language: "en",
    text: `Text of ${a.slug}.`,
  });
  const indicators: Indicator[] = a.indicators.map((i, n) => ({
    type: "clash",
    modality: "asserted",
    evidence: { text: "x", start: n * 10, end: n * 10 + 1, sentence: `${a.slug} sentence ${n}.` },
    actors: [],
    places: [],
    confidence: 0.9,
    intensity: 0.8,
    ...i,
  }));
  await store.indicators.replaceForArticle(article, indicators);
  await store.stories.saveWithArticle(
    { id: a.storyId, title: `Story ${a.storyId}`, firstSeen: a.at, lastSeen: a.at, features: {} },
    article.id,
  );
  return article.id;
}

/** Queue stand-in that records jobs; tests run them by hand. */
export function recordingQueues() {
  const jobs: Array<{ name: string; payload: Record<string, unknown>; dedupeKey?: string; delayMs?: number }> = [];
  return {
    jobs,
    async add(name: string, payload: object, options: { dedupeKey?: string; delayMs?: number } = {}) {
      jobs.push({ name, payload: payload as Record<string, unknown>, ...options });
      return {} as never;
    },
  };
}

/** The standard-format webhook subscription `sub_1`, for every rule, that evaluation tests deliver to. */
export async function subscribeAll(sql: SqlClient): Promise<void> {
  await insertSubscription(sql, "sub_1", {
    name: "ops",
    url: "https://hooks.example/x",
    ruleIds: [],
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    format: "standard",
    enabled: true,
  });
}
