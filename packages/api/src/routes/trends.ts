import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { INDICATOR_TYPES, SeismoError } from "@seismo/core";
import { addDays, buildSeries, type Store } from "@seismo/store";
import type { Context } from "hono";
import { ErrorSchema, SeriesOut, TrendPointOut, TrendsQuery } from "./schemas.ts";

const route = createRoute({
  method: "get",
  path: "/api/v1/trends",
  tags: ["trends"],
  summary: "Indicator counts by type and day or week, with a rolling baseline",
  description:
    "Counts come from the rollup tables. Negated and speculative indicators are excluded unless asked for. " +
    "`series` has one zero-filled series per type; each point carries the mean and deviation of the preceding " +
    "`baselineWindow` periods and a z score, so a chart can shade what is unusual. `points` lists the non-zero periods.",
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
            resolution: z.enum(["day", "week"]),
            totals: z.record(z.string(), z.number()),
            points: z.array(TrendPointOut),
            series: z.array(SeriesOut),
          }),
        },
      },
    },
    400: { description: "bad query", content: { "application/json": { schema: ErrorSchema } } },
    401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
  },
});

const DAY_MS = 86_400_000;

interface TrendsBody {
  from: string;
  to: string;
  resolution: "day" | "week";
  totals: Record<string, number>;
  points: Array<{ day: string; type: (typeof INDICATOR_TYPES)[number]; count: number; intensity: number }>;
  series: Array<z.infer<typeof SeriesOut>>;
}

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerTrends(app: OpenAPIHono<any>, deps: { store: Store; cacheMs?: number }) {
  // Rollups only change when articles are tagged, so identical trend queries within a few seconds
  // share one answer: a dashboard full of charts, or many analysts, cost one query each.
  const cache = new Map<string, { json: string; until: number }>();
  const send = (c: Context, json: string) => c.body(json, 200, { "content-type": "application/json" }) as never;
  app.openapi(route, async (c) => {
    const key = new URL(c.req.url).search;
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return send(c, hit.json);
    const q = c.req.valid("query");
    const to = q.to ?? new Date().toISOString().slice(0, 10);
    const from = q.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString().slice(0, 10);
    if (from > to) throw new SeismoError("bad_request", `from (${from}) is after to (${to})`);
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS > 3660)
      throw new SeismoError("bad_request", "range longer than 10 years");
    if (q.place && q.sourceId) throw new SeismoError("bad_request", "filter by place or by sourceId, not both");
    const window = q.baselineWindow ?? (q.resolution === "week" ? 8 : 14);
    const warmFrom = addDays(from, -window * (q.resolution === "week" ? 7 : 1));
    const all = await deps.store.trends.daily({
      from: warmFrom,
      to,
      resolution: q.resolution,
      ...(q.type ? { types: q.type } : {}),
      ...(q.modality ? { modalities: q.modality } : {}),
      ...(q.sourceId ? { sourceId: q.sourceId } : {}),
      ...(q.place ? { place: q.place } : {}),
    });
    const series = buildSeries(all, {
      from,
      to,
      resolution: q.resolution,
      window,
      types:
        q.type ??
        [...new Set(all.map((p) => p.type))].sort((a, b) => INDICATOR_TYPES.indexOf(a) - INDICATOR_TYPES.indexOf(b)),
    }) as Array<z.infer<typeof SeriesOut>>;
    const firstVisible = series[0]?.points[0]?.t ?? from;
    const points = all.filter((p) => p.day >= firstVisible);
    const totals: Record<string, number> = {};
    for (const p of points) totals[p.type] = (totals[p.type] ?? 0) + p.count;
    const body: TrendsBody = { from, to, resolution: q.resolution, totals, points, series };
    const json = JSON.stringify(body);
    if (cache.size >= 500) cache.clear();
    cache.set(key, { json, until: Date.now() + (deps.cacheMs ?? 5000) });
    return send(c, json);
  });
}
