import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../index.ts";
import { indicator, testTargets } from "../testing/index.ts";

const { targets, dropSchema } = testTargets("activity_test");
afterAll(dropSchema);

describe.each(targets)("places, actors and framing search on %s", (_name, target) => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(target);
    const source = await store.sources.upsert({ name: "S", url: "https://s.example/feed" });
    const put = async (n: number, day: string, inds: Parameters<Store["indicators"]["replaceForArticle"]>[1]) => {
      const { article } = await store.articles.upsert({
        sourceId: source.id,
        url: `https://s.example/${n}`,
        canonicalUrl: `https://s.example/${n}`,
        title: `Article ${n}`,
        byline: null,
        publishedAt: `${day}T10:00:00Z`,
        language: "en",
        text: `Text of article ${n}.`,
      });
      await store.indicators.replaceForArticle(article, inds);
      return article;
    };
    await put(1, "2025-05-01", [
      indicator("clash", "asserted", 0, { places: ["Zvečan"], actors: ["Kosovo police", "KFOR"] }),
      indicator("protest", "asserted", 10, { places: ["Zvečan"], actors: ["KFOR"] }),
    ]);
    await put(2, "2025-05-02", [indicator("clash", "negated", 0, { places: ["Zvečan"], actors: ["KFOR"] })]);
    const a3 = await put(3, "2025-05-03", [
      indicator("deployment", "intent", 0, { places: ["Raška"], actors: ["Serbian Army"] }),
    ]);
    await store.framing.replaceForArticle(a3.id, [
      { marker: "boundary", variant: "serbian-official", start: 0, end: 10 },
    ]);
  });
  afterAll(() => store.close());

  const window = { from: "2025-05-01", to: "2025-05-31" };

  it("lists places busiest first with counts per type, claims only", async () => {
    expect(await store.activity.totals("place", window)).toEqual([
      { key: "zvecan", total: 2, counts: { clash: 1, protest: 1 } },
      { key: "raska", total: 1, counts: { deployment: 1 } },
    ]);
    expect(await store.activity.totals("place", { ...window, keys: ["raska", "novi pazar"] })).toEqual([
      { key: "raska", total: 1, counts: { deployment: 1 } },
    ]);
  });

  it("gives one place's activity by day", async () => {
    expect(await store.activity.byDay("place", "zvecan", { ...window, modalities: ["asserted", "negated"] })).toEqual([
      { day: "2025-05-01", type: "clash", count: 1 },
      { day: "2025-05-01", type: "protest", count: 1 },
      { day: "2025-05-02", type: "clash", count: 1 },
    ]);
  });

  it("lists actors with their display names and finds their evidence under any spelling", async () => {
    const actors = await store.activity.totals("actor", window);
    expect(actors.map((a) => [a.key, a.total])).toEqual([
      ["kfor", 2],
      ["kosovo police", 1],
      ["serbian army", 1],
    ]);
    const names = await store.activity.actorNames(actors.map((a) => a.key));
    expect(names.get("kosovo police")).toBe("Kosovo police");
    const { hits } = await store.indicators.search({ actor: "KOSOVO Police", limit: 5 });
    expect(hits.map((h) => h.type)).toEqual(["clash"]);
  });

  it("finds articles by framing marker, or by marker and variant", async () => {
    const titles = async (framing: string) =>
      (await store.articles.search({ framing, limit: 10 })).articles.map((a) => a.title);
    expect(await titles("boundary")).toEqual(["Article 3"]);
    expect(await titles("boundary:serbian-official")).toEqual(["Article 3"]);
    expect(await titles("boundary:kosovo-statehood")).toEqual([]);
    expect(await titles("territory-name")).toEqual([]);
  });
});
