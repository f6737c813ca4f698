import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@seismo/store";
import { afterAll, beforeAll, expect } from "vitest";
import { type FixtureSite, startFixtureSite } from "./fixture-site.ts";
import { type PgCluster, startPgCluster } from "./pg-cluster.ts";
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
} from "./pipeline-db.ts";
import { type RedisChild, startRedisChild } from "./redis-child.ts";
import { waitUntil } from "./wait.ts";
import { stopWorker, type WorkerChild } from "./worker-child.ts";

export interface FaultRig {
  redis: RedisChild;
  site: FixtureSite;
  store: Store;
  prefix: string;
  /** Our own PostgreSQL cluster, when the rig was asked for one. */
  pg: PgCluster | undefined;
  worker: WorkerChild | undefined;
  figures: Record<string, number>;
  /** The worker's environment: our Redis, the rig's database, queue prefix and data folder. */
  env(options?: { concurrency?: number }): Record<string, string>;
}

/**
 * What every fault test needs, started before its tests and torn down after them: its own Redis
 * (which it may kill), a fixture site of `count` articles, and a store in a schema of its own —
 * on the shared test database, or on a PostgreSQL cluster of its own when `ownPostgres` names the
 * server binaries (a test that restarts PostgreSQL must never touch the shared one).
 */
export function useFaultRig(label: string, options: { count: number; pageDelayMs?: number; ownPostgres?: string }) {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const schema = options.ownPostgres ? "seismo" : `fault_${label}_${id}`;
  let dataDir = "";
  const rig = {
    prefix: `{seismo-fault-${label}-${id}}`,
    figures: {},
    worker: undefined,
    pg: undefined,
  } as unknown as FaultRig;
  const databaseUrl = () => (rig.pg ? rig.pg.url : SHARED_DATABASE_URL);
  rig.env = (extra = {}) =>
    workerEnv({
      redisUrl: rig.redis.url,
      databaseUrl: urlWithSchema(databaseUrl(), schema),
      dataDir,
      prefix: rig.prefix,
      ...extra,
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `seismo-fault-${label}-`));
    if (options.ownPostgres) rig.pg = await startPgCluster(options.ownPostgres);
    rig.redis = await startRedisChild();
    rig.site = await startFixtureSite({
      count: options.count,
      ...(options.pageDelayMs ? { pageDelayMs: options.pageDelayMs } : {}),
    });
    rig.store = await openFaultStore(databaseUrl(), schema, rig.site.feedUrl);
  });

  afterAll(async () => {
    await stopWorker(rig.worker);
    await rig.store?.close();
    if (!rig.pg) await dropSchema(SHARED_DATABASE_URL, schema).catch(() => undefined);
    await rig.site?.close();
    await rig.redis?.stop();
    await rig.pg?.stop();
    await rm(dataDir, { recursive: true, force: true });
    console.info(`[fault] ${label} figures: ${JSON.stringify(rig.figures)}`);
  });

  return rig;
}

/** Waits until every article is tagged and the article queues are empty; `onTick` runs each round. */
export async function waitForAllTagged(rig: FaultRig, count: number, onTick?: () => Promise<void>): Promise<void> {
  await waitUntil(
    async () => {
      await onTick?.();
      return (await tally(rig.store)).tagged === count && drained(await jobCounts(rig.redis.url, rig.prefix));
    },
    200_000,
    `all ${count} articles tagged and every queue drained`,
    500,
  ).catch(async (error) => {
    throw new Error(await diagnose(error, rig.store, rig.redis.url, rig.prefix, rig.worker));
  });
}

/** Every article stored once and tagged, no duplicate indicators, rollup equal to the indicators, no job stuck. */
export async function expectExactEnd(rig: FaultRig, count: number): Promise<void> {
  const t = await tally(rig.store);
  expect(t.articles).toBe(count);
  expect(t.distinctUrls).toBe(count);
  expect(t.tagged).toBe(count);
  expect(t.duplicateIndicators).toBe(0);
  expect(t.rollupTotal).toBe(t.indicators);
  const counts = await jobCounts(rig.redis.url, rig.prefix);
  for (const [queue, c] of Object.entries(counts)) {
    expect({ queue, active: c.active, failed: c.failed }).toEqual({ queue, active: 0, failed: 0 });
  }
  expect(await rig.store.articles.failures()).toEqual([]);
}
