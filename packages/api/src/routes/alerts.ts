import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  deleteRule,
  getAlert,
  getRule,
  insertRule,
  listAlerts,
  listRules,
  parseParams,
  RULE_KINDS,
  type Rule,
  RuleFiltersSchema,
  RuleInputSchema,
  RulePatchSchema,
  type StoredAlert,
  updateRule,
} from "@seismo/alerts";
import { describeZodError, SeismoError } from "@seismo/core";
import type { QueueSet } from "@seismo/queue";
import type { ApiToken, Store } from "@seismo/store";
import { requireRole } from "../auth/index.ts";
import { authErrors, IdParam, json } from "./schemas.ts";
import { registerWebhooks } from "./webhooks.ts";

const RuleOut = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(RULE_KINDS),
    enabled: z.boolean(),
    filters: z.record(z.string(), z.unknown()),
    params: z.record(z.string(), z.unknown()),
    cooldownMinutes: z.number().int(),
    ownerTokenId: z.string().nullable().openapi({ description: "null: a default rule (operators edit it)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("AlertRule");

const AlertOut = z
  .object({
    id: z.string(),
    ruleId: z.string(),
    storyId: z.string(),
    kind: z.string(),
    title: z.string(),
    summary: z.string(),
    numbers: z.record(z.string(), z.unknown()),
    evidence: z.array(
      z.object({
        sentence: z.string(),
        type: z.string(),
        modality: z.string(),
        confidence: z.number(),
        articleId: z.string(),
        url: z.string(),
        title: z.string().nullable(),
        publishedAt: z.string(),
      }),
    ),
    version: z.number().int(),
    notifiedVersion: z.number().int(),
    firstRaisedAt: z.string(),
    updatedAt: z.string(),
    lastNotifiedAt: z.string().nullable(),
    dashboardUrl: z.string(),
  })
  .openapi("Alert");

const errors = authErrors("role too low, or not your rule");
const analyst = requireRole("analyst");
const rulesBase = { tags: ["alerts"], security: [{ bearer: [] }], middleware: analyst };

const routes = {
  listRules: createRoute({
    ...rulesBase,
    method: "get",
    path: "/api/v1/alert-rules",
    summary: "Alert rules (analyst)",
    responses: { 200: json(z.object({ rules: z.array(RuleOut) }), "rules not deleted"), ...errors },
  }),
  getRule: createRoute({
    ...rulesBase,
    method: "get",
    path: "/api/v1/alert-rules/{id}",
    summary: "One alert rule (analyst)",
    request: { params: IdParam },
    responses: { 200: json(RuleOut, "the rule"), ...errors },
  }),
  createRule: createRoute({
    ...rulesBase,
    method: "post",
    path: "/api/v1/alert-rules",
    summary: "Creates a rule owned by the caller (analyst); it runs against recent stories at once",
    request: { body: { content: { "application/json": { schema: RuleInputSchema } }, required: true } },
    responses: { 201: json(RuleOut, "created"), ...errors },
  }),
  updateRule: createRoute({
    ...rulesBase,
    method: "patch",
    path: "/api/v1/alert-rules/{id}",
    summary: "Edits a rule: your own (analyst) or any (operator); takes effect without a restart",
    request: {
      params: IdParam,
      body: { content: { "application/json": { schema: RulePatchSchema } }, required: true },
    },
    responses: { 200: json(RuleOut, "updated"), ...errors },
  }),
  deleteRule: createRoute({
    ...rulesBase,
    method: "delete",
    path: "/api/v1/alert-rules/{id}",
    summary: "Deletes a rule: your own (analyst) or any (operator); its alerts stay",
    request: { params: IdParam },
    responses: { 204: { description: "deleted" }, ...errors },
  }),
  listAlerts: createRoute({
    ...rulesBase,
    method: "get",
    path: "/api/v1/alerts",
    summary: "Alerts, most recently updated first: one per rule and story (analyst)",
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(50),
        ruleId: z.string().optional(),
        storyId: z.string().optional(),
        kind: z.enum(RULE_KINDS).optional(),
      }),
    },
    responses: { 200: json(z.object({ alerts: z.array(AlertOut) }), "alerts"), ...errors },
  }),
  getAlert: createRoute({
    ...rulesBase,
    method: "get",
    path: "/api/v1/alerts/{id}",
    summary: "One alert with its numbers, evidence and dashboard link (analyst)",
    request: { params: IdParam },
    responses: { 200: json(AlertOut, "the alert"), ...errors },
  }),
};

const toRuleOut = (r: Rule) => ({ ...r, params: r.params as Record<string, unknown> });
const withLink = (a: StoredAlert, requestUrl: string) => ({
  ...a,
  dashboardUrl: new URL(`/stories/${encodeURIComponent(a.storyId)}`, requestUrl).href,
});

/** Analysts edit their own rules; operators edit any, including the default set. */
function assertMayEdit(rule: Rule, token: ApiToken): void {
  if (token.role === "operator" || rule.ownerTokenId === token.id) return;
  throw new SeismoError(
    "forbidden",
    `rule ${rule.id} belongs to someone else; only its owner or an operator may change it`,
  );
}

export interface AlertRouteDeps {
  store: Store;
  queues?: QueueSet | undefined;
}

/** Alert rules, alerts, and (operator) webhook subscriptions with their delivery log and replay. */
// biome-ignore lint/suspicious/noExplicitAny: the app's env type is fixed by the caller's middleware
export function registerAlerts(app: OpenAPIHono<any>, deps: AlertRouteDeps) {
  const sql = deps.store.sql;
  const mustGet = async (id: string) => {
    const rule = await getRule(sql, id);
    if (!rule) throw new SeismoError("not_found", `no alert rule ${id}`);
    return rule;
  };
  // A new or edited rule runs against recent stories now rather than at the next article.
  const reevaluate = (ruleId: string) =>
    deps.queues?.add("evaluate-alerts", { ruleIds: [ruleId] }, { dedupeKey: `ea-rule-${ruleId}-${Date.now()}` });

  app.openapi(routes.listRules, async (c) => c.json({ rules: (await listRules(sql)).map(toRuleOut) }, 200));
  app.openapi(routes.getRule, async (c) => c.json(toRuleOut(await mustGet(c.req.valid("param").id)), 200));
  app.openapi(routes.createRule, async (c) => {
    const token = c.get("token") as ApiToken;
    const rule = await insertRule(sql, c.req.valid("json"), token.id);
    if (!rule) throw new SeismoError("conflict", "rule id collision; try again");
    await reevaluate(rule.id);
    return c.json(toRuleOut(rule), 201);
  });
  app.openapi(routes.updateRule, async (c) => {
    const rule = await mustGet(c.req.valid("param").id);
    assertMayEdit(rule, c.get("token") as ApiToken);
    const patch = c.req.valid("json");
    const filters = RuleFiltersSchema.safeParse({ ...rule.filters, ...(patch.filters ?? {}) });
    if (!filters.success) throw new SeismoError("bad_request", `filters: ${describeZodError(filters.error)}`);
    let params: Rule["params"];
    try {
      params = parseParams(rule.kind, { ...rule.params, ...(patch.params ?? {}) }).params;
    } catch (error) {
      const reason = error instanceof z.ZodError ? describeZodError(error) : String(error);
      throw new SeismoError("bad_request", `params: ${reason}`);
    }
    const updated = await updateRule(sql, rule.id, {
      name: patch.name ?? rule.name,
      enabled: patch.enabled ?? rule.enabled,
      cooldownMinutes: patch.cooldownMinutes ?? rule.cooldownMinutes,
      filters: filters.data,
      ...({ kind: rule.kind, params } as Pick<Rule, "kind" | "params">),
    });
    if (!updated) throw new SeismoError("not_found", `no alert rule ${rule.id}`);
    await reevaluate(rule.id);
    return c.json(toRuleOut(updated), 200);
  });
  app.openapi(routes.deleteRule, async (c) => {
    const rule = await mustGet(c.req.valid("param").id);
    assertMayEdit(rule, c.get("token") as ApiToken);
    await deleteRule(sql, rule.id);
    return c.body(null, 204);
  });
  app.openapi(routes.listAlerts, async (c) => {
    const q = c.req.valid("query");
    const alerts = await listAlerts(sql, q);
    return c.json({ alerts: alerts.map((a) => withLink(a, c.req.url)) }, 200);
  });
  app.openapi(routes.getAlert, async (c) => {
    const { id } = c.req.valid("param");
    const alert = await getAlert(sql, id);
    if (!alert) throw new SeismoError("not_found", `no alert ${id}`);
    return c.json(withLink(alert, c.req.url), 200);
  });
  registerWebhooks(app, deps);
}
