import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Store } from "@seismo/store";
import { requireRole } from "../auth/index.ts";
import { ArticleOut, ArticlesQuery, ErrorSchema } from "./schemas.ts";

const route = createRoute({
  method: "get",
  path: "/api/v1/articles",
  tags: ["articles"],
  summary: "Latest articles with their indicators (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: { query: ArticlesQuery },
  responses: {
    200: {
      description: "newest first",
      content: { "application/json": { schema: z.object({ articles: z.array(ArticleOut) }) } },
    },
    401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
    403: { description: "role too low", content: { "application/json": { schema: ErrorSchema } } },
  },
});

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerArticles(app: OpenAPIHono<any>, deps: { store: Store }) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const articles = await deps.store.articles.latest({
      limit: q.limit,
      ...(q.sourceId ? { sourceId: q.sourceId } : {}),
    });
    const indicators = await deps.store.indicators.forArticles(articles.map((a) => a.id));
    return c.json(
      {
        articles: articles.map(({ text, contentHash: _h, taggedAt: _t, ...a }) => ({
          ...a,
          excerpt: text.slice(0, 280),
          indicators: (indicators.get(a.id) ?? []).map(({ articleId: _a, day: _d, ...i }) => i),
        })),
      },
      200,
    );
  });
}
