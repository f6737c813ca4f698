import type { Indicator } from "@seismo/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../index.ts";
import { testTargets } from "../testing/index.ts";

const { targets, dropSchema } = testTargets("store_clustering");
afterAll(dropSchema);

const indicator = (start: number, places: string[], actors: string[]): Indicator => ({
  type: "clash",
  modality: "asserted",
  evidence: { text: "x", start, end: start + 1, sentence: "x." },
  actors,
  places,
  confidence: 0.9,
  intensity: 0.5,
});

const print = (n: number) => ({ simhash: `000000000000000${n}`, minhash: [n, n + 1, n + 2], shingles: 3 });
const story = (id: string, at: string) => ({ id, title: `Story ${id}`, firstSeen: at, lastSeen: at, features: { id } });

describe.each(targets)("story clustering statements on %s", (_name, target) => {
  let store: Store;
  let n = 0;
  beforeAll(async () => {
    store = await Store.open(target);
  });
  afterAll(() => store.close());

  async function article(publishedAt: string) {
    n++;
    const source = await store.sources.upsert({ name: `Outlet ${n}`, url: `https://outlet${n}.example/feed` });
    const url = `https://outlet${n}.example/a/${n}`;
    const { article } = await store.articles.upsert({
      sourceId: source.id,
      url,
      canonicalUrl: url,
      title: `Report ${n}`,
      byline: null,
      publishedAt,
      language: "en",
      text: `Report number ${n}.`,
    });
    return article;
  }

  it("reads an article with its indicators' places and actors in evidence order", async () => {
    const a = await article("2024-03-01T10:00:00Z");
    await store.indicators.replaceForArticle(a, [
      indicator(30, ["Zvečan"], ["Kosovo police"]),
      indicator(5, ["Banjska"], []),
    ]);
    const input = await store.stories.clusterInput(a.id);
    expect(input?.article).toEqual({
      id: a.id,
      title: a.title,
      text: a.text,
      publishedAt: "2024-03-01T10:00:00.000Z",
      fetchedAt: a.fetchedAt,
      eventDay: "2024-03-01",
      storyId: null,
    });
    expect(input?.indicators).toEqual([
      { places: ["Banjska"], actors: [] },
      { places: ["Zvečan"], actors: ["Kosovo police"] },
    ]);
    expect(await store.stories.clusterInput("art_missing")).toBeNull();
  });

  it("saves an outcome in one statement, moves an article between stories and keeps both counts exact", async () => {
    const a = await article("2024-04-01T10:00:00Z");
    const b = await article("2024-04-01T11:00:00Z");
    await store.stories.saveClusterOutcome({
      articleId: a.id,
      print: print(1),
      duplicateOf: null,
      lshKeys: ["k1"],
      story: story("sty_one", "2024-04-01T10:00:00.000Z"),
    });
    await store.stories.saveClusterOutcome({
      articleId: b.id,
      print: print(2),
      duplicateOf: a.id,
      lshKeys: ["k1"],
      story: story("sty_one", "2024-04-01T11:00:00.000Z"),
    });
    let one = await store.stories.get("sty_one");
    expect(one).toMatchObject({ articleCount: 2, title: "Story sty_one", lastSeen: "2024-04-01T11:00:00.000Z" });
    expect((await store.articles.get(b.id))?.duplicateOf).toBe(a.id);
    // Running it again changes no count.
    await store.stories.saveClusterOutcome({
      articleId: b.id,
      print: print(2),
      duplicateOf: a.id,
      lshKeys: ["k1"],
      story: story("sty_one", "2024-04-01T11:00:00.000Z"),
    });
    expect((await store.stories.get("sty_one"))?.articleCount).toBe(2);
    // Moving b recounts the story it left and the one it joined.
    await store.stories.saveClusterOutcome({
      articleId: b.id,
      print: print(2),
      duplicateOf: null,
      lshKeys: ["k2"],
      story: story("sty_two", "2024-04-01T11:00:00.000Z"),
    });
    one = await store.stories.get("sty_one");
    expect(one?.articleCount).toBe(1);
    expect((await store.stories.get("sty_two"))?.articleCount).toBe(1);
    expect((await store.articles.get(b.id))?.storyId).toBe("sty_two");
  });

  it("reads copy candidates sharing a band, with the story of the original, and the stories in the window", async () => {
    const original = await article("2024-05-01T10:00:00Z");
    const copy = await article("2024-05-01T12:00:00Z");
    const unrelated = await article("2024-05-01T13:00:00Z");
    await store.stories.saveClusterOutcome({
      articleId: original.id,
      print: print(3),
      duplicateOf: null,
      lshKeys: ["band-a"],
      story: story("sty_may", "2024-05-01T10:00:00.000Z"),
    });
    // The copy sits in another story; a copy of it would join the original's.
    await store.stories.saveClusterOutcome({
      articleId: copy.id,
      print: print(4),
      duplicateOf: original.id,
      lshKeys: ["band-a"],
      story: story("sty_may_b", "2024-05-01T12:00:00.000Z"),
    });
    await store.stories.saveClusterOutcome({
      articleId: unrelated.id,
      print: print(5),
      duplicateOf: null,
      lshKeys: ["band-z"],
      story: story("sty_far", "2024-05-20T12:00:00.000Z"),
    });
    const { near, stories } = await store.stories.clusterNeighbours({
      day: "2024-05-01",
      days: 3,
      excludeId: "art_new",
      lshKeys: ["band-a"],
      at: new Date("2024-05-01T14:00:00Z"),
      windowMs: 72 * 3_600_000,
    });
    expect(near).toEqual([
      { id: original.id, duplicateOf: null, originalStoryId: "sty_may", print: print(3) },
      { id: copy.id, duplicateOf: original.id, originalStoryId: "sty_may", print: print(4) },
    ]);
    expect(stories.map((s) => s.id)).toEqual(["sty_may_b", "sty_may"]);
    expect(stories[1]).toEqual({ id: "sty_may", title: "Story sty_may", featuresJson: expect.any(String) });
    expect(JSON.parse(stories[1]?.featuresJson ?? "")).toEqual({ id: "sty_may" });
  });
});
