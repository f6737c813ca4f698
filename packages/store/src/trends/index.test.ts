import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../index.ts";
import { migrate } from "../migrate/index.ts";
import { indicator, testTargets } from "../testing/index.ts";

const { targets, dropSchema } = testTargets("trends_test");
afterAll(dropSchema);

describe.each(targets)("trend filters on %s", (_name, target) => {
  let store: Store;
  let serbian: string;
  let kosovar: string;
  beforeAll(async () => {
    store = await Store.open(target);
    serbian = (
      await store.sources.upsert({ name: "RTS", url: "https://rts.example/feed", tags: { perspective: "serbian" } })
    ).id;
    kosovar = (
      await store.sources.upsert({ name: "Koha", url: "https://koha.example/feed", tags: { perspective: "kosovar" } })
    ).id;
    const put = async (n: number, sourceId: string, at: string, language: string, places: string[]) => {
      const { article } = await store.articles.upsert({
        sourceId,
        url: `https://x.example/${n}`,
        canonicalUrl: `https://x.example/${n}`,
        title: null,
        byline: null,
        publishedAt: at,
        language,
        text: `article ${n}`,
      });
      await store.indicators.replaceForArticle(article, [indicator("clash", "asserted", 0, { places })]);
    };
    await put(1, serbian, "2025-03-10T08:15:00Z", "sr-Latn", ["Zvečan", "Leposavić"]);
    await put(2, serbian, "2025-03-10T08:45:00Z", "sr", ["Raška"]);
    await put(3, kosovar, "2025-03-10T17:00:00Z", "sq", ["Pristina"]);
    await put(4, kosovar, "2025-03-11T00:30:00Z", "en", ["Zubin Potok"]);
  });
  afterAll(() => store.close());

  const counts = async (q: Parameters<Store["trends"]["daily"]>[0]) =>
    (await store.trends.daily(q)).map((p) => [p.day, p.count]);
  const days = { from: "2025-03-10", to: "2025-03-11" };

  it("counts per UTC hour at hour resolution", async () => {
    expect(await counts({ ...days, resolution: "hour" })).toEqual([
      ["2025-03-10T08:00Z", 2],
      ["2025-03-10T17:00Z", 1],
      ["2025-03-11T00:00Z", 1],
    ]);
    expect(await counts({ ...days, resolution: "hour", place: "Zvecan" })).toEqual([["2025-03-10T08:00Z", 1]]);
  });

  it("counts an indicator once for its admin region, however many of its places lie there", async () => {
    expect(await counts({ ...days, region: "Mitrovica" })).toEqual([
      ["2025-03-10", 1],
      ["2025-03-11", 1],
    ]);
    expect(await counts({ ...days, region: "Raška District" })).toEqual([["2025-03-10", 1]]);
    expect(await counts({ ...days, region: "mitrovica", resolution: "hour" })).toEqual([
      ["2025-03-10T08:00Z", 1],
      ["2025-03-11T00:00Z", 1],
    ]);
  });

  it("sums the sources that carry a tag, and follows a change of tags", async () => {
    const tag = { key: "perspective", value: "serbian" };
    expect(await counts({ ...days, sourceTag: tag })).toEqual([["2025-03-10", 2]]);
    expect(await counts({ ...days, sourceTag: tag, resolution: "hour" })).toEqual([["2025-03-10T08:00Z", 2]]);
    expect(await counts({ ...days, sourceTag: { key: "perspective", value: "none" } })).toEqual([]);
    await store.sources.update(kosovar, { tags: { perspective: "serbian" } });
    expect(await counts({ ...days, sourceTag: tag, resolution: "week" })).toEqual([["2025-03-10", 4]]);
    await store.sources.update(kosovar, { tags: { perspective: "kosovar" } });
  });

  it("filters by article language on its primary subtag", async () => {
    expect(await counts({ ...days, language: "sr" })).toEqual([["2025-03-10", 2]]);
    expect(await counts({ ...days, language: "EN", resolution: "hour" })).toEqual([["2025-03-11T00:00Z", 1]]);
  });

  it("refuses two filters that live in different rollups", async () => {
    await expect(store.trends.daily({ ...days, region: "Mitrovica", language: "sr" })).rejects.toThrow(
      /region and language/,
    );
  });

  it("backfills region, actor and hourly rollups for rows written before migration 0009", async () => {
    const before = await counts({ ...days, region: "Mitrovica", resolution: "hour" });
    await store.sql.query("UPDATE indicators SET region_keys = '[]', actor_keys = '[]', hour = 0, language = ''");
    await store.sql.query("DELETE FROM indicator_hourly");
    await store.sql.query("DELETE FROM indicator_dim_daily");
    await store.sql.query("DELETE FROM schema_migrations WHERE version >= '0009'");
    expect(await migrate(store.sql)).toContain("0009_rollup_dimensions");
    expect(await counts({ ...days, region: "Mitrovica", resolution: "hour" })).toEqual(before);
    expect(await counts({ ...days, language: "sr" })).toEqual([["2025-03-10", 2]]);
    const [actor] = await store.activity.totals("actor", days);
    expect(actor).toMatchObject({ key: "kosovo police", total: 4 });
  });
});
