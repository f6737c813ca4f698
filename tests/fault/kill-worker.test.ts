import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, startFixtureSite } from "./support/fixture-site.ts";
import {
  activeJobs,
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

/** Articles in the fixture feed; SEISMO_FAULT_ARTICLES changes it. */
const COUNT = Number(process.env.SEISMO_FAULT_ARTICLES ?? 600);

describe("a worker killed with SIGKILL in the middle of a batch", () => {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const schema = `fault_kill_${id}`;
  const prefix = `{seismo-fault-kill-${id}}`;
  let redis: RedisChild;
  let site: FixtureSite;
  let store: Store;
  let dataDir: string;
  let worker: WorkerChild | undefined;
  const figures: Record<string, number> = {};

  const env = () =>
    workerEnv({ redisUrl: redis.url, databaseUrl: urlWithSchema(SHARED_DATABASE_URL, schema), dataDir, prefix });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "seismo-fault-kill-"));
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
    console.info(`[fault] kill -9 figures: ${JSON.stringify(figures)}`);
  });

  it("stores and tags every article exactly once after a restart, with no job left active", async () => {
    const started = Date.now();
    worker = await startWorker(env());
    await waitUntil(async () => (await store.articles.count()) >= COUNT / 2, 150_000, `${COUNT / 2} stored articles`);
    worker.kill("SIGKILL");
    const killed = await worker.exited;
    expect(killed.signal).toBe("SIGKILL");
    figures.storedAtKill = await store.articles.count();
    figures.secondsToHalf = (killed.at - started) / 1000;
    const before = await jobCounts(redis.url, prefix);
    figures.activeAtKill = activeJobs(before);

    const restarted = Date.now();
    worker = await startWorker(env());
    await waitUntil(
      async () => (await tally(store)).tagged === COUNT && drained(await jobCounts(redis.url, prefix)),
      200_000,
      `all ${COUNT} articles tagged and every queue drained`,
      500,
    ).catch(async (error) => {
      throw new Error(await diagnose(error, store, redis.url, prefix, worker));
    });
    figures.recoverySeconds = (Date.now() - restarted) / 1000;

    const t = await tally(store);
    expect(t.articles).toBe(COUNT);
    expect(t.distinctUrls).toBe(COUNT);
    expect(t.tagged).toBe(COUNT);
    expect(t.indicators).toBeGreaterThanOrEqual(COUNT);
    expect(t.duplicateIndicators).toBe(0);
    expect(t.rollupTotal).toBe(t.indicators);
    const counts = await jobCounts(redis.url, prefix);
    for (const [queue, c] of Object.entries(counts)) {
      expect({ queue, active: c.active, failed: c.failed }).toEqual({ queue, active: 0, failed: 0 });
    }
    const failures = await store.articles.failures();
    expect(failures).toEqual([]);
  }, 280_000);
});
