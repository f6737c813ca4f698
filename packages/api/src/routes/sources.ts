import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SeismoError } from "@seismo/core";
import type { QueueSet } from "@seismo/queue";
import type { Store } from "@seismo/store";
import { requireRole } from "../auth/index.ts";
import { ErrorSchema } from "./schemas.ts";

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
    lastPolledAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .openapi("Source");

const SourceIn = z
  .object({
    name: z.string().min(1).max(200),
    url: z.url().refine((u) => /^https?:/.test(u), "must be an http(s) URL"),
    kind: z.enum(["rss", "rdf", "atom", "json", "sitemap", "sitemap-index", "html", "auto"]).default("auto"),
    intervalSeconds: z.number().int().min(30).max(604800).default(900),
    enabled: z.boolean().default(true),
    tags: z.record(z.string(), z.string()).default({}),
  })
  .openapi("SourceInput");

const errors = {
  401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
  403: { description: "role too low", content: { "application/json": { schema: ErrorSchema } } },
};

const list = createRoute({
  method: "get",
  path: "/api/v1/sources",
  tags: ["sources"],
  summary: "Sources with their health",
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: "all sources",
      content: { "application/json": { schema: z.object({ sources: z.array(SourceOut) }) } },
    },
    ...errors,
  },
});

const create = createRoute({
  method: "post",
  path: "/api/v1/sources",
  tags: ["sources"],
  summary: "Adds a source (operator)",
  security: [{ bearer: [] }],
  middleware: [requireRole("operator")] as const,
  request: { body: { content: { "application/json": { schema: SourceIn } }, required: true } },
  responses: {
    201: { description: "created or updated", content: { "application/json": { schema: SourceOut } } },
    400: { description: "invalid input", content: { "application/json": { schema: ErrorSchema } } },
    ...errors,
  },
});

const pollNow = createRoute({
  method: "post",
  path: "/api/v1/sources/{id}/fetch",
  tags: ["sources"],
  summary: "Polls a source now (operator)",
  security: [{ bearer: [] }],
  middleware: [requireRole("operator")] as const,
  request: { params: z.object({ id: z.string() }) },
  responses: {
    202: { description: "queued", content: { "application/json": { schema: z.object({ jobId: z.string() }) } } },
    404: { description: "no such source", content: { "application/json": { schema: ErrorSchema } } },
    ...errors,
  },
});

const strip = ({ etag: _e, lastModified: _l, ...rest }: Awaited<ReturnType<Store["sources"]["upsert"]>>) => rest;

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerSources(app: OpenAPIHono<any>, deps: { store: Store; queues?: QueueSet | undefined }) {
  app.openapi(list, async (c) => c.json({ sources: (await deps.store.sources.list()).map(strip) }, 200));
  app.openapi(create, async (c) => c.json(strip(await deps.store.sources.upsert(c.req.valid("json"))), 201));
  app.openapi(pollNow, async (c) => {
    const { id } = c.req.valid("param");
    const source = await deps.store.sources.get(id);
    if (!source || source.removed) throw new SeismoError("not_found", `no source ${id}`);
    if (!deps.queues) throw new SeismoError("unavailable", "this API process has no queue connection");
    const job = await deps.queues.add("poll-source", { sourceId: id, reason: "manual" });
    return c.json({ jobId: job.id ?? "" }, 202);
  });
}
