import {
  assertHandlers,
  describeZodError,
  errorMessage,
  JOB_CATALOG,
  type JobHandlers,
  type JobName,
  jobsForRole,
  type Role,
  SeismoError,
} from "@seismo/core";
import type { Logger, Metrics } from "@seismo/observability";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";

export interface WorkerSetOptions {
  connection: Redis;
  prefix: string;
  role: Role | "all";
  handlers: Partial<JobHandlers>;
  concurrency: number;
  logger: Logger;
  metrics?: Metrics;
  /** A job whose worker stops renewing its lock for this long is taken back (default 30 s). */
  lockMs?: number;
  /** How often workers look for such stalled jobs (default 30 s). */
  stalledIntervalMs?: number;
}

export interface WorkerSet {
  workers: ReadonlyMap<JobName, Worker>;
  /** Stops taking jobs and waits for in-flight ones; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts one BullMQ worker per job of the role. Refuses to start when a handler is missing.
 * A payload that fails its schema is failed at once (UnrecoverableError): retrying cannot fix it.
 */
export function startWorkers(options: WorkerSetOptions): WorkerSet {
  const names = jobsForRole(options.role);
  assertHandlers(options.handlers, names);
  const workers = new Map<JobName, Worker>();
  for (const name of names) {
    const log = options.logger.child({ component: "worker", queue: name });
    const worker = new Worker(name, (job: Job) => runJob(name, job, options, log), {
      connection: options.connection.duplicate(),
      prefix: options.prefix,
      concurrency: options.concurrency,
      autorun: true,
      ...(options.lockMs ? { lockDuration: options.lockMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    });
    worker.on("failed", (job, error) => {
      options.metrics?.jobsTotal.inc({ queue: name, outcome: "failed" });
      log.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: errorMessage(error) }, "job failed");
    });
    worker.on("completed", () => options.metrics?.jobsTotal.inc({ queue: name, outcome: "completed" }));
    worker.on("error", (error) => {
      options.metrics?.errorsTotal.inc({ component: "worker" });
      log.error({ err: errorMessage(error) }, "worker error");
    });
    workers.set(name, worker);
  }
  let closing: Promise<void> | undefined;
  return {
    workers,
    close() {
      closing ??= Promise.all(
        [...workers.values()].map(async (w) => {
          await w.close();
          await w.disconnect();
        }),
      ).then(() => undefined);
      return closing;
    },
  };
}

async function runJob(name: JobName, job: Job, options: WorkerSetOptions, log: Logger): Promise<unknown> {
  const parsed = JOB_CATALOG[name].payload.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(`invalid payload: ${describeZodError(parsed.error)}`);
  }
  const handler = options.handlers[name] as ((payload: unknown, ctx: unknown) => Promise<unknown>) | undefined;
  if (!handler) throw new UnrecoverableError(`no handler for ${name}`);
  const timer = options.metrics?.jobDuration.startTimer({ queue: name });
  try {
    return await handler(parsed.data, {
      jobId: job.id ?? "",
      attempt: job.attemptsMade + 1,
      progress: (value: number | object) => job.updateProgress(value),
    });
  } catch (error) {
    log.debug({ jobId: job.id, err: errorMessage(error) }, "handler threw");
    if (isUnrecoverable(error)) throw new UnrecoverableError(errorMessage(error));
    throw error;
  } finally {
    timer?.();
  }
}

/** Handlers mark input no retry can fix by throwing a SeismoError that is not retryable. */
function isUnrecoverable(error: unknown): boolean {
  return error instanceof SeismoError && !error.retryable;
}
