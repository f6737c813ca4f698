import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "@seismo/config";
import { silentLogger } from "@seismo/observability";
import { deleteQueueKeys } from "@seismo/queue";
import { type RunningStack, type StackOptions, startStack } from "@seismo/stack";
import pg from "pg";
import { urlWithSchema } from "../tests/fault/support/pipeline-db.ts";
import { startWorker, stopWorker } from "../tests/fault/support/worker-child.ts";

export const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Listens on a free loopback port; returns the origin. */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * The real stack for a bench: workers (and optionally the scheduler) on a PostgreSQL schema and a
 * Redis prefix of its own, fetching from loopback. `dispose` stops it and removes every trace.
 */
export async function startBenchStack(
  name: string,
  options: Pick<StackOptions, "schedulerTickMs" | "alerts"> & {
    scheduler?: boolean;
    /** Run the workers as this many processes of the worker app (`pnpm worker`) instead of in this one. */
    workerProcesses?: number;
  } = {},
): Promise<{ stack: RunningStack; dispose: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), `seismo-bench-${name}-`));
  const schema = `bench_${name}_${process.pid}`;
  const env = {
    SEISMO_DATA_DIR: dataDir,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    SEISMO_QUEUE_PREFIX: `{seismo-bench-${name}-${process.pid}}`,
    SEISMO_SAMPLE_SOURCE: "false",
    SEISMO_OFFLINE: "true",
    SEISMO_FETCH_ALLOW_HOSTS: "127.0.0.1",
    SEISMO_FETCH_MIN_DELAY_MS: "0",
    SEISMO_FETCH_PER_HOST: String(Math.min(16, Number(process.env.SEISMO_BENCH_CONCURRENCY ?? 8))),
    SEISMO_CONCURRENCY: process.env.SEISMO_BENCH_CONCURRENCY ?? "8",
  };
  const config = parseConfig({ ...env, SEISMO_API_TOKEN: "bench-operator-token-0123456789", LOG_LEVEL: "silent" });
  const processes = options.workerProcesses ?? 0;
  const stack = await startStack({
    config,
    logger: silentLogger(),
    parts: {
      api: false,
      workers: processes === 0,
      scheduler: options.scheduler ?? false,
      sampleSource: false,
      sourcesFile: false,
    },
    storeTarget: { kind: "postgres", url: DATABASE_URL, schema, poolSize: 12 },
    ...(options.schedulerTickMs ? { schedulerTickMs: options.schedulerTickMs } : {}),
    ...(options.alerts ? { alerts: options.alerts } : {}),
  });
  // Started after the stack, which has created and migrated the schema the workers run in.
  const children = await Promise.all(
    Array.from({ length: processes }, () =>
      startWorker({
        ...env,
        DATABASE_URL: urlWithSchema(DATABASE_URL, schema),
        SEISMO_ROLE: "all",
        SEISMO_METRICS_PORT: "0",
        LOG_LEVEL: "info",
      }),
    ),
  );
  const dispose = async () => {
    for (const child of children) await stopWorker(child);
    await stack.close();
    await stack.queues.close();
    await deleteQueueKeys(env.REDIS_URL, env.SEISMO_QUEUE_PREFIX);
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { stack, dispose };
}
