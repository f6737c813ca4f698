import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, startFixtureSite } from "./support/fixture-site.ts";
import { findPgBin, type PgCluster, startPgCluster } from "./support/pg-cluster.ts";
import { diagnose, drained, jobCounts, openFaultStore, tally, workerEnv } from "./support/pipeline-db.ts";
import { type RedisChild, startRedisChild } from "./support/redis-child.ts";
import { waitUntil } from "./support/wait.ts";
import { startWorker, stopWorker, type WorkerChild } from "./support/worker-child.ts";

const COUNT = 300;
const PG_BIN = await findPgBin();

// Needs the PostgreSQL server binaries (initdb, pg_ctl) to run a cluster of our own.
describe.skipIf(!PG_BIN)("PostgreSQL crashing and coming back during ingestion", () => {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const prefix = `{seismo-fault-pg-${id}}`;
  let pg: PgCluster;
  let redis: RedisChild;
  let site: FixtureSite;
  let store: Store;
  let dataDir: string;
  let worker: WorkerChild | undefined;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "seismo-fault-pgdata-"));
    pg = await startPgCluster(PG_BIN ?? "");
    redis = await startRedisChild();
    site = await startFixtureSite({ count: COUNT });
    store = await openFaultStore(pg.url, "seismo", site.feedUrl);
  });

  afterAll(async () => {
    await stopWorker(worker);
    await store?.close();
    await site?.close();
    await redis?.stop();
    await pg?.stop();
    await rm(dataDir, { recursive: true, force: true });
    console.info(`[fault] PostgreSQL restart figures: ${JSON.stringify(figures)}`);
  });

  it("ends with exact counts, restarting the worker as a supervisor would if it exits", async () => {
    const env = () =>
      workerEnv({
        redisUrl: redis.url,
        databaseUrl: `${pg.url}?options=${encodeURIComponent("-c search_path=seismo")}`,
        dataDir,
        prefix,
      });
    worker = await startWorker(env());
    await waitUntil(async () => (await store.articles.count()) >= COUNT / 3, 120_000, `${COUNT / 3} stored articles`);
    figures.storedAtCrash = await store.articles.count();
    const { downMs } = await pg.restart();
    figures.postgresDownMs = downMs;
    const back = Date.now();
    let workerExits = 0;
    let crashOutput = "";

    await waitUntil(
      async () => {
        // Known issue (reported, packages/store): a pg client checked out for a transaction has no
        // 'error' listener, so a server that goes away between two statements of a transaction
        // kills the process with an unhandled 'error' event. A supervisor (compose restart policy,
        // Kubernetes) restarts it; at-least-once delivery must then still give exact counts.
        if (worker && worker.exitedCode() !== null) {
          workerExits++;
          crashOutput = worker.output().slice(-1500);
          worker = await startWorker(env());
        }
        return (await tally(store)).tagged === COUNT && drained(await jobCounts(redis.url, prefix));
      },
      200_000,
      `all ${COUNT} articles tagged and every queue drained`,
      500,
    ).catch(async (error) => {
      throw new Error(await diagnose(error, store, redis.url, prefix, worker));
    });
    figures.secondsToFinishAfterRestart = (Date.now() - back) / 1000;

    figures.workerExits = workerExits;
    if (workerExits > 0) console.warn(`[fault] the worker exited on the PostgreSQL restart:\n${crashOutput}`);
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
