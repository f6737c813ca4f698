import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../index.ts";
import { indicator, testTargets } from "../testing/index.ts";

const { targets, dropSchema } = testTargets("retention_test");
afterAll(dropSchema);

describe.each(targets)("raw HTML retention on %s", (_name, target) => {
  let store: Store;
  const ids: string[] = [];
  beforeAll(async () => {
    store = await Store.open(target);
    for (const n of [1, 2, 3]) {
      const { article } = await store.articles.upsert({
        sourceId: null,
        url: `https://r.example/${n}`,
        canonicalUrl: `https://r.example/${n}`,
        title: `R${n}`,
        byline: null,
        publishedAt: "2025-01-01T10:00:00Z",
        language: "en",
        text: `Police clashed in Zvečan (${n}).`,
        rawHtml: `<html><body><p>Police clashed in Zvečan (${n}).</p></body></html>`,
      });
      await store.indicators.replaceForArticle(article, [indicator("clash", "asserted", 7)]);
      ids.push(article.id);
    }
    // Two copies fetched 40 and 100 days ago, one today.
    await store.sql.query("UPDATE article_raw SET fetched_at = now() - interval '40 days' WHERE article_id = $1", [
      ids[0],
    ]);
    await store.sql.query("UPDATE article_raw SET fetched_at = now() - interval '100 days' WHERE article_id = $1", [
      ids[1],
    ]);
  });
  afterAll(() => store.close());

  it("keeps the raw page beside the article until it is purged", async () => {
    expect((await store.articles.rawHtml(ids[2] ?? ""))?.html).toContain("<p>Police clashed");
  });

  it("counts without clearing on a dry run", async () => {
    const result = await store.purgeRawHtml({ olderThanDays: 30, dryRun: true });
    expect(result).toMatchObject({ dryRun: true, articles: 2, kept: 1 });
    expect(result.bytes).toBeGreaterThan(100);
    expect(await store.articles.rawHtml(ids[0] ?? "")).not.toBeNull();
  });

  it("clears raw HTML older than the period in batches, keeping text, indicators and trends", async () => {
    const trendBefore = await store.trends.daily({ from: "2025-01-01", to: "2025-01-01" });
    const progress: number[] = [];
    const result = await store.purgeRawHtml({
      olderThanDays: 30,
      batchSize: 1,
      onProgress: (p) => progress.push(p.articles),
    });
    expect(result).toMatchObject({ dryRun: false, articles: 2, kept: 1 });
    expect(progress).toEqual([1, 2]);
    expect(await store.articles.rawHtml(ids[0] ?? "")).toBeNull();
    expect(await store.articles.rawHtml(ids[1] ?? "")).toBeNull();
    expect(await store.articles.rawHtml(ids[2] ?? "")).not.toBeNull();
    expect((await store.articles.get(ids[0] ?? ""))?.text).toContain("Police clashed");
    expect((await store.indicators.forArticles([ids[0] ?? ""])).get(ids[0] ?? "")).toHaveLength(1);
    expect(await store.trends.daily({ from: "2025-01-01", to: "2025-01-01" })).toEqual(trendBefore);
    expect((await store.purgeRawHtml({ olderThanDays: 30 })).articles).toBe(0);
  });

  it("clears every copy with a period of 0 days and refuses a negative one", async () => {
    expect((await store.purgeRawHtml({ olderThanDays: 0 })).articles).toBe(1);
    await expect(store.purgeRawHtml({ olderThanDays: -1 })).rejects.toThrow(/olderThanDays/);
  });
});
