import { JOB_NAMES } from "@seismo/core";
import { Store } from "@seismo/store";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";

export const SHARED_DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** The URL with a libpq `options` parameter that puts every connection of the worker in `schema`. */
export function urlWithSchema(url: string, schema: string): string {
  const sep = url.includes("?") ? "&" : "?";
  return `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** Opens (and migrates) a store in a fresh schema of its own and registers the fixture source. */
export async function openFaultStore(url: string, schema: string, feedUrl: string) {
  const store = await Store.open({ kind: "postgres", url, schema, poolSize: 3 });
  await store.sources.upsert({ name: "fault fixtures", url: feedUrl, intervalSeconds: 3600, ignoreRobots: true });
  return store;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface Tally {
  articles: number;
  distinctUrls: number;
  tagged: number;
  indicators: number;
  duplicateIndicators: number;
  rollupTotal: number;
}

/** What the store holds; every figure the exactly-once assertions need, in one round of queries. */
export async function tally(store: Store): Promise<Tally> {
  const [row] = await store.sql.query<Tally>(
    `SELECT (SELECT count(*)::int FROM articles) AS articles,
            (SELECT count(DISTINCT url)::int FROM articles) AS "distinctUrls",
            (SELECT count(*)::int FROM articles WHERE tagged_at IS NOT NULL) AS tagged,
            (SELECT count(*)::int FROM indicators) AS indicators,
            (SELECT count(*)::int FROM (SELECT 1 FROM indicators
               GROUP BY article_id, type, evidence_start HAVING count(*) > 1) d) AS "duplicateIndicators",
            (SELECT coalesce(sum(count), 0)::int FROM indicator_daily) AS "rollupTotal"`,
  );
  if (!row) throw new Error("tally returned no row");
  return row;
}

/** Job counts per queue, read straight from Redis under the test's prefix. */
export async function jobCounts(redisUrl: string, prefix: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  try {
    const out: Record<string, Record<string, number>> = {};
    for (const name of JOB_NAMES) {
      const queue = new Queue(name, { connection, prefix });
      out[name] = await queue.getJobCounts("waiting", "active", "delayed", "failed", "completed", "prioritized");
      await queue.close();
    }
    return out;
  } finally {
    connection.disconnect();
  }
}

/** The queues an article passes through; other queues (alerts) may hold delayed jobs by design. */
export const ARTICLE_QUEUES = ["poll-source", "fetch-article", "tag-article", "cluster-article"];

/** True when no article-pipeline job is waiting, delayed or running, and no job of any queue runs. */
export function drained(counts: Record<string, Record<string, number>>): boolean {
  return Object.entries(counts).every(([name, c]) =>
    ARTICLE_QUEUES.includes(name)
      ? (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) === 0
      : (c.active ?? 0) === 0,
  );
}

/** The worker's environment: own Redis, own schema, loopback fixtures allowed, no politeness delay. */
export function workerEnv(options: {
  redisUrl: string;
  databaseUrl: string;
  dataDir: string;
  prefix: string;
  concurrency?: number;
}): Record<string, string> {
  return {
    REDIS_URL: options.redisUrl,
    DATABASE_URL: options.databaseUrl,
    SEISMO_DATA_DIR: options.dataDir,
    SEISMO_QUEUE_PREFIX: options.prefix,
    SEISMO_ROLE: "all",
    SEISMO_CONCURRENCY: String(options.concurrency ?? 8),
    SEISMO_FETCH_ALLOW_HOSTS: "127.0.0.1",
    SEISMO_FETCH_MIN_DELAY_MS: "0",
    SEISMO_FETCH_PER_HOST: "8",
    // A killed worker's jobs come back after the lock lapses: short here so the suite stays quick.
    SEISMO_JOB_LOCK_MS: "5000",
    SEISMO_STALLED_INTERVAL_MS: "2000",
    SEISMO_SAMPLE_SOURCE: "false",
    SEISMO_OFFLINE: "true",
  };
}

/** Sum of active jobs over every queue. */
export function activeJobs(counts: Record<string, Record<string, number>>): number {
  return Object.values(counts).reduce((n, c) => n + (c.active ?? 0), 0);
}

/** A failure message with what the store and the queues held, and the worker's last output. */
export async function diagnose(
  error: unknown,
  store: Store,
  redisUrl: string,
  prefix: string,
  worker: { output(): string } | undefined,
): Promise<string> {
  const t = await tally(store).catch((e) => String(e));
  const counts = await jobCounts(redisUrl, prefix).catch((e) => String(e));
  return `${String(error)}\nstore: ${JSON.stringify(t)}\nqueues: ${JSON.stringify(counts)}\nworker output:\n${worker?.output().slice(-3000)}`;
}
