import { DEFAULT_RULES, ensureDefaultRules } from "@seismo/alerts";
import { SeismoError } from "@seismo/core";
import { silentLogger } from "@seismo/observability";
import type { QueueSet } from "@seismo/queue";
import { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../app/index.ts";

let store: Store;
let app: ReturnType<typeof createApi>;
const tokens: Record<"operator" | "analyst" | "other" | "viewer", { token: string; id: string }> = {} as never;
const queued: Array<{ name: string; payload: unknown }> = [];

beforeAll(async () => {
  store = await Store.open({ kind: "pglite" });
  const fetchPage = async (url: string) => {
    throw new SeismoError("fetch_failed", `GET ${url}: no network in this test`);
  };
  const queues = {
    add: async (name: string, payload: unknown) => {
      queued.push({ name, payload });
      return { id: "job" };
    },
  } as unknown as QueueSet;
  app = createApi({ store, queues, redisPing: async () => true, logger: silentLogger(), fetchPage });
  for (const [key, role] of [
    ["operator", "operator"],
    ["analyst", "analyst"],
    ["other", "analyst"],
    ["viewer", "viewer"],
  ] as const) {
    const { token, record } = await store.tokens.create(key, role);
    tokens[key] = { token, id: record.id };
  }
  await ensureDefaultRules(store);
  await store.sql.query(
    "INSERT INTO stories (id, title, first_seen, last_seen) VALUES ('sty_1', 'Banjska', now(), now())",
  );
  await store.sql.query(
    `INSERT INTO alerts (id, dedupe_key, rule_id, story_id, kind, title, summary, numbers, evidence, state_key)
     VALUES ('alr_1', 'k', 'rule_default_clash_spike', 'sty_1', 'spike', 'Escalation: Banjska', '5 clash reports',
             '{"count":5,"baseline":0.1}', '[]', 'count=5')`,
  );
});
afterAll(() => store.close());

const call = (who: keyof typeof tokens, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${tokens[who].token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const spikeRule = { name: "Zvečan clashes", kind: "spike", filters: { types: ["clash"], places: ["Zvečan"] } };

describe("alert rules API", () => {
  it("lists the default rule set created on first start", async () => {
    const res = await call("analyst", "GET", "/api/v1/alert-rules");
    expect(res.status).toBe(200);
    const { rules } = (await res.json()) as { rules: Array<{ id: string; ownerTokenId: string | null }> };
    expect(rules.map((r) => r.id)).toEqual(DEFAULT_RULES.map((r) => r.id));
    expect(rules.every((r) => r.ownerTokenId === null)).toBe(true);
  });

  it("creates a rule owned by the analyst, with defaults filled, and runs it at once", async () => {
    const res = await call("analyst", "POST", "/api/v1/alert-rules", spikeRule);
    expect(res.status).toBe(201);
    const rule = (await res.json()) as { id: string; ownerTokenId: string; params: { windowHours: number } };
    expect(rule.ownerTokenId).toBe(tokens.analyst.id);
    expect(rule.params.windowHours).toBe(72);
    expect(queued.at(-1)).toEqual({ name: "evaluate-alerts", payload: { ruleIds: [rule.id] } });
  });

  it("refuses a rule that would trigger on negated indicators", async () => {
    const res = await call("analyst", "POST", "/api/v1/alert-rules", {
      ...spikeRule,
      filters: { modalities: ["negated"] },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("lets analysts edit only their own rules, operators any", async () => {
    const created = (await (await call("analyst", "POST", "/api/v1/alert-rules", spikeRule)).json()) as { id: string };
    const path = `/api/v1/alert-rules/${created.id}`;
    expect((await call("other", "PATCH", path, { enabled: false })).status).toBe(403);
    const own = await call("analyst", "PATCH", path, { params: { minCount: 6 }, filters: { minConfidence: 0.7 } });
    expect(own.status).toBe(200);
    const edited = (await own.json()) as { params: { minCount: number; windowHours: number }; filters: object };
    expect(edited.params).toMatchObject({ minCount: 6, windowHours: 72 });
    expect(edited.filters).toMatchObject({ types: ["clash"], places: ["Zvečan"], minConfidence: 0.7 });
    expect((await call("analyst", "PATCH", path, { params: { minCount: -1 } })).status).toBe(400);
    expect(
      (await call("analyst", "PATCH", "/api/v1/alert-rules/rule_default_deployment", { enabled: false })).status,
    ).toBe(403);
    expect(
      (await call("operator", "PATCH", "/api/v1/alert-rules/rule_default_deployment", { cooldownMinutes: 5 })).status,
    ).toBe(200);
    expect((await call("other", "DELETE", path)).status).toBe(403);
    expect((await call("analyst", "DELETE", path)).status).toBe(204);
    expect((await call("analyst", "GET", path)).status).toBe(404);
  });
});

describe("alerts API", () => {
  it("lists alerts with their numbers and dashboard link (analyst, not viewer)", async () => {
    expect((await call("viewer", "GET", "/api/v1/alerts")).status).toBe(403);
    const res = await call("analyst", "GET", "/api/v1/alerts?storyId=sty_1");
    const { alerts } = (await res.json()) as { alerts: Array<{ id: string; numbers: object; dashboardUrl: string }> };
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.numbers).toEqual({ count: 5, baseline: 0.1 });
    expect(alerts[0]?.dashboardUrl).toBe("http://localhost/stories/sty_1");
    expect((await call("analyst", "GET", "/api/v1/alerts/alr_1")).status).toBe(200);
    expect((await call("analyst", "GET", "/api/v1/alerts/alr_nope")).status).toBe(404);
  });
});

describe("webhooks API", () => {
  let subId: string;

  it("is for operators only", async () => {
    expect((await call("analyst", "GET", "/api/v1/webhooks")).status).toBe(403);
  });

  it("creates a subscription and shows its generated secret once", async () => {
    const res = await call("operator", "POST", "/api/v1/webhooks", {
      name: "ops",
      url: "https://hooks.example/seismo",
      format: "slack",
      ruleIds: ["rule_default_clash_spike"],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { subscription: { id: string; secretHint: string }; secret: string };
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(body.subscription.secretHint).toBe(`whsec_…${body.secret.slice(-4)}`);
    subId = body.subscription.id;
    const listed = await (await call("operator", "GET", "/api/v1/webhooks")).text();
    expect(listed).not.toContain(body.secret);
  });

  it("takes a mailto: address as an e-mail subscription", async () => {
    const res = await call("operator", "POST", "/api/v1/webhooks", {
      name: "desk",
      url: "mailto:desk@newsroom.example",
    });
    expect(res.status).toBe(201);
    const { subscription } = (await res.json()) as { subscription: { id: string; url: string } };
    expect(subscription.url).toBe("mailto:desk@newsroom.example");
    expect((await call("operator", "DELETE", `/api/v1/webhooks/${subscription.id}`)).status).toBe(204);
  });

  it("refuses a non-http URL, a bad secret and an unknown rule", async () => {
    const post = (body: object) => call("operator", "POST", "/api/v1/webhooks", { name: "x", ...body });
    expect((await post({ url: "ftp://hooks.example/" })).status).toBe(400);
    expect((await post({ url: "mailto:not an address" })).status).toBe(400);
    expect((await post({ url: "https://hooks.example/", secret: "hunter2" })).status).toBe(400);
    expect((await post({ url: "https://hooks.example/", ruleIds: ["rule_nope"] })).status).toBe(400);
  });

  it("shows the delivery log with every attempt, and replays a delivery", async () => {
    await store.sql.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, alert_id, alert_version, message_id, event_type, body, status, attempts, last_error)
       VALUES ('dlv_1', $1, 'alr_1', 1, 'msg_alr_1_v1', 'alert.created', '{}', 'failed', 1, 'HTTP 500')`,
      [subId],
    );
    await store.sql.query(
      `INSERT INTO webhook_attempts (delivery_id, attempt, http_status, latency_ms, response_excerpt, error)
       VALUES ('dlv_1', 1, 500, 12, 'oops', 'HTTP 500')`,
    );
    const res = await call("operator", "GET", `/api/v1/webhooks/${subId}/deliveries`);
    const { deliveries } = (await res.json()) as {
      deliveries: Array<{
        messageId: string;
        status: string;
        attempts: Array<{ httpStatus: number; latencyMs: number; responseExcerpt: string }>;
      }>;
    };
    expect(deliveries[0]).toMatchObject({ messageId: "msg_alr_1_v1", status: "failed" });
    expect(deliveries[0]?.attempts).toEqual([
      expect.objectContaining({ httpStatus: 500, latencyMs: 12, responseExcerpt: "oops" }),
    ]);

    const replay = await call("operator", "POST", "/api/v1/webhook-deliveries/dlv_1/replay");
    expect(replay.status).toBe(202);
    expect(queued.at(-1)).toEqual({ name: "deliver-webhook", payload: { deliveryId: "dlv_1" } });
  });

  it("shows why a subscription was disabled, refuses replay until it is enabled again", async () => {
    await store.sql.query(
      "UPDATE webhook_subscriptions SET enabled = false, disabled_reason = 'delivery dlv_1 failed 9 times' WHERE id = $1",
      [subId],
    );
    const sub = (await (await call("operator", "GET", `/api/v1/webhooks/${subId}`)).json()) as {
      disabledReason: string;
    };
    expect(sub.disabledReason).toBe("delivery dlv_1 failed 9 times");
    expect((await call("operator", "POST", "/api/v1/webhook-deliveries/dlv_1/replay")).status).toBe(409);
    const enabled = await call("operator", "PATCH", `/api/v1/webhooks/${subId}`, { enabled: true });
    expect(((await enabled.json()) as { disabledReason: string | null }).disabledReason).toBeNull();
    expect((await call("operator", "DELETE", `/api/v1/webhooks/${subId}`)).status).toBe(204);
  });
});
