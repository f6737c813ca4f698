import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { isClaim, SeismoError } from "@seismo/core";
import type { Store } from "@seismo/store";
import { requireRole } from "../auth/index.ts";
import { ErrorSchema } from "./schemas.ts";

const StorySummary = z
  .object({
    id: z.string(),
    title: z.string(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    articleCount: z.number().int(),
    outlets: z.number().int(),
    indicators: z.number().int(),
    intensity: z.number(),
  })
  .openapi("StorySummary");

const StoryDetail = z
  .object({
    id: z.string(),
    title: z.string(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    articleCount: z.number().int(),
    outlets: z.array(
      z.object({ sourceId: z.string().nullable(), sourceName: z.string().nullable(), articles: z.number().int() }),
    ),
    timeline: z.array(
      z.object({
        articleId: z.string(),
        title: z.string().nullable(),
        url: z.string(),
        sourceId: z.string().nullable(),
        publishedAt: z.string().nullable(),
        duplicateOf: z.string().nullable(),
      }),
    ),
    indicators: z.record(
      z.string(),
      z.object({ claimed: z.number().int(), negated: z.number().int(), speculative: z.number().int() }),
    ),
  })
  .openapi("Story");

const errors = {
  401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
  403: { description: "role too low", content: { "application/json": { schema: ErrorSchema } } },
};

const list = createRoute({
  method: "get",
  path: "/api/v1/stories",
  tags: ["stories"],
  summary: "Stories (clusters of reports of one event), most recently active first (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      minArticles: z.coerce.number().int().min(1).default(1),
    }),
  },
  responses: {
    200: {
      description: "stories",
      content: { "application/json": { schema: z.object({ stories: z.array(StorySummary) }) } },
    },
    ...errors,
  },
});

const detail = createRoute({
  method: "get",
  path: "/api/v1/stories/{id}",
  tags: ["stories"],
  summary: "One story: its timeline, outlets and merged indicators (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: { description: "the story", content: { "application/json": { schema: StoryDetail } } },
    404: { description: "no such story", content: { "application/json": { schema: ErrorSchema } } },
    ...errors,
  },
});

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerStories(app: OpenAPIHono<any>, deps: { store: Store }) {
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const stories = await deps.store.stories.list({ limit: q.limit, minArticles: q.minArticles });
    return c.json({ stories: stories.map(({ features: _f, ...s }) => s) }, 200);
  });
  app.openapi(detail, async (c) => {
    const { id } = c.req.valid("param");
    const story = await deps.store.stories.get(id);
    if (!story) throw new SeismoError("not_found", `no story ${id}`);
    const ids = await deps.store.stories.articleIds(id);
    const articles = (await Promise.all(ids.map((a) => deps.store.articles.get(a)))).filter((a) => a !== null);
    const byArticle = await deps.store.indicators.forArticles(ids);
    const indicators: Record<string, { claimed: number; negated: number; speculative: number }> = {};
    for (const ind of [...byArticle.values()].flat()) {
      const t = indicators[ind.type] ?? { claimed: 0, negated: 0, speculative: 0 };
      indicators[ind.type] = t;
      if (isClaim(ind)) t.claimed++;
      else if (ind.modality === "negated") t.negated++;
      else t.speculative++;
    }
    return c.json(
      {
        id: story.id,
        title: story.title,
        firstSeen: story.firstSeen,
        lastSeen: story.lastSeen,
        articleCount: story.articleCount,
        outlets: await deps.store.stories.outlets(id),
        timeline: articles.map((a) => ({
          articleId: a.id,
          title: a.title,
          url: a.url,
          sourceId: a.sourceId,
          publishedAt: a.publishedAt,
          duplicateOf: a.duplicateOf,
        })),
        indicators,
      },
      200,
    );
  });
}
