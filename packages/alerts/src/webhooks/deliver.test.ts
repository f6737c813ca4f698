import http from "node:http";
import type { AddressInfo } from "node:net";
import { createPoster } from "@seismo/fetcher";
import { silentLogger } from "@seismo/observability";
import { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertAlert } from "../data/alerts.ts";
import {
  attemptsOf,
  getSubscription,
  insertDelivery,
  insertSubscription,
  updateSubscription,
} from "../data/webhooks.ts";
import type { AlertsDeps } from "../deps.ts";
import { addArticle, recordingQueues } from "../testing/store.ts";
import { deliverOnce, replayDelivery, retryDelay } from "./deliver.ts";
import { generateSecret, verifyWebhook } from "./sign.ts";

let store: Store;
let server: http.Server;
let origin: string;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let answer = 200;
const queues = recordingQueues();
const poster = createPoster({ allowHosts: ["127.0.0.1"] });
const secret = generateSecret();
let clock = Date.now();
let deps: AlertsDeps;
let alertId: string;
let n = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end(answer === 200 ? "thanks" : "receiver is down");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = await Store.open({ kind: "pglite" });
  const sourceId = (await store.sources.upsert({ name: "S", url: "https://news.example/feed" })).id;
  await addArticle(store, { slug: "a", at: "2023-09-24T09:00:00Z", storyId: "sty_1", sourceId, indicators: [{}] });
  await store.sql.query("INSERT INTO alert_rules (id, name, kind) VALUES ('rule_1', 'R', 'spike')");
  const alert = await upsertAlert(
    store.sql,
    "alr_1",
    { dedupeKey: "rule_1|sty_1", ruleId: "rule_1", storyId: "sty_1", kind: "spike" },
    { title: "T", summary: "S", numbers: {}, evidence: [], stateKey: "k" },
  );
  alertId = alert.id;
  deps = {
    store,
    queues,
    logger: silentLogger(),
    poster,
    delivery: { baseDelayMs: 1000, maxDelayMs: 60_000, maxAgeMs: 10 * 60_000 },
    now: () => clock,
  };
});
afterAll(async () => {
  await poster.close();
  await store.close();
  await new Promise((r) => server.close(r));
});

async function subscription(url = `${origin}/hook`) {
  const id = `sub_${++n}`;
  await insertSubscription(store.sql, id, { name: id, url, ruleIds: [], secret, format: "standard", enabled: true });
  const deliveryId = `dlv_${n}`;
  await insertDelivery(store.sql, {
    id: deliveryId,
    subscriptionId: id,
    alertId,
    alertVersion: n,
    messageId: `msg_alr_1_v${n}`,
    eventType: "alert.created",
    body: `{"n":${n}}`,
  });
  return { id, deliveryId };
}

describe("webhook delivery", () => {
  it("signs each attempt so the receiver can verify it, and logs status, latency and excerpt", async () => {
    const { deliveryId } = await subscription();
    clock = Date.now();
    expect(await deliverOnce(deps, deliveryId)).toMatchObject({ outcome: "delivered", status: 200, attempt: 1 });
    const last = received.at(-1);
    expect(last?.headers["webhook-id"]).toBe("msg_alr_1_v1");
    expect(verifyWebhook(secret, last?.headers ?? {}, last?.body ?? "")).toBe(true);
    const [attempt] = (await attemptsOf(store.sql, [deliveryId])).get(deliveryId) ?? [];
    expect(attempt).toMatchObject({ attempt: 1, httpStatus: 200, responseExcerpt: "thanks", error: null });
    expect(attempt?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(await deliverOnce(deps, deliveryId)).toEqual({ outcome: "skipped", reason: "delivered" });
  });

  it("retries with exponential backoff and the same webhook-id until the receiver is back", async () => {
    const { deliveryId } = await subscription();
    answer = 503;
    const first = await deliverOnce(deps, deliveryId);
    expect(first).toMatchObject({ outcome: "retrying", attempt: 1, error: "HTTP 503" });
    expect(queues.jobs.at(-1)).toMatchObject({ name: "deliver-webhook", dedupeKey: `dw-${deliveryId}-2` });
    answer = 200;
    expect(await deliverOnce(deps, deliveryId)).toMatchObject({ outcome: "delivered", attempt: 2 });
    const ids = received.slice(-2).map((r) => r.headers["webhook-id"]);
    expect(ids).toEqual(["msg_alr_1_v2", "msg_alr_1_v2"]);
    const log = (await attemptsOf(store.sql, [deliveryId])).get(deliveryId) ?? [];
    expect(log.map((a) => [a.httpStatus, a.responseExcerpt])).toEqual([
      [503, "receiver is down"],
      [200, "thanks"],
    ]);
  });

  it("doubles the delay up to the cap", () => {
    const options = { baseDelayMs: 1000, maxDelayMs: 5000, maxAgeMs: 1 };
    expect([1, 2, 3, 4].map((a) => retryDelay(a, options, () => 0.5))).toEqual([1000, 2000, 4000, 5000]);
  });

  it("fails and disables the subscription, with the reason, once the retry window is spent", async () => {
    const { id, deliveryId } = await subscription();
    answer = 500;
    clock = Date.now();
    expect((await deliverOnce(deps, deliveryId)).outcome).toBe("retrying");
    clock += 11 * 60_000;
    expect(await deliverOnce(deps, deliveryId)).toMatchObject({ outcome: "failed", attempt: 2 });
    const sub = await getSubscription(store.sql, id);
    expect(sub?.enabled).toBe(false);
    expect(sub?.disabledReason).toMatch(/failed 2 times over 11 min; last error: HTTP 500/);
    answer = 200;

    await expect(replayDelivery(deps, deliveryId)).rejects.toThrow(/disabled .*enable it first/);
    if (!sub) throw new Error("no subscription");
    await updateSubscription(store.sql, id, { ...sub, enabled: true });
    expect((await getSubscription(store.sql, id))?.disabledReason).toBeNull();
    clock = Date.now();
    await replayDelivery(deps, deliveryId);
    expect(queues.jobs.at(-1)?.dedupeKey).toMatch(new RegExp(`^dw-${deliveryId}-replay-`));
    expect(await deliverOnce(deps, deliveryId)).toMatchObject({ outcome: "delivered", attempt: 3 });
  });

  it("refuses a private address through the SSRF guard and disables the subscription at once", async () => {
    const { id, deliveryId } = await subscription("http://10.0.0.7/hook");
    expect(await deliverOnce(deps, deliveryId)).toMatchObject({ outcome: "failed", attempt: 1 });
    expect((await getSubscription(store.sql, id))?.disabledReason).toMatch(/10\.0\.0\.7, a private address/);
  });
});
