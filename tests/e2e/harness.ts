import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "@seismo/config";
import { silentLogger } from "@seismo/observability";
import { deleteQueueKeys } from "@seismo/queue";
import { type RunningStack, type StackOptions, startStack } from "@seismo/stack";
import type { StoreTarget } from "@seismo/store";
import pg from "pg";

export const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const API_TOKEN = "e2e-operator-token-0123456789";

export type Backend = "pglite" | "postgres";

/**
 * Starts the whole pipeline (API, workers, scheduler, offline sample source) on real Redis and a
 * real database, isolated by a unique queue prefix, data folder and (PostgreSQL) schema.
 */
export async function startTestStack(
  backend: Backend,
  options: Pick<StackOptions, "alerts"> = {},
): Promise<{ stack: RunningStack; stop: () => Promise<void> }> {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const dataDir = await mkdtemp(join(tmpdir(), "seismo-e2e-"));
  const schema = `e2e_${id}`;
  const config = parseConfig({
    SEISMO_DATA_DIR: dataDir,
    REDIS_URL,
    SEISMO_QUEUE_PREFIX: `{seismo-e2e-${id}}`,
    PORT: "0",
    SEISMO_SAMPLE_PORT: "0",
    SEISMO_OFFLINE: "true",
    SEISMO_API_TOKEN: API_TOKEN,
    SEISMO_SOURCES_FILE: new URL("../../sources.json", import.meta.url).pathname,
    SEISMO_CONCURRENCY: "4",
    SEISMO_FETCH_MIN_DELAY_MS: "0",
    SEISMO_FETCH_PER_HOST: "4",
  });
  const storeTarget: StoreTarget =
    backend === "postgres"
      ? { kind: "postgres", url: DATABASE_URL, schema }
      : { kind: "pglite", dataDir: join(dataDir, "pglite") };
  const stack = await startStack({
    config,
    logger: silentLogger(),
    parts: { api: true, workers: true, scheduler: true, sampleSource: true, sourcesFile: true },
    schedulerTickMs: 500,
    storeTarget,
    ...options,
  });
  const stop = async () => {
    await stack.close();
    await stack.queues.close();
    await deleteQueueKeys(REDIS_URL, config.queuePrefix);
    if (backend === "postgres") {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  return { stack, stop };
}

/** Polls `check` until it returns a value, or fails with the last state after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}
