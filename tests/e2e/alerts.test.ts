import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyWebhook } from "@seismo/alerts";
import { parseConfig } from "@seismo/config";
import { silentLogger } from "@seismo/observability";
import { deleteQueueKeys } from "@seismo/queue";
import { type RunningStack, startStack } from "@seismo/stack";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, DATABASE_URL, REDIS_URL, waitFor } from "./harness.ts";

const NEGATED = "no visible movement or increased presence of Serbian armed forces has been observed";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}
interface Payload {
  type: string;
  data: {
    alert: { id: string; version: number; evidence: Array<{ sentence: string; url: string }> };
    rule: { id: string };
    story: { id: string };
    dashboardUrl: string;
  };
}

/** A webhook receiver on loopback that can be "down" (503) and records every request. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { down: true };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      const answered = state.down ? 503 : 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end(state.down ? "down for maintenance" : "ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/seismo`;
  return { url, received, state, close: () => new Promise((r) => server.close(r)) };
}

describe("alerts end to end on PostgreSQL", () => {
  let stack: RunningStack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let dataDir: string;
  let prefix = "";
  let secret: string;
  const schema = `e2e_alerts_${process.pid}_${Date.now().toString(36)}`;

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(new URL(path, stack.url ?? ""), {
      method,
      headers: { authorization: `Bearer ${API_TOKEN}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
  };
  const storyOf = async (slug: string) => {
    const [row] = await stack.store.sql.query<{ story_id: string | null }>(
      "SELECT story_id FROM articles WHERE url LIKE $1",
      [`%/articles/${slug}`],
    );
    return row?.story_id ?? null;
  };
  const alertsFor = (ruleId: string) =>
    stack.store.sql.query<{ id: string; story_id: string; evidence: Array<{ sentence: string }> }>(
      "SELECT id, story_id, evidence FROM alerts WHERE rule_id = $1",
      [ruleId],
    );

  beforeAll(async () => {
    receiver = await startReceiver();
    dataDir = await mkdtemp(join(tmpdir(), "seismo-e2e-alerts-"));
    const id = `${process.pid}_${Date.now().toString(36)}`;
    const config = parseConfig({
      SEISMO_DATA_DIR: dataDir,
      REDIS_URL,
      SEISMO_QUEUE_PREFIX: `{seismo-e2e-alerts-${id}}`,
      PORT: "0",
      SEISMO_SAMPLE_PORT: "0",
      SEISMO_OFFLINE: "true",
      SEISMO_API_TOKEN: API_TOKEN,
      SEISMO_SOURCES_FILE: new URL("../../sources.json", import.meta.url).pathname,
      SEISMO_FETCH_MIN_DELAY_MS: "0",
      SEISMO_FETCH_PER_HOST: "4",
    });
    prefix = config.queuePrefix;
    // No scheduler: the subscription must exist before the first article is polled.
    stack = await startStack({
      config,
      logger: silentLogger(),
      parts: { api: true, workers: true, scheduler: false, sampleSource: true, sourcesFile: true },
      storeTarget: { kind: "postgres", url: DATABASE_URL, schema },
      alerts: {
        webhookAllowHosts: ["127.0.0.1"],
        delivery: { baseDelayMs: 300, maxDelayMs: 1500, maxAgeMs: 10 * 60_000 },
      },
    });
    const created = await api("POST", "/api/v1/webhooks", { name: "e2e receiver", url: receiver.url });
    expect(created.status).toBe(201);
    secret = created.body.secret as string;
    for (const s of await stack.store.sources.list()) {
      await stack.queues.add("poll-source", { sourceId: s.id, reason: "manual" });
    }
    await waitFor(
      async () => {
        const [row] = await stack.store.sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM articles WHERE tagged_at IS NOT NULL AND story_id IS NOT NULL",
        );
        return (row?.n ?? 0) >= 33 ? true : null;
      },
      150_000,
      "the 33 sample articles to be tagged and clustered",
    );
    // Let the receiver fail for a while, then bring it back: retries must deliver everything.
    await waitFor(async () => (receiver.received.length >= 3 ? true : null), 60_000, "failed deliveries");
    receiver.state.down = false;
    await waitFor(
      async () => {
        const [row] = await stack.store.sql.query<{ open: number; total: number }>(
          "SELECT count(*) FILTER (WHERE status <> 'delivered')::int AS open, count(*)::int AS total FROM webhook_deliveries",
        );
        const counts = await stack.queues.queue("evaluate-alerts").getJobCounts("waiting", "active");
        return row && row.total > 0 && row.open === 0 && (counts.waiting ?? 0) + (counts.active ?? 0) === 0
          ? true
          : null;
      },
      120_000,
      "every delivery to succeed once the receiver is back",
    );
  });

  afterAll(async () => {
    await stack?.close();
    await stack?.queues.close();
    if (stack) await deleteQueueKeys(REDIS_URL, prefix);
    await receiver?.close();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("raises an escalation alert for the Banjska shootout story", async () => {
    const story = await storyOf("banjska-ambush-kills-kosovo-police-officer");
    const alerts = await alertsFor("rule_default_clash_spike");
    expect(alerts.map((a) => a.story_id)).toContain(story);
  });

  it("gives the clash burst one escalation alert that names its stories, not one per story", async () => {
    const story = await storyOf("banjska-ambush-kills-kosovo-police-officer");
    const rows = await stack.store.sql.query<{ story_id: string; numbers: { stories: string[]; storyCount: number } }>(
      "SELECT story_id, numbers FROM alerts WHERE rule_id = 'rule_default_clash_spike'",
    );
    const holding = rows.filter((r) => story !== null && r.numbers.stories.includes(story));
    expect(holding).toHaveLength(1);
    expect(holding[0]?.numbers.storyCount).toBeGreaterThan(1); // the seeds' burst spans several stories
    const named = rows.flatMap((r) => r.numbers.stories);
    expect(new Set(named).size).toBe(named.length);
    for (const r of rows) expect(r.numbers.stories).toContain(r.story_id);
  });

  it("raises a deployment alert for the Serbian build-up, never from the negated sentence", async () => {
    const story = await storyOf("us-urges-serbia-to-pull-back-forces");
    const alerts = await alertsFor("rule_default_deployment");
    expect(alerts.map((a) => a.story_id)).toContain(story);
    const all = await stack.store.sql.query<{ evidence: Array<{ sentence: string }> }>("SELECT evidence FROM alerts");
    for (const a of all) for (const e of a.evidence) expect(e.sentence).not.toContain(NEGATED);
  });

  it("keeps one alert per rule and story, updated rather than duplicated", async () => {
    const rows = await stack.store.sql.query<{ rule_id: string; story_id: string; n: number }>(
      "SELECT rule_id, story_id, count(*)::int AS n FROM alerts GROUP BY rule_id, story_id",
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it("delivers every alert signed, with retries under one webhook-id and none twice under two", async () => {
    expect(receiver.received.some((r) => r.answered === 503)).toBe(true);
    const idsByVersion = new Map<string, Set<string>>();
    const bodyById = new Map<string, string>();
    for (const r of receiver.received) {
      expect(verifyWebhook(secret, r.headers, r.body, { toleranceSeconds: 3600 })).toBe(true);
      const id = String(r.headers["webhook-id"]);
      if (bodyById.has(id)) expect(r.body).toBe(bodyById.get(id));
      bodyById.set(id, r.body);
      const p = JSON.parse(r.body) as Payload;
      const key = `${p.data.alert.id}@${p.data.alert.version}`;
      idsByVersion.set(key, new Set([...(idsByVersion.get(key) ?? []), id]));
      expect(p.data.dashboardUrl).toBe(`${stack.url}stories/${p.data.story.id}`);
      expect(p.data.alert.evidence.length).toBeGreaterThan(0);
    }
    for (const ids of idsByVersion.values()) expect(ids.size).toBe(1);
    const delivered = new Set(receiver.received.filter((r) => r.answered === 200).map((r) => r.headers["webhook-id"]));
    const rows = await stack.store.sql.query<{ message_id: string }>("SELECT message_id FROM webhook_deliveries");
    for (const r of rows) expect(delivered.has(r.message_id)).toBe(true);
    const alerts = await stack.store.sql.query<{ id: string }>("SELECT id FROM alerts WHERE notified_version > 0");
    const sent = new Set([...idsByVersion.keys()].map((k) => k.split("@")[0]));
    for (const a of alerts) expect(sent.has(a.id)).toBe(true);
  });

  it("shows each attempt in the delivery log", async () => {
    const subs = await api("GET", "/api/v1/webhooks");
    const sub = (subs.body.subscriptions as Array<{ id: string; enabled: boolean }>)[0];
    expect(sub?.enabled).toBe(true);
    const log = await api("GET", `/api/v1/webhooks/${sub?.id}/deliveries?limit=500`);
    const deliveries = log.body.deliveries as Array<{ status: string; attempts: Array<{ httpStatus: number }> }>;
    expect(deliveries.every((d) => d.status === "delivered")).toBe(true);
    const statuses = deliveries.flatMap((d) => d.attempts.map((a) => a.httpStatus));
    expect(statuses).toContain(503);
    expect(statuses).toContain(200);
  });

  it("applies a rule edit without a restart", async () => {
    const created = await api("POST", "/api/v1/alert-rules", {
      name: "Peacekeepers reinforce",
      kind: "deployment",
      params: { actors: ["Russia"], near: ["Kosovo"] },
      cooldownMinutes: 0,
    });
    expect(created.status).toBe(201);
    const ruleId = created.body.id as string;
    await new Promise((r) => setTimeout(r, 3000));
    expect(await alertsFor(ruleId)).toEqual([]);
    const edited = await api("PATCH", `/api/v1/alert-rules/${ruleId}`, { params: { actors: ["NATO", "KFOR"] } });
    expect(edited.status).toBe(200);
    const nato = await storyOf("nato-ready-to-reinforce-kfor");
    const alerts = await waitFor(
      async () => {
        const rows = await alertsFor(ruleId);
        return rows.length > 0 ? rows : null;
      },
      60_000,
      "an alert from the edited rule",
    );
    expect(alerts.map((a) => a.story_id)).toContain(nato);
  });
});
