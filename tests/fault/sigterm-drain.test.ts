import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "@seismo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureSite, startFixtureSite } from "./support/fixture-site.ts";
import {
  activeJobs,
  dropSchema,
  jobCounts,
  openFaultStore,
  SHARED_DATABASE_URL,
  urlWithSchema,
  workerEnv,
} from "./support/pipeline-db.ts";
import { type RedisChild, startRedisChild } from "./support/redis-child.ts";
import { waitUntil } from "./support/wait.ts";
import { startWorker, stopWorker, type WorkerChild } from "./support/worker-child.ts";

const COUNT = 40;
const PAGE_DELAY_MS = 3000;
/** Well under the worker's own 30 s shutdown timeout, which would exit 1. */
const EXIT_BOUND_MS = 15_000;

describe("SIGTERM while article fetches are in flight", () => {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const schema = `fault_term_${id}`;
  const prefix = `{seismo-fault-term-${id}}`;
  let redis: RedisChild;
  let site: FixtureSite;
  let store: Store;
  let dataDir: string;
  let worker: WorkerChild | undefined;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "seismo-fault-term-"));
    redis = await startRedisChild();
    // Every page answers after 3 s, so the jobs are certainly mid-fetch when the signal comes.
    site = await startFixtureSite({ count: COUNT, pageDelayMs: PAGE_DELAY_MS });
    store = await openFaultStore(SHARED_DATABASE_URL, schema, site.feedUrl);
  });

  afterAll(async () => {
    await stopWorker(worker);
    await store?.close();
    await dropSchema(SHARED_DATABASE_URL, schema).catch(() => undefined);
    await site?.close();
    await redis?.stop();
    await rm(dataDir, { recursive: true, force: true });
    console.info(`[fault] SIGTERM figures: ${JSON.stringify(figures)}`);
  });

  it("finishes the in-flight jobs, leaves none active and exits 0 within the bound", async () => {
    worker = await startWorker({
      ...workerEnv({
        redisUrl: redis.url,
        databaseUrl: urlWithSchema(SHARED_DATABASE_URL, schema),
        dataDir,
        prefix,
        concurrency: 4,
      }),
    });
    await waitUntil(() => site.pageHits() >= 4, 60_000, "four article fetches in flight");
    const inFlight = site.pageHits();
    figures.pagesRequestedAtSignal = inFlight;
    expect(await store.articles.count()).toBe(0);
    const signalled = Date.now();
    worker.kill("SIGTERM");
    const exit = await worker.exited;
    figures.exitMs = exit.at - signalled;

    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(EXIT_BOUND_MS);
    // Every page that was being fetched when the signal came was stored: nothing was cut off.
    expect(await store.articles.count()).toBeGreaterThanOrEqual(inFlight);
    figures.storedAfterExit = await store.articles.count();
    expect(activeJobs(await jobCounts(redis.url, prefix))).toBe(0);
    expect(worker.output()).toContain("shutting down");
  });
});
