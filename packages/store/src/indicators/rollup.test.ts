import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../index.ts";
import { rebuildDimensionRollups } from "../migrate/backfill.ts";
import { indicator, testTargets } from "../testing/index.ts";

const { targets, dropSchema } = testTargets("rollup_test");
afterAll(dropSchema);

const DAYS = "day BETWEEN '2024-01-01' AND '2024-01-03'";

describe.each(targets)("rollups on %s", (_name, target) => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(target);
  });
  afterAll(() => store.close());

  const rows = (sql: string, params: unknown[] = []) => store.sql.query(sql, params);

  it("keeps every rollup equal to a recount of the indicators after many re-tags", async () => {
    const source = await store.sources.upsert({ name: "Roll", url: "https://example.org/roll" });
    const types = ["clash", "deployment", "talks"] as const;
    const modalities = ["asserted", "intent", "negated"] as const;
    const languages = ["en", "sr-Latn", null, "sq"];
    const placeSets = [["Zvečan"], ["Leposavić", "Zubin Potok"], ["Raška", "Zvečan"], ["Nowhere"]];
    const actorSets = [["Kosovo police"], ["KFOR", "Serbian Army"], []];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    const upsert = (a: number, language: string | null, hour: number) =>
      store.articles.upsert({
        sourceId: source.id,
        url: `https://example.org/roll/${a}`,
        canonicalUrl: `https://example.org/roll/${a}`,
        title: null,
        byline: null,
        publishedAt: `2024-01-0${1 + (a % 3)}T${String(hour).padStart(2, "0")}:30:00Z`,
        language,
        text: `roll ${a}`,
      });
    const articles = [];
    for (let a = 0; a < 6; a++) articles.push((await upsert(a, languages[a % 4] ?? null, (a * 5) % 24)).article);
    for (let round = 0; round < 30; round++) {
      const n = rand(articles.length);
      // Now and then the article itself changes (language, hour) before the re-tag.
      const article = rand(4) === 0 ? (await upsert(n, languages[rand(4)] ?? null, rand(24))).article : articles[n];
      if (!article) continue;
      const inds = Array.from({ length: rand(4) }, (_, k) =>
        indicator(types[rand(3)] ?? "clash", modalities[rand(3)] ?? "asserted", k * 10, {
          places: placeSets[rand(placeSets.length)] ?? [],
          actors: actorSets[rand(actorSets.length)] ?? [],
          intensity: [0.1, 0.35, 0.7][rand(3)] ?? 0.5,
        }),
      );
      await store.indicators.replaceForArticle(article, inds);
    }
    const last = (await upsert(1, "sr-Latn", 23)).article;
    await store.indicators.replaceForArticle(last, [
      indicator("clash", "asserted", 0, { places: ["Raška", "Zvečan"] }),
    ]);
    expect(
      await rows(
        `SELECT day::text, type, modality, count AS n FROM indicator_daily WHERE source_id = $1 ORDER BY 1, 2, 3`,
        [source.id],
      ),
    ).toEqual(
      await rows(
        `SELECT day::text, type, modality, count(*)::int AS n FROM indicators WHERE source_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [source.id],
      ),
    );
    expect(
      await rows(
        `SELECT day::text, type, modality, place, count AS n FROM indicator_place_daily WHERE ${DAYS} ORDER BY 1, 2, 3, 4`,
      ),
    ).toEqual(
      await rows(
        `SELECT i.day::text, i.type, i.modality, p.place, count(*)::int AS n FROM indicators i
         CROSS JOIN LATERAL jsonb_array_elements_text(i.place_keys) p(place)
         WHERE i.${DAYS} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      ),
    );
    expect(
      await rows(
        `SELECT day::text, type, modality, count AS n FROM indicator_daily_total WHERE ${DAYS} ORDER BY 1, 2, 3`,
      ),
    ).toEqual(
      await rows(
        `SELECT day::text, type, modality, count(*)::int AS n FROM indicators WHERE ${DAYS} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      ),
    );

    // Hourly and dimension rollups against a recount from the articles themselves.
    const hourly = await rows(
      `SELECT dim, key, day::text, hour, type, modality, count AS n FROM indicator_hourly WHERE ${DAYS}
       ORDER BY 1, 2, 3, 4, 5, 6`,
    );
    const hourRecount = await rows(
      `SELECT d.dim, d.key, i.day::text, extract(hour FROM a.published_at AT TIME ZONE 'UTC')::smallint AS hour,
              i.type, i.modality, count(*)::int AS n
       FROM indicators i JOIN articles a ON a.id = i.article_id CROSS JOIN LATERAL (
         SELECT 'all' AS dim, '' AS key
         UNION ALL SELECT 'source', i.source_id
         UNION ALL SELECT 'language', lower(split_part(coalesce(a.language, ''), '-', 1))
         UNION ALL SELECT 'place', p FROM jsonb_array_elements_text(i.place_keys) p
         UNION ALL SELECT 'region', r FROM jsonb_array_elements_text(i.region_keys) r) d
       WHERE i.${DAYS} GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
    );
    expect(hourly).toEqual(hourRecount);
    expect(hourly.some((r) => r.dim === "region" && r.key === "raska district")).toBe(true);
    expect(hourly.some((r) => r.dim === "language" && r.key === "sr")).toBe(true);
    const dims = await rows(
      `SELECT dim, key, day::text, type, modality, count AS n FROM indicator_dim_daily WHERE ${DAYS} ORDER BY 1, 2, 3, 4, 5`,
    );
    const dimRecount = await rows(
      `SELECT d.dim, d.key, i.day::text, i.type, i.modality, count(*)::int AS n
       FROM indicators i JOIN articles a ON a.id = i.article_id CROSS JOIN LATERAL (
         SELECT 'language' AS dim, lower(split_part(coalesce(a.language, ''), '-', 1)) AS key
         UNION ALL SELECT 'region', r FROM jsonb_array_elements_text(i.region_keys) r
         UNION ALL SELECT 'actor', x FROM jsonb_array_elements_text(i.actor_keys) x) d
       WHERE i.${DAYS} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    );
    expect(dims).toEqual(dimRecount);
    // An indicator naming Zvečan and Leposavić counts once for their region, Mitrovica.
    const mitrovica = await rows(
      "SELECT count(*)::int AS n FROM indicators WHERE region_keys @> '[\"mitrovica\"]'::jsonb AND day BETWEEN '2024-01-01' AND '2024-01-03'",
    );
    const rolled = await rows(
      `SELECT coalesce(sum(count), 0)::int AS n FROM indicator_dim_daily WHERE dim = 'region' AND key = 'mitrovica' AND ${DAYS}`,
    );
    expect(rolled).toEqual(mitrovica);

    // The backfill that migration 0009 runs rebuilds exactly what the deltas kept.
    await store.sql.transaction((tx) => rebuildDimensionRollups(tx));
    expect(
      await rows(
        `SELECT dim, key, day::text, hour, type, modality, count AS n FROM indicator_hourly WHERE ${DAYS} ORDER BY 1, 2, 3, 4, 5, 6`,
      ),
    ).toEqual(hourly);
    expect(
      await rows(
        `SELECT dim, key, day::text, type, modality, count AS n FROM indicator_dim_daily WHERE ${DAYS} ORDER BY 1, 2, 3, 4, 5`,
      ),
    ).toEqual(dims);
  });
});
