import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SeismoError } from "@seismo/core";
import type { Store, StoredArticle, StoredIndicator } from "@seismo/store";
import { requireRole } from "../auth/index.ts";
import { ArticleOut, ArticlesQuery, ErrorSchema } from "./schemas.ts";

const route = createRoute({
  method: "get",
  path: "/api/v1/articles",
  tags: ["articles"],
  summary:
    "Search articles (full text in any script, indicator type/modality/place, source, language, dates), newest first (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: { query: ArticlesQuery },
  responses: {
    200: {
      description: "newest first",
      content: {
        "application/json": { schema: z.object({ articles: z.array(ArticleOut), next: z.string().nullable() }) },
      },
    },
    401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
    403: { description: "role too low", content: { "application/json": { schema: ErrorSchema } } },
  },
});

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerArticles(app: OpenAPIHono<any>, deps: { store: Store }) {
  app.openapi(route, async (c) => {
    const { type, modality, cursor, ...q } = c.req.valid("query");
    let page: { articles: StoredArticle[]; next: string | null };
    try {
      page = await deps.store.articles.search({
        ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)),
        limit: q.limit,
        ...(type ? { types: type } : {}),
        ...(modality ? { modalities: modality } : {}),
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      if (error instanceof Error && error.message === "invalid cursor")
        throw new SeismoError("bad_request", "invalid cursor");
      throw error;
    }
    const indicators = await deps.store.indicators.forArticles(page.articles.map((a) => a.id));
    return c.json(
      {
        articles: page.articles.map((a) => ({ ...articleOut(a), indicators: indicatorsOut(indicators.get(a.id)) })),
        next: page.next,
      },
      200,
    );
  });
  app.openapi(detail, async (c) => {
    const { id } = c.req.valid("param");
    const article = await deps.store.articles.get(id);
    if (!article) throw new SeismoError("not_found", `no article ${id}`);
    const indicators = (await deps.store.indicators.forArticles([id])).get(id);
    return c.json({ ...articleOut(article), text: article.text, indicators: indicatorsOut(indicators) }, 200);
  });
}

function articleOut({ text, contentHash: _h, taggedAt: _t, ...a }: StoredArticle) {
  return { ...a, excerpt: text.slice(0, 280) };
}

const indicatorsOut = (list: StoredIndicator[] = []) => list.map(({ articleId: _a, day: _d, ...i }) => i);

const detail = createRoute({
  method: "get",
  path: "/api/v1/articles/{id}",
  tags: ["articles"],
  summary: "One article with its text and every indicator; evidence offsets index into `text` (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: {
      description: "the article",
      content: { "application/json": { schema: ArticleOut.extend({ text: z.string() }).openapi("ArticleDetail") } },
    },
    401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
    403: { description: "role too low", content: { "application/json": { schema: ErrorSchema } } },
    404: { description: "no such article", content: { "application/json": { schema: ErrorSchema } } },
  },
});
