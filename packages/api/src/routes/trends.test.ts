import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi, testTargets } from "../testing/index.ts";

const { targets, dropSchema } = testTargets("api_trends");
afterAll(dropSchema);

// Seed 002 of the offline sample source: Serbian official framing ("Kosovo and Metohija", "administrative boundary").
const SEED_002 = readFileSync(
  new URL("../../../sample-source/fixtures/seeds/002_8f9645f6ad54a012.txt", import.meta.url),
  "utf8",
);

describe.each(targets)("trend filters and framing search over HTTP on %s", (_name, target) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await openTestApi(target);
    const serbian = await t.store.sources.upsert({
      name: "Serbian Diaspora Herald",
      url: "https://herald.example/feed",
      tags: { perspective: "serbian", country: "RS" },
    });
    const kosovar = await t.store.sources.upsert({
      name: "Prishtina Daily",
      url: "https://daily.example/feed",
      tags: { perspective: "kosovar", country: "XK" },
    });
    await t.ingest({
      sourceId: serbian.id,
      n: "seed-002",
      title: "Serb residents reinforce protection of facilities as tensions rise in Kosovo and Metohija",
      text: SEED_002,
      publishedAt: "2023-10-01T11:30:00Z",
      language: "sr-Latn",
    });
    await t.ingest({
      sourceId: kosovar.id,
      n: "k1",
      title: "Police clash with protesters in Zvečan",
      text: "Kosovo police clashed with protesters in Zvečan on Sunday evening.",
      publishedAt: "2023-10-01T19:10:00Z",
    });
  });
  afterAll(() => t.store.close());

  type Trends = { resolution: string; totals: Record<string, number>; points: Array<{ day: string; count: number }> };
  const trends = async (query: string) => {
    const res = await t.get("viewer", `/api/v1/trends?from=2023-10-01&to=2023-10-01&type=clash&${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Trends;
  };

  it("answers hour resolution with one zero-filled point per UTC hour", async () => {
    const body = await trends("resolution=hour");
    expect(body.resolution).toBe("hour");
    expect(body.points.map((p) => p.day)).toEqual(["2023-10-01T11:00Z", "2023-10-01T19:00Z"]);
    const series = (await (
      await t.get("viewer", "/api/v1/trends?from=2023-10-01&to=2023-10-01&type=clash&resolution=hour")
    ).json()) as {
      series: Array<{ points: unknown[] }>;
    };
    expect(series.series[0]?.points).toHaveLength(24);
  });

  it("refuses an hour range over 14 days, and two filters from different rollups", async () => {
    const long = await t.get("viewer", "/api/v1/trends?from=2023-10-01&to=2023-10-20&resolution=hour");
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toMatch(/14 days/);
    const mixed = await t.get("viewer", "/api/v1/trends?region=Mitrovica&language=sr");
    expect(mixed.status).toBe(400);
    expect((await t.get("viewer", "/api/v1/trends?sourceTag=nocolon")).status).toBe(400);
  });

  it("filters by region, source tag and language", async () => {
    const both = (await trends("")).totals.clash ?? 0;
    expect(both).toBeGreaterThanOrEqual(2);
    const serbian = (await trends("sourceTag=perspective:serbian")).totals.clash ?? 0;
    const kosovar = (await trends("sourceTag=perspective:kosovar")).totals.clash ?? 0;
    expect([serbian, kosovar]).toEqual([both - 1, 1]);
    expect((await trends("language=sr")).totals.clash).toBe(serbian);
    expect((await trends("language=en")).totals.clash).toBe(1);
    expect((await trends("region=Mitrovica")).totals.clash).toBeGreaterThanOrEqual(1);
    expect((await trends("region=Mitrovica&resolution=hour")).points.map((p) => p.day)).toContain("2023-10-01T19:00Z");
    expect((await trends("region=Pčinja District")).totals).toEqual({});
  });

  it("finds the Serbian-framed seed by framing marker, and only it", async () => {
    const titles = async (framing: string) => {
      const res = await t.get("analyst", `/api/v1/articles?framing=${framing}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { articles: Array<{ title: string }> }).articles.map((a) => a.title);
    };
    const seed = ["Serb residents reinforce protection of facilities as tensions rise in Kosovo and Metohija"];
    expect(await titles("territory-name")).toEqual(seed);
    expect(await titles("territory-name:serbian-official")).toEqual(seed);
    expect(await titles("boundary:serbian-official")).toEqual(seed);
    expect(await titles("boundary:kosovo-statehood")).toEqual([]);
    expect((await t.get("analyst", "/api/v1/articles?framing=Bad%20Marker")).status).toBe(400);
  });
});
