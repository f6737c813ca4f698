import { getRule, listRules, listSubscriptions } from "@seismo/alerts";
import { createRedis, QueueSet } from "@seismo/queue";
import { Store } from "@seismo/store";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerDashboard } from "../index.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

let store: Store;
let app: Hono;
let queues: QueueSet;
let connection: ReturnType<typeof createRedis>;
const tokens = { operator: "", analyst: "", viewer: "", other: "" };

beforeAll(async () => {
  store = await Store.open({ kind: "pglite" });
  connection = createRedis(REDIS_URL);
  queues = new QueueSet({ connection, prefix: `{seismo-dash-test-${process.pid}-${Date.now().toString(36)}}` });
  app = new Hono();
  registerDashboard(app, { store, queues });
  for (const role of ["operator", "analyst", "viewer"] as const)
    tokens[role] = (await store.tokens.create(role, role)).token;
  tokens.other = (await store.tokens.create("other analyst", "analyst")).token;
});
afterAll(async () => {
  for (const q of queues.queues.values()) await q.obliterate({ force: true }).catch(() => undefined);
  await queues.close();
  connection.disconnect();
  await store.close();
});

const as = (role: keyof typeof tokens) => ({ headers: { cookie: `seismo_session=${tokens[role]}` } });
const post = (path: string, role: keyof typeof tokens, body: Array<[string, string]>) =>
  app.request(path, {
    method: "POST",
    body: new URLSearchParams(body),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: `seismo_session=${tokens[role]}` },
  });
const SPIKE: Array<[string, string]> = [
  ["name", "Protest spike in the north"],
  ["kind", "spike"],
  ["enabled", "on"],
  ["cooldown", "30"],
  ["types", "protest"],
  ["types", "clash"],
  ["modalities", "asserted"],
  ["region", "north-kosovo"],
  ["places", "Raška"],
  ["languages", "en, SR"],
  ["sourceTags", "country=RS"],
  ["minConfidence", "0.7"],
  ["windowHours", "48"],
  ["minCount", "3"],
  ["quietDays", "99"],
];

describe("alert rules pages", () => {
  it("keeps viewers out of rules, alerts and webhooks, and analysts out of webhooks", async () => {
    for (const path of ["/alerts", "/alerts/rules", "/alerts/rules/new", "/operator/webhooks"]) {
      expect((await app.request(path, as("viewer"))).status, path).toBe(403);
    }
    expect((await app.request("/operator/webhooks", as("analyst"))).status).toBe(403);
    expect(await (await app.request("/", as("viewer"))).text()).not.toContain('href="/alerts"');
  });

  it("refuses rule and webhook form posts from another origin", async () => {
    for (const [path, role] of [
      ["/alerts/rules", "analyst"],
      ["/operator/webhooks", "operator"],
    ] as const) {
      const res = await app.request(path, {
        method: "POST",
        body: new URLSearchParams({ name: "x", kind: "spike", url: "https://x.example/" }),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `seismo_session=${tokens[role]}`,
          origin: "https://evil.example",
          host: "localhost",
        },
      });
      expect(res.status, path).toBe(403);
    }
    expect(await listRules(store.sql)).toHaveLength(0);
  });

  it("lets an analyst create a rule with filters and the chosen type's parameters only", async () => {
    const res = await post("/alerts/rules", "analyst", SPIKE);
    expect(res.status).toBe(303);
    const rule = (await listRules(store.sql)).find((r) => r.name === "Protest spike in the north");
    expect(rule?.kind).toBe("spike");
    expect(rule?.params).toMatchObject({ windowHours: 48, minCount: 3, baselineDays: 28 });
    expect(rule?.params).not.toHaveProperty("quietDays");
    expect(rule?.filters).toMatchObject({
      types: ["protest", "clash"],
      modalities: ["asserted"],
      languages: ["en", "sr"],
      sourceTags: { country: "RS" },
      minConfidence: 0.7,
    });
    expect(rule?.filters.places).toEqual(expect.arrayContaining(["Zvečan", "Raška"]));
    expect(rule?.cooldownMinutes).toBe(30);
    const jobs = await queues.queue("evaluate-alerts").getJobs(["waiting", "delayed"]);
    expect(jobs.map((j) => j.data)).toContainEqual({ ruleIds: [rule?.id] });
    const list = await (await app.request(res.headers.get("location") ?? "", as("analyst"))).text();
    expect(list).toContain("Created “Protest spike in the north”");
    expect(list).toContain("running against recent stories now");
  });

  it("answers a bad form with the reasons, per field, and keeps what was typed", async () => {
    const res = await post("/alerts/rules", "analyst", [
      ["name", ""],
      ["kind", "story-growth"],
      ["minConfidence", "3"],
      ["minOutlets", "many"],
      ["sourceTags", "country"],
      ["languages", "english"],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Could not save the rule");
    expect(html).toContain("Name: give the rule a name");
    expect(html).toContain("Modality: pick asserted, intent or both");
    expect(html).toContain("Minimum outlets: must be a number");
    expect(html).toContain("Source tags: &quot;country&quot;: write key=value pairs");
    expect(html).toContain("Minimum confidence: must be at most 1");
    expect(html).toMatch(/id="r-minConfidence"[^>]*value="3"/);
    expect(html).toContain('aria-invalid="true"');
  });

  it("lets the owner edit and disable a rule, and only the owner or an operator", async () => {
    const rule = (await listRules(store.sql)).find((r) => r.name === "Protest spike in the north");
    if (!rule) throw new Error("rule missing");
    expect((await app.request(`/alerts/rules/${rule.id}/edit`, as("other"))).status).toBe(403);
    expect((await post(`/alerts/rules/${rule.id}/toggle`, "other", [])).status).toBe(403);
    const form = await (await app.request(`/alerts/rules/${rule.id}/edit`, as("analyst"))).text();
    expect(form).toContain('value="Raška"');
    expect(form).not.toContain('name="quietDays"');
    const edited = SPIKE.map(([k, v]): [string, string] => (k === "windowHours" ? [k, "24"] : [k, v]));
    expect((await post(`/alerts/rules/${rule.id}`, "analyst", [...edited, ["kind", "first"]])).status).toBe(303);
    const after = await getRule(store.sql, rule.id);
    expect(after?.kind).toBe("spike");
    expect(after?.params).toMatchObject({ windowHours: 24 });
    expect((await post(`/alerts/rules/${rule.id}/toggle`, "analyst", [])).status).toBe(303);
    expect((await getRule(store.sql, rule.id))?.enabled).toBe(false);
    expect((await post(`/alerts/rules/${rule.id}/toggle`, "operator", [])).status).toBe(303);
    expect((await getRule(store.sql, rule.id))?.enabled).toBe(true);
    const list = await (await app.request("/alerts/rules", as("other"))).text();
    expect(list).toContain("Protest spike in the north");
    expect(list).toContain("read only");
  });

  it("lists alerts with numbers against the baseline, evidence and a link to the story", async () => {
    const rule = (await listRules(store.sql))[0];
    await store.sql.query(
      "INSERT INTO stories (id, title, first_seen, last_seen) VALUES ('sty_a', 'Banjska attack', now(), now())",
    );
    await store.sql.query(
      `INSERT INTO alerts (id, dedupe_key, rule_id, story_id, kind, title, summary, numbers, evidence, state_key)
       VALUES ('alt_1', $1, $2, 'sty_a', 'spike', 'Clash spike near Banjska', 'Seven reports in 72 h',
               $3::jsonb, $4::jsonb, 's1')`,
      [
        `${rule?.id}|sty_a`,
        rule?.id,
        JSON.stringify({ count: 7, baseline: 0.4, expected: 0.5, pValue: 0.0001, windowHours: 72, baselineDays: 28 }),
        JSON.stringify([
          {
            sentence: "Gunmen clashed with police in Banjska.",
            type: "clash",
            modality: "asserted",
            confidence: 0.9,
            articleId: "art_1",
            url: "https://news.example/a",
            title: "Banjska shootout",
            publishedAt: "2023-09-24T08:00:00Z",
          },
        ]),
      ],
    );
    const html = await (await app.request("/alerts", as("analyst"))).text();
    expect(html).toContain("Clash spike near Banjska");
    expect(html).toContain("7 reports in 72 h vs 0.5 expected (baseline 0.4 over 28 d)");
    expect(html).toContain("Gunmen clashed with police in Banjska.");
    expect(html).toContain('href="/stories/sty_a"');
    expect(html).toContain("Banjska attack");
  });
});

describe("webhook pages", () => {
  it("subscribes an endpoint, shows the secret once and refuses a bad URL", async () => {
    const bad = await post("/operator/webhooks", "operator", [
      ["name", "x"],
      ["url", "ftp://nope"],
    ]);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("url: must be an http:// or https:// URL");
    const res = await post("/operator/webhooks", "operator", [
      ["name", "Ops Slack"],
      ["url", "https://hooks.example.org/seismo"],
      ["format", "slack"],
    ]);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const secret = /data-testid="new-secret">([^<]+)</.exec(await res.text())?.[1] ?? "";
    expect(secret).toMatch(/^whsec_/);
    const [sub] = await listSubscriptions(store.sql);
    expect(sub).toMatchObject({ name: "Ops Slack", format: "slack", ruleIds: [], secret });
    expect(await (await app.request("/operator/webhooks", as("operator"))).text()).not.toContain(secret);
  });

  it("shows the delivery log with each attempt and replays a delivery", async () => {
    const [sub] = await listSubscriptions(store.sql);
    await store.sql.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, alert_id, alert_version, message_id, event_type, body, status, attempts, last_error)
       VALUES ('dlv_1', $1, 'alt_1', 1, 'msg_alt_1_v1', 'alert.raised', '{}', 'failed', 2, 'HTTP 503')`,
      [sub?.id],
    );
    await store.sql.query(
      `INSERT INTO webhook_attempts (delivery_id, attempt, http_status, latency_ms, response_excerpt, error)
       VALUES ('dlv_1', 1, 503, 42, 'down for maintenance', 'HTTP 503'), ('dlv_1', 2, 503, 17, 'still down', 'HTTP 503')`,
    );
    const html = await (await app.request(`/operator/webhooks/${sub?.id}`, as("operator"))).text();
    expect(html).toContain("Clash spike near Banjska");
    expect(html).toContain("down for maintenance");
    expect(html).toContain("42 ms");
    const replay = await post("/operator/webhook-deliveries/dlv_1/replay", "operator", []);
    expect(replay.status).toBe(303);
    const [delivery] = await store.sql.query<{ status: string }>(
      "SELECT status FROM webhook_deliveries WHERE id = 'dlv_1'",
    );
    expect(delivery?.status).toBe("pending");
    const jobs = await queues.queue("deliver-webhook").getJobs(["waiting", "delayed"]);
    expect(jobs.map((j) => j.data)).toContainEqual({ deliveryId: "dlv_1" });
    expect(await (await app.request(replay.headers.get("location") ?? "", as("operator"))).text()).toContain(
      "Delivery dlv_1 queued again",
    );
  });

  it("shows why a subscription was disabled, refuses to replay it, and clears the reason on enable", async () => {
    const [sub] = await listSubscriptions(store.sql);
    await store.sql.query(
      "UPDATE webhook_subscriptions SET enabled = false, disabled_reason = 'delivery dlv_1 failed permanently: HTTP 410' WHERE id = $1",
      [sub?.id],
    );
    expect(await (await app.request("/operator/webhooks", as("operator"))).text()).toContain(
      "delivery dlv_1 failed permanently: HTTP 410",
    );
    const replay = await post("/operator/webhook-deliveries/dlv_1/replay", "operator", []);
    expect(replay.status).toBe(409);
    expect(await replay.text()).toContain("enable it first");
    await post(`/operator/webhooks/${sub?.id}/toggle`, "operator", []);
    const [after] = await listSubscriptions(store.sql);
    expect(after).toMatchObject({ enabled: true, disabledReason: null });
  });
});
