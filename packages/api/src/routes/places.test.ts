import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi, testTargets } from "../testing/index.ts";

const { targets, dropSchema } = testTargets("api_places");
afterAll(dropSchema);

describe.each(targets)("places and actors API on %s", (_name, target) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await openTestApi(target);
    const source = await t.store.sources.upsert({ name: "S", url: "https://news.example/feed" });
    await t.ingest({
      sourceId: source.id,
      n: "1",
      title: "Clashes in Zvečan",
      text: "Kosovo police clashed with protesters in Zvečan on Monday. KFOR deployed troops to Leposavić.",
      publishedAt: "2025-06-02T09:00:00Z",
    });
    await t.ingest({
      sourceId: source.id,
      n: "2",
      title: "Arrests in Raška",
      text: "Serbian police arrested two men in Raška on Tuesday.",
      publishedAt: "2025-06-03T09:00:00Z",
    });
  });
  afterAll(() => t.store.close());

  const window = "from=2025-06-01&to=2025-06-30";
  const body = async <T>(res: Response): Promise<T> => {
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  type Place = { id: string; name: string; region: string; total: number; counts: Record<string, number> };

  it("lists places with activity and their gazetteer region, and narrows to a region", async () => {
    const { places } = await body<{ places: Place[] }>(await t.get("analyst", `/api/v1/places?${window}`));
    expect(places.map((p) => p.id)).toEqual(expect.arrayContaining(["leposavic", "raska", "zvecan"]));
    expect(places.find((p) => p.id === "zvecan")).toMatchObject({ name: "Zvečan", region: "Mitrovica" });
    expect(places.find((p) => p.id === "zvecan")?.counts.clash).toBe(1);
    const north = await body<{ places: Place[] }>(await t.get("analyst", `/api/v1/places?${window}&region=mitrovica`));
    expect(north.places.map((p) => p.id).sort()).toEqual(["leposavic", "zvecan"]);
    expect((await t.get("analyst", `/api/v1/places?region=Atlantis`)).status).toBe(404);
    expect((await t.get("viewer", "/api/v1/places")).status).toBe(403);
  });

  it("shows a place by id or by any spelling, with activity by day and its latest evidence", async () => {
    for (const id of ["zvecan", "Звечан", "Zvecan"]) {
      const d = await body<{
        place: Place;
        days: Array<{ day: string; counts: Record<string, number> }>;
        evidence: Array<{ type: string; evidence: { sentence: string }; article: { title: string } }>;
      }>(await t.get("analyst", `/api/v1/places/${encodeURIComponent(id)}?${window}`));
      expect(d.place.name).toBe("Zvečan");
      expect(d.days.map((x) => [x.day, x.counts.clash])).toEqual([["2025-06-02", 1]]);
      expect(d.evidence[0]?.evidence.sentence).toContain("clashed with protesters in Zvečan");
      expect(d.evidence[0]?.article.title).toBe("Clashes in Zvečan");
    }
    expect((await t.get("analyst", "/api/v1/places/atlantis")).status).toBe(404);
  });

  it("lists actors with names and kinds, and shows one by id or by name", async () => {
    const { actors } = await body<{ actors: Array<{ id: string; name: string; kind: string; total: number }> }>(
      await t.get("analyst", `/api/v1/actors?${window}`),
    );
    const police = actors.find((a) => a.id === "kosovo-police");
    expect(police).toMatchObject({ name: "Kosovo police", kind: "police" });
    expect(police?.total).toBeGreaterThan(0);
    for (const id of ["kosovo-police", "KOSOVO POLICE"]) {
      const d = await body<{ actor: { name: string }; days: Array<{ day: string }>; evidence: unknown[] }>(
        await t.get("analyst", `/api/v1/actors/${encodeURIComponent(id)}?${window}`),
      );
      expect(d.actor.name).toBe("Kosovo police");
      expect(d.days.map((x) => x.day)).toEqual(["2025-06-02"]);
      expect(d.evidence.length).toBeGreaterThan(0);
    }
    expect((await t.get("analyst", "/api/v1/actors/nobody")).status).toBe(404);
  });
});
