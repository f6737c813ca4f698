import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Store } from "@seismo/store";

const HealthOut = z
  .object({ status: z.enum(["ok", "degraded"]), database: z.boolean(), redis: z.boolean() })
  .openapi("Health");

const route = createRoute({
  method: "get",
  path: "/api/v1/health",
  tags: ["system"],
  summary: "Checks the database and Redis",
  responses: {
    200: { description: "all dependencies answer", content: { "application/json": { schema: HealthOut } } },
    503: { description: "a dependency does not answer", content: { "application/json": { schema: HealthOut } } },
  },
});

export function registerHealth(app: OpenAPIHono, deps: { store: Store; redisPing: () => Promise<boolean> }) {
  app.openapi(route, async (c) => {
    const [database, redis] = await Promise.all([deps.store.ping(), deps.redisPing().catch(() => false)]);
    const ok = database && redis;
    return c.json({ status: ok ? ("ok" as const) : ("degraded" as const), database, redis }, ok ? 200 : 503);
  });
}
