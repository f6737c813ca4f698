import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SeismoError } from "@seismo/core";
import type { Store } from "@seismo/store";
import { requireRole } from "../auth/index.ts";
import { ErrorSchema } from "./schemas.ts";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

const route = createRoute({
  method: "get",
  path: "/api/v1/framing",
  tags: ["framing"],
  summary:
    "Framing-marker use per outlet (e.g. 'Kosovo and Metohija' vs 'Kosovo', 'administrative line' vs 'border') (analyst)",
  security: [{ bearer: [] }],
  middleware: requireRole("analyst"),
  request: { query: z.object({ from: isoDay, to: isoDay, marker: z.string().max(60).optional() }) },
  responses: {
    200: {
      description: "one row per outlet × marker × variant",
      content: {
        "application/json": {
          schema: z.object({
            usage: z.array(
              z.object({
                sourceId: z.string().nullable(),
                sourceName: z.string().nullable(),
                marker: z.string(),
                variant: z.string(),
                articles: z.number().int(),
                mentions: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    400: { description: "bad query", content: { "application/json": { schema: ErrorSchema } } },
    401: { description: "no or bad token", content: { "application/json": { schema: ErrorSchema } } },
    403: { description: "role too low", content: { "application/json": { schema: ErrorSchema } } },
  },
});

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerFraming(app: OpenAPIHono<any>, deps: { store: Store }) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    if (q.from > q.to) throw new SeismoError("bad_request", `from (${q.from}) is after to (${q.to})`);
    return c.json({ usage: await deps.store.framing.usage(q) }, 200);
  });
}
