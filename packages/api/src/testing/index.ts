import { SeismoError } from "@seismo/core";
import { silentLogger } from "@seismo/observability";
import { type ApiRole, Store, type StoreTarget } from "@seismo/store";
import { analyzeText } from "@seismo/tagger";
import { createApi } from "../app/index.ts";

/** PGlite and PostgreSQL, as the store's own tests run them. */
export { testTargets } from "@seismo/store/testing";

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
        analysis.framing,
      );
      return article.id;
    },
  };
}
