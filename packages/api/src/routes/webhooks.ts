import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  attemptsOf,
  deleteSubscription,
  emailAddressOf,
  generateSecret,
  getSubscription,
  insertSubscription,
  isValidSecret,
  listDeliveries,
  listRules,
  listSubscriptions,
  newId,
  replayDelivery,
  type Subscription,
  updateSubscription,
  WEBHOOK_FORMATS,
} from "@seismo/alerts";
import { SeismoError } from "@seismo/core";
import type { QueueSet } from "@seismo/queue";
import type { Store } from "@seismo/store";
import { requireRole } from "../auth/index.ts";
import { authErrors, ErrorSchema, IdParam, json } from "./schemas.ts";

const SubscriptionOut = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    ruleIds: z.array(z.string()).openapi({ description: "empty: every rule" }),
    format: z.enum(WEBHOOK_FORMATS),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().openapi({ description: "why delivery stopped (persistent failure)" }),
    disabledAt: z.string().nullable(),
    secretHint: z.string().openapi({ description: "the last characters of the signing secret" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("WebhookSubscription");

/** Where alerts go: an http(s) webhook, or `mailto:address` for the e-mail channel (SEISMO_SMTP_URL). */
const httpUrl = z
  .string()
  .refine(
    (u) => (/^https?:\/\//i.test(u) && URL.canParse(u)) || emailAddressOf(u) !== null,
    "must be an http(s) URL or mailto:address",
  )
  .openapi({ description: "an http(s) webhook URL, or mailto:address for e-mail (needs SEISMO_SMTP_URL)" });
const secret = z.string().refine(isValidSecret, 'must be "whsec_" + base64 of at least 16 bytes');
const SubscriptionIn = z
  .object({
    name: z.string().min(1).max(200),
    url: httpUrl,
    ruleIds: z.array(z.string()).max(100).default([]),
    format: z.enum(WEBHOOK_FORMATS).default("standard").openapi({ description: "standard JSON, Slack or Teams" }),
    secret: secret.optional().openapi({ description: "default: generated, returned once" }),
    enabled: z.boolean().default(true),
  })
  .openapi("WebhookSubscriptionInput");
const SubscriptionPatch = z
  .object({
    name: z.string().min(1).max(200),
    url: httpUrl,
    ruleIds: z.array(z.string()).max(100),
    format: z.enum(WEBHOOK_FORMATS),
    secret,
    enabled: z.boolean().openapi({ description: "true re-enables a disabled subscription and clears its reason" }),
  })
  .partial()
  .openapi("WebhookSubscriptionPatch");

const DeliveryOut = z
  .object({
    id: z.string(),
    alertId: z.string(),
    alertVersion: z.number().int(),
    messageId: z.string().openapi({ description: "the webhook-id header; the same on every retry" }),
    eventType: z.string(),
    status: z.enum(["pending", "retrying", "delivered", "failed", "cancelled"]),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        at: z.string(),
        httpStatus: z.number().int().nullable(),
        latencyMs: z.number().int(),
        responseExcerpt: z.string().nullable(),
        error: z.string().nullable(),
      }),
    ),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi("WebhookDelivery");

const errors = authErrors();
const base = { tags: ["webhooks"], security: [{ bearer: [] }], middleware: requireRole("operator") };

const routes = {
  list: createRoute({
    ...base,
    method: "get",
    path: "/api/v1/webhooks",
    summary: "Webhook subscriptions (operator)",
    responses: { 200: json(z.object({ subscriptions: z.array(SubscriptionOut) }), "subscriptions"), ...errors },
  }),
  get: createRoute({
    ...base,
    method: "get",
    path: "/api/v1/webhooks/{id}",
    summary: "One subscription, with why it was disabled if it was (operator)",
    request: { params: IdParam },
    responses: { 200: json(SubscriptionOut, "the subscription"), ...errors },
  }),
  create: createRoute({
    ...base,
    method: "post",
    path: "/api/v1/webhooks",
    summary: "Subscribes a URL to alerts (operator); the signing secret is returned once",
    request: { body: { content: { "application/json": { schema: SubscriptionIn } }, required: true } },
    responses: { 201: json(z.object({ subscription: SubscriptionOut, secret: z.string() }), "created"), ...errors },
  }),
  update: createRoute({
    ...base,
    method: "patch",
    path: "/api/v1/webhooks/{id}",
    summary: "Edits a subscription; enabled: true re-enables it after a failure (operator)",
    request: {
      params: IdParam,
      body: { content: { "application/json": { schema: SubscriptionPatch } }, required: true },
    },
    responses: { 200: json(SubscriptionOut, "updated"), ...errors },
  }),
  remove: createRoute({
    ...base,
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    summary: "Removes a subscription and its delivery log (operator)",
    request: { params: IdParam },
    responses: { 204: { description: "removed" }, ...errors },
  }),
  deliveries: createRoute({
    ...base,
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries",
    summary: "Delivery log, newest first, every attempt with status, latency and response excerpt (operator)",
    request: { params: IdParam, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
    responses: { 200: json(z.object({ deliveries: z.array(DeliveryOut) }), "deliveries"), ...errors },
  }),
  replay: createRoute({
    ...base,
    method: "post",
    path: "/api/v1/webhook-deliveries/{id}/replay",
    summary: "Sends a delivery again, same webhook-id, fresh 24 h retry window (operator)",
    request: { params: IdParam },
    responses: {
      202: json(z.object({ deliveryId: z.string(), status: z.string() }), "queued"),
      409: json(ErrorSchema, "the subscription is disabled"),
      503: json(ErrorSchema, "no queue in this process"),
      ...errors,
    },
  }),
};

const toOut = (s: Subscription) => {
  const { secret: raw, ...rest } = s;
  return { ...rest, secretHint: `whsec_…${raw.slice(-4)}` };
};

// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerWebhooks(app: OpenAPIHono<any>, deps: { store: Store; queues?: QueueSet | undefined }) {
  const sql = deps.store.sql;
  const mustGet = async (id: string) => {
    const sub = await getSubscription(sql, id);
    if (!sub) throw new SeismoError("not_found", `no webhook subscription ${id}`);
    return sub;
  };
  const assertRules = async (ids: string[]) => {
    if (ids.length === 0) return;
    const known = new Set((await listRules(sql, { ids })).map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) throw new SeismoError("bad_request", `ruleIds: no such rule ${missing.join(", ")}`);
  };

  app.openapi(routes.list, async (c) => c.json({ subscriptions: (await listSubscriptions(sql)).map(toOut) }, 200));
  app.openapi(routes.get, async (c) => c.json(toOut(await mustGet(c.req.valid("param").id)), 200));
  app.openapi(routes.create, async (c) => {
    const input = c.req.valid("json");
    await assertRules(input.ruleIds);
    const secretValue = input.secret ?? generateSecret();
    const sub = await insertSubscription(sql, newId("whk"), { ...input, secret: secretValue });
    return c.json({ subscription: toOut(sub), secret: secretValue }, 201);
  });
  app.openapi(routes.update, async (c) => {
    const sub = await mustGet(c.req.valid("param").id);
    const patch = c.req.valid("json");
    if (patch.ruleIds) await assertRules(patch.ruleIds);
    const updated = await updateSubscription(sql, sub.id, {
      name: patch.name ?? sub.name,
      url: patch.url ?? sub.url,
      ruleIds: patch.ruleIds ?? sub.ruleIds,
      secret: patch.secret ?? sub.secret,
      format: patch.format ?? sub.format,
      enabled: patch.enabled ?? sub.enabled,
    });
    if (!updated) throw new SeismoError("not_found", `no webhook subscription ${sub.id}`);
    return c.json(toOut(updated), 200);
  });
  app.openapi(routes.remove, async (c) => {
    if (!(await deleteSubscription(sql, c.req.valid("param").id))) {
      throw new SeismoError("not_found", `no webhook subscription ${c.req.valid("param").id}`);
    }
    return c.body(null, 204);
  });
  app.openapi(routes.deliveries, async (c) => {
    const sub = await mustGet(c.req.valid("param").id);
    const rows = await listDeliveries(sql, sub.id, c.req.valid("query").limit);
    const attempts = await attemptsOf(
      sql,
      rows.map((d) => d.id),
    );
    const deliveries = rows.map(({ body: _b, subscriptionId: _s, windowStartedAt: _w, attempts: _n, ...d }) => ({
      ...d,
      attempts: attempts.get(d.id) ?? [],
    }));
    return c.json({ deliveries }, 200);
  });
  app.openapi(routes.replay, async (c) => {
    const queues = deps.queues;
    if (!queues) throw new SeismoError("unavailable", "this API process has no queue to send the delivery with");
    const delivery = await replayDelivery({ store: deps.store, queues }, c.req.valid("param").id);
    return c.json({ deliveryId: delivery.id, status: delivery.status }, 202);
  });
}
