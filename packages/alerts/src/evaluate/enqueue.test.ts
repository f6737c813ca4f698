import { JOB_NAMES, type JobHandlers } from "@seismo/core";
import { createPoster } from "@seismo/fetcher";
import { silentLogger } from "@seismo/observability";
import { createRedis, QueueSet, startWorkers } from "@seismo/queue";
import { Store } from "@seismo/store";
import { afterEach, describe, expect, it } from "vitest";
import { insertRule } from "../data/rules.ts";
import { RuleInputSchema } from "../rules/schema.ts";
import { addArticle, subscribeAll } from "../testing/store.ts";
import { queueStoryEvaluation } from "./enqueue.ts";
import { evaluateStory } from "./index.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A queue set on real Redis under a prefix of its own, obliterated after the test. */
function realQueues() {
  const connection = createRedis(REDIS_URL);
  const prefix = `{seismo-alerts-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}}`;
  const queues = new QueueSet({ connection, prefix });
  cleanups.push(async () => {
    for (const q of queues.queues.values()) await q.obliterate({ force: true });
    await queues.close();
    connection.disconnect();
  });
  return { connection, prefix, queues };
}

const jobsLeft = async (queues: QueueSet) => {
  const c = await queues.queue("evaluate-alerts").getJobCounts("waiting", "delayed", "active", "prioritized");
  return (c.waiting ?? 0) + (c.delayed ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0);
};

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("evaluate-alerts jobs on Redis", () => {
  it("keeps one evaluation waiting per story however many of its articles arrive", async () => {
    const { queues } = realQueues();
    for (let i = 0; i < 50; i++) await queueStoryEvaluation(queues, { storyId: "sty_a", articleId: `art_${i}` });
    for (let i = 0; i < 5; i++) await queueStoryEvaluation(queues, { storyId: "sty_b", articleId: `art_b${i}` });
    expect(await jobsLeft(queues)).toBe(2);
  });

  it("keeps one more run for articles that join while the story is evaluated, and no more", async () => {
    const { connection, prefix, queues } = realQueues();
    const seen: Array<string | undefined> = [];
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const noop = async () => undefined;
    const handlers = Object.fromEntries(JOB_NAMES.map((n) => [n, noop])) as unknown as JobHandlers;
    handlers["evaluate-alerts"] = async ({ articleId }) => {
      seen.push(articleId);
      if (seen.length === 1) await gate;
    };
    const workers = startWorkers({
      connection,
      prefix,
      role: "process",
      handlers,
      concurrency: 1,
      logger: silentLogger(),
    });
    cleanups.push(() => workers.close());
    await queueStoryEvaluation(queues, { storyId: "sty_a", articleId: "art_0" });
    await until(async () => seen.length === 1);
    for (let i = 1; i <= 30; i++) await queueStoryEvaluation(queues, { storyId: "sty_a", articleId: `art_${i}` });
    expect(await jobsLeft(queues)).toBeLessThanOrEqual(2);
    release();
    await until(async () => seen.length === 2 && (await jobsLeft(queues)) === 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual(["art_0", "art_30"]); // the run after sees the story with every article
  });

  it("leaves one delayed re-evaluation per alert while updates arrive inside its cooldown", async () => {
    const { queues } = realQueues();
    const store = await Store.open({ kind: "pglite" });
    const poster = createPoster();
    cleanups.push(async () => {
      await poster.close();
      await store.close();
    });
    const sourceId = (await store.sources.upsert({ name: "S", url: "https://news.example/feed" })).id;
    await subscribeAll(store.sql);
    const rule = RuleInputSchema.parse({
      name: "Deployment",
      kind: "deployment",
      params: { actors: ["Serbia"], near: ["Kosovo"] },
      cooldownMinutes: 60,
    });
    await insertRule(store.sql, rule, null, "rule_dep");
    const deps = { store, queues, logger: silentLogger(), poster };
    for (let i = 0; i < 12; i++) {
      const at = new Date(Date.parse("2023-09-29T20:00:00Z") + i * 60_000).toISOString();
      const indicators = [{ type: "deployment" as const, actors: ["Serbia"], places: ["Kosovo"] }];
      await addArticle(store, { slug: `d${i}`, at, storyId: "sty_dep", sourceId, indicators });
      expect((await evaluateStory(deps, "sty_dep")).alerts[0]?.version).toBe(i + 1);
    }
    const counts = await queues.queue("evaluate-alerts").getJobCounts("delayed", "waiting");
    expect(counts).toMatchObject({ delayed: 1, waiting: 0 });
  });
});
