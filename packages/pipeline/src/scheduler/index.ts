import { errorMessage } from "@seismo/core";
import type { Logger } from "@seismo/observability";
import type { QueueSet } from "@seismo/queue";
import type { Store } from "@seismo/store";

export interface Scheduler {
  /** Enqueues a poll for every due source now; returns how many were queued. */
  tick(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Every `tickMs`, queues a poll for each source whose interval has passed. Deduplication by source
 * means several schedulers (or a slow tick) never queue a second poll while one is pending.
 */
export function startScheduler(options: {
  store: Store;
  queues: QueueSet;
  logger: Logger;
  tickMs?: number;
  /** Raw HTML older than `rawHtmlDays` is purged on the first tick and then every `everyMs` (6 h). */
  retention?: { rawHtmlDays: number; everyMs?: number };
}): Scheduler {
  const log = options.logger.child({ component: "scheduler" });
  let lastPurge = 0;
  const purgeWhenDue = async () => {
    const retention = options.retention;
    if (!retention || Date.now() - lastPurge < (retention.everyMs ?? 6 * 3_600_000)) return;
    lastPurge = Date.now();
    const result = await options.store.purgeRawHtml({ olderThanDays: retention.rawHtmlDays });
    if (result.articles > 0) log.info({ articles: result.articles, bytes: result.bytes }, "purged raw HTML");
  };
  const tick = async () => {
    await purgeWhenDue().catch((error) => log.error({ err: errorMessage(error) }, "raw HTML purge failed"));
    const due = await options.store.sources.due();
    for (const source of due) {
      const slot = source.lastPolledAt ? Date.parse(source.lastPolledAt) : 0;
      await options.queues.add(
        "poll-source",
        { sourceId: source.id, reason: "schedule" },
        { dedupeKey: `poll-${source.id}-${slot}` },
      );
    }
    return due.length;
  };
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = tick().catch((error) => log.error({ err: errorMessage(error) }, "scheduler tick failed"));
  }, options.tickMs ?? 5000);
  timer.unref();
  let closing: Promise<void> | undefined;
  return {
    tick,
    close() {
      clearInterval(timer);
      closing ??= running.then(() => undefined);
      return closing;
    },
  };
}
