import { JOB_CATALOG, SeismoError } from "@seismo/core";
import type { QueueSet } from "@seismo/queue";

/** The deduplication id of a story's evaluation. */
export const storyEvaluationKey = (storyId: string): string => `ea-story-${storyId}`;

/**
 * Queues an evaluation of a story after an article joined it. Alerts are per story and an
 * evaluation reads the whole story, so one run covers every article that joined before it
 * started: however many articles arrive, a story has at most one evaluation waiting and one
 * running (BullMQ deduplication with `keepLastIfActive`). An article that joins during a run
 * keeps one more run for after it, so nothing is missed, and nothing waits on a debounce timer.
 */
export async function queueStoryEvaluation(
  queues: Pick<QueueSet, "queue">,
  payload: { storyId: string; articleId?: string | undefined },
) {
  const parsed = JOB_CATALOG["evaluate-alerts"].payload.safeParse(payload);
  if (!parsed.success) throw new SeismoError("invalid_payload", `evaluate-alerts: ${parsed.error.message}`);
  return queues.queue("evaluate-alerts").add("evaluate-alerts", parsed.data, {
    deduplication: { id: storyEvaluationKey(payload.storyId), keepLastIfActive: true },
  });
}
