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

  it("answers unknown routes in the one error shape", async () => {
    const res = await app.request("/nope");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
