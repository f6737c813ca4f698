import { queueStoryEvaluation } from "@seismo/alerts";
import { type JobHandler, SeismoError } from "@seismo/core";
import { assignStory } from "../stories/index.ts";
import type { PipelineDeps } from "./deps.ts";

/** Links an article to what it copies and to its story (runs one at a time across workers). */
export function clusterArticleHandler(deps: PipelineDeps): JobHandler<"cluster-article"> {
  return async ({ articleId }) => {
    // The article and its indicators' names in one round trip.
    const input = await deps.store.stories.clusterInput(articleId);
    if (!input) throw new SeismoError("not_found", `article ${articleId} does not exist`);
    const outcome = await assignStory(deps.store, input.article, input.indicators);
    // Alerts are per story: at most one evaluation waits per story (one more if it is running).
    await queueStoryEvaluation(deps.queues, { storyId: outcome.storyId, articleId });
    return outcome;
  };
}
