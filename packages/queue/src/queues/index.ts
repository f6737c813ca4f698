import {
  describeZodError,
  globalConcurrency,
  JOB_CATALOG,
  JOB_NAMES,
  type JobInput,
  type JobName,
  SeismoError,
} from "@seismo/core";
import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";

export interface QueueSetOptions {
  connection: Redis;
  /** Key prefix; a {hash-tag} keeps every key of Seismo in one Redis Cluster slot. */
  prefix: string;
}

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** One BullMQ queue per catalog entry; `add` validates the payload before it reaches Redis. */
export class QueueSet {
  readonly queues: ReadonlyMap<JobName, Queue>;
  #closed = false;

  constructor(options: QueueSetOptions) {
    this.queues = new Map(
      JOB_NAMES.map((name) => [
        name,
        new Queue(name, {
          connection: options.connection,
          prefix: options.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
      ]),
    );
  }

  /** Applies the catalog's cross-worker limits (stored in Redis, so every worker obeys them). */
  async applyLimits(): Promise<void> {
    for (const [name, queue] of this.queues) {
      const limit = globalConcurrency(name);
      if (limit !== undefined) await queue.setGlobalConcurrency(limit);
    }
  }

  queue(name: JobName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new SeismoError("internal", `no queue named ${name}`);
    return queue;
  }

  /**
   * Adds a job after checking its payload. While a job with the same `dedupeKey` is waiting or
   * running, adding another is a no-op (BullMQ deduplication); once it has finished, the same key
   * may run again. Keys live in Redis, not in job ids, so a fresh database on an old Redis still
   * gets its work done, and a failed job never blocks its key.
   */
  async add<N extends JobName>(name: N, payload: JobInput<N>, options: { dedupeKey?: string; delayMs?: number } = {}) {
    const parsed = JOB_CATALOG[name].payload.safeParse(payload);
    if (!parsed.success) {
      throw new SeismoError("invalid_payload", `${name}: ${describeZodError(parsed.error)}`);
    }
    const jobOptions: JobsOptions = {};
    if (options.dedupeKey) jobOptions.deduplication = { id: options.dedupeKey };
    if (options.delayMs) jobOptions.delay = options.delayMs;
    return this.queue(name).add(name, parsed.data, jobOptions);
  }

  /**
   * Adds many jobs of one kind in one Redis round trip, each checked and deduplicated as by `add`.
   * Nothing is added when any payload is invalid.
   */
  async addMany<N extends JobName>(name: N, jobs: Array<{ payload: JobInput<N>; dedupeKey?: string }>) {
    const checked = jobs.map(({ payload, dedupeKey }) => {
      const parsed = JOB_CATALOG[name].payload.safeParse(payload);
      if (!parsed.success) {
        throw new SeismoError("invalid_payload", `${name}: ${describeZodError(parsed.error)}`);
      }
      return { name, data: parsed.data, opts: dedupeKey ? { deduplication: { id: dedupeKey } } : {} };
    });
    if (checked.length === 0) return [];
    return this.queue(name).addBulk(checked);
  }

  /** Waiting + delayed + active + failed counts per queue, for health and metrics. */
  async counts(): Promise<Record<string, Record<string, number>>> {
    const entries = await Promise.all(
      [...this.queues].map(
        async ([name, q]) =>
          [name, await q.getJobCounts("waiting", "delayed", "active", "failed", "completed")] as const,
      ),
    );
    return Object.fromEntries(entries);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
