import { getSubscription, insertRule, listSubscriptions, RuleInputSchema } from "@seismo/alerts";
import { beforeAll, describe, expect, it } from "vitest";
import { commandTest } from "../testing/index.ts";
import { UsageError } from "./connect.ts";
import { runWebhooks } from "./webhooks.ts";

const t = commandTest("webhooks");
let ruleId: string;

beforeAll(async () => {
  const rule = await insertRule(t.store.sql, RuleInputSchema.parse({ name: "Spike", kind: "spike" }), null);
  ruleId = rule?.id ?? "";
});

const webhooks = (args: string[], options: Record<string, unknown> = {}, withQueues = true) =>
  t.run(runWebhooks, args, options, withQueues);

describe("seismo webhooks", () => {
  it("subscribes a URL to chosen rules and prints the secret once", async () => {
    const { out } = await webhooks(["add", "https://hooks.example.org/seismo"], {
      name: "Ops",
      rule: [ruleId],
      format: "slack",
    });
    const printed = JSON.parse(out.slice(0, out.lastIndexOf("}") + 1));
    expect(printed.secret).toMatch(/^whsec_/);
    expect(printed.subscription).toMatchObject({ name: "Ops", format: "slack", ruleIds: [ruleId] });
    expect(printed.subscription.secret).toBeUndefined();
    const [sub] = await listSubscriptions(t.store.sql);
    expect(sub?.secret).toBe(printed.secret);
    expect((await webhooks(["list"])).out).toMatch(
      /^whk_\S+ {2}slack +Ops <https:\/\/hooks\.example\.org\/seismo>.*\[active\]$/,
    );
  });

  it("refuses a bad URL, format or rule with the reason", async () => {
    await expect(webhooks(["add", "ftp://x"], { name: "x" })).rejects.toThrow(/url: URL must be http\(s\)/);
    await expect(webhooks(["add", "https://x.example"], { name: "x", format: "xml" })).rejects.toThrow(
      "--format must be one of standard, slack, teams",
    );
    await expect(webhooks(["add", "https://x.example"], { name: "x", rule: ["rule_nope"] })).rejects.toThrow(
      "no such rule rule_nope",
    );
    await expect(webhooks(["add", "https://x.example"], {})).rejects.toThrow("--name is required");
    await expect(webhooks(["frobnicate"])).rejects.toThrow(UsageError);
    expect(await listSubscriptions(t.store.sql)).toHaveLength(1);
  });

  it("prints the delivery log with every attempt, and replays a delivery", async () => {
    const [sub] = await listSubscriptions(t.store.sql);
    await t.store.sql.query(
      "INSERT INTO stories (id, title, first_seen, last_seen) VALUES ('sty_1', 'S', now(), now())",
    );
    await t.store.sql.query(
      `INSERT INTO alerts (id, dedupe_key, rule_id, story_id, kind, title, summary, state_key)
       VALUES ('alt_1', 'k1', $1, 'sty_1', 'spike', 'T', 's', 's1')`,
      [ruleId],
    );
    await t.store.sql.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, alert_id, alert_version, message_id, event_type, body, status, attempts)
       VALUES ('dlv_1', $1, 'alt_1', 1, 'msg_alt_1_v1', 'alert.created', '{}', 'delivered', 2)`,
      [sub?.id],
    );
    await t.store.sql.query(
      `INSERT INTO webhook_attempts (delivery_id, attempt, http_status, latency_ms, response_excerpt, error)
       VALUES ('dlv_1', 1, 503, 40, 'down for maintenance', 'HTTP 503'), ('dlv_1', 2, 200, 12, 'ok', NULL)`,
    );
    const { out } = await webhooks(["deliveries", sub?.id ?? ""]);
    expect(out).toMatch(/dlv_1 {2}delivered +alert alt_1 v1 {2}msg_alt_1_v1/);
    expect(out).toMatch(/#1 {2}\S+ {2}503 {2}40 ms {2}HTTP 503 {2}"down for maintenance"/);
    expect(out).toMatch(/#2 {2}\S+ {2}200 {2}12 ms {2}ok {2}"ok"/);
    expect((await webhooks(["replay", "dlv_1"])).out).toContain("queued dlv_1 again (msg_alt_1_v1, status pending)");
    const jobs = await t.queues.queue("deliver-webhook").getJobs(["waiting", "delayed"]);
    expect(jobs.map((j) => j.data)).toContainEqual({ deliveryId: "dlv_1" });
    await expect(webhooks(["replay", "dlv_1"], {}, false)).rejects.toThrow(/Redis does not answer/);
  });

  it("shows why a subscription was disabled, refuses to replay, and clears the reason on enable", async () => {
    const [sub] = await listSubscriptions(t.store.sql);
    const id = sub?.id ?? "";
    await t.store.sql.query(
      "UPDATE webhook_subscriptions SET enabled = false, disabled_reason = 'HTTP 410 Gone' WHERE id = $1",
      [id],
    );
    expect((await webhooks(["list"])).out).toContain("[disabled: HTTP 410 Gone]");
    await expect(webhooks(["replay", "dlv_1"])).rejects.toThrow(/cannot replay: .*disabled.*enable it first/);
    await webhooks(["enable", id]);
    expect(await getSubscription(t.store.sql, id)).toMatchObject({ enabled: true, disabledReason: null });
  });
});
