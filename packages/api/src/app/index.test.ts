import { SeismoError } from "@seismo/core";
import { silentLogger } from "@seismo/observability";
import { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "./index.ts";

let store: Store;
let app: ReturnType<typeof createApi>;
let operator: string;
let viewer: string;
let analyst: string;

beforeAll(async () => {
  store = await Store.open({ kind: "pglite" });
  const fetchPage = async (url: string) => {
    throw new SeismoError("fetch_failed", `GET ${url}: no network in this test`);
  };
  app = createApi({ store, redisPing: async () => true, logger: silentLogger(), fetchPage });
  operator = (await store.tokens.create("op", "operator")).token;
  viewer = (await store.tokens.create("view", "viewer")).token;
  analyst = (await store.tokens.create("ana", "analyst")).token;
  const source = await store.sources.upsert({ name: "S", url: "https://example.org/feed" });
  const { article } = await store.articles.upsert({
    sourceId: source.id,
    url: "https://example.org/a",
    canonicalUrl: "https://example.org/a",
    title: "Clashes in Zvečan",
    byline: null,
    publishedAt: "2023-09-29T08:00:00Z",
    language: "en",
    text: "Police clashed with protesters in Zvečan.",
  });
  await store.indicators.replaceForArticle(article, [
    {
      type: "clash",
      modality: "asserted",
      evidence: { text: "clashed", start: 7, end: 14, sentence: "Police clashed with protesters in Zvečan." },
      actors: ["police"],
      places: ["Zvečan"],
      confidence: 0.9,
      intensity: 0.6,
    },
  ]);
});
afterAll(() => store.close());

const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe("API", () => {
  it("answers health without a token", async () => {
    const res = await app.request("/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: true, redis: true });
  });

  it("refuses a request without a token in the one error shape", async () => {
    const res = await app.request("/api/v1/articles");
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe("unauthorized");
    expect(body.error.requestId).toMatch(/.+/);
  });

  it("refuses an unknown token", async () => {
    expect((await app.request("/api/v1/trends", auth("smo_nope"))).status).toBe(401);
  });

  it("lists articles with their indicators and evidence offsets", async () => {
    expect((await app.request("/api/v1/articles?limit=5", auth(viewer))).status).toBe(403);
    const res = await app.request("/api/v1/articles?limit=5", auth(analyst));
    expect(res.status).toBe(200);
    const { articles } = (await res.json()) as {
      articles: Array<{ title: string; indicators: Array<{ type: string; evidence: { text: string } }> }>;
    };
    expect(articles[0]?.title).toBe("Clashes in Zvečan");
    expect(articles[0]?.indicators.map((i) => [i.type, i.evidence.text])).toEqual([["clash", "clashed"]]);
  });

  it("counts indicators per type and day", async () => {
    const res = await app.request("/api/v1/trends?from=2023-09-01&to=2023-10-31", auth(viewer));
    const body = (await res.json()) as { totals: Record<string, number>; points: unknown[] };
    expect(body.totals).toEqual({ clash: 1 });
    expect(body.points).toEqual([{ day: "2023-09-29", type: "clash", count: 1, intensity: expect.closeTo(0.6, 5) }]);
  });

  it("answers place trends under any spelling, with a baseline beside each point", async () => {
    const res = await app.request(
      "/api/v1/trends?from=2023-09-29&to=2023-09-30&place=Zvecan&baselineWindow=3",
      auth(viewer),
    );
    const body = (await res.json()) as {
      totals: Record<string, number>;
      series: Array<{ type: string; points: Array<{ t: string; count: number; baseline: { mean: number } | null }> }>;
    };
    expect(body.totals).toEqual({ clash: 1 });
    expect(body.series[0]?.points.map((p) => [p.t, p.count, p.baseline?.mean])).toEqual([
      ["2023-09-29", 1, 0],
      ["2023-09-30", 0, expect.closeTo(1 / 3, 3)],
    ]);
  });

  it("shows the sentences behind a count, and exports them as CSV and JSON lines", async () => {
    const res = await app.request("/api/v1/indicators?type=clash&place=Звечан", auth(analyst));
    const body = (await res.json()) as {
      indicators: Array<{ evidence: { sentence: string }; article: { title: string } }>;
    };
    expect(body.indicators.map((i) => [i.article.title, i.evidence.sentence])).toEqual([
      ["Clashes in Zvečan", "Police clashed with protesters in Zvečan."],
    ]);
    const csv = await (await app.request("/api/v1/indicators?format=csv", auth(analyst))).text();
    expect(csv.split("\n")[0]).toBe("day,type,modality,evidence,sentence,places,actors,confidence,intensity,title,url");
    expect(csv).toContain("2023-09-29,clash,asserted,clashed,Police clashed with protesters in Zvečan.,Zvečan,police");
    const jsonl = await (await app.request("/api/v1/indicators?format=jsonl", auth(analyst))).text();
    expect(
      jsonl
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).type),
    ).toEqual(["clash"]);
    const geo = (await (await app.request("/api/v1/indicators?format=geojson", auth(analyst))).json()) as {
      features: Array<{ geometry: { coordinates: number[] }; properties: { place: string; type: string } }>;
    };
    expect(geo.features.map((f) => [f.properties.place, f.properties.type])).toEqual([["Zvečan", "clash"]]);
    expect(geo.features[0]?.geometry.coordinates[1]).toBeCloseTo(42.9, 0);
    expect((await app.request("/api/v1/indicators", auth(viewer))).status).toBe(403);
  });

  it("rejects a bad query with a readable reason", async () => {
    const res = await app.request("/api/v1/trends?type=war", auth(viewer));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(/type/);
  });

  it("lets only operators add sources, and says why a source cannot be added", async () => {
    const input = { method: "POST", body: JSON.stringify({ name: "N", url: "https://example.com/rss" }) };
    const denied = await app.request("/api/v1/sources", {
      ...input,
      headers: { ...auth(viewer).headers, "content-type": "application/json" },
    });
    expect(denied.status).toBe(403);
    const created = await app.request("/api/v1/sources", {
      ...input,
      headers: { ...auth(operator).headers, "content-type": "application/json" },
    });
    expect(created.status).toBe(502);
    const body = (await created.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "fetch_failed", message: expect.stringMatching(/example\.com/) });
  });

  it("publishes an OpenAPI document listing its routes, and offline docs", async () => {
    const spec = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/v1/health", "/api/v1/articles", "/api/v1/trends", "/api/v1/sources"]),
    );
    const docs = await app.request("/docs");
    expect(await docs.text()).toContain("/docs/assets/swagger-ui-bundle.js");
    expect((await app.request("/docs/assets/swagger-ui-bundle.js")).status).toBe(200);
  });

  it("answers a repeated GET with 304 when its ETag still matches", async () => {
    const first = await app.request("/api/v1/trends?from=2023-09-01&to=2023-09-30", auth(viewer));
    const tag = first.headers.get("etag") ?? "";
    expect(tag).toMatch(/.+/);
    const again = await app.request("/api/v1/trends?from=2023-09-01&to=2023-09-30", {
      headers: { ...auth(viewer).headers, "if-none-match": tag },
    });
    expect(again.status).toBe(304);
  });

  it("limits requests per token with 429 and Retry-After", async () => {
    const limited = createApi({
      store,
      redisPing: async () => true,
      logger: silentLogger(),
      fetchPage: async () => {
        throw new Error("unused");
      },
      rateLimitPerMinute: 2,
    });
    for (let i = 0; i < 2; i++) expect((await limited.request("/api/v1/trends", auth(viewer))).status).toBe(200);
    const refused = await limited.request("/api/v1/trends", auth(viewer));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect((await limited.request("/api/v1/trends", auth(analyst))).status).toBe(200);
  });

  it("sends CORS headers only to configured origins", async () => {
    const withCors = createApi({
      store,
      redisPing: async () => true,
      logger: silentLogger(),
      fetchPage: async () => {
        throw new Error("unused");
      },
      corsOrigins: ["https://newsroom.example"],
    });
    const ok = await withCors.request("/api/v1/health", { headers: { origin: "https://newsroom.example" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://newsroom.example");
    const other = await withCors.request("/api/v1/health", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("streams pipeline updates as Server-Sent Events", async () => {
    const events = new EventTarget();
    const live = createApi({
      store,
      redisPing: async () => true,
      logger: silentLogger(),
      fetchPage: async () => {
        throw new Error("unused");
      },
      events,
    });
    const res = await live.request("/api/v1/stream", auth(viewer));
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain("event: ready");
    events.dispatchEvent(
      new CustomEvent("update", { detail: { kind: "article-clustered", articleId: "a1", storyId: "s1" } }),
    );
    while (!text.includes("article-clustered")) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('data: {"kind":"article-clustered","articleId":"a1","storyId":"s1"}');
    await reader.cancel();
  });

  it("refuses a request body over 1 MiB in the one error shape", async () => {
    const res = await app.request("/api/v1/sources", {
      method: "POST",
      headers: { ...auth(operator).headers, "content-type": "application/json" },
      body: JSON.stringify({ url: "https://example.com/rss", name: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("too_large");
  });

  it("answers unknown routes in the one error shape", async () => {
    const res = await app.request("/nope");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
