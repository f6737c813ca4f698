import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { INDICATOR_TYPES, SeismoError } from "@seismo/core";
import { buildSeries, type Store, TrendFilterError, trendDimension, warmUpFrom } from "@seismo/store";
import type { Context } from "hono";
import { ErrorSchema, SeriesOut, TrendPointOut, TrendsQuery } from "./schemas.ts";

const route = createRoute({
  method: "get",
  path: "/api/v1/trends",
  tags: ["trends"],
  summary: "Indicator counts by type and hour, day or week, with a rolling baseline",
  description:
    "Counts come from the rollup tables. Negated and speculative indicators are excluded unless asked for. " +
    "`series` has one zero-filled series per type; each point carries the mean and deviation of the preceding " +
    "`baselineWindow` periods and a z score, so a chart can shade what is unusual. `points` lists the non-zero periods. " +
    "One filter dimension at a time: source (sourceId and/or sourceTag), place, region or language.",
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
            resolution: z.enum(["hour", "day", "week"]),
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
/** Hour resolution answers at most 14 days (336 periods per type), so a response stays small. */
export const MAX_HOUR_RANGE_DAYS = 14;
const DEFAULT_WINDOW = { hour: 24, day: 14, week: 8 } as const;

interface TrendsBody {
  from: string;
  to: string;
  resolution: "hour" | "day" | "week";
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
    const defaultSpan = q.resolution === "hour" ? 1 : 30;
    const from = q.from ?? new Date(Date.parse(to) - defaultSpan * DAY_MS).toISOString().slice(0, 10);
    if (from > to) throw new SeismoError("bad_request", `from (${from}) is after to (${to})`);
    const spanDays = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (spanDays - 1 > 3660) throw new SeismoError("bad_request", "range longer than 10 years");
    if (q.resolution === "hour" && spanDays > MAX_HOUR_RANGE_DAYS) {
      throw new SeismoError(
        "bad_request",
        `hour resolution covers at most ${MAX_HOUR_RANGE_DAYS} days; ask for day or week over ${spanDays} days`,
      );
    }
    const [tagKey = "", ...tagValue] = q.sourceTag?.split(":") ?? [];
    const filters = {
      ...(q.sourceId ? { sourceId: q.sourceId } : {}),
      ...(q.sourceTag ? { sourceTag: { key: tagKey, value: tagValue.join(":") } } : {}),
      ...(q.place ? { place: q.place } : {}),
      ...(q.region ? { region: q.region } : {}),
      ...(q.language ? { language: q.language } : {}),
    };
    try {
      trendDimension(filters);
    } catch (error) {
      if (error instanceof TrendFilterError) throw new SeismoError("bad_request", error.message);
      throw error;
    }
    const window = q.baselineWindow ?? DEFAULT_WINDOW[q.resolution];
    const all = await deps.store.trends.daily({
      from: warmUpFrom(from, q.resolution, window),
      to,
      resolution: q.resolution,
      ...(q.type ? { types: q.type } : {}),
      ...(q.modality ? { modalities: q.modality } : {}),
      ...filters,
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
