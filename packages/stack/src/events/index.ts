import { errorMessage } from "@seismo/core";
import type { Logger } from "@seismo/observability";
import { QueueEvents } from "bullmq";

/**
 * Turns finished cluster-article jobs, wherever their worker runs, into "update" events for the
 * API's SSE stream and the dashboard. BullMQ's QueueEvents reads them from a Redis stream, so an
 * API process without workers still hears about every article.
 */
export async function forwardPipelineEvents(redisUrl: string, prefix: string, logger: Logger) {
  const target = new EventTarget();
  const events = new QueueEvents("cluster-article", { connection: { url: redisUrl }, prefix });
  events.on("completed", ({ jobId, returnvalue }) => {
    const outcome = parse(returnvalue);
    target.dispatchEvent(new CustomEvent("update", { detail: { kind: "article-clustered", jobId, ...outcome } }));
  });
  events.on("error", (error) => logger.warn({ err: errorMessage(error) }, "queue events error"));
  await events.waitUntilReady();
  let closing: Promise<void> | undefined;
  return {
    target,
    close: (): Promise<void> => {
      closing ??= events.close();
      return closing;
    },
  };
}

function parse(value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    try {
      return parse(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}
