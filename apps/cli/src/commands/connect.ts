import type { AlertsDeps } from "@seismo/alerts";
import { createRedis, QueueSet, redisAnswers } from "@seismo/queue";
import { storeTargetFor } from "@seismo/stack";
import { Store } from "@seismo/store";
import { loadConfig } from "../env.ts";

/** What the alerts and webhooks commands work on: the store, and the queues when Redis answers. */
export interface CommandDeps {
  store: Store;
  queues?: AlertsDeps["queues"] | undefined;
  /** Where Redis was looked for, to say so when a command needs it. */
  redisUrl?: string | undefined;
}

/**
 * Opens the configured store and, when `withQueues` and Redis answers within a second, the job
 * queues; runs `fn` and closes everything, whatever happens.
 */
export async function withDeps<T>(withQueues: boolean, fn: (deps: CommandDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const redisUrl = config.redisUrl ?? "redis://127.0.0.1:6379";
  const connection = withQueues && (await redisAnswers(redisUrl, 1000)) ? createRedis(redisUrl) : null;
  const queues = connection ? new QueueSet({ connection, prefix: config.queuePrefix }) : undefined;
  try {
    const store = await Store.open(storeTargetFor(config));
    try {
      return await fn({ store, queues, redisUrl });
    } finally {
      await store.close();
    }
  } finally {
    await queues?.close();
    connection?.disconnect();
  }
}

/** A command's bad input: main prints the message (and usage) and exits 2. */
export class UsageError extends Error {}
