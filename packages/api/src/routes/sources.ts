import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { SourceService } from "@seismo/sources";
import type { Source } from "@seismo/store";
import { requireRole } from "../auth/index.ts";
import { authErrors, IdParam, json } from "./schemas.ts";

const SourceOut = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    kind: z.string(),
    intervalSeconds: z.number().int(),
    enabled: z.boolean(),
    removed: z.boolean(),
    tags: z.record(z.string(), z.string()),
    ignoreRobots: z.boolean(),
    health: z.object({
      status: z.enum(["ok", "failing", "paused", "never-polled", "removed"]),
      lastPolledAt: z.string().nullable(),
      lastError: z.string().nullable(),
      consecutiveFailures: z.number().int(),
      pausedReason: z.string().nullable(),
      nextPollAt: z.string().nullable(),
    }),
  })
  .openapi("Source");

const Inspection = z
  .object({
    url: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    itemCount: z.number().int(),
    newest: z.string().nullable(),
    errors: z.array(z.string()),
    candidates: z.array(z.object({ url: z.string(), source: z.string(), title: z.string().nullable() })),
  })
  .openapi("SourceInspection");

const tags = z.record(z.string().max(40), z.string().max(200));
const SourceIn = z
  .object({
    url: z.url().refine((u) => /^https?:/i.test(u), "must be an http(s) URL"),
    name: z.string().min(1).max(200).optional(),
    intervalSeconds: z.number().int().min(30).max(604800).optional(),
    enabled: z.boolean().optional(),
    tags: tags.optional().openapi({ example: { country: "RS", language: "sr", outlet: "N1", perspective: "serbian" } }),
    ignoreRobots: z.boolean().optional(),
  })
  .openapi("SourceInput");
const SourcePatchIn = z
  .object({
    name: z.string().min(1).max(200),
    intervalSeconds: z.number().int().min(30).max(604800),
    enabled: z.boolean(),
    tags,
    ignoreRobots: z.boolean(),
  })
  .partial()
  .openapi("SourcePatch");

const FetchLogOut = z.object({
  at: z.string(),
  status: z.number().int().nullable(),
  itemsNew: z.number().int(),
  itemsSeen: z.number().int(),
  bytes: z.number().int(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
});

const errors = authErrors();
const operator = requireRole("operator");
const analyst = requireRole("analyst");
const base = { tags: ["sources"], security: [{ bearer: [] }] };

const routes = {
  list: createRoute({
    ...base,
    method: "get",
    path: "/api/v1/sources",
    summary: "Sources with their health (analyst)",
    middleware: analyst,
    responses: { 200: json(z.object({ sources: z.array(SourceOut) }), "all sources not removed"), ...errors },
  }),
  get: createRoute({
    ...base,
    method: "get",
    path: "/api/v1/sources/{id}",
    summary: "One source (analyst)",
    middleware: analyst,
    request: { params: IdParam },
    responses: { 200: json(SourceOut, "the source"), ...errors },
  }),
  create: createRoute({
    ...base,
    method: "post",
    path: "/api/v1/sources",
    summary: "Adds a source (operator): fetches it once, detects its kind, discovers a homepage's feed",
    middleware: operator,
    request: { body: { content: { "application/json": { schema: SourceIn } }, required: true } },
    responses: { 201: json(z.object({ source: SourceOut, found: Inspection }), "created"), ...errors },
  }),
  discover: createRoute({
    ...base,
    method: "post",
    path: "/api/v1/sources/discover",
    summary: "Finds the feeds of a homepage without adding anything (operator)",
    middleware: operator,
    request: { body: { content: { "application/json": { schema: z.object({ url: z.url() }) } }, required: true } },
    responses: { 200: json(Inspection, "what the URL holds"), ...errors },
  }),
  update: createRoute({
    ...base,
    method: "patch",
    path: "/api/v1/sources/{id}",
    summary: "Changes name, interval, enabled (pause/resume) or tags (operator)",
    middleware: operator,
    request: { params: IdParam, body: { content: { "application/json": { schema: SourcePatchIn } }, required: true } },
    responses: { 200: json(SourceOut, "updated"), ...errors },
  }),
  remove: createRoute({
    ...base,
    method: "delete",
    path: "/api/v1/sources/{id}",
    summary: "Removes a source; its articles stay (operator)",
    middleware: operator,
    request: { params: IdParam },
    responses: { 204: { description: "removed" }, ...errors },
  }),
  fetch: createRoute({
    ...base,
    method: "post",
    path: "/api/v1/sources/{id}/fetch",
    summary: "Polls a source now (operator)",
    middleware: operator,
    request: { params: IdParam },
    responses: { 202: json(z.object({ jobId: z.string() }), "queued"), ...errors },
  }),
  log: createRoute({
    ...base,
    method: "get",
    path: "/api/v1/sources/{id}/fetches",
    summary: "The source's fetch log, newest first (analyst)",
    middleware: analyst,
    request: { params: IdParam, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
    responses: { 200: json(z.object({ fetches: z.array(FetchLogOut) }), "fetch log"), ...errors },
  }),
};

export function toSourceOut(s: Source): z.infer<typeof SourceOut> {
  const status = s.removed
    ? "removed"
    : s.pausedReason || !s.enabled
      ? "paused"
      : s.lastPolledAt === null
        ? "never-polled"
        : s.consecutiveFailures > 0
          ? "failing"
          : "ok";
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    kind: s.kind,
    intervalSeconds: s.intervalSeconds,
    enabled: s.enabled,
    removed: s.removed,
    tags: s.tags,
    ignoreRobots: s.ignoreRobots,
    health: {
      status,
      lastPolledAt: s.lastPolledAt,
      lastError: s.lastError,
      consecutiveFailures: s.consecutiveFailures,
      pausedReason: s.pausedReason,
      nextPollAt: s.nextPollAt,
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerSources(app: OpenAPIHono<any>, deps: { sources: SourceService }) {
  const svc = deps.sources;
  app.openapi(routes.list, async (c) => c.json({ sources: (await svc.list()).map(toSourceOut) }, 200));
  app.openapi(routes.get, async (c) => c.json(toSourceOut(await svc.get(c.req.valid("param").id)), 200));
  app.openapi(routes.create, async (c) => {
    const { source, inspection } = await svc.add(c.req.valid("json"));
    return c.json({ source: toSourceOut(source), found: inspection }, 201);
  });
  app.openapi(routes.discover, async (c) => c.json(await svc.inspect(c.req.valid("json").url), 200));
  app.openapi(routes.update, async (c) =>
    c.json(toSourceOut(await svc.update(c.req.valid("param").id, c.req.valid("json"))), 200),
  );
  app.openapi(routes.remove, async (c) => {
    await svc.remove(c.req.valid("param").id);
    return c.body(null, 204);
  });
  app.openapi(routes.fetch, async (c) => c.json({ jobId: await svc.pollNow(c.req.valid("param").id) }, 202));
  app.openapi(routes.log, async (c) => {
    const { id } = c.req.valid("param");
    await svc.get(id);
    const rows = await svc.fetchLog(id, c.req.valid("query").limit);
    return c.json({ fetches: rows }, 200);
  });
}
