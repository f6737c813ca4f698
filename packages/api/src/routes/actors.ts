import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SeismoError } from "@seismo/core";
import { type Store, slugOf } from "@seismo/store";
import { actorKind } from "@seismo/tagger";
import { requireRole } from "../auth/index.ts";
import { byDay, Counts, DayActivity, Evidence, resolveWindow, WindowQuery } from "./activity.ts";
import { authErrors, json } from "./schemas.ts";

const Actor = z
  .object({
    id: z.string().openapi({ description: "slug of the folded name: kosovo-police" }),
    name: z.string(),
    kind: z.string().openapi({ description: "gazetteer kind, or guessed from the name (police, government…)" }),
    total: z.number().int(),
    counts: Counts,
  })
  .openapi("Actor");

const list = createRoute({
  method: "get",
  path: "/api/v1/actors",
  tags: ["actors"],
  summary: "Actors named in indicators in a window, busiest first, with counts per type (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: { query: WindowQuery.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: {
    200: json(z.object({ from: z.string(), to: z.string(), actors: z.array(Actor) }), "actors with activity"),
    ...authErrors(),
  },
});

const detail = createRoute({
  method: "get",
  path: "/api/v1/actors/{id}",
  tags: ["actors"],
  summary: "One actor by id or any spelling of its name: activity by day and the latest evidence (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, description: "id (kosovo-police) or name" }),
    }),
    query: WindowQuery.extend({ evidence: z.coerce.number().int().min(0).max(100).default(10) }),
  },
  responses: {
    200: json(
      z.object({
        actor: Actor,
        from: z.string(),
        to: z.string(),
        days: z.array(DayActivity),
        evidence: z.array(Evidence),
      }),
      "the actor",
    ),
    ...authErrors(),
  },
});

const actorOut = (key: string, name: string, total = 0, counts: Record<string, number> = {}) => ({
  id: slugOf(key),
  name,
  kind: actorKind(name),
  total,
  counts,
});

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerActors(app: OpenAPIHono<any>, deps: { store: Store }) {
  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const window = resolveWindow(q);
    if (window.from > window.to)
      throw new SeismoError("bad_request", `from (${window.from}) is after to (${window.to})`);
    const totals = await deps.store.activity.totals("actor", { ...window, limit: q.limit });
    const names = await deps.store.activity.actorNames(totals.map((t) => t.key));
    const actors = totals.map((t) => actorOut(t.key, names.get(t.key) ?? t.key, t.total, t.counts));
    return c.json({ ...window, actors }, 200);
  });

  app.openapi(detail, async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const actor = await deps.store.activity.findActor(id);
    if (!actor) throw new SeismoError("not_found", `no actor ${id}`);
    const window = resolveWindow(q);
    const [total] = await deps.store.activity.totals("actor", { ...window, keys: [actor.key] });
    const days = byDay(await deps.store.activity.byDay("actor", actor.key, window));
    const evidence =
      q.evidence > 0
        ? (await deps.store.indicators.search({ actor: actor.key, ...window, limit: q.evidence })).hits
        : [];
    return c.json(
      { actor: actorOut(actor.key, actor.name, total?.total, total?.counts), ...window, days, evidence },
      200,
    );
  });
}
