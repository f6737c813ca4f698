import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SeismoError } from "@seismo/core";
import { findPlace, placeKey, regionKey, type Store, slugOf } from "@seismo/store";
import { PLACES, type PlaceEntry } from "@seismo/tagger";
import { requireRole } from "../auth/index.ts";
import { byDay, Counts, DayActivity, Evidence, resolveWindow, WindowQuery } from "./activity.ts";
import { authErrors, IdParam, json } from "./schemas.ts";

const Place = z
  .object({
    id: z.string().openapi({ description: "slug of the folded name: zvecan, zubin-potok" }),
    name: z.string(),
    kind: z.string(),
    region: z.string().openapi({ description: "admin region: district (Kosovo) or okrug (Serbia)" }),
    lat: z.number(),
    lon: z.number(),
    total: z.number().int(),
    counts: Counts,
  })
  .openapi("Place");

const list = createRoute({
  method: "get",
  path: "/api/v1/places",
  tags: ["places"],
  summary: "Gazetteer places with indicators in a window, busiest first, with counts per type (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: {
    query: WindowQuery.extend({
      region: z.string().min(1).max(100).optional().openapi({ description: "admin region, any spelling: Mitrovica" }),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: json(z.object({ from: z.string(), to: z.string(), places: z.array(Place) }), "places with activity"),
    ...authErrors(),
  },
});

const detail = createRoute({
  method: "get",
  path: "/api/v1/places/{id}",
  tags: ["places"],
  summary: "One place: activity by day and the latest evidence sentences; id or any spelling of the name (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: {
    params: IdParam,
    query: WindowQuery.extend({ evidence: z.coerce.number().int().min(0).max(100).default(10) }),
  },
  responses: {
    200: json(
      z.object({
        place: Place,
        from: z.string(),
        to: z.string(),
        days: z.array(DayActivity),
        evidence: z.array(Evidence),
      }),
      "the place",
    ),
    ...authErrors(),
  },
});

const BY_KEY = new Map(PLACES.map((p) => [placeKey(p.name), p]));

const placeOut = (p: PlaceEntry, total = 0, counts: Record<string, number> = {}) => ({
  id: slugOf(placeKey(p.name)),
  name: p.name,
  kind: p.kind,
  region: p.admin,
  lat: p.lat,
  lon: p.lon,
  total,
  counts,
});

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerPlaces(app: OpenAPIHono<any>, deps: { store: Store }) {
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const window = resolveWindow(q);
    if (window.from > window.to)
      throw new SeismoError("bad_request", `from (${window.from}) is after to (${window.to})`);
    const keys = q.region
      ? [...BY_KEY].filter(([, p]) => regionKey(p.admin) === regionKey(q.region ?? "")).map(([k]) => k)
      : undefined;
    if (keys?.length === 0) throw new SeismoError("not_found", `no region ${q.region} in the gazetteer`);
    const totals = await deps.store.activity.totals("place", { ...window, limit: q.limit, ...(keys ? { keys } : {}) });
    const places = totals.flatMap((t) => {
      const p = BY_KEY.get(t.key);
      return p ? [placeOut(p, t.total, t.counts)] : [];
    });
    return c.json({ ...window, places }, 200);
  });

  app.openapi(detail, async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const place = findPlace(id);
    if (!place) throw new SeismoError("not_found", `no place ${id} in the gazetteer`);
    const window = resolveWindow(q);
    const key = placeKey(place.name);
    const [total] = await deps.store.activity.totals("place", { ...window, keys: [key] });
    const days = byDay(await deps.store.activity.byDay("place", key, window));
    const evidence =
      q.evidence > 0 ? (await deps.store.indicators.search({ place: key, ...window, limit: q.evidence })).hits : [];
    return c.json({ place: placeOut(place, total?.total, total?.counts), ...window, days, evidence }, 200);
  });
}
