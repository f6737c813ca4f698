import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, startFixtureSite } from "./support/fixture-site.ts";
import {
  diagnose,
  drained,
  dropSchema,
  jobCounts,
  openFaultStore,
  SHARED_DATABASE_URL,
  tally,
  urlWithSchema,
  workerEnv,
} from "./support/pipeline-db.ts";
import { type RedisChild, startRedisChild } from "./support/redis-child.ts";
import { waitUntil } from "./support/wait.ts";
import { startWorker, stopWorker, type WorkerChild } from "./support/worker-child.ts";

const COUNT = 400;

// Our own redis-server (AOF, fsync always) on a free port: the shared one must never be restarted.
describe("Redis crashing and coming back during ingestion", () => {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const schema = `fault_redis_${id}`;
  const prefix = `{seismo-fault-redis-${id}}`;
  let redis: RedisChild;
  let site: FixtureSite;
  let store: Store;
  let dataDir: string;
  let worker: WorkerChild | undefined;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "seismo-fault-redis-"));
    redis = await startRedisChild();
    site = await startFixtureSite({ count: COUNT });
    store = await openFaultStore(SHARED_DATABASE_URL, schema, site.feedUrl);
  });

  afterAll(async () => {
    await stopWorker(worker);
    await store?.close();
    await dropSchema(SHARED_DATABASE_URL, schema).catch(() => undefined);
    await site?.close();
    await redis?.stop();
    await rm(dataDir, { recursive: true, force: true });
    console.info(`[fault] redis restart figures: ${JSON.stringify(figures)}`);
  });

  it("keeps the worker running, reconnects, and ends with exact counts", async () => {
    worker = await startWorker(
      workerEnv({ redisUrl: redis.url, databaseUrl: urlWithSchema(SHARED_DATABASE_URL, schema), dataDir, prefix }),
    );
    await waitUntil(async () => (await store.articles.count()) >= COUNT / 3, 120_000, `${COUNT / 3} stored articles`);
    figures.storedAtCrash = await store.articles.count();
    const { downMs } = await redis.restart({ downMs: 2000 });
    figures.redisDownMs = downMs;
    const back = Date.now();

    await waitUntil(
      async () => (await tally(store)).tagged === COUNT && drained(await jobCounts(redis.url, prefix)),
      200_000,
      `all ${COUNT} articles tagged and every queue drained`,
      500,
    ).catch(async (error) => {
      throw new Error(await diagnose(error, store, redis.url, prefix, worker));
    });
    figures.secondsToFinishAfterRestart = (Date.now() - back) / 1000;

    // The same process did all of it: it reconnected instead of crashing.
    expect(worker.exitedCode()).toBeNull();
    const t = await tally(store);
    expect(t.articles).toBe(COUNT);
    expect(t.distinctUrls).toBe(COUNT);
    expect(t.tagged).toBe(COUNT);
    expect(t.duplicateIndicators).toBe(0);
    expect(t.rollupTotal).toBe(t.indicators);
    const counts = await jobCounts(redis.url, prefix);
    for (const [queue, c] of Object.entries(counts)) {
      expect({ queue, active: c.active, failed: c.failed }).toEqual({ queue, active: 0, failed: 0 });
    }
    expect(await store.articles.failures()).toEqual([]);
  }, 280_000);
});
