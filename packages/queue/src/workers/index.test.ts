import { JOB_NAMES, type JobHandlers, SeismoError } from "@seismo/core";
import { silentLogger } from "@seismo/observability";
import { type Job, Queue, QueueEvents } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { createRedis, deleteQueueKeys } from "../connection/index.ts";
import { QueueSet } from "../queues/index.ts";
import { startWorkers, type WorkerSet } from "./index.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function uniquePrefix(): string {
  return `{seismo-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}}`;
}

function setup(handlers: Partial<JobHandlers>) {
  const connection = createRedis(REDIS_URL);
  const prefix = uniquePrefix();
  const queues = new QueueSet({ connection, prefix });
  const workers: WorkerSet = startWorkers({
    connection,
    prefix,
    role: "all",
    handlers,
    concurrency: 2,
    logger: silentLogger(),
  });
  cleanups.push(async () => {
    await workers.close();
    for (const q of queues.queues.values()) await q.obliterate({ force: true });
    await queues.close();
    connection.disconnect();
  });
  return { connection, prefix, queues, workers };
}

function allHandlers(overrides: Partial<JobHandlers>): JobHandlers {
  const noop = async () => undefined;
  return { ...Object.fromEntries(JOB_NAMES.map((n) => [n, noop])), ...overrides } as JobHandlers;
}

async function waitForFinished(prefix: string, connection: ReturnType<typeof createRedis>, name: string, job: Job) {
  const events = new QueueEvents(name, { connection: connection.duplicate(), prefix });
  cleanups.push(() => events.close());
  await events.waitUntilReady();
  return job.waitUntilFinished(events, 10_000);
}

describe("workers", () => {
  it("refuses to start without a handler for every job of the role", () => {
    const connection = createRedis(REDIS_URL);
    cleanups.push(async () => connection.disconnect());
    expect(() =>
      startWorkers({
        connection,
        prefix: uniquePrefix(),
        role: "all",
        handlers: {},
        concurrency: 1,
        logger: silentLogger(),
      }),
    ).toThrow(/no handler for poll-source/);
  });

  it("runs a valid job through its handler with the parsed payload", async () => {
    const seen: string[] = [];
    const { queues, prefix, connection } = setup(
      allHandlers({
        "tag-article": async (payload) => {
          seen.push(payload.articleId);
          return "ok";
        },
      }),
    );
    const job = await queues.add("tag-article", { articleId: "a1" });
    await expect(waitForFinished(prefix, connection, "tag-article", job)).resolves.toBe("ok");
    expect(seen).toEqual(["a1"]);
  });

  it("moves a job whose payload breaks its schema to failed with a readable reason, without retrying", async () => {
    let calls = 0;
    const { prefix, connection } = setup(
      allHandlers({
        "fetch-article": async () => {
          calls++;
        },
      }),
    );
    // A producer that skipped validation (an older version, a manual redis-cli push).
    const raw = new Queue("fetch-article", { connection, prefix });
    cleanups.push(() => raw.close());
    const job = await raw.add("fetch-article", { sourceId: "s1", url: "not-a-url" }, { attempts: 5 });
    await expect(waitForFinished(prefix, connection, "fetch-article", job)).rejects.toThrow(/invalid payload: url/);
    const failed = await raw.getJob(job.id ?? "");
    expect(failed?.failedReason).toMatch(/invalid payload: url/);
    expect(failed?.attemptsMade).toBe(1);
    expect(calls).toBe(0);
  });

  it("does not retry a handler's non-retryable error", async () => {
    const { queues, prefix, connection } = setup(
      allHandlers({
        "tag-article": async (payload) => {
          if (payload.articleId === "bad") throw new SeismoError("parse_failed", "page has no text");
          return "done";
        },
      }),
    );
    const bad = await queues.add("tag-article", { articleId: "bad" });
    await expect(waitForFinished(prefix, connection, "tag-article", bad)).rejects.toThrow(/page has no text/);
    expect((await queues.queue("tag-article").getJob(bad.id ?? ""))?.attemptsMade).toBe(1);
  });

  it("refuses to enqueue a payload that breaks its schema", async () => {
    const { queues } = setup(allHandlers({}));
    await expect(queues.add("poll-source", { sourceId: "" })).rejects.toThrow(/sourceId/);
  });

  it("ignores a second job with the same dedupe key while the first is waiting", async () => {
    const { queues } = setup(allHandlers({}));
    const first = await queues.add("poll-source", { sourceId: "s1" }, { dedupeKey: "poll-s1", delayMs: 60_000 });
    const second = await queues.add("poll-source", { sourceId: "s1" }, { dedupeKey: "poll-s1", delayMs: 60_000 });
    expect(second.id).toBe(first.id);
    expect(await queues.queue("poll-source").getDelayedCount()).toBe(1);
  });

  it("adds many jobs in one call, deduplicated like single adds, and none when one payload is invalid", async () => {
    const connection = createRedis(REDIS_URL);
    const queues = new QueueSet({ connection, prefix: uniquePrefix() });
    cleanups.push(async () => {
      for (const q of queues.queues.values()) await q.obliterate({ force: true });
      await queues.close();
      connection.disconnect();
    });
    const job = (n: number) => ({ payload: { sourceId: "s1", url: `https://example.org/${n}` }, dedupeKey: `fa-${n}` });
    await queues.addMany("fetch-article", [job(1), job(2), job(3)]);
    await queues.addMany("fetch-article", [job(2), job(3), job(4)]);
    const waiting = await queues.queue("fetch-article").getWaiting();
    expect(waiting.map((j) => j.data.url).sort()).toEqual([1, 2, 3, 4].map((n) => `https://example.org/${n}`));
    await expect(
      queues.addMany("fetch-article", [job(5), { payload: { sourceId: "s1", url: "not a url" }, dedupeKey: "x" }]),
    ).rejects.toThrow(/url/);
    expect(await queues.queue("fetch-article").getWaitingCount()).toBe(4);
    expect(await queues.addMany("fetch-article", [])).toEqual([]);
  });

  it("deletes every key of a prefix, and no other, after the queues are closed", async () => {
    const connection = createRedis(REDIS_URL);
    const prefix = uniquePrefix();
    const other = uniquePrefix();
    const queues = new QueueSet({ connection, prefix });
    const neighbours = new QueueSet({ connection, prefix: other });
    cleanups.push(async () => {
      for (const q of neighbours.queues.values()) await q.obliterate({ force: true });
      await neighbours.close();
      connection.disconnect();
    });
    await queues.add("poll-source", { sourceId: "s1" }, { dedupeKey: "poll-s1", delayMs: 60_000 });
    await neighbours.add("poll-source", { sourceId: "s2" }, { delayMs: 60_000 });
    await queues.close();
    expect((await connection.keys(`${prefix}:*`)).length).toBeGreaterThan(0);
    expect(await deleteQueueKeys(REDIS_URL, prefix)).toBeGreaterThan(0);
    expect(await connection.keys(`${prefix}:*`)).toEqual([]);
    expect(await neighbours.queue("poll-source").getDelayedCount()).toBe(1);
  });

  it("makes close safe to call twice", async () => {
    const { workers } = setup(allHandlers({}));
    await workers.close();
    await expect(workers.close()).resolves.toBeUndefined();
  });

  it("keeps every key under the configured hash-tag prefix", async () => {
    const { queues, prefix, connection } = setup(allHandlers({}));
    await queues.add("poll-source", { sourceId: "s1" }, { delayMs: 60_000 });
    const keys = await connection.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(`${prefix}:`))).toBe(true);
  });
});
