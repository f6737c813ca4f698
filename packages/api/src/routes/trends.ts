import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SeismoError } from "@seismo/core";
import type { Store } from "@seismo/store";
import { ErrorSchema, TrendPointOut, TrendsQuery } from "./schemas.ts";

const route = createRoute({
  method: "get",
  path: "/api/v1/trends",
  tags: ["trends"],
  summary: "Indicator counts by type and day",
  description: "Counts come from the daily rollup. Negated and speculative indicators are excluded unless asked for.",
  security: [{ bearer: [] }],
  request: { query: TrendsQuery },
  responses: {
    200: {
      description: "one point per day and type that has indicators",
      content: {
        "application/json": {
          schema: z.object({
            from: z.string(),
            to: z.string(),
            totals: z.record(z.string(), z.number()),
            points: z.array(TrendPointOut),
          }),
        },
      },
    },
    400: { description: "bad query", content: { "application/json": { schema: ErrorSchema } } },
    401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
  },
});

const DAY_MS = 86_400_000;

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerTrends(app: OpenAPIHono<any>, deps: { store: Store }) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const to = q.to ?? new Date().toISOString().slice(0, 10);
    const from = q.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString().slice(0, 10);
    if (from > to) throw new SeismoError("bad_request", `from (${from}) is after to (${to})`);
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS > 3660)
      throw new SeismoError("bad_request", "range longer than 10 years");
    const points = await deps.store.trends.daily({
      from,
      to,
      ...(q.type ? { types: q.type } : {}),
      ...(q.modality ? { modalities: q.modality } : {}),
      ...(q.sourceId ? { sourceId: q.sourceId } : {}),
    });
    const totals: Record<string, number> = {};
    for (const p of points) totals[p.type] = (totals[p.type] ?? 0) + p.count;
    return c.json({ from, to, totals, points }, 200);
  });
}
