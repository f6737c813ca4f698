import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store, sha256Hex } from "./index.ts";
import { migrate } from "./migrate/index.ts";
import { indicator, testTargets } from "./testing/index.ts";

const { targets, dropSchema } = testTargets("store_test");
afterAll(dropSchema);

describe.each(targets)("store on %s", (_name, target) => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(target);
  });
  afterAll(() => store.close());

  it("applies migrations once, even when asked again", async () => {
    expect(await migrate(store.sql)).toEqual([]);
  });

  it("upserts a source by URL instead of duplicating it", async () => {
    const a = await store.sources.upsert({ name: "A", url: "https://example.org/feed" });
    const b = await store.sources.upsert({
      name: "A renamed",
      url: "https://example.org/feed",
      tags: { country: "XK" },
    });
    expect(b.id).toBe(a.id);
    expect(b.name).toBe("A renamed");
    expect(b.tags).toEqual({ country: "XK" });
  });

  it("re-running the article and tagging steps leaves the same rows and rollup", async () => {
    const source = await store.sources.upsert({ name: "B", url: "https://example.org/b" });
    const input = {
      sourceId: source.id,
      url: "https://example.org/b/1?utm_source=x",
      canonicalUrl: "https://example.org/b/1",
      title: "T",
      byline: null,
      publishedAt: "2023-09-29T10:00:00Z",
      language: "en",
      text: "Police clashed with protesters.",
    };
    const first = await store.articles.upsert(input);
    const second = await store.articles.upsert(input);
    expect(first.changed).toBe(true);
    expect(second.changed).toBe(false);
    expect(second.article.id).toBe(first.article.id);
    expect(second.article.eventDay).toBe("2023-09-29");

    const inds = [
      indicator("clash", "asserted", 0),
      indicator("deployment", "negated", 5),
      indicator("clash", "asserted", 9),
    ];
    await store.indicators.replaceForArticle(first.article, inds);
    await store.indicators.replaceForArticle(first.article, inds);
    const stored = (await store.indicators.forArticles([first.article.id])).get(first.article.id) ?? [];
    expect(stored).toHaveLength(3);
    expect(stored[0]?.places).toEqual(["Zvečan"]);

    const trend = await store.trends.daily({ from: "2023-09-28", to: "2023-09-30", sourceId: source.id });
    expect(trend).toEqual([{ day: "2023-09-29", type: "clash", count: 2, intensity: 1 }]);
    const withNegated = await store.trends.daily({
      from: "2023-09-29",
      to: "2023-09-29",
      sourceId: source.id,
      modalities: ["negated"],
    });
    expect(withNegated.map((p) => [p.type, p.count])).toEqual([["deployment", 1]]);

    const page1 = await store.indicators.search({ limit: 2, place: "Zveçan", types: ["clash"] });
    expect(page1.hits).toHaveLength(2);
    expect(page1.hits[0]?.article.title).toBe("T");
    expect(page1.next).toBeNull();
    const onePerPage = await store.indicators.search({ limit: 1, place: "zvecan" });
    const nextPage = await store.indicators.search({ limit: 1, place: "zvecan", cursor: onePerPage.next ?? "" });
    expect(nextPage.hits[0]?.id).not.toBe(onePerPage.hits[0]?.id);

    const aroundZvecan = await store.trends.daily({ from: "2023-09-29", to: "2023-09-29", place: "Звечан" });
    expect(aroundZvecan).toEqual([{ day: "2023-09-29", type: "clash", count: 2, intensity: 1 }]);

    await store.indicators.replaceForArticle(first.article, [indicator("talks", "asserted", 0)]);
    const after = await store.trends.daily({ from: "2023-09-29", to: "2023-09-29", sourceId: source.id });
    expect(after.map((p) => [p.type, p.count])).toEqual([["talks", 1]]);
  });

  it("writes indicators and framing marks together, and keeps or replaces raw HTML with the article", async () => {
    const source = await store.sources.upsert({ name: "Framing", url: "https://example.org/framing" });
    const input = {
      sourceId: source.id,
      url: "https://example.org/f/1",
      canonicalUrl: "https://example.org/f/1",
      title: "Framed",
      byline: null,
      publishedAt: "2023-09-30T08:00:00Z",
      language: "en",
      text: "Police clashed with protesters in Kosovo and Metohija.",
      rawHtml: "<p>first</p>",
    };
    const first = await store.articles.upsert(input);
    expect(first.changed).toBe(true);
    const other = "https://example.org/f/2";
    expect(await store.articles.knownUrls([input.canonicalUrl, other])).toEqual(new Set([input.canonicalUrl]));
    expect(await store.articles.knownUrls([])).toEqual(new Set());
    expect((await store.articles.rawHtml(first.article.id))?.html).toBe("<p>first</p>");
    const same = await store.articles.upsert({ ...input, rawHtml: "<p>again</p>" });
    expect(same.changed).toBe(false);
    expect((await store.articles.rawHtml(first.article.id))?.html).toBe("<p>again</p>");

    const marks = [{ marker: "kosovo-metohija", variant: "Kosovo and Metohija", start: 36, end: 55 }];
    await store.indicators.replaceForArticle(first.article, [indicator("clash", "asserted", 0)], marks);
    expect(await store.framing.forArticle(first.article.id)).toEqual([
      { marker: "kosovo-metohija", variant: "Kosovo and Metohija", start_offset: 36, end_offset: 55 },
    ]);
    const [tagged] = await store.sql.query<{ tagged: boolean }>(
      "SELECT tagged_at IS NOT NULL AS tagged FROM articles WHERE id = $1",
      [first.article.id],
    );
    expect(tagged?.tagged).toBe(true);
    // Without framing the marks are left alone; with an empty list they go.
    await store.indicators.replaceForArticle(first.article, [indicator("clash", "asserted", 0)]);
    expect(await store.framing.forArticle(first.article.id)).toHaveLength(1);
    await store.indicators.replaceForArticle(first.article, [], []);
    expect(await store.framing.forArticle(first.article.id)).toEqual([]);
    expect((await store.indicators.forArticles([first.article.id])).get(first.article.id)).toEqual([]);
    const trend = await store.trends.daily({ from: "2023-09-30", to: "2023-09-30", sourceId: source.id });
    expect(trend).toEqual([]);
  });

  it("finds articles by any spelling of a place, in Latin or Cyrillic, with cursor pages", async () => {
    const source = await store.sources.upsert({ name: "Search", url: "https://example.org/search" });
    const base = { sourceId: source.id, byline: null, language: "sr", publishedAt: "2023-10-01T10:00:00Z" };
    await store.articles.upsert({
      ...base,
      url: "https://example.org/s/1",
      canonicalUrl: "https://example.org/s/1",
      title: "Протест у Звечану",
      text: "Грађани су протестовали у Звечану.",
    });
    await store.articles.upsert({
      ...base,
      url: "https://example.org/s/2",
      canonicalUrl: "https://example.org/s/2",
      title: "Protest in Zvečan",
      text: "Residents protested in Zvečan.",
      publishedAt: "2023-10-02T10:00:00Z",
    });
    await store.articles.upsert({
      ...base,
      url: "https://example.org/s/3",
      canonicalUrl: "https://example.org/s/3",
      title: "Other",
      text: "Nothing about it.",
    });
    for (const q of ["Zvečan", "Zvecan", "Звечан", "zvecan"]) {
      const { articles } = await store.articles.search({ q, limit: 10 });
      expect(articles.map((a) => a.canonicalUrl).sort(), q).toEqual([
        "https://example.org/s/1",
        "https://example.org/s/2",
      ]);
    }
    const page1 = await store.articles.search({ q: "zvec", limit: 1 });
    expect(page1.articles[0]?.canonicalUrl).toBe("https://example.org/s/2");
    const page2 = await store.articles.search({ q: "zvec", limit: 1, cursor: page1.next ?? "" });
    expect(page2.articles[0]?.canonicalUrl).toBe("https://example.org/s/1");
    expect(page2.next).toBeNull();
  });

  it("stores tokens only as hashes and refuses revoked ones", async () => {
    const { token, record } = await store.tokens.create("ci", "analyst");
    const raw = await store.sql.query<{ token_hash: string }>("SELECT token_hash FROM api_tokens WHERE id = $1", [
      record.id,
    ]);
    expect(raw[0]?.token_hash).toBe(sha256Hex(token));
    expect(JSON.stringify(raw)).not.toContain(token);
    expect((await store.tokens.verify(token))?.role).toBe("analyst");
    expect(await store.tokens.revoke(record.id)).toBe(true);
    expect(await store.tokens.verify(token)).toBeNull();
  });

  it("lists due sources and records the fetch log", async () => {
    const s = await store.sources.upsert({ name: "C", url: "https://example.org/c", intervalSeconds: 60 });
    expect((await store.sources.due()).some((d) => d.id === s.id)).toBe(true);
    await store.sources.recordPoll(
      { sourceId: s.id, httpStatus: 200, itemsNew: 3, itemsSeen: 5, bytes: 1000, durationMs: 12, error: null },
      { etag: '"abc"', lastModified: null },
    );
    expect((await store.sources.due()).some((d) => d.id === s.id)).toBe(false);
    expect((await store.sources.get(s.id))?.etag).toBe('"abc"');
    const log = await store.sources.fetchLog(s.id);
    expect(log[0]?.items_new).toBe(3);
  });
});

describe.each(targets)("source health on %s", (_name, target) => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(target);
  });
  afterAll(() => store.close());

  const fail = (sourceId: string) =>
    store.sources.recordPoll(
      { sourceId, httpStatus: 500, itemsNew: 0, itemsSeen: 0, bytes: 0, durationMs: 5, error: "GET x: HTTP 500" },
      { etag: null, lastModified: null },
      { failed: true, pauseAfter: 3 },
    );

  it("backs a failing source off and pauses it with the reason after repeated failures", async () => {
    const s = await store.sources.upsert({ name: "Flaky", url: "https://flaky.example/feed", intervalSeconds: 60 });
    await fail(s.id);
    const once = await store.sources.get(s.id);
    expect(once?.consecutiveFailures).toBe(1);
    expect(once?.nextPollAt).not.toBeNull();
    expect((await store.sources.due()).some((d) => d.id === s.id)).toBe(false);
    await fail(s.id);
    await fail(s.id);
    const paused = await store.sources.get(s.id);
    expect(paused?.enabled).toBe(false);
    expect(paused?.pausedReason).toMatch(/paused after 3 failed polls in a row; last error: GET x: HTTP 500/);

    const resumed = await store.sources.update(s.id, { enabled: true });
    expect(resumed?.pausedReason).toBeNull();
    expect(resumed?.consecutiveFailures).toBe(0);
    expect((await store.sources.due()).some((d) => d.id === s.id)).toBe(true);
  });

  it("removes a source without deleting its articles and stops polling it", async () => {
    const s = await store.sources.upsert({ name: "Gone", url: "https://gone.example/feed" });
    await store.articles.upsert({
      sourceId: s.id,
      url: "https://gone.example/a",
      canonicalUrl: "https://gone.example/a",
      title: null,
      byline: null,
      publishedAt: null,
      language: null,
      text: "text",
    });
    expect(await store.sources.remove(s.id)).toBe(true);
    expect((await store.sources.get(s.id))?.removed).toBe(true);
    expect((await store.sources.due()).some((d) => d.id === s.id)).toBe(false);
    expect((await store.sources.list()).some((d) => d.id === s.id)).toBe(false);
    expect(await store.articles.latest({ limit: 10, sourceId: s.id })).toHaveLength(1);
  });
});
