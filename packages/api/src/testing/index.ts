import { SeismoError } from "@seismo/core";
import { silentLogger } from "@seismo/observability";
import { type ApiRole, Store, type StoreTarget } from "@seismo/store";
import { analyzeText } from "@seismo/tagger";
import pg from "pg";
import { createApi } from "../app/index.ts";

const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** PGlite and PostgreSQL (a fresh schema per test file; `dropSchema` removes it). */
export function testTargets(name: string): { targets: Array<[string, StoreTarget]>; dropSchema: () => Promise<void> } {
  const schema = `${name}_${process.pid}_${Date.now().toString(36)}`;
  return {
    targets: [
      ["PGlite", { kind: "pglite" }],
      ["PostgreSQL", { kind: "postgres", url: DATABASE_URL, schema }],
    ],
    dropSchema: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export interface TestApi {
  store: Store;
  app: ReturnType<typeof createApi>;
  get: (role: ApiRole, path: string) => Promise<Response>;
  /** Stores an article and tags it with the real tagger, as the pipeline would. */
  ingest: (a: {
    sourceId: string;
    n: string;
    title: string;
    text: string;
    publishedAt: string;
    language?: string;
  }) => Promise<string>;
}

export async function openTestApi(target: StoreTarget): Promise<TestApi> {
  const store = await Store.open(target);
  const app = createApi({
    store,
    redisPing: async () => true,
    logger: silentLogger(),
    fetchPage: async (url) => {
      throw new SeismoError("fetch_failed", `no network: ${url}`);
    },
  });
  const tokens = {} as Record<ApiRole, string>;
  for (const role of ["viewer", "analyst", "operator"] as const)
    tokens[role] = (await store.tokens.create(role, role)).token;
  return {
    store,
    app,
    get: async (role, path) => app.request(path, { headers: { authorization: `Bearer ${tokens[role]}` } }),
    ingest: async (a) => {
      const { article } = await store.articles.upsert({
        sourceId: a.sourceId,
        url: `https://news.example/${a.n}`,
        canonicalUrl: `https://news.example/${a.n}`,
        title: a.title,
        byline: null,
        publishedAt: a.publishedAt,
        language: a.language ?? "en",
        text: a.text,
      });
      const analysis = analyzeText(article.text);
      await store.indicators.replaceForArticle(
        article,
        analysis.indicators.map(({ weight: _w, ...i }) => i),
      );
      await store.framing.replaceForArticle(article.id, analysis.framing);
      return article.id;
    },
  };
}
